import { epochDayOfText, FIRST_SUPPORTED_EPOCH_DAY, FIRST_SUPPORTED_YEAR, fromEpochDay, LAST_SUPPORTED_EPOCH_DAY, LAST_SUPPORTED_YEAR, toEpochDay, weekdayOfEpochDay, yearOfEpochDay, type CivilDate } from './civil-date.js';
import { checkedHolidayRules } from './holiday-rule-check.js';
import {
  bankingClosures,
  nationalHolidays,
  ruleHolidays,
  stateHolidays,
  uniqueByDate,
  type Holiday,
  type HolidayRule,
  type StateCode,
} from './holidays.js';

/** Options of {@link brazilianCalendar}. */
export interface BrazilianCalendarOptions {
  /** Adds that state's holidays (data from `@brazilian-utils/brazilian-utils`). */
  readonly state?: StateCode;
  /** City holidays, a bank's own closures, or one-off dates. */
  readonly extraHolidays?: readonly (HolidayRule | CivilDate)[];
  /**
   * The banking calendar (default `true`): Carnival Monday and Tuesday and
   * Corpus Christi are closed too. With `false`, only national (and state/extra)
   * holidays close.
   */
  readonly banking?: boolean;
}

/** Business-day arithmetic over one set of holidays. Weekends are never business days. */
export interface BusinessCalendar {
  /** The closed days of a year (holidays, including ones on weekends), sorted. */
  holidaysIn(year: number): Holiday[];
  /** The holiday on a date, if any. */
  holidayOn(date: CivilDate): Holiday | undefined;
  /** Whether banks open on the date: not Saturday, Sunday or a holiday. */
  isBusinessDay(date: CivilDate): boolean;
  /** {@link BusinessCalendar.isBusinessDay} for an epoch day (a fast path for large portfolios). */
  isBusinessEpochDay(epochDay: number): boolean;
  /** The first business day strictly after `date`. */
  nextBusinessDay(date: CivilDate): CivilDate;
  /** The last business day strictly before `date`. */
  previousBusinessDay(date: CivilDate): CivilDate;
  /** `date` itself when it is a business day, else the next one (how a due date on a holiday rolls forward). */
  businessDayOnOrAfter(date: CivilDate): CivilDate;
  /**
   * Counts `days` business days from `date`: the result is the `days`-th
   * business day after it (before it when negative); `date` itself is never
   * counted. `addBusinessDays(d, 0)` is `d`.
   */
  addBusinessDays(date: CivilDate, days: number): CivilDate;
  /**
   * Business days from `from` to `to`: those in `(from, to]` when `to` is
   * later; minus those in `[to, from)` when it is earlier. So
   * `businessDaysBetween(d, addBusinessDays(d, n)) === n` for every `d` and `n`.
   */
  businessDaysBetween(from: CivilDate, to: CivilDate): number;
}

const TABLE_FIRST_DAY = -25567; // 1900-01-01
const TABLE_DAYS = 146097; // 400 years: up to 2299-12-31
const UNKNOWN = 0;
const OPEN = 1;
const CLOSED = 2;

/** The longest run of closed days a roll to a business day looks through (any real calendar opens within a year). */
const MAX_CLOSED_RUN_DAYS = 366;

/**
 * `epochDay` itself when it is a business day, else the next one. Looks at most
 * {@link MAX_CLOSED_RUN_DAYS} ahead, so a calendar that never opens cannot hang
 * the caller (it then returns the day that far ahead).
 */
export function businessEpochDayOnOrAfter(epochDay: number, calendar: Pick<BusinessCalendar, 'isBusinessEpochDay'>): number {
  let day = epochDay;
  while (!calendar.isBusinessEpochDay(day) && day - epochDay < MAX_CLOSED_RUN_DAYS) day++;
  return day;
}

/** `epochDay` itself when it is a business day, else the previous one (looks back at most {@link MAX_CLOSED_RUN_DAYS}). */
export function businessEpochDayOnOrBefore(epochDay: number, calendar: Pick<BusinessCalendar, 'isBusinessEpochDay'>): number {
  let day = epochDay;
  while (!calendar.isBusinessEpochDay(day) && epochDay - day < MAX_CLOSED_RUN_DAYS) day--;
  return day;
}

/** The epoch day of a civil date handed to a calendar method; a `TypeError` (never a hang) when it is not one. */
function epochDayArgument(date: CivilDate, method: string): number {
  const day = epochDayOfText(date);
  if (Number.isNaN(day)) throw new TypeError(`${method} expects a civil date YYYY-MM-DD between the years ${FIRST_SUPPORTED_YEAR} and ${LAST_SUPPORTED_YEAR}, got ${JSON.stringify(date)}`);
  return day;
}

