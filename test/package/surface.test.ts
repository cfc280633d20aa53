/**
 * One naming rule for checked and unchecked functions: everything a public
 * entry exports checks its input (parses it with its schema, or takes values
 * only a checked function makes, such as a compiled `LateChargesCalculator`).
 * The unchecked fast variants the application uses on data it already parsed
 * (named `…With`, `…Trusted`, `…Unchecked`, or listed below) live in their
 * module files, off the entries, as does the machinery (transition tables,
 * guard objects, decimal helpers, the error constructor).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');

/** The source file of every library entry built by tsup.config.ts (not the `cobranca` command). */
function entrySources(): [string, string][] {
  const config = readFileSync(join(ROOT, 'tsup.config.ts'), 'utf8');
  return [...config.matchAll(/'?([\w/-]+)'?: '(src\/[\w/-]+\.ts)'/g)].map((match): [string, string] => [match[1] ?? '', match[2] ?? ''])
    .filter(([name]) => !name.startsWith('cli/'));
}

/** Names of unchecked variants and machinery (some still exist inside the modules, under these names). */
const INTERNAL_NAMES = ['applyEvent', 'removalDeadlineOf', 'compileLateChargesPolicy', 'Dec', 'toDec', 'parseInput', 'cobrancaError', 'TRANSITIONS', 'transitionTable'];
const UNCHECKED_SUFFIX = /(With|Trusted|Unchecked|Unsafe)$/;

describe('the public surface', () => {
  it('finds the entries', () => {
    expect(entrySources().length).toBeGreaterThan(10);
  });

  it.each(entrySources())('%s exports no unchecked variant and no machinery', async (_name, source) => {
    const exported = Object.keys((await import(join(ROOT, source))) as Record<string, unknown>);
    expect(exported.filter((name) => UNCHECKED_SUFFIX.test(name) || INTERNAL_NAMES.includes(name))).toEqual([]);
  });
});
