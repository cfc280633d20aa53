import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { dinero, allocate as dineroAllocate, toSnapshot } from 'dinero.js';
import { BRL } from 'dinero.js/currencies';
import { ALLOCATION_POLICIES, allocate, brl, fromCents, MAX_INPUT_CENTS, toDecimalString, type Money } from '../../src/money/index.js';

const cents = (parts: Money[]): number[] => parts.map((p) => p.cents);
const total = (parts: Money[]): number => parts.reduce((a, p) => a + p.cents, 0);

describe('allocate: worked examples', () => {
  it('places leftover centavos by the named policy (DOMAIN.md: 1000.00 in 3)', () => {
    expect(allocate(brl('1000.00'), 3, 'first')._unsafeUnwrap().map(toDecimalString)).toEqual(['333.34', '333.33', '333.33']);
    expect(allocate(brl('1000.00'), 3, 'last')._unsafeUnwrap().map(toDecimalString)).toEqual(['333.33', '333.33', '333.34']);
    expect(allocate(brl('1000.00'), 3, 'largest_remainder')._unsafeUnwrap().map(toDecimalString)).toEqual(['333.34', '333.33', '333.33']);
  });

  it('splits by ratios, giving leftovers to the largest truncation loss', () => {
    // 0.10 by 1:1:1:3 → exact shares 1.667, 1.667, 1.667, 5 → truncated 1, 1, 1, 5 and 2 leftover centavos
    expect(cents(allocate(fromCents(10), [1, 1, 1, 3], 'first')._unsafeUnwrap())).toEqual([2, 2, 1, 5]);
    expect(cents(allocate(fromCents(10), [1, 1, 1, 3], 'last')._unsafeUnwrap())).toEqual([1, 1, 2, 6]);
    expect(cents(allocate(fromCents(10), [1, 1, 1, 3], 'largest_remainder')._unsafeUnwrap())).toEqual([2, 2, 1, 5]);
    // 1:2 of 0.05: exact 1.667 and 3.333 → largest remainder goes to the first part
    expect(cents(allocate(fromCents(5), [1, 2], 'largest_remainder')._unsafeUnwrap())).toEqual([2, 3]);
    expect(cents(allocate(fromCents(5), [1, 2], 'last')._unsafeUnwrap())).toEqual([1, 4]);
  });

  it('accepts decimal ratios exactly', () => {
    expect(cents(allocate(brl('100.00'), ['0.5', '0.25', '0.25'])._unsafeUnwrap())).toEqual([5000, 2500, 2500]);
    expect(cents(allocate(brl('1.00'), [0.1, 0.2])._unsafeUnwrap())).toEqual([34, 66]);
  });

  it('splits a negative total like its absolute value, negated', () => {
    expect(allocate(brl('-1000.00'), 3, 'first')._unsafeUnwrap().map(toDecimalString)).toEqual(['-333.34', '-333.33', '-333.33']);
    expect(allocate(brl('-0.05'), [1, 2], 'largest_remainder')._unsafeUnwrap().map(toDecimalString)).toEqual(['-0.02', '-0.03']);
  });

  it('never gives a centavo to a zero ratio', () => {
    expect(cents(allocate(fromCents(10), [0, 1, 1, 0, 1])._unsafeUnwrap())).toEqual([0, 4, 3, 0, 3]);
    expect(cents(allocate(fromCents(0), [0, 0])._unsafeUnwrap())).toEqual([0, 0]);
  });

  it.each([
    [0, 'number of parts'],
    [-2, 'number of parts'],
    [2.5, 'number of parts'],
    [NaN, 'number of parts'],
    [[], 'at least one ratio'],
    [[1, -1], 'ratio 1 is negative'],
    [[1, NaN], 'ratio 1 is not a finite decimal'],
    [['1,5'], 'ratio 0 is not a finite decimal'],
    [[0, 0], 'every ratio is zero'],
  ])('refuses %j as a typed error', (countOrRatios, fragment) => {
    const error = allocate(brl('10.00'), countOrRatios as number | number[])._unsafeUnwrapErr();
    expect(error.code).toBe('invalid_allocation');
    expect(error.message).toContain(fragment);
  });
});

describe('allocate: properties', () => {
  const amount = fc.integer({ min: -MAX_INPUT_CENTS, max: MAX_INPUT_CENTS }).map(fromCents);
  const policy = fc.constantFrom(...ALLOCATION_POLICIES);
  const ratios = fc.array(fc.oneof(fc.nat({ max: 1000 }), fc.nat({ max: 2 ** 40 }), fc.integer({ min: 0, max: 9999 }).map((n) => (n / 100).toFixed(2))), { minLength: 1, maxLength: 30 })
    .filter((rs) => rs.some((r) => Number(r) > 0));

  it('parts add up exactly to the total for every policy, count and ratios', () => {
    fc.assert(fc.property(amount, fc.oneof(fc.integer({ min: 1, max: 500 }), ratios), policy, (t, split, p) => {
      const parts = allocate(t, split, p)._unsafeUnwrap();
      expect(total(parts)).toBe(t.cents);
      expect(parts).toHaveLength(typeof split === 'number' ? split : split.length);
    }));
  });

  it('each part is within one centavo of its exact share, on the side of the total', () => {
    fc.assert(fc.property(amount, ratios, policy, (t, rs, p) => {
      const parts = allocate(t, rs, p)._unsafeUnwrap();
      const weights = rs.map((r) => Number(r));
      const weightSum = weights.reduce((a, b) => a + b, 0);
      parts.forEach((part, i) => {
        const exact = (t.cents * (weights[i] ?? 0)) / weightSum;
        expect(Math.abs(part.cents - exact)).toBeLessThanOrEqual(1 + Math.abs(exact) * 1e-9);
        if ((weights[i] ?? 0) === 0) expect(part.cents).toBe(0);
        if (t.cents > 0) expect(part.cents).toBeGreaterThanOrEqual(0);
        if (t.cents < 0) expect(part.cents).toBeLessThanOrEqual(0);
      });
    }));
  });

  it('equal parts are identical to dinero.js allocate for any amount and count under `first`', () => {
    fc.assert(fc.property(fc.integer({ min: -1e13, max: 1e13 }), fc.integer({ min: 1, max: 60 }), (c, n) => {
      const ours = cents(allocate(fromCents(c), n, 'first')._unsafeUnwrap());
      const theirs = dineroAllocate(dinero({ amount: c, currency: BRL }), new Array<number>(n).fill(1)).map((d) => toSnapshot(d).amount);
      expect(ours).toEqual(theirs);
    }));
  });

  it('a count and the same number of equal ratios agree for every policy', () => {
    fc.assert(fc.property(amount, fc.integer({ min: 1, max: 40 }), policy, (t, n, p) => {
      expect(allocate(t, n, p)._unsafeUnwrap()).toEqual(allocate(t, new Array<number>(n).fill(7), p)._unsafeUnwrap());
    }));
  });

  it('the integer fast path and the BigInt path agree', () => {
    fc.assert(fc.property(amount, fc.array(fc.nat({ max: 100 }), { minLength: 1, maxLength: 20 }).filter((rs) => rs.some((r) => r > 0)), policy, (t, rs, p) => {
      const fast = allocate(t, rs, p)._unsafeUnwrap();
      const big = allocate(t, rs.map((r) => `${r}.0`), p)._unsafeUnwrap();
      expect(cents(fast)).toEqual(cents(big));
    }));
  });
});
