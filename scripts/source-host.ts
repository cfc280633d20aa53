/**
 * A throwaway host over the sources instead of the packed package: `cobranca`,
 * `cobranca/agreements` … map (tsconfig `paths`) to the entry files tsup builds
 * them from, `tsc` typechecks the snippet programs, and tsx runs them. The same
 * machinery as scripts/check-hosts.ts (scripts/snippet-programs.ts), minutes
 * faster since nothing is built, packed or installed: for writing examples, and
 * for test/package/examples-checker.test.ts.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Snippet } from './doc-snippets.js';
import { mapDiagnostics, writeSnippetPrograms, type SnippetProgram } from './snippet-programs.js';
import { libraryEntryList } from './entries.js';
import { ROOT } from './support.js';

/** `cobranca`, `cobranca/agreements` … mapped to the entry sources tsup builds them from (scripts/entries.ts). */
export function entryPaths(): Record<string, string[]> {
  const paths: Record<string, string[]> = {};
  for (const [entry, source] of libraryEntryList()) {
    paths[entry === 'index' ? 'cobranca' : `cobranca/${entry.replace(/\/index$/, '')}`] = [join(ROOT, source)];
  }
  return paths;
}

/** What checking snippets over the sources found. */
export interface SourceCheck {
  readonly dir: string;
  readonly programs: SnippetProgram[];
  /** The compiler's exit status and output, positions mapped to the snippets' files and lines. */
  readonly compiled: { readonly status: number | null; readonly output: string };
  /** The harness's exit status and output. */
  readonly ran: { readonly status: number | null; readonly stdout: string; readonly stderr: string };
}

/** Typechecks and runs the snippets over the sources in a fresh directory (the caller removes `dir`). */
export function checkSnippetsOverSources(snippets: readonly Snippet[]): SourceCheck {
  const dir = mkdtempSync(join(tmpdir(), 'cobranca-snippets-'));
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  const compilerOptions = { strict: true, target: 'ES2022', lib: ['ES2023'], module: 'esnext', moduleResolution: 'bundler', types: ['node'], skipLibCheck: true, noEmit: true, paths: entryPaths() };
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions, include: ['snippets/*.ts'] }));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'snippets-over-sources', private: true, type: 'module' }));
  const programs = writeSnippetPrograms(dir, snippets);
  const tsc = spawnSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json', '--pretty', 'false'], { cwd: dir, encoding: 'utf8', timeout: 600_000 });
  // tsx strips the types without checking them, so a snippet that does not compile still runs (and is judged on what it does).
  const run = spawnSync(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'snippets/main.ts'], { cwd: dir, encoding: 'utf8', timeout: 600_000, maxBuffer: 64 * 1024 * 1024 });
  return { dir, programs, compiled: { status: tsc.status, output: mapDiagnostics(tsc.stdout + tsc.stderr, programs) }, ran: { status: run.status, stdout: run.stdout, stderr: run.stderr } };
}
