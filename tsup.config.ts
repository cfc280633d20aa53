import { defineConfig } from 'tsup';

/** One entry per public subpath; keep in sync with `exports` in package.json. */
export const entries = {
  index: 'src/index.ts',
  'money/index': 'src/money/index.ts',
  'calendar/index': 'src/calendar/index.ts',
  'documents/index': 'src/documents/index.ts',
  'agreements/index': 'src/agreements/index.ts',
  'negativation/index': 'src/negativation/index.ts',
  'ruler/index': 'src/ruler/index.ts',
  'portfolio/index': 'src/portfolio/index.ts',
  'protest/index': 'src/protest/index.ts',
  'bank-returns/index': 'src/bank-returns/index.ts',
  'commands/index': 'src/app/command-schemas.ts',
  'testing/index': 'src/testing/index.ts',
  'adapters/memory/index': 'src/adapters/memory/index.ts',
  'adapters/memory/file': 'src/adapters/memory/file.ts',
  'adapters/bureau-http/index': 'src/adapters/bureau-http/index.ts',
  'adapters/postgres/index': 'src/adapters/postgres/index.ts',
};

/** The `cobranca` command: ESM only, a host of the package's own entries (kept external, so it imports them as any host does). */
export const cliEntries = { 'cli/main': 'src/cli/main.ts' };

export default defineConfig([{
  entry: entries,
  format: ['esm', 'cjs'],
  dts: true,
  // Maps for stack traces, without the sources embedded (they would double the package).
  sourcemap: true,
  // The CLI build runs beside this one: leave its folder alone.
  clean: ['!cli/**'],
  splitting: true,
  treeshake: true,
  target: 'node20',
  outDir: 'dist',
  esbuildOptions(options) {
    options.sourcesContent = false;
  },
}, {
  entry: cliEntries,
  format: ['esm'],
  dts: false,
  sourcemap: true,
  clean: false,
  splitting: false,
  target: 'node20',
  outDir: 'dist',
  external: [/^cobranca(\/.*)?$/],
  esbuildOptions(options) {
    options.sourcesContent = false;
  },
}]);
