/**
 * Loads the built package (`dist/`), never the TypeScript sources: a benchmark
 * measures what a host runs. Types come from the sources so the benches typecheck
 * before a build; the values come from `dist/` (run `npm run build` first; `npm run
 * bench` does).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as Root from '../../src/index.js';
import type * as Agreements from '../../src/agreements/index.js';
import type * as Negativation from '../../src/negativation/index.js';
import type * as Ruler from '../../src/ruler/index.js';
import type * as Memory from '../../src/adapters/memory/index.js';
import type * as Postgres from '../../src/adapters/postgres/index.js';
import type * as Testing from '../../src/testing/index.js';

const ROOT = join(import.meta.dirname, '..', '..');

/** The package's public entries as a host imports them. */
export interface BuiltEntries {
  readonly root: typeof Root;
  readonly agreements: typeof Agreements;
  readonly negativation: typeof Negativation;
  readonly ruler: typeof Ruler;
  readonly memory: typeof Memory;
  readonly postgres: typeof Postgres;
  readonly testing: typeof Testing;
}

const PATHS: Record<keyof BuiltEntries, string> = {
  root: 'dist/index.js',
  agreements: 'dist/agreements/index.js',
  negativation: 'dist/negativation/index.js',
  ruler: 'dist/ruler/index.js',
  memory: 'dist/adapters/memory/index.js',
  postgres: 'dist/adapters/postgres/index.js',
  testing: 'dist/testing/index.js',
};

/** Imports one public entry of the built package. */
export async function built<K extends keyof BuiltEntries>(entry: K): Promise<BuiltEntries[K]> {
  const file = join(ROOT, PATHS[entry]);
  if (!existsSync(file)) throw new Error(`${PATHS[entry]} is missing: run \`npm run build\` first (npm run bench does)`);
  return (await import(pathToFileURL(file).href)) as BuiltEntries[K];
}
