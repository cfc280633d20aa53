/**
 * Checks documentation snippets over the sources, without building or packing
 * (scripts/source-host.ts): `npx tsx scripts/check-examples.ts [path-part …]`
 * typechecks and runs the `@example`s and the verified docs pages' blocks whose
 * file contains one of the arguments (all of them without arguments), and
 * prints the failures with their file and line. `npm test` checks the same
 * snippets against the packed package (scripts/check-hosts.ts).
 */
import { rmSync } from 'node:fs';
import { markdownSnippets, tsdocSnippets } from './doc-snippets.js';
import { checkSnippetsOverSources } from './source-host.js';

const filters = process.argv.slice(2);
const snippets = [...markdownSnippets(), ...tsdocSnippets()].filter((snippet) => filters.length === 0 || filters.some((part) => snippet.file.includes(part)));
const check = checkSnippetsOverSources(snippets);
rmSync(check.dir, { recursive: true, force: true });
const errors = check.compiled.output.split('\n').filter((row) => row.includes('error TS'));
if (errors.length > 0) console.error(`${errors.length} compiler errors:\n${errors.join('\n')}`);
if (check.ran.status !== 0) console.error(check.ran.stderr.trimEnd());
console.log(`${snippets.length} snippets in ${check.programs.length} programs: ${errors.length === 0 ? 'typecheck clean' : 'typecheck FAILED'}; ${check.ran.stdout.trimEnd().split('\n').at(-1) ?? ''}`);
if (errors.length > 0 || check.ran.status !== 0) process.exit(1);
