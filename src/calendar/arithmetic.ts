import { daysInMonth, dateParts, epochDayOf, fromEpochDay, toEpochDay, type CivilDate } from './civil-date.js';

/** `date` plus `days` calendar days (negative goes back). */
export function addDays(date: CivilDate, days: number): CivilDate {
  return fromEpochDay(toEpochDay(date) + days);
}

/**
 * `date` plus `months` months, clamped to the end of a shorter month:
 * 2026-01-31 + 1 month = 2026-02-28; 2028-01-31 + 1 month = 2028-02-29.
 */
export function addMonths(date: CivilDate, months: number): CivilDate {
  const { year, month, day } = dateParts(date);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = index - targetYear * 12 + 1;
  return fromEpochDay(epochDayOf(targetYear, targetMonth, Math.min(day, daysInMonth(targetYear, targetMonth))));
}

/** `date` plus `years` years (29 February becomes 28 February in a common year). */
export function addYears(date: CivilDate, years: number): CivilDate {
  return addMonths(date, years * 12);
}

/** Calendar days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: CivilDate, to: CivilDate): number {
  return toEpochDay(to) - toEpochDay(from);
}

/** −1, 0 or 1 as `a` is before, the same as, or after `b`. */
export function compareDates(a: CivilDate, b: CivilDate): -1 | 0 | 1 {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Whether `a` is strictly before `b`. */
export function isBefore(a: CivilDate, b: CivilDate): boolean {
  return a < b;
}

/** Whether `a` is strictly after `b`. */
export function isAfter(a: CivilDate, b: CivilDate): boolean {
  return a > b;
}

/** The earlier of two dates. */
export function minDate(a: CivilDate, b: CivilDate): CivilDate {
  return a <= b ? a : b;
}

/** The later of two dates. */
export function maxDate(a: CivilDate, b: CivilDate): CivilDate {
  return a >= b ? a : b;
}

/** The first day of the date's month. */
export function startOfMonth(date: CivilDate): CivilDate {
  return `${date.slice(0, 8)}01` as CivilDate;
}

/** The last day of the date's month. */
export function endOfMonth(date: CivilDate): CivilDate {
  const { year, month } = dateParts(date);
  return fromEpochDay(epochDayOf(year, month, daysInMonth(year, month)));
}
