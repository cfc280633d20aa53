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
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tsdocSnippetsOf, type Snippet } from '../../scripts/doc-snippets.js';
import { checkSnippetsOverSources, type SourceCheck } from '../../scripts/source-host.js';

const ROOT = join(import.meta.dirname, '..', '..');
const EXAMPLE_FILE = 'src/agreements/late-charges.ts';

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
  let check: SourceCheck | undefined;
  const compiled = (): SourceCheck['compiled'] => check?.compiled ?? { status: null, output: '' };
  const ran = (): SourceCheck['ran'] => check?.ran ?? { status: null, stdout: '', stderr: '' };

  beforeAll(() => {
    check = checkSnippetsOverSources([example, noDueDate, noPayment]);
  }, 600_000);

  afterAll(() => {
    if (check) rmSync(check.dir, { recursive: true, force: true });
  });

  it('gathers the three into programs by source, each snippet in its own scope', () => {
    expect(check?.programs).toHaveLength(3);
    expect(check?.programs[0]?.text).toContain('code: async () => {');
  });

  it('typechecks the example as written, and reports the copy without dueDate at its own file and line', () => {
    const errors = compiled().output.split('\n').filter((row) => row.includes('error TS'));
    expect(compiled().status).not.toBe(0);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.every((row) => row.startsWith(`${EXAMPLE_FILE} (dueDate removed):`)), errors.join('\n')).toBe(true);
    expect(errors.join('\n')).toContain('dueDate');
  });

  it('runs the example as written, and fails each broken copy, naming it', () => {
    expect(ran().status, ran().stderr).toBe(1);
    expect(ran().stdout).toContain(`ok ${example.source}`);
    expect(ran().stderr).not.toContain(`${example.source} failed`);
    expect(ran().stderr).toContain(`the snippet at ${noDueDate.source} failed:\n  wrote to stderr:`);
    expect(ran().stderr).toContain(`the snippet at ${noPayment.source} failed:`);
    expect(ran().stderr).toMatch(/the comment says \/\/ → R\$ 765,42 R\$ 769,25\n\s+but it printed\s+R\$ 1\.234,56 R\$ 1\.271,60/);
    expect(ran().stderr).toContain('2 of 3 snippets failed');
  });
});
