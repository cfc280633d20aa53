import { addDays, type CivilDate } from '../calendar/index.js';
import type { NegativationSettings } from './settings.js';

/**
 * The day an automatic registration request falls due (seed 002: "Negativar
 * automaticamente" with "Dias para executar" after the due date), or
 * `undefined` when the branch does not register automatically. The request
 * still passes every guard; this only says when to make it.
 */
export function automaticRegistrationOn(settings: NegativationSettings, dueDate: CivilDate): CivilDate | undefined {
  return settings.registerAutomatically ? addDays(dueDate, Math.max(1, settings.daysAfterDueDate)) : undefined;
}

/** Whether an unpaid title is due for an automatic registration request on `asOf` (on or after {@link automaticRegistrationOn}). */
export function isDueForAutomaticRegistration(settings: NegativationSettings, dueDate: CivilDate, asOf: CivilDate): boolean {
  const on = automaticRegistrationOn(settings, dueDate);
  return on !== undefined && asOf >= on;
}
