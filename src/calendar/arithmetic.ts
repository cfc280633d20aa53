import { daysInMonth, dateParts, epochDayOf, fromEpochDay, toEpochDay, type CivilDate } from './civil-date.js';

/**
 * `date` plus `days` calendar days (negative goes back).
 * @example
 * ```ts
 * import { addDays, civilDate } from 'cobranca/calendar';
 *
 * console.log(addDays(civilDate('2026-11-20'), 15), addDays(civilDate('2026-03-01'), -1)); // → 2026-12-05 2026-02-28
 * ```
 */
export function addDays(date: CivilDate, days: number): CivilDate {
  return fromEpochDay(toEpochDay(date) + days);
}

/**
 * `date` plus `months` months, clamped to the end of a shorter month:
 * 2026-01-31 + 1 month = 2026-02-28; 2028-01-31 + 1 month = 2028-02-29.
 * @example
 * ```ts
 * import { addMonths, civilDate } from 'cobranca/calendar';
 *
 * // Monthly installments: the 31st becomes the month's last day.
 * console.log(addMonths(civilDate('2026-01-31'), 1), addMonths(civilDate('2026-01-31'), 2)); // → 2026-02-28 2026-03-31
 * ```
 */
export function addMonths(date: CivilDate, months: number): CivilDate {
  const { year, month, day } = dateParts(date);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = index - targetYear * 12 + 1;
  return fromEpochDay(epochDayOf(targetYear, targetMonth, Math.min(day, daysInMonth(targetYear, targetMonth))));
}

/**
 * `date` plus `years` years (29 February becomes 28 February in a common year).
 * @example
 * ```ts
 * import { addYears, civilDate } from 'cobranca/calendar';
 *
 * console.log(addYears(civilDate('2028-02-29'), 1)); // → 2029-02-28
 * ```
 */
export function addYears(date: CivilDate, years: number): CivilDate {
  return addMonths(date, years * 12);
}

/**
 * Calendar days from `from` to `to` (positive when `to` is later).
 * @example
 * ```ts
 * import { civilDate, daysBetween } from 'cobranca/calendar';
 *
 * console.log(daysBetween(civilDate('2026-10-10'), civilDate('2026-11-24'))); // → 45
 * ```
 */
export function daysBetween(from: CivilDate, to: CivilDate): number {
  return toEpochDay(to) - toEpochDay(from);
}

/**
 * −1, 0 or 1 as `a` is before, the same as, or after `b`.
 * @example
 * ```ts
 * import { civilDate, compareDates } from 'cobranca/calendar';
 *
 * const dues = [civilDate('2026-12-10'), civilDate('2026-10-10'), civilDate('2026-11-10')];
 * console.log(dues.sort(compareDates).join(' ')); // → 2026-10-10 2026-11-10 2026-12-10
 * ```
 */
export function compareDates(a: CivilDate, b: CivilDate): -1 | 0 | 1 {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Whether `a` is strictly before `b`.
 * @example
 * ```ts
 * import { civilDate, isBefore } from 'cobranca/calendar';
 *
 * console.log(isBefore(civilDate('2026-11-19'), civilDate('2026-11-20'))); // → true
 * ```
 */
export function isBefore(a: CivilDate, b: CivilDate): boolean {
  return a < b;
}

/**
 * Whether `a` is strictly after `b`.
 * @example
 * ```ts
 * import { civilDate, isAfter } from 'cobranca/calendar';
 *
 * // Paid after the due date?
 * console.log(isAfter(civilDate('2026-11-23'), civilDate('2026-11-20'))); // → true
 * ```
 */
export function isAfter(a: CivilDate, b: CivilDate): boolean {
  return a > b;
}

/**
 * The earlier of two dates.
 * @example
 * ```ts
 * import { civilDate, minDate } from 'cobranca/calendar';
 *
 * console.log(minDate(civilDate('2026-11-20'), civilDate('2026-10-10'))); // → 2026-10-10
 * ```
 */
export function minDate(a: CivilDate, b: CivilDate): CivilDate {
  return a <= b ? a : b;
}

/**
 * The later of two dates.
 * @example
 * ```ts
 * import { civilDate, maxDate } from 'cobranca/calendar';
 *
 * console.log(maxDate(civilDate('2026-11-20'), civilDate('2026-10-10'))); // → 2026-11-20
 * ```
 */
export function maxDate(a: CivilDate, b: CivilDate): CivilDate {
  return a >= b ? a : b;
}

/**
 * The first day of the date's month.
 * @example
 * ```ts
 * import { civilDate, startOfMonth } from 'cobranca/calendar';
 *
 * console.log(startOfMonth(civilDate('2026-11-20'))); // → 2026-11-01
 * ```
 */
export function startOfMonth(date: CivilDate): CivilDate {
  return `${date.slice(0, 8)}01` as CivilDate;
}

/**
 * The last day of the date's month.
 * @example
 * ```ts
 * import { civilDate, endOfMonth } from 'cobranca/calendar';
 *
 * console.log(endOfMonth(civilDate('2028-02-10'))); // → 2028-02-29
 * ```
 */
export function endOfMonth(date: CivilDate): CivilDate {
  const { year, month } = dateParts(date);
  return fromEpochDay(epochDayOf(year, month, daysInMonth(year, month)));
}
