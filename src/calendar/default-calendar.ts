import { err, ok, type Result } from 'neverthrow';
import { cobrancaError, type CobrancaError } from '../errors.js';
import { brazilianCalendar, type BusinessCalendar } from './business-calendar.js';

let nationalBanking: BusinessCalendar | undefined;

/**
 * The national banking calendar (`brazilianCalendar()`), built once on first
 * use: the calendar every function uses when the host passes none.
 */
export function defaultBusinessCalendar(): BusinessCalendar {
  nationalBanking ??= brazilianCalendar();
  return nationalBanking;
}

const METHODS = ['holidaysIn', 'holidayOn', 'isBusinessDay', 'isBusinessEpochDay', 'nextBusinessDay', 'previousBusinessDay', 'businessDayOnOrAfter', 'addBusinessDays', 'businessDaysBetween'] as const satisfies readonly (keyof BusinessCalendar)[];

/** Whether a value is a {@link BusinessCalendar}: an object with every method of the interface (how a host's calendar is checked at a boundary). */
export function isBusinessCalendar(value: unknown): value is BusinessCalendar {
  if (typeof value !== 'object' || value === null) return false;
  const c = value as Record<string, unknown>;
  return METHODS.every((method) => typeof c[method] === 'function');
}

/**
 * The calendar a function runs on: the host's `calendar` option when it is a
 * {@link BusinessCalendar}, the {@link defaultBusinessCalendar} when absent, and
 * an `invalid_input` error at path `calendar` when it is something else.
 */
export function calendarOption(calendar: unknown): Result<BusinessCalendar, CobrancaError<'invalid_input'>> {
  if (calendar === undefined) return ok(defaultBusinessCalendar());
  if (isBusinessCalendar(calendar)) return ok(calendar);
  return err(cobrancaError('invalid_input', 'expected a business calendar (brazilianCalendar())', { path: ['calendar'] }));
}
