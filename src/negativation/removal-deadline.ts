import type { Result } from 'neverthrow';
import { err, ok } from 'neverthrow';
import * as z from 'zod';
import { calendarOption, type BusinessCalendar, type CivilDate } from '../calendar/index.js';
import { fundsDaySchema } from './date-room.js';
import { parseInput } from '../errors.js';
import type { NegativationError } from './errors.js';



/** Business days the creditor has to request removal after full payment (STJ Súmula 548). */
export const REMOVAL_BUSINESS_DAYS = 5;

/**
 * The last day to request removal of a paid registration: 5 business days
 * counted from the first business day after the money is available (STJ
 * Súmula 548; REsp 1.424.792). Funds available Thu 2026-11-19 → Fri 20 is a
 * holiday → days 23, 24, 25, 26, 27 → due by Fri 2026-11-27.
 * Trusted fast path: no parsing (see {@link removalDeadline}).
 */
export function removalDeadlineOf(fundsAvailableOn: CivilDate, calendar: BusinessCalendar): CivilDate {
  return calendar.addBusinessDays(fundsAvailableOn, REMOVAL_BUSINESS_DAYS);
}

/**
 * The day to alarm the operator: `businessDaysBefore` business days before the deadline (the deadline itself when 0).
 * @example
 * ```ts
 * import { brazilianCalendar, civilDate } from 'cobranca';
 * import { removalAlarmOn } from 'cobranca/negativation';
 *
 * const calendar = brazilianCalendar({ state: 'SP' });
 * console.log(removalAlarmOn(civilDate('2026-11-27'), 2, calendar)); // alarm the operator two business days before the deadline
 * // → 2026-11-25
 * ```
 */
export function removalAlarmOn(deadline: CivilDate, businessDaysBefore: number, calendar: BusinessCalendar): CivilDate {
  return calendar.addBusinessDays(deadline, -businessDaysBefore);
}

/**
 * {@link removalDeadlineOf} for input from outside: parses the date and
 * checks the calendar. `removalDeadline('2026-11-19', brazilianCalendar())` → `2026-11-27`.
 * @example
 * ```ts
 * import { brazilianCalendar } from 'cobranca';
 * import { removalDeadline } from 'cobranca/negativation';
 *
 * const calendar = brazilianCalendar({ state: 'SP' });
 * removalDeadline('2026-11-19', calendar).match(
 *   (deadline) => console.log(deadline), // 5 business days; Fri 20 November is a holiday (STJ Súmula 548)
 *   (error) => console.log(error.code, error.message),
 * );
 * // → 2026-11-27
 * ```
 */
export function removalDeadline(fundsAvailableOn: string, calendar: BusinessCalendar): Result<CivilDate, NegativationError> {
  const checked = calendarOption(calendar ?? null); // required here: no default
  if (checked.isErr()) return err(checked.error);
  return parseInput(z.object({ fundsAvailableOn: fundsDaySchema }), { fundsAvailableOn }).andThen(({ fundsAvailableOn: day }) =>
    ok(removalDeadlineOf(day, calendar)),
  );
}
