import { err, ok, type Result } from 'neverthrow';
import { cobrancaError, type CobrancaError } from '../errors.js';
import { brazilianCalendar, type BusinessCalendar } from './business-calendar.js';

let nationalBanking: BusinessCalendar | undefined;

/**
 * The national banking calendar (`brazilianCalendar()`), built once on first
 * use: the calendar every function uses when the host passes none.
 * @example
 * ```ts
 * import { civilDate, defaultBusinessCalendar } from 'cobranca/calendar';
 *
 * // The national banking calendar, built once and shared.
 * const calendar = defaultBusinessCalendar();
 * console.log(calendar.isBusinessDay(civilDate('2026-11-20')), calendar.nextBusinessDay(civilDate('2026-11-20'))); // → false 2026-11-23
 * ```
 */
export function defaultBusinessCalendar(): BusinessCalendar {
  nationalBanking ??= brazilianCalendar();
  return nationalBanking;
}

const METHODS = ['holidaysIn', 'holidayOn', 'isBusinessDay', 'isBusinessEpochDay', 'nextBusinessDay', 'previousBusinessDay', 'businessDayOnOrAfter', 'addBusinessDays', 'businessDaysBetween'] as const satisfies readonly (keyof BusinessCalendar)[];

/**
 * Whether a value is a {@link BusinessCalendar}: an object with every method of the interface (how a host's calendar is checked at a boundary).
 * @example
 * ```ts
 * import { brazilianCalendar, isBusinessCalendar } from 'cobranca/calendar';
 *
 * console.log(isBusinessCalendar(brazilianCalendar({ state: 'SP' })), isBusinessCalendar({ state: 'SP' })); // → true false
 * ```
 */
export function isBusinessCalendar(value: unknown): value is BusinessCalendar {
  if (typeof value !== 'object' || value === null) return false;
  const c = value as Record<string, unknown>;
  return METHODS.every((method) => typeof c[method] === 'function');
}

/**
 * The calendar a function runs on: the host's `calendar` option when it is a
 * {@link BusinessCalendar}, the {@link defaultBusinessCalendar} when absent, and
 * an `invalid_input` error at path `calendar` when it is something else.
 * @example
 * ```ts
 * import { calendarOption, civilDate } from 'cobranca/calendar';
 *
 * // A host's `calendar` option: absent means the national banking calendar.
 * calendarOption(undefined).match(
 *   (calendar) => console.log(calendar.isBusinessDay(civilDate('2026-12-25'))), // → false
 *   (error) => console.error(error.code, error.message),
 * );
 * const wrong = calendarOption('SP');
 * if (wrong.isErr()) console.log(wrong.error.code, wrong.error.path?.join('.')); // → invalid_input calendar
 * ```
 */
export function calendarOption(calendar: unknown): Result<BusinessCalendar, CobrancaError<'invalid_input'>> {
  if (calendar === undefined) return ok(defaultBusinessCalendar());
  if (isBusinessCalendar(calendar)) return ok(calendar);
  return err(cobrancaError('invalid_input', 'expected a business calendar (brazilianCalendar())', { path: ['calendar'] }));
}
