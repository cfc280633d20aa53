import { defineConfig } from 'tsup';
import { cliEntries, libraryEntries } from './scripts/entries.js';

export default defineConfig([{
  entry: libraryEntries,
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
  // The `cobranca` command: a host of the package's own entries (kept external, so it imports them as any host does).
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
