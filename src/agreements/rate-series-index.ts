import { dateParts, daysInMonth, fromEpochDay } from '../calendar/index.js';
import { monthLabel, type MonthIndex, type MonthlySeries } from './month-series.js';
import { earned, rateUnits, reducedSeriesFraction, type SeriesFraction } from './rate-series-fraction.js';

/** A monthly rate series indexed once, so the fraction over any period costs the same whatever its length. */
export interface RateSeriesIndex {
  /** The same answer as `seriesFraction(rates, from, to)`, in constant time. */
  fraction(from: number, to: number): SeriesFraction;
}

const NONE: SeriesFraction = { numerator: 0, denominator: 1 };

/**
 * Indexes a monthly rate series once (one walk over its months): a running total of what each whole
 * month earns, and for each month the first month from it with no rate. A period `(from, to]` then
 * earns `earnedUpTo(to) − earnedUpTo(from)` (two partial months and two look-ups), so pricing a
 * portfolio against a 100-year series never walks the series again per invoice (issue 12 item 10).
 */
export function indexRateSeries(rates: MonthlySeries): RateSeriesIndex {
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  for (const month of rates.keys()) {
    if (month < first) first = month;
    if (month > last) last = month;
  }
  const count = rates.size === 0 ? 0 : last - first + 1;
  const units: bigint[] = new Array<bigint>(count);
  const present: boolean[] = new Array<boolean>(count);
  /** `before[k]`: what the whole months `first … first + k − 1` earn. */
  const before: bigint[] = new Array<bigint>(count + 1);
  before[0] = 0n;
  for (let k = 0; k < count; k++) {
    const rate = rates.get(first + k);
    present[k] = rate !== undefined;
    units[k] = rate === undefined ? 0n : rateUnits(rate);
    const { year, month } = monthParts(first + k);
    before[k + 1] = (before[k] as bigint) + earned(units[k] as bigint, daysInMonth(year, month), daysInMonth(year, month));
  }
  /** `gapFrom[k]`: the first month from `first + k` on with no rate (`last + 1` when none up to the end). */
  const gapFrom: number[] = new Array<number>(count + 1);
  gapFrom[count] = last + 1;
  for (let k = count - 1; k >= 0; k--) gapFrom[k] = present[k] ? (gapFrom[k + 1] as number) : first + k;

  /** What the days of the series up to and including `day` earn (its month must be within the series, or before it). */
  function earnedUpTo(day: number): bigint {
    const { year, month, day: dayOfMonth } = dateParts(fromEpochDay(day));
    const k = year * 12 + month - 1 - first;
    if (k < 0) return 0n;
    return (before[k] as bigint) + earned(units[k] as bigint, dayOfMonth, daysInMonth(year, month));
  }

  function firstGap(fromMonth: MonthIndex, toMonth: MonthIndex): MonthIndex | undefined {
    if (count === 0 || fromMonth < first) return fromMonth;
    const gap = fromMonth > last ? fromMonth : (gapFrom[fromMonth - first] as number);
    return gap <= toMonth ? gap : undefined;
  }

  return {
    fraction(from: number, to: number): SeriesFraction {
      if (to <= from) return NONE;
      const gap = firstGap(monthOfDay(from + 1), monthOfDay(to));
      if (gap !== undefined) return { numerator: 0, denominator: 1, missing: monthLabel(gap) };
      return reducedSeriesFraction(earnedUpTo(to) - earnedUpTo(from));
    },
  };
}

function monthParts(index: MonthIndex): { year: number; month: number } {
  const year = Math.floor(index / 12);
  return { year, month: index - year * 12 + 1 };
}

function monthOfDay(day: number): MonthIndex {
  const { year, month } = dateParts(fromEpochDay(day));
  return year * 12 + month - 1;
}
