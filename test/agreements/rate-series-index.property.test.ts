import fc from 'fast-check';
import type { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { epochDayOf } from '../../src/calendar/index.js';
import { Dec } from '../../src/money/decimal.js';
import { lateChargesCalculator } from '../../src/agreements/index.js';
import type { MonthIndex } from '../../src/agreements/month-series.js';
import { seriesFraction } from '../../src/agreements/rate-series-fraction.js';
import { indexRateSeries } from '../../src/agreements/rate-series-index.js';
import { correctionExcess } from '../../src/agreements/correction-factor.js';
import { indexCorrectionSeries } from '../../src/agreements/correction-index.js';

// Issue 12 item 10: rate and correction series are indexed once; a period never re-walks them.

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

describe('correction series index', () => {
  const variationsArb = fc.record({
    start: fc.integer({ min: FIRST_MONTH, max: FIRST_MONTH + 24 }),
    rates: fc.array(fc.oneof(fc.constantFrom('0', '0.5', '-0.25', '0.333333', '80', '-1.5'), fc.integer({ min: -500_000, max: 3_000_000 }).map((u) => new Dec(u).div(1_000_000).toString())), { minLength: 0, maxLength: 30 }),
    holes: fc.array(fc.nat(29), { maxLength: 2 }),
  });

  it('gives the same factor (or the same missing month) as walking the months', () => {
    fc.assert(
      fc.property(variationsArb, fc.integer({ min: 2, max: 10 }), fc.integer({ min: FIRST_MONTH - 2, max: FIRST_MONTH + 40 }), fc.integer({ min: 1, max: 28 }), fc.integer({ min: -40, max: 1_000 }), (spec, decimals, month, day, length) => {
        const series = seriesOf(spec);
        const from = dayIn(month, day);
        const to = from + length;
        expect(indexCorrectionSeries(series, decimals).excess(from, to)).toEqual(correctionExcess(series, decimals, from, to));
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 400) },
    );
  });

  it('an exact tie after a long history is rounded as the walk rounds it (3 months of 0.5%: 1.015075125 → 1.01507513)', () => {
    const series = new Map<MonthIndex, Decimal>();
    for (let k = 0; k < 1000; k++) series.set(1926 * 12 + k, new Dec(((k * 37) % 97) / 100 - 0.2).toDecimalPlaces(2));
    for (let k = 1000; k < 1003; k++) series.set(1926 * 12 + k, new Dec('0.5'));
    const month = 1926 * 12 + 1000;
    const from = dayIn(month, 1) - 1; // the last day of the month before
    const to = epochDayOf(Math.floor((month + 3) / 12), ((month + 3) % 12) + 1, 1) - 1;
    expect(correctionExcess(series, 8, from, to)).toEqual({ excess: 1_507_513 });
    expect(indexCorrectionSeries(series, 8).excess(from, to)).toEqual({ excess: 1_507_513 });
  });

  it('reads each month of a 100-year IPCA series once, however many periods are priced against it (counted, not timed)', () => {
    const series = new CountingSeries();
    for (let k = 0; k < 1200; k++) series.set(1926 * 12 + k, new Dec(k % 7 === 0 ? '-0.1' : '0.45'));
    const index = indexCorrectionSeries(series, 8);
    const afterIndexing = series.lookups;
    expect(afterIndexing).toBeLessThanOrEqual(1200);
    for (let i = 0; i < 2_000; i++) {
      const from = epochDayOf(1926 + (i % 20), 1 + (i % 12), 1 + (i % 28));
      expect(index.excess(from, epochDayOf(2025, 12, 31) - (i % 300)).excess).toBeGreaterThan(0);
    }
    expect(series.lookups).toBe(afterIndexing);
  });
});
