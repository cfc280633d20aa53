import { daysInMonth } from '../calendar/index.js';
import { monthAndDayOf, monthCoverage } from './month-coverage.js';
import { monthLabel, type MonthlySeries } from './month-series.js';
import { earned, rateUnits, reducedSeriesFraction, type SeriesFraction } from './rate-series-fraction.js';

/** A monthly rate series indexed once, so the fraction over any period costs the same whatever its length. */
export interface RateSeriesIndex {
  /** The same answer as `seriesFraction(rates, from, to)`, in constant time. */
  fraction(from: number, to: number): SeriesFraction;
}

const NONE: SeriesFraction = { numerator: 0, denominator: 1 };

/**
 * Indexes a monthly rate series once (one walk over its months): a running total of what each whole
 * month earns, and where its gaps are. A period `(from, to]` then earns `earnedUpTo(to) −
 * earnedUpTo(from)` (two partial months and two look-ups), so pricing a portfolio against a 100-year
 * series never walks the series again per invoice (issue 12 item 10).
 */
export function indexRateSeries(rates: MonthlySeries): RateSeriesIndex {
  const coverage = monthCoverage(rates);
  const { first, count } = coverage;
  const units: bigint[] = new Array<bigint>(count);
  /** `before[k]`: what the whole months `first … first + k − 1` earn. */
  const before: bigint[] = new Array<bigint>(count + 1);
  before[0] = 0n;
  for (let k = 0; k < count; k++) {
    const rate = rates.get(first + k);
    units[k] = rate === undefined ? 0n : rateUnits(rate);
    const year = Math.floor((first + k) / 12);
    const length = daysInMonth(year, first + k - year * 12 + 1);
    before[k + 1] = (before[k] as bigint) + earned(units[k] as bigint, length, length);
  }

  /** What the days of the series up to and including `day` earn (its month is within the series, or before it). */
  function earnedUpTo(day: number): bigint {
    const { month, year, monthOfYear, day: dayOfMonth } = monthAndDayOf(day);
    const k = month - first;
    if (k < 0) return 0n;
    return (before[k] as bigint) + earned(units[k] as bigint, dayOfMonth, daysInMonth(year, monthOfYear));
  }

  return {
    fraction(from: number, to: number): SeriesFraction {
      if (to <= from) return NONE;
      const gap = coverage.firstGap(monthAndDayOf(from + 1).month, monthAndDayOf(to).month);
      if (gap !== undefined) return { numerator: 0, denominator: 1, missing: monthLabel(gap) };
      return reducedSeriesFraction(earnedUpTo(to) - earnedUpTo(from));
    },
  };
}
