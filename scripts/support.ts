/** Helpers shared by the package checks in `scripts/` (run by `npm test` after the build). */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The package's manifest. */
export const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
  files: string[];
  exports: Record<string, unknown>;
  peerDependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
};

/**
 * The public import specifiers (`cobranca`, `cobranca/agreements`, …), read from
 * package.json `exports`, so a new entry is covered by every check without editing them.
 */
export function publicEntries(): string[] {
  return Object.keys(manifest.exports)
    .filter((key) => key !== './package.json')
    .map((key) => (key === '.' ? manifest.name : `${manifest.name}/${key.slice(2)}`));
}

/**
 * Entries that need Node built-ins (file system, `node:assert` in the conformance
 * suite, database drivers); every other entry must bundle for any runtime.
 */
export const NODE_ONLY_ENTRIES: readonly string[] = ['cobranca/adapters/memory/file', 'cobranca/testing', 'cobranca/adapters/postgres', 'cobranca/adapters/bureau-http'];

/**
 * Node built-ins a portable entry may still import. None: the portable entries
 * (the root included) bundle for the browser platform with no Node built-in, so
 * they run on edge runtimes; hashes come from `@noble/hashes`.
 */
export const RUNTIME_BUILTINS: readonly string[] = [];

/** Seconds since `start` (from `performance.now()`), for progress lines. */
export function secondsSince(start: number): string {
  return `${((performance.now() - start) / 1000).toFixed(1)} s`;
}

/** Runs a command, returning its stdout; on failure prints its output and throws. */
export function run(command: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = {}): string {
  try {
    return execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 300_000, env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    const failure = error as { stdout?: string; stderr?: string; message: string };
    throw new Error(`${command} ${args.join(' ')} (in ${cwd}) failed:\n${failure.stdout ?? ''}${failure.stderr ?? ''}`.trimEnd(), { cause: error });
  }
}

/** A fresh temporary directory. */
export function temporaryDirectory(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `${prefix}-`));
}

/** `npm pack`s the package into `destination`; returns the tarball's path and the files it holds. */
export function pack(destination: string): { tarball: string; files: string[] } {
  const [packed] = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', destination], ROOT)) as { filename: string; files: { path: string }[] }[];
  if (!packed) throw new Error('npm pack produced nothing');
  return { tarball: join(destination, packed.filename), files: packed.files.map((file) => file.path) };
}
