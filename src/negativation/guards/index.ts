import type { GuardFacts, GuardViolation } from './guard.js';
import { GUARDS_BY_STAGE, type GuardStage } from './stages.js';

export type { Guard, GuardFacts, GuardName, GuardViolation } from './guard.js';
export { ageLimitGuard, prescriptionGuard } from './age.js';
export { debtorDataGuard } from './debtor-data.js';
export { minimumAmountGuard, minimumDaysOverdueGuard } from './policy.js';
export { priorNoticeGuard, earliestSubmissionOn, noticeCountsFrom } from './prior-notice.js';
export { noDuplicateGuard, notDisputedGuard, notInAgreementGuard, notPaidGuard } from './standing.js';
export { GUARDS_BY_STAGE, type GuardStage } from './stages.js';
export { NEGATIVATION_GUARDS, type GuardCatalogueEntry } from './catalogue.js';
export { type RefusalKind, type RefusalVerdict, refusalKindOfGuard, refusalVerdict } from './healing.js';

/** Runs the guards of a stage; every violation is returned (empty = allowed). */
export function runGuards(stage: GuardStage, facts: GuardFacts): GuardViolation[] {
  const violations: GuardViolation[] = [];
  for (const guard of GUARDS_BY_STAGE[stage]) {
    const violation = guard.check(facts);
    if (violation) violations.push(violation);
  }
  return violations;
}
