import { fromEpochDay, toEpochDay, type CivilDate } from './civil-date.js';
import { businessEpochDayOnOrAfter, type BusinessCalendar } from './business-calendar.js';

/*
 * The one rule for "when is a due date payable" and "how many days overdue"
 * (DOMAIN.md §1): a due date on a weekend or holiday may be paid on the next
 * business day with no charges; once that day has passed, days overdue count
 * from the original due date. Every module asks these functions; the epoch-day
 * forms are the same rule for hot loops (a property test pins that they agree).
 */

/**
 * The day an invoice due on `dueEpochDay` can still be paid on time: the due
 * date itself when it is a business day, else the next business day.
 */
export function payableEpochDay(dueEpochDay: number, calendar: Pick<BusinessCalendar, 'isBusinessEpochDay'>): number {
  return businessEpochDayOnOrAfter(dueEpochDay, calendar);
}

/**
 * The day an invoice due on `dueDate` can still be paid on time (DOMAIN.md §1):
 * Saturday 2026-11-21 → Monday 2026-11-23; Christmas Friday 2026-12-25 →
 * Monday 2026-12-28; a business day stays itself.
 * @example
 * ```ts
 * import { brazilianCalendar, civilDate, payableOn } from 'cobranca/calendar';
 *
 * // Due on Saturday 21 November: payable with no charges on Monday 23.
 * console.log(payableOn(civilDate('2026-11-21'), brazilianCalendar())); // → 2026-11-23
 * ```
 */
export function payableOn(dueDate: CivilDate, calendar: Pick<BusinessCalendar, 'isBusinessEpochDay'>): CivilDate {
  const due = toEpochDay(dueDate);
  const payable = payableEpochDay(due, calendar);
  return payable === due ? dueDate : fromEpochDay(payable);
}

/**
 * {@link daysOverdue} over epoch days (the hot-path form): 0 up to and
 * including the payable day, then the calendar days since the original due date.
 */
export function daysOverdueEpoch(dueEpochDay: number, asOfEpochDay: number, calendar: Pick<BusinessCalendar, 'isBusinessEpochDay'>): number {
  if (asOfEpochDay <= dueEpochDay) return 0;
  return asOfEpochDay > payableEpochDay(dueEpochDay, calendar) ? asOfEpochDay - dueEpochDay : 0;
}

/**
 * Calendar days from the original due date to `asOf`, 0 when not yet past it:
 * the raw count shown beside late charges (`daysLate`), which does not wait
 * for the payable day (due Saturday, as of Monday: 2). Whether the invoice is
 * overdue is {@link daysOverdue}'s question, not this one's.
 */
export function daysSinceDueEpoch(dueEpochDay: number, asOfEpochDay: number): number {
  return asOfEpochDay > dueEpochDay ? asOfEpochDay - dueEpochDay : 0;
}

/**
 * Days an invoice is overdue as of a day — the one meaning the library uses:
 * 0 while it can still be paid on time (up to and including
 * {@link payableOn}), then the calendar days since the **original** due date
 * (DOMAIN.md §1). Due Saturday 2026-11-21: 0 on Monday 23, 3 on Tuesday 24.
 * @example
 * ```ts
 * import { brazilianCalendar, civilDate, daysOverdue } from 'cobranca/calendar';
 *
 * const calendar = brazilianCalendar();
 * const due = civilDate('2026-11-21'); // a Saturday
 * console.log(daysOverdue(due, civilDate('2026-11-23'), calendar), daysOverdue(due, civilDate('2026-11-24'), calendar)); // → 0 3
 * ```
 */
export function daysOverdue(dueDate: CivilDate, asOf: CivilDate, calendar: Pick<BusinessCalendar, 'isBusinessEpochDay'>): number {
  return daysOverdueEpoch(toEpochDay(dueDate), toEpochDay(asOf), calendar);
}

/**
 * The first epoch day on which an invoice due on `dueEpochDay` is at least
 * `days` (≥ 1) days overdue: `days` after the due date, but never before the
 * day after its payable day. May lie past the supported calendar.
 */
export function firstEpochDayOverdueBy(dueEpochDay: number, days: number, calendar: Pick<BusinessCalendar, 'isBusinessEpochDay'>): number {
  return Math.max(dueEpochDay + days, payableEpochDay(dueEpochDay, calendar) + 1);
}
