import type { Guard, GuardFacts, GuardViolation } from './guard.js';
import { ageLimitGuard, prescriptionGuard } from './age.js';
import { debtorDataGuard } from './debtor-data.js';
import { minimumAmountGuard, minimumDaysOverdueGuard } from './policy.js';
import { priorNoticeGuard } from './prior-notice.js';
import { noDuplicateGuard, notDisputedGuard, notInAgreementGuard, notPaidGuard } from './standing.js';

export type { Guard, GuardFacts, GuardName, GuardViolation } from './guard.js';
export { ageLimitGuard, prescriptionGuard } from './age.js';
export { debtorDataGuard } from './debtor-data.js';
export { minimumAmountGuard, minimumDaysOverdueGuard } from './policy.js';
export { priorNoticeGuard, earliestSubmissionOn, noticeCountsFrom } from './prior-notice.js';
export { noDuplicateGuard, notDisputedGuard, notInAgreementGuard, notPaidGuard } from './standing.js';
export { type RefusalKind, type RefusalVerdict, refusalKindOfGuard, refusalVerdict } from './healing.js';

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

/** Runs the guards of a stage; every violation is returned (empty = allowed). */
export function runGuards(stage: GuardStage, facts: GuardFacts): GuardViolation[] {
  const violations: GuardViolation[] = [];
  for (const guard of GUARDS_BY_STAGE[stage]) {
    const violation = guard.check(facts);
    if (violation) violations.push(violation);
  }
  return violations;
}
