import { fromEpochDay, toEpochDay, weekdayOfEpochDay, type CivilDate } from './civil-date.js';
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

/**
 * The Brazilian business-day calendar: national holidays (20 November from
 * 2024), Good Friday, and by default the banking closures computed from Easter
 * for any year; a state's holidays and the host's own can be added.
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
  const extras = (options.extraHolidays ?? []).map((rule): HolidayRule => (typeof rule === 'string' ? { name: 'Feriado', date: rule } : rule));
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
    const year = Number(fromEpochDay(epochDay).slice(0, 4));
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

  function stepBusinessDays(epochDay: number, days: number): number {
    const direction = days < 0 ? -1 : 1;
    let remaining = Math.abs(days);
    let day = epochDay;
    while (remaining > 0) {
      day += direction;
      if (isBusinessEpochDay(day)) remaining--;
    }
    return day;
  }

  return {
    holidaysIn: (year) => [...yearTable(year).values()],
    holidayOn: (date) => yearTable(Number(date.slice(0, 4))).get(toEpochDay(date)),
    isBusinessDay: (date) => isBusinessEpochDay(toEpochDay(date)),
    isBusinessEpochDay,
    nextBusinessDay: (date) => fromEpochDay(stepBusinessDays(toEpochDay(date), 1)),
    previousBusinessDay: (date) => fromEpochDay(stepBusinessDays(toEpochDay(date), -1)),
    businessDayOnOrAfter: (date) => {
      const day = toEpochDay(date);
      return isBusinessEpochDay(day) ? date : fromEpochDay(stepBusinessDays(day, 1));
    },
    addBusinessDays: (date, days) => {
      if (!Number.isSafeInteger(days)) throw new RangeError(`addBusinessDays expects a whole number of days, got ${days}`);
      return days === 0 ? date : fromEpochDay(stepBusinessDays(toEpochDay(date), days));
    },
    businessDaysBetween: (from, to) => {
      const start = toEpochDay(from);
      const end = toEpochDay(to);
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
