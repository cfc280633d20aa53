import { dateParts, fromEpochDay } from '../calendar/index.js';
import type { MonthIndex, MonthlySeries } from './month-series.js';

/** Which months a monthly series covers, indexed once: its first and last month and where its gaps are. */
export interface MonthCoverage {
  /** The first month of the series (`Infinity` when it is empty). */
  readonly first: MonthIndex;
  /** How many months from `first` to the last month of the series. */
  readonly count: number;
  /** The first month in `[fromMonth, toMonth]` with no value, or `undefined` when every one has one. Constant time. */
  firstGap(fromMonth: MonthIndex, toMonth: MonthIndex): MonthIndex | undefined;
}

/** Indexes the months a series covers (one pass); see {@link MonthCoverage}. */
export function monthCoverage(series: MonthlySeries): MonthCoverage {
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  for (const month of series.keys()) {
    if (month < first) first = month;
    if (month > last) last = month;
  }
  const count = series.size === 0 ? 0 : last - first + 1;
  /** `gapFrom[k]`: the first month from `first + k` on with no value (`last + 1` when none up to the end). */
  const gapFrom: number[] = new Array<number>(count + 1);
  gapFrom[count] = last + 1;
  for (let k = count - 1; k >= 0; k--) gapFrom[k] = series.has(first + k) ? (gapFrom[k + 1] as number) : first + k;
  return {
    first,
    count,
    firstGap(fromMonth, toMonth) {
      if (count === 0 || fromMonth < first) return fromMonth;
      const gap = fromMonth > last ? fromMonth : (gapFrom[fromMonth - first] as number);
      return gap <= toMonth ? gap : undefined;
    },
  };
}

/** The month index and day of the month of an epoch day. */
export function monthAndDayOf(epochDay: number): { readonly month: MonthIndex; readonly year: number; readonly monthOfYear: number; readonly day: number } {
  const { year, month, day } = dateParts(fromEpochDay(epochDay));
  return { month: year * 12 + month - 1, year, monthOfYear: month, day };
}
