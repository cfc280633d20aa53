import type { Guard } from './guard.js';
import { ageLimitGuard, prescriptionGuard } from './age.js';
import { debtorDataGuard } from './debtor-data.js';
import { minimumAmountGuard, minimumDaysOverdueGuard } from './policy.js';
import { priorNoticeGuard } from './prior-notice.js';
import { noDuplicateGuard, notDisputedGuard, notInAgreementGuard, notPaidGuard } from './standing.js';

/** The stages at which guards run. */
export type GuardStage = 'request' | 'submission';

/**
 * The guards of each stage. A request (and its internal approval) checks the
 * debt and the debtor; a submission to the bureau checks the notice and re-checks
 * what may have changed since.
 */
export const GUARDS_BY_STAGE: Readonly<Record<GuardStage, readonly Guard[]>> = {
  request: [debtorDataGuard, noDuplicateGuard, minimumAmountGuard, minimumDaysOverdueGuard, ageLimitGuard, prescriptionGuard, notPaidGuard, notInAgreementGuard, notDisputedGuard],
  submission: [priorNoticeGuard, minimumAmountGuard, ageLimitGuard, prescriptionGuard, notPaidGuard, notInAgreementGuard, notDisputedGuard],
};
