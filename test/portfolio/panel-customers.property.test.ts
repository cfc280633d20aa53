import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { civilDate } from '../../src/calendar/index.js';
import { PanelBoard } from '../../src/portfolio/classify.js';
import { isLabel } from '../../src/portfolio/classify-input-fast.js';

/** Customer ids that sort in every way against each other: prefixes, equal prefixes, non-ASCII. */
const customerId = fc.constantFrom('c1', 'c10', 'c2', 'c', 'd', 'C1', 'ç1', 'c1 ', '', 'c001', 'c01');

describe("a panel's customer count", () => {
  it('is the number of distinct customers added, whether they come in increasing order (counted without a set), repeated, or out of order', () => {
    let outOfOrder = 0;
    fc.assert(
      fc.property(fc.array(customerId, { maxLength: 60 }), fc.boolean(), (customers, sorted) => {
        const given = sorted ? [...customers].sort() : customers;
        const board = PanelBoard.create({ asOf: civilDate('2026-11-24'), forwardAfterDays: 0 })._unsafeUnwrap();
        given.forEach((customer, n) => board.addTo('classified', `i${n}`, customer, 100, 150));
        const panel = board.result()._unsafeUnwrap().panels.classified;
        expect(panel.customers).toBe(new Set(given).size);
        expect(panel.invoices).toBe(given.length);
        expect(panel.invoiceIds).toEqual(given.map((_, n) => `i${n}`));
        if (given.some((customer, n) => n > 0 && customer < (given[n - 1] as string))) outOfOrder++;
      }),
      { numRuns: 500 },
    );
    // Not vacuous: many runs switch from the ordered count to the set.
    expect(outOfOrder).toBeGreaterThan(100);
  });
});

describe('isLabel (the hand reader of a label)', () => {
  it('answers as its definition: a string of 1 to 200 characters that trim leaves unchanged', () => {
    const edge = fc.constantFrom(' ', '\t', '\n', '\u00a0', '\u2028', '\ufeff', '\u3000', 'a', '~', '\u007f', 'é', '!');
    const text = fc.oneof(fc.string({ maxLength: 8 }), fc.tuple(edge, fc.string({ maxLength: 6 }), edge).map(([a, b, c]) => a + b + c), fc.string({ minLength: 199, maxLength: 202 }));
    fc.assert(
      fc.property(fc.oneof(text, fc.constant(undefined), fc.integer()), (value) => {
        expect(isLabel(value)).toBe(typeof value === 'string' && value.length >= 1 && value.length <= 200 && value.trim() === value);
      }),
      { numRuns: 2000 },
    );
  });
});
