import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');
const DOC = readFileSync(join(ROOT, 'docs', 'architecture.md'), 'utf8');

/** The rows of the table between `<!-- name:start -->` and `<!-- name:end -->`, as cells. */
function table(name: string): string[][] {
  const block = DOC.split(`<!-- ${name}:start -->`)[1]?.split(`<!-- ${name}:end -->`)[0] ?? '';
  return block
    .split('\n')
    .filter((line) => line.startsWith('|'))
    .slice(2)
    .map((line) => line.split('|').slice(1, -1).map((cell) => cell.trim()));
}

const code = (cell: string): string[] => [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1] ?? '');

describe('docs/architecture.md stays in step with the tree', () => {
  const rooms = table('rooms').map((row) => code(row[0] ?? '')[0] ?? '');
  const rules = table('rules');

  it('lists every room of src/, and only rooms that exist', () => {
    const tree = readdirSync(join(ROOT, 'src'), { withFileTypes: true })
      .filter((entry) => entry.isDirectory() || entry.name === 'errors.ts')
      .map((entry) => `src/${entry.name}`);
    expect([...rooms].sort()).toEqual(tree.sort());
  });

  it('has a rule table whose every file and test exists', () => {
    expect(rules.length).toBeGreaterThan(20);
    for (const [rule, file, test] of rules) {
      for (const path of [...code(file ?? ''), ...code(test ?? '')]) expect(existsSync(join(ROOT, path)), `${rule}: ${path}`).toBe(true);
    }
  });

  it('names each rule file once (one rule, one place)', () => {
    const files = rules.map((row) => row[1] ?? '');
    const counts = new Map<string, number>();
    for (const file of files) counts.set(file, (counts.get(file) ?? 0) + 1);
    // a file may hold two closely related rules of one concept, never more
    for (const [file, count] of counts) expect(count, file).toBeLessThanOrEqual(2);
  });
});
