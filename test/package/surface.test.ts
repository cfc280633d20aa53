/**
 * One naming rule for checked and unchecked functions: everything a public
 * entry exports checks its input (parses it with its schema, or takes values
 * only a checked function makes, such as a compiled `LateChargesCalculator`).
 * The unchecked fast variants the application uses on data it already parsed
 * (named `…With`, `…Trusted`, `…Unchecked`, or listed below) live in their
 * module files, off the entries, as does the machinery (transition tables,
 * guard objects, decimal helpers, the error constructor).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { libraryEntryList } from '../../scripts/entries.js';

const ROOT = join(import.meta.dirname, '..', '..');

/** Names of unchecked variants and machinery (some still exist inside the modules, under these names). */
const INTERNAL_NAMES = ['applyEvent', 'removalDeadlineOf', 'compileLateChargesPolicy', 'Dec', 'toDec', 'parseInput', 'cobrancaError', 'TRANSITIONS', 'transitionTable'];
const UNCHECKED_SUFFIX = /(With|Trusted|Unchecked|Unsafe)$/;

describe('the public surface', () => {
  it('finds the entries', () => {
    expect(libraryEntryList().length).toBeGreaterThan(10);
  });

  it.each(libraryEntryList())('%s exports no unchecked variant and no machinery', async (_name, source) => {
    const exported = Object.keys((await import(join(ROOT, source))) as Record<string, unknown>);
    expect(exported.filter((name) => UNCHECKED_SUFFIX.test(name) || INTERNAL_NAMES.includes(name))).toEqual([]);
  });
});
