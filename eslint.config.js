// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** The domain folders must stay pure: no clock, no randomness, no I/O. */
const domainFolders = ['src/agreements/**', 'src/negativation/**', 'src/ruler/**', 'src/portfolio/**', 'src/protest/**', 'src/bank-returns/**', 'src/money/**', 'src/calendar/**', 'src/documents/**'];

/** `import { z } from 'zod'` keeps all of zod, locales included, in a host's bundle; the namespace import lets bundlers drop what is unused. */
const namedZod = {
  selector: "ImportDeclaration[source.value='zod'][importKind!='type'] > ImportSpecifier[imported.name='z']",
  message: "Use `import * as z from 'zod'`: the named `z` keeps all of zod (~370 KB with its locales) in a host's bundle.",
};

/** decimal.js ships CommonJS types: a default import emits declarations that fail in `module: nodenext` hosts (scripts/check-hosts.ts). */
const defaultDecimal = {
  selector: "ImportDeclaration[source.value='decimal.js'] > ImportDefaultSpecifier",
  message: "Use `import { Decimal } from 'decimal.js'`: the default import breaks the shipped types for nodenext hosts.",
};

export default tseslint.config(
  { ignores: ['dist/**', 'docs/api/**', 'coverage/**', 'node_modules/**'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-globals': ['error', { name: 'parseFloat', message: 'Money and rates are parsed with decimal.js, never as floats.' }],
      'no-restricted-syntax': ['error', namedZod, defaultDecimal],
    },
  },
  {
    files: domainFolders,
    rules: {
      'no-restricted-syntax': [
        'error',
        namedZod,
        defaultDecimal,
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'The domain is pure: take the time as an argument.' },
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'The domain is pure: take the time as an argument.' },
        { selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']", message: 'The domain is pure: take ids and randomness from a port.' },
      ],
      'no-restricted-imports': ['error', { patterns: ['node:*', 'fs', 'path', 'http', 'https', 'net', '**/adapters/**', '**/app/**'] }],
    },
  },
);
