/**
 * The examples checker can fail: a real documented example (the `@example` of
 * `calculateLateCharges`) goes through the same machinery scripts/check-hosts.ts
 * uses on the packed package (scripts/snippet-programs.ts gathers snippets into
 * programs, `tsc` typechecks them, scripts/snippet-harness.ts runs them), here
 * against the sources (the entries mapped to src/ as tsup.config.ts builds
 * them), beside two broken copies:
 *
 * - `dueDate` removed (a required field): a compiler error at the copy's line,
 *   and, run anyway, the call returns an error the example reports on stderr;
 * - its partial payment removed (a line deleted, an optional field): it still
 *   compiles, but prints another balance than its `// →` comment says.
 *
 * The untouched example passes. If the checker were a no-op, the broken copies
 * would pass too and this test would fail.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tsdocSnippetsOf, type Snippet } from '../../scripts/doc-snippets.js';
import { mapDiagnostics, writeSnippetPrograms, type SnippetProgram } from '../../scripts/snippet-programs.js';

const ROOT = join(import.meta.dirname, '..', '..');
const EXAMPLE_FILE = 'src/agreements/late-charges.ts';

/** `cobranca`, `cobranca/agreements` … mapped to the entry sources tsup builds them from. */
function entryPaths(): Record<string, string[]> {
  const config = readFileSync(join(ROOT, 'tsup.config.ts'), 'utf8');
  const paths: Record<string, string[]> = {};
  for (const [, entry = '', source = ''] of config.matchAll(/'?([\w/-]+)'?: '(src\/[\w/-]+\.ts)'/g)) {
    if (entry.startsWith('cli/')) continue;
    paths[entry === 'index' ? 'cobranca' : `cobranca/${entry.replace(/\/index$/, '')}`] = [join(ROOT, source)];
  }
  return paths;
}

function variant(snippet: Snippet, label: string, edit: (code: string) => string): Snippet {
  const code = edit(snippet.code);
  if (code === snippet.code) throw new Error(`the edit "${label}" changed nothing in the example at ${snippet.source}: pick another example`);
  return { ...snippet, file: `${snippet.file} (${label})`, source: `${snippet.file} (${label}):${snippet.line}`, code };
}

describe('the examples checker fails a documented example that lies', () => {
  const [example] = tsdocSnippetsOf(EXAMPLE_FILE, readFileSync(join(ROOT, EXAMPLE_FILE), 'utf8')).filter((snippet) => snippet.code.includes('calculateLateCharges('));
  if (!example) throw new Error(`no @example calling calculateLateCharges in ${EXAMPLE_FILE}`);
  const noDueDate = variant(example, 'dueDate removed', (code) => code.replace(/^\s*dueDate: '2026-03-10',\n/m, ''));
  const noPayment = variant(example, 'payment removed', (code) => code.replace(/^\s*payments: .*\n/m, ''));
  let dir = '';
  let programs: SnippetProgram[] = [];
  let compiled = { status: 0 as number | null, output: '' };
  let ran = { status: 0 as number | null, stdout: '', stderr: '' };

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'cobranca-examples-'));
    symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
    const compilerOptions = { strict: true, target: 'ES2022', module: 'esnext', moduleResolution: 'bundler', types: ['node'], skipLibCheck: true, noEmit: true, paths: entryPaths() };
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions, include: ['snippets/*.ts'] }));
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'examples-checker', private: true, type: 'module' }));
    programs = writeSnippetPrograms(dir, [example, noDueDate, noPayment]);
    const tsc = spawnSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json', '--pretty', 'false'], { cwd: dir, encoding: 'utf8', timeout: 240_000 });
    compiled = { status: tsc.status, output: mapDiagnostics(tsc.stdout + tsc.stderr, programs) };
    // Run as the check runs the compiled programs; tsx strips the types (it does not typecheck), so the broken copies run too.
    const run = spawnSync(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'snippets/main.ts'], { cwd: dir, encoding: 'utf8', timeout: 240_000 });
    ran = { status: run.status, stdout: run.stdout, stderr: run.stderr };
  }, 300_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('gathers the three into programs by source, each snippet in its own scope', () => {
    expect(programs).toHaveLength(3);
    expect(programs[0]?.text).toContain('code: async () => {');
  });

  it('typechecks the example as written, and reports the copy without dueDate at its own file and line', () => {
    const errors = compiled.output.split('\n').filter((row) => row.includes('error TS'));
    expect(compiled.status).not.toBe(0);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.every((row) => row.startsWith(`${EXAMPLE_FILE} (dueDate removed):`)), errors.join('\n')).toBe(true);
    expect(errors.join('\n')).toContain('dueDate');
  });

  it('runs the example as written, and fails each broken copy, naming it', () => {
    expect(ran.status, ran.stderr).toBe(1);
    expect(ran.stdout).toContain(`ok ${example.source}`);
    expect(ran.stderr).not.toContain(`${example.source} failed`);
    expect(ran.stderr).toContain(`the snippet at ${noDueDate.source} failed:\n  wrote to stderr:`);
    expect(ran.stderr).toContain(`the snippet at ${noPayment.source} failed:`);
    expect(ran.stderr).toMatch(/the comment says \/\/ → R\$ 765,42 R\$ 769,25\n\s+but it printed\s+R\$ 1\.234,56 R\$ 1\.271,60/);
    expect(ran.stderr).toContain('2 of 3 snippets failed');
  });
});
