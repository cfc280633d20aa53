import { err, ok, type Result } from 'neverthrow';
import { cobrancaError, type CobrancaError, type ErrorPath } from '../errors.js';

declare const civilDateBrand: unique symbol;

/**
 * A calendar date with no time and no time zone, written `YYYY-MM-DD`
 * (for example a due date). Always a real date: `2026-02-30` cannot be one.
 * Strings of this form sort chronologically, so `<` and `>` compare them.
 */
export type CivilDate = string & { readonly [civilDateBrand]: true };

/** Day of the week, 0 = Sunday … 6 = Saturday (as `Date#getDay`). */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

/** The first year a civil date may have: every date the library reads or writes has four digits. */
export const FIRST_SUPPORTED_YEAR = 1000;
/** The last year a civil date may have. */
export const LAST_SUPPORTED_YEAR = 9999;

/**
 * Whether `year` is a leap year in the proleptic Gregorian calendar.
 * @example
 * ```ts
 * import { isLeapYear } from 'cobranca/calendar';
 *
 * console.log(isLeapYear(2028), isLeapYear(2100)); // → true false
 * ```
 */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/**
 * Number of days in a month (`month` 1–12).
 * @example
 * ```ts
 * import { daysInMonth } from 'cobranca/calendar';
 *
 * console.log(daysInMonth(2026, 2), daysInMonth(2028, 2)); // → 28 29
 * ```
 */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * Reads `YYYY-MM-DD` (years {@link FIRST_SUPPORTED_YEAR}–{@link LAST_SUPPORTED_YEAR})
 * into an epoch day without allocating, or `NaN` when the text is not a date on
 * the calendar. The one civil-date reader: {@link parseCivilDate} is its checked,
 * typed-error form.
 */
export function epochDayOfText(text: unknown): number {
  if (typeof text !== 'string' || text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return Number.NaN;
  let year = 0;
  for (let i = 0; i < 4; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return Number.NaN;
    year = year * 10 + d;
  }
  const m1 = text.charCodeAt(5) - 48;
  const m2 = text.charCodeAt(6) - 48;
  const d1 = text.charCodeAt(8) - 48;
  const d2 = text.charCodeAt(9) - 48;
  if (m1 < 0 || m1 > 9 || m2 < 0 || m2 > 9 || d1 < 0 || d1 > 9 || d2 < 0 || d2 > 9) return Number.NaN;
  const month = m1 * 10 + m2;
  const day = d1 * 10 + d2;
  if (year < FIRST_SUPPORTED_YEAR || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return Number.NaN;
  return epochDayOf(year, month, day);
}

/**
 * Parses `YYYY-MM-DD` (years 1000–9999), checking that the day exists. Never throws.
 * @example
 * ```ts
 * import { parseCivilDate } from 'cobranca/calendar';
 *
 * // A due date from a request body: 'YYYY-MM-DD', checked to exist.
 * parseCivilDate('2026-11-20').match(
 *   (date) => console.log(date), // → 2026-11-20
 *   (error) => console.error(error.code, error.message),
 * );
 * const bad = parseCivilDate('20/11/2026', ['dueDate']);
 * if (bad.isErr()) console.log(bad.error.code, bad.error.path?.join('.')); // → invalid_date dueDate
 * ```
 */
export function parseCivilDate(input: unknown, path: ErrorPath = []): Result<CivilDate, CobrancaError<'invalid_date'>> {
  if (typeof input !== 'string') {
    const what = input instanceof Date ? 'a Date object (pass the civil date as YYYY-MM-DD so no time zone can shift it)' : input === null ? 'null' : typeof input;
    return err(cobrancaError('invalid_date', `expected a date as YYYY-MM-DD, got ${what}`, { path }));
  }
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input)) return err(cobrancaError('invalid_date', `expected a date as YYYY-MM-DD, got '${input}'`, { path }));
  if (Number.isNaN(epochDayOfText(input))) return err(cobrancaError('invalid_date', `${input} is not a date on the calendar`, { path }));
  return ok(input as CivilDate);
}

/**
 * A civil date from a literal written in code: `civilDate('2026-11-20')`.
 * Throws on an impossible literal (a programmer error); input from outside goes
 * through {@link parseCivilDate}.
 * @example
 * ```ts
 * import { addDays, civilDate } from 'cobranca/calendar';
 *
 * // A date written in code (throws on a malformed literal; input goes through parseCivilDate).
 * const due = civilDate('2026-11-20');
 * console.log(addDays(due, 10)); // → 2026-11-30
 * ```
 */
export function civilDate(literal: string): CivilDate {
  const parsed = parseCivilDate(literal);
  if (parsed.isErr()) throw new TypeError(`civilDate(): ${parsed.error.message}`);
  return parsed.value;
}

/**
 * A civil date from its parts (`month` 1–12); throws when the parts are not a date.
 * @example
 * ```ts
 * import { civilDateOf } from 'cobranca/calendar';
 *
 * console.log(civilDateOf(2026, 3, 5)); // → 2026-03-05
 * ```
 */
export function civilDateOf(year: number, month: number, day: number): CivilDate {
  return civilDate(`${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`);
}

