import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DueListing } from '../../../src/app/cycle/due-listing.js';
import { civilDate } from '../../../src/calendar/index.js';
import type { DueNegativationEntry, NegativationDueKey } from '../../../src/ports/index.js';

/** Keys as the index gives them: "written", or a due day (a few, so pages share them). */
const key: fc.Arbitrary<NegativationDueKey> = fc.oneof(
  fc.constant({ written: true as const }),
  fc.constantFrom('2026-11-01', '2026-11-24', '2026-12-31').map((day) => ({ written: false as const, dueOn: civilDate(day) })),
);
/** Ids of any text (empty, long, beyond the basic plane, with separators): the listing must not rely on a separator. */
const entry: fc.Arbitrary<DueNegativationEntry> = fc.record({ id: fc.oneof(fc.string({ maxLength: 40 }), fc.string({ unit: 'grapheme', maxLength: 8 }), fc.constantFrom('', '\n', '\u0000', 'w0-2026-11-24-negativation-123')), key, touched: fc.nat({ max: 2 ** 40 }) });

describe('DueListing (the negativation due entries a pass lists first, held compactly)', () => {
  it('gives back exactly the entries pushed, in order, for any page sizes and any slice', () => {
    fc.assert(
      fc.property(fc.array(fc.array(entry, { maxLength: 12 }), { maxLength: 8 }), fc.nat({ max: 100 }), fc.nat({ max: 30 }), (pages, from, size) => {
        const listing = new DueListing();
        for (const page of pages) listing.push(page);
        const all = pages.flat();
        expect(listing.length).toBe(all.length);
        expect(listing.slice(0, all.length)).toEqual(all);
        expect(listing.slice(from, from + size)).toEqual(all.slice(from, from + size));
        // The pass's own walk: consecutive pages of a fixed size cover every entry once.
        const walked: DueNegativationEntry[] = [];
        for (let start = 0; start < listing.length; start += Math.max(1, size)) walked.push(...listing.slice(start, start + Math.max(1, size)));
        expect(walked).toEqual(all);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps one key object per distinct key, equal to the ones pushed', () => {
    const listing = new DueListing();
    const day = { written: false as const, dueOn: civilDate('2026-11-24') };
    listing.push([{ id: 'a', key: { written: true }, touched: 1 }, { id: 'b', key: day, touched: 2 }]);
    listing.push([{ id: 'c', key: { written: false, dueOn: civilDate('2026-11-24') }, touched: 3 }]);
    const [a, b, c] = listing.slice(0, 3);
    expect(a?.key).toEqual({ written: true });
    expect(b?.key).toEqual(day);
    expect(c?.key).toBe(b?.key);
  });
});
