import { addDays, addYears } from './arithmetic.js';
import type { CivilDate } from './civil-date.js';

/**
 * The day a debt prescribes: `years` after the day after the due date
 * (CC art. 206 §5 I: 5 years for debts in a written instrument; §3 I: 3 for
 * rent). After it a registration must go (CDC art. 43 §5) and no protest may
 * be drawn. The negativation and protest modules both read this one rule.
 * @example
 * ```ts
 * import { civilDate, prescriptionOn } from 'cobranca/calendar';
 *
 * // A debt due 2026-11-20 in a written instrument prescribes in 5 years (CC art. 206 §5 I).
 * console.log(prescriptionOn(civilDate('2026-11-20'), 5)); // → 2031-11-21
 * ```
 */
export function prescriptionOn(dueDate: CivilDate, years: number): CivilDate {
  return addYears(addDays(dueDate, 1), years);
}
