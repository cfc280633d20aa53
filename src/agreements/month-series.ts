import type { Decimal } from 'decimal.js';
import { dateParts, daysInMonth, epochDayOf, fromEpochDay } from '../calendar/index.js';

/** A month index: `year × 12 + (month − 1)`. */
export type MonthIndex = number;

/** The month index of `'YYYY-MM'`. */
export function monthIndexOf(month: string): MonthIndex {
  return Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
}

/** `'YYYY-MM'` of a month index. */
export function monthLabel(index: MonthIndex): string {
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return `${String(year).padStart(4, '0')}-${month < 10 ? '0' : ''}${month}`;
}

/** The days of one month that fall in a late period. */
export interface MonthSlice {
  readonly month: MonthIndex;
  /** Days of the period in this month. */
  readonly days: number;
  /** Days in the month (28–31). */
  readonly daysInMonth: number;
}

/**
 * Splits the days in `(startDay, endDay]` (epoch days) by calendar month: a late period from a due date
 * to an as-of date earns, in each month, that month's rate × days / days-in-month.
 */
export function monthSlices(startDay: number, endDay: number): MonthSlice[] {
  const slices: MonthSlice[] = [];
  let day = startDay + 1;
  while (day <= endDay) {
    const { year, month } = dateParts(fromEpochDay(day));
    const length = daysInMonth(year, month);
    const monthEnd = epochDayOf(year, month, length);
    const last = Math.min(monthEnd, endDay);
    slices.push({ month: year * 12 + month - 1, days: last - day + 1, daysInMonth: length });
    day = last + 1;
  }
  return slices;
}


/** A series of monthly values keyed by month index. */
export type MonthlySeries = ReadonlyMap<MonthIndex, Decimal>;

/** Builds a {@link MonthlySeries} (the last value given for a month wins). */
export function toMonthlySeries(values: readonly { month: string; percent: Decimal }[]): Map<MonthIndex, Decimal> {
  return new Map(values.map((v) => [monthIndexOf(v.month), v.percent]));
}
