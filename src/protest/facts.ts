import type { BusinessCalendar, CivilDate } from '../calendar/index.js';
import type { ProtestGuardFacts } from './guards.js';
import { protestPrescriptionOn } from './guards.js';
import type { Protest } from './protest.js';

/** The guard facts of an existing protest as of a day. */
export function protestFacts(protest: Protest, asOf: CivilDate, calendar: BusinessCalendar): ProtestGuardFacts {
  return {
    asOf,
    calendar,
    settings: protest.settings,
    dueDate: protest.title.dueDate,
    amount: protest.title.amount,
    paid: protest.payment !== undefined,
    inActiveAgreement: false,
    disputed: false,
    prescribesOn: protestPrescriptionOn(protest.title.dueDate, protest.settings.prescriptionYears),
    notices: protest.notices,
  };
}
