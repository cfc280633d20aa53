import type { CivilDate } from '../../calendar/index.js';
import type { RulerInvoice } from '../../ruler/index.js';
import { tomorrowOf } from './customer-wakes.js';

/**
 * The next day the ruler's evaluation of a followed invoice can change
 * without a write (for the wake index), after today's outcomes were applied;
 * `waiting`: one of them was held back by a guard that heals. A conservative
 * stand-in until the ruler says it: tomorrow for every followed invoice, so
 * every customer with one is evaluated every day, as a full scan does.
 */
export function rulerWakeDay(_invoice: RulerInvoice, today: CivilDate, _waiting: boolean): CivilDate {
  return tomorrowOf(today);
}
