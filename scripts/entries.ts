/**
 * What tsup builds: one library entry per public subpath (keep in sync with
 * `exports` in package.json) and the `cobranca` command. tsup.config.ts builds
 * from these; the package checks and tests read them from here instead of
 * parsing the config.
 */

/** Output name (under `dist/`) → source file, one per public subpath. */
export const libraryEntries = {
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
} as const satisfies Record<string, string>;

/** The `cobranca` command: ESM only, a host of the package's own entries. */
export const cliEntries = { 'cli/main': 'src/cli/main.ts' } as const satisfies Record<string, string>;

/** The library entries as `[output name, source file]` pairs. */
export function libraryEntryList(): [name: string, source: string][] {
  return Object.entries(libraryEntries);
}
