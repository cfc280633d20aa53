import type { CivilDate } from '../calendar/index.js';
import type { GuardFacts } from './guards/index.js';
import type { Negativation } from './negativation.js';

/** The guard facts of an existing negativation as of a day (debtor data and uniqueness were checked at the request). */
export function factsOf(negativation: Negativation, asOf: CivilDate): GuardFacts {
  return {
    asOf,
    settings: negativation.settings,
    dueDate: negativation.title.dueDate,
    outstanding: negativation.outstanding,
    submissionCutoffOn: negativation.submissionCutoffOn,
    ageLimitOn: negativation.ageLimitOn,
    prescribesOn: negativation.prescribesOn,
    paid: negativation.settlement?.kind === 'paid',
    inActiveAgreement: negativation.inActiveAgreement,
    disputed: negativation.disputed,
    notices: negativation.notices,
  };
}
