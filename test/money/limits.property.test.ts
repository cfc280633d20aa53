import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exactAddCents, exactSumCents, fromCents, MAX_EXACT_CENTS, sum } from '../../src/money/index.js';

// src/money/limits.ts: one range, exact sums in any order, a typed refusal instead of a rounded figure.

const nearEdge = fc.oneof(
  fc.integer({ min: MAX_EXACT_CENTS - 1_000, max: MAX_EXACT_CENTS }),
  fc.integer({ min: -MAX_EXACT_CENTS, max: -MAX_EXACT_CENTS + 1_000 }),
  fc.integer({ min: -1_000, max: 1_000 }),
  fc.maxSafeInteger(),
);
const exact = (values: readonly number[]): bigint => values.reduce((total, v) => total + BigInt(v), 0n);
const inRange = (value: bigint): boolean => value >= BigInt(-MAX_EXACT_CENTS) && value <= BigInt(MAX_EXACT_CENTS);

describe('exact sums near and past 2^53', () => {
  it('exactSumCents is the BigInt sum whenever that is in range, in any order, and undefined otherwise', () => {
    fc.assert(
      fc.property(fc.array(nearEdge, { maxLength: 40 }), (values) => {
        const expected = exact(values);
        const got = exactSumCents(values);
        if (inRange(expected)) expect(BigInt(got ?? Number.NaN)).toBe(expected);
        else expect(got).toBeUndefined();
      }),
      { numRuns: 500 },
    );
  });

  it('an intermediate sum past 2^53 is not rounded: [2^53 − 1, 2, −2] is 2^53 − 1', () => {
    expect(exactSumCents([MAX_EXACT_CENTS, 2, -2])).toBe(MAX_EXACT_CENTS);
    expect(exactSumCents([MAX_EXACT_CENTS, 1])).toBeUndefined();
    expect(exactAddCents(MAX_EXACT_CENTS, 1)).toBeUndefined();
    expect(exactAddCents(MAX_EXACT_CENTS, -1)).toBe(MAX_EXACT_CENTS - 1);
  });

  it('money sum() is exact in any order and throws only beyond the exact range (a programmer error)', () => {
    fc.assert(
      fc.property(fc.array(nearEdge, { maxLength: 20 }), (values) => {
        const expected = exact(values);
        if (inRange(expected)) expect(BigInt(sum(values.map(fromCents)).cents)).toBe(expected);
        else expect(() => sum(values.map(fromCents))).toThrow(RangeError);
      }),
      { numRuns: 300 },
    );
  });
});
