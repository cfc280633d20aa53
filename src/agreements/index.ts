/**
 * The agreements engine (DOMAIN.md §1–2): late charges, eligibility, proposals, exact installment
 * plans, edits and the agreement's life. Pure functions over plain, serialisable data.
 * @module agreements
 */
export type { AgreementsError, AgreementsErrorCode } from './errors.js';
export {
  lateChargesPolicySchema,
  interestRuleSchema,
  correctionRuleSchema,
  fineRuleSchema,
  monthlyValueSchema,
  type LateChargesPolicy,
  type LateChargesPolicyInput,
} from './late-charges-policy.js';
export {
  lateChargesCalculator,
  compileLateChargesPolicy,
  type LateChargesCalculator,
  type LateChargesFigures,
  type LateChargesBatchInput,
  type LateChargesColumns,
  type LateChargesOptions,
  type AppliedFineRule,
  type Accrual,
} from './late-charges-calculator.js';
export { calculateLateCharges, lateChargesInputSchema, invoicePaymentSchema, type LateChargesInput, type LateCharges } from './late-charges.js';
export { mulDivRound } from './exact-ratio.js';
