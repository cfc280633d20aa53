import fc from 'fast-check';
import type { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { epochDayOf } from '../../src/calendar/index.js';
import { Dec } from '../../src/money/decimal.js';
import { lateChargesCalculator } from '../../src/agreements/index.js';
import type { MonthIndex } from '../../src/agreements/month-series.js';
import { seriesFraction } from '../../src/agreements/rate-series-fraction.js';
import { indexRateSeries } from '../../src/agreements/rate-series-index.js';

// Issue 12 item 10: a rate series is indexed once; a period's fraction never re-walks it.

/** A series map that counts its look-ups. */
class CountingSeries extends Map<MonthIndex, Decimal> {
  lookups = 0;
  override get(month: MonthIndex): Decimal | undefined {
    this.lookups++;
    return super.get(month);
  }
}

const FIRST_MONTH = 1990 * 12;
const seriesArb = fc.record({
  start: fc.integer({ min: FIRST_MONTH, max: FIRST_MONTH + 24 }),
  rates: fc.array(fc.oneof(fc.constantFrom('0', '1', '-0.25', '0.333333', '12.5'), fc.integer({ min: -200_000, max: 2_000_000 }).map((u) => new Dec(u).div(1_000_000).toString())), { minLength: 0, maxLength: 60 }),
  holes: fc.array(fc.nat(59), { maxLength: 3 }),
});

function seriesOf(spec: { start: number; rates: string[]; holes: number[] }): Map<MonthIndex, Decimal> {
  const series = new Map<MonthIndex, Decimal>();
  spec.rates.forEach((rate, k) => {
    if (!spec.holes.includes(k)) series.set(spec.start + k, new Dec(rate));
  });
  return series;
}

const dayIn = (monthIndex: number, day: number) => epochDayOf(Math.floor(monthIndex / 12), (monthIndex % 12) + 1, Math.min(day, 28));

describe('rate series index', () => {
  it('gives the same fraction (or the same missing month) as walking the months, for any period', () => {
    fc.assert(
      fc.property(seriesArb, fc.integer({ min: FIRST_MONTH - 2, max: FIRST_MONTH + 90 }), fc.integer({ min: 1, max: 28 }), fc.integer({ min: -40, max: 2_500 }), (spec, month, day, length) => {
        const series = seriesOf(spec);
        const from = dayIn(month, day);
        const to = from + length;
        expect(indexRateSeries(series).fraction(from, to)).toEqual(seriesFraction(series, from, to));
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 400) },
    );
  });

  it('reads each month of a 100-year series once, however many periods are priced against it (counted, not timed)', () => {
    const series = new CountingSeries();
    for (let k = 0; k < 1200; k++) series.set(1926 * 12 + k, new Dec(k % 7 === 0 ? '-0.1' : '0.5'));
    const index = indexRateSeries(series);
    const afterIndexing = series.lookups;
    expect(afterIndexing).toBeLessThanOrEqual(1200);
    // 5,000 periods, each spanning most of the century: a walk would read about 5,000 × 1,000 months.
    for (let i = 0; i < 5_000; i++) {
      const from = epochDayOf(1926 + (i % 20), 1 + (i % 12), 1 + (i % 28));
      const to = epochDayOf(2025, 12, 31) - (i % 300);
      expect(index.fraction(from, to).missing).toBeUndefined();
    }
    expect(series.lookups).toBe(afterIndexing);
  });

  it('a calculator batch over 20,000 invoices and a 100-year legal-rate series stays linear: one walk of the series in all', () => {
    const rates = Array.from({ length: 1200 }, (_, k) => ({ month: `${1926 + Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`, percent: k % 5 === 0 ? '-0.2' : '0.4' }));
    const calc = lateChargesCalculator({ interest: { kind: 'series', rates }, fine: { percent: '2' } })._unsafeUnwrap();
    const count = 20_000;
    const dueEpochDays = Array.from({ length: count }, (_, i) => epochDayOf(1926, 1, 1) + Math.floor(i * 1.8));
    // Spy on the series the compiled policy holds: the walk would read ~ count × 1,000 months.
    let monthsRead = 0;
    const originalGet = Map.prototype.get;
    Map.prototype.get = function (this: Map<unknown, unknown>, key: unknown) {
      if (this.size === 1200) monthsRead++;
      return originalGet.call(this, key);
    };
    try {
      calc.batch({ principalCents: Array.from({ length: count }, () => 100_000), dueEpochDays, asOfEpochDay: epochDayOf(2025, 12, 31) })._unsafeUnwrap();
    } finally {
      Map.prototype.get = originalGet;
    }
    expect(monthsRead).toBeLessThanOrEqual(1200);
  });
});