/**
 * The year, month (1–12) and day of a civil date.
 * @example
 * ```ts
 * import { civilDate, dateParts } from 'cobranca/calendar';
 *
 * const { year, month, day } = dateParts(civilDate('2026-11-20'));
 * console.log(`${day}/${month}/${year}`); // → 20/11/2026
 * ```
 */
export function dateParts(date: CivilDate): { year: number; month: number; day: number } {
  return {
    year: digits(date, 0, 4),
    month: digits(date, 5, 7),
    day: digits(date, 8, 10),
  };
}

function digits(text: string, from: number, to: number): number {
  let value = 0;
  for (let i = from; i < to; i++) value = value * 10 + (text.charCodeAt(i) - 48);
  return value;
}

/**
 * Days since 1970-01-01 (an integer; negative before it). Pure integer
 * arithmetic (H. Hinnant's days_from_civil), so no time zone is involved.
 * @example
 * ```ts
 * import { civilDate, toEpochDay } from 'cobranca/calendar';
 *
 * // Days since 1970-01-01: cheap to compare and subtract in bulk.
 * console.log(toEpochDay(civilDate('2026-11-20')) - toEpochDay(civilDate('2026-10-21'))); // → 30
 * ```
 */
export function toEpochDay(date: CivilDate): number {
  return epochDayOf(digits(date, 0, 4), digits(date, 5, 7), digits(date, 8, 10));
}

/**
 * Days since 1970-01-01 of a year, month (1–12) and day.
 * @example
 * ```ts
 * import { civilDate, epochDayOf, toEpochDay } from 'cobranca/calendar';
 *
 * console.log(epochDayOf(2026, 11, 20) === toEpochDay(civilDate('2026-11-20'))); // → true
 * ```
 */
export function epochDayOf(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** The proleptic Gregorian year, month and day of an epoch day (the inverse of {@link toEpochDay}'s arithmetic; any epoch day). */
function fieldsOfEpochDay(epochDay: number): { readonly year: number; readonly month: number; readonly day: number } {
  const z = epochDay + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day: dayOfYear - Math.floor((153 * mp + 2) / 5) + 1 };
}

/**
 * The civil date `epochDay` days after 1970-01-01 (inverse of {@link toEpochDay}); throws a `RangeError` past the year 9999.
 * @example
 * ```ts
 * import { civilDate, fromEpochDay, toEpochDay } from 'cobranca/calendar';
 *
 * console.log(fromEpochDay(toEpochDay(civilDate('2026-11-20')) + 45)); // → 2027-01-04
 * ```
 */
export function fromEpochDay(epochDay: number): CivilDate {
  const { year, month, day } = fieldsOfEpochDay(epochDay);
  if (year < 0 || year > LAST_SUPPORTED_YEAR) throw new RangeError(`epoch day ${epochDay} is outside the years a civil date can write (0000–9999)`);
  return `${year < 1000 ? String(year).padStart(4, '0') : year}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}` as CivilDate;
}

/** The (proleptic Gregorian) year of an epoch day, for any epoch day (never throws). */
export function yearOfEpochDay(epochDay: number): number {
  return fieldsOfEpochDay(epochDay).year;
}

/**
 * The weekday of an epoch day (0 = Sunday).
 * @example
 * ```ts
 * import { civilDate, toEpochDay, weekdayOfEpochDay } from 'cobranca/calendar';
 *
 * // 0 = Sunday … 6 = Saturday.
 * console.log(weekdayOfEpochDay(toEpochDay(civilDate('2026-11-21')))); // → 6
 * ```
 */
export function weekdayOfEpochDay(epochDay: number): Weekday {
  return (((epochDay + 4) % 7) + 7) % 7 as Weekday;
}

/**
 * The weekday of a civil date (0 = Sunday … 6 = Saturday).
 * @example
 * ```ts
 * import { civilDate, weekdayOf } from 'cobranca/calendar';
 *
 * const names = ['domingo', 'segunda', 'terça', 'quarta', 'quinta', 'sexta', 'sábado'];
 * console.log(names[weekdayOf(civilDate('2026-11-20'))]); // → sexta
 * ```
 */
export function weekdayOf(date: CivilDate): Weekday {
  return weekdayOfEpochDay(toEpochDay(date));
}

/** The first day a civil date may be (1000-01-01) as an epoch day. */
export const FIRST_SUPPORTED_EPOCH_DAY = epochDayOf(FIRST_SUPPORTED_YEAR, 1, 1);
/** The last day a civil date may be (9999-12-31) as an epoch day. */
export const LAST_SUPPORTED_EPOCH_DAY = epochDayOf(LAST_SUPPORTED_YEAR, 12, 31);

/** Whether an epoch day is a whole day within the supported years ({@link FIRST_SUPPORTED_YEAR}–{@link LAST_SUPPORTED_YEAR}). */
export function isSupportedEpochDay(epochDay: unknown): epochDay is number {
  return typeof epochDay === 'number' && Number.isSafeInteger(epochDay) && epochDay >= FIRST_SUPPORTED_EPOCH_DAY && epochDay <= LAST_SUPPORTED_EPOCH_DAY;
}