/**
 * The Brazilian business-day calendar: national holidays (20 November from
 * 2024), Good Friday, and by default the banking closures computed from Easter
 * for any year; a state's holidays and the host's own can be added. Throws a
 * `TypeError` naming the option when an extra holiday or the state is not valid
 * (a calendar is built from code, once); its methods throw a `TypeError` for a
 * text that is not a civil date. Days past the year 9999 are closed on weekends
 * only (no holiday there can be written as a civil date).
 * @example
 * ```ts
 * import { brazilianCalendar, civilDate } from 'cobranca/calendar';
 *
 * const calendar = brazilianCalendar({ state: 'SP' });
 * console.log(calendar.addBusinessDays(civilDate('2026-11-19'), 5)); // 2026-11-27: 20 November is a holiday
 * ```
 */
export function brazilianCalendar(options: BrazilianCalendarOptions = {}): BusinessCalendar {
  const banking = options.banking ?? true;
  const extras: HolidayRule[] = checkedHolidayRules(options);
  const byYear = new Map<number, Map<number, Holiday>>();
  const status = new Uint8Array(TABLE_DAYS);

  function yearTable(year: number): Map<number, Holiday> {
    let table = byYear.get(year);
    if (!table) {
      const all = [
        ...nationalHolidays(year),
        ...(banking ? bankingClosures(year) : []),
        ...(options.state ? stateHolidays(year, options.state) : []),
        ...extras.flatMap((rule) => ruleHolidays(year, rule, 'extra')),
      ];
      table = new Map(uniqueByDate(all).map((h) => [toEpochDay(h.date), h]));
      byYear.set(year, table);
    }
    return table;
  }

  function computeOpen(epochDay: number): boolean {
    const weekday = weekdayOfEpochDay(epochDay);
    if (weekday === 0 || weekday === 6) return false;
    const year = yearOfEpochDay(epochDay);
    if (year < FIRST_SUPPORTED_YEAR || year > LAST_SUPPORTED_YEAR) return true;
    return !yearTable(year).has(epochDay);
  }

  function isBusinessEpochDay(epochDay: number): boolean {
    const index = epochDay - TABLE_FIRST_DAY;
    if (index < 0 || index >= TABLE_DAYS) return computeOpen(epochDay);
    let state = status[index];
    if (state === UNKNOWN) {
      state = computeOpen(epochDay) ? OPEN : CLOSED;
      status[index] = state;
    }
    return state === OPEN;
  }

  /** Steps `days` business days; a step that would leave the supported years is a `RangeError` at once, never a (near-)endless walk. */
  function stepBusinessDays(epochDay: number, days: number): number {
    const direction = days < 0 ? -1 : 1;
    let remaining = Math.abs(days);
    if (remaining > LAST_SUPPORTED_EPOCH_DAY - FIRST_SUPPORTED_EPOCH_DAY) throw beyondSupportedYears(days);
    let day = epochDay;
    while (remaining > 0) {
      day += direction;
      if (day < FIRST_SUPPORTED_EPOCH_DAY || day > LAST_SUPPORTED_EPOCH_DAY) throw beyondSupportedYears(days);
      if (isBusinessEpochDay(day)) remaining--;
    }
    return day;
  }

  return {
    holidaysIn: (year) => [...yearTable(year).values()],
    holidayOn: (date) => {
      const day = epochDayArgument(date, 'holidayOn');
      return yearTable(yearOfEpochDay(day)).get(day);
    },
    isBusinessDay: (date) => isBusinessEpochDay(epochDayArgument(date, 'isBusinessDay')),
    isBusinessEpochDay,
    nextBusinessDay: (date) => fromEpochDay(stepBusinessDays(epochDayArgument(date, 'nextBusinessDay'), 1)),
    previousBusinessDay: (date) => fromEpochDay(stepBusinessDays(epochDayArgument(date, 'previousBusinessDay'), -1)),
    businessDayOnOrAfter: (date) => {
      const day = epochDayArgument(date, 'businessDayOnOrAfter');
      return isBusinessEpochDay(day) ? date : fromEpochDay(businessEpochDayOnOrAfter(day, { isBusinessEpochDay }));
    },
    addBusinessDays: (date, days) => {
      const day = epochDayArgument(date, 'addBusinessDays');
      if (!Number.isSafeInteger(days)) throw new RangeError(`addBusinessDays expects a whole number of days, got ${days}`);
      return days === 0 ? date : fromEpochDay(stepBusinessDays(day, days));
    },
    businessDaysBetween: (from, to) => {
      const start = epochDayArgument(from, 'businessDaysBetween');
      const end = epochDayArgument(to, 'businessDaysBetween');
      let count = 0;
      if (end >= start) {
        for (let day = start + 1; day <= end; day++) if (isBusinessEpochDay(day)) count++;
        return count;
      }
      for (let day = end; day < start; day++) if (isBusinessEpochDay(day)) count--;
      return count;
    },
  };
}

function beyondSupportedYears(days: number): RangeError {
  return new RangeError(`moving ${days} business days leaves the supported years ${FIRST_SUPPORTED_YEAR}–${LAST_SUPPORTED_YEAR}`);
}
