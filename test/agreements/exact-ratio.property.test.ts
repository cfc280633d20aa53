import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mulDivRound } from '../../src/money/exact-ratio.js';
import { ROUNDING_MODES, decimalJsRounding } from '../../src/money/index.js';
import { Dec } from '../../src/money/decimal.js';

const reference = (a: number, b: number, d: number, mode: (typeof ROUNDING_MODES)[number]) =>
  new Dec(a).times(b).div(d).toDecimalPlaces(0, decimalJsRounding(mode)).toNumber();

describe('mulDivRound: exact round(a × b / d)', () => {
  it('matches decimal.js with the division last, including exact ties and products beyond 2^53', () => {
    const tie = fc
      .record({ q: fc.integer({ min: 0, max: 1e9 }), half: fc.integer({ min: 1, max: 1e6 }), mode: fc.constantFrom(...ROUNDING_MODES) })
      .map(({ q, half, mode }) => ({ a: q * 2 * half + half, b: 1, d: 2 * half, mode }));
    const any = fc.record({
      a: fc.oneof(fc.integer({ min: 0, max: 1e8 }), fc.integer({ min: 0, max: 1e14 })),
      b: fc.oneof(fc.integer({ min: 0, max: 1e6 }), fc.integer({ min: 0, max: 1e12 })),
      d: fc.integer({ min: 1, max: 1e13 }),
      mode: fc.constantFrom(...ROUNDING_MODES),
    });
    fc.assert(
      fc.property(fc.oneof(tie, any), ({ a, b, d, mode }) => {
        expect(mulDivRound(a, b, d, mode)).toBe(reference(a, b, d, mode));
      }),
      { numRuns: 2000 },
    );
  });
});
