/**
 * The agreements engine (docs/legal.md §1–2): late charges, eligibility, proposals, exact installment
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
  type LateChargesCalculator,
  type LateChargesFigures,
  type LateChargesBatchInput,
  type LateChargesColumns,
  type LateChargesOptions,
  type AppliedFineRule,
  type Accrual,
} from './late-charges-calculator.js';
export { calculateLateCharges, lateChargesInputSchema, invoicePaymentSchema, type LateChargesInput, type LateCharges } from './late-charges.js';
export { owedAmount, owedAmountInputSchema, type OwedAmount, type OwedAmountInput, type OwedSubject } from './owed-amount.js';
export { agreementInvoiceSchema, invoiceStatusSchema, MAX_AGREEMENT_INVOICES, type AgreementInvoice, type AgreementInvoiceInput } from './invoice.js';
export { checkEligibility, eligibilityPolicySchema, type Eligibility, type EligibilityPolicyInput, type IneligibilityReason } from './eligibility.js';
export { COMPONENT_NAMES, ONCE_COMPONENTS, SPREAD_COMPONENTS, componentsSchema, type ComponentName, type Components } from './components.js';
export { accountPlanSchema, installmentPlanSchema, type AccountPlan, type Installment, type InstallmentPlan } from './installment-plan.js';
export { installmentsRuleSchema, MAX_INSTALLMENTS, type InstallmentsRule } from './schedule.js';
export { newInvoicesOf, type AccountPlanLine, type LedgerInstructions, type NewInvoiceInstruction } from './ledger.js';
export { proposeAgreement } from './proposal.js';
export { proposalTerms, proposalTermsSchema, type ProposalTerms, type ProposalTermsInput, type ProposalWithTerms } from './proposal-terms.js';
export { agreementFineCapSchema, capAgreementFine, type AgreementFineCapInput, type AppliedAgreementFine } from './agreement-fine-cap.js';
export { proposalInputSchema, keepTermsProposalSchema, newProposalSchema, type Agreement, type ProposalInput, type ProposalOptions } from './proposal-schema.js';
export { editInstallment, installmentEditSchema, type InstallmentEdit, type InstallmentPlanInput } from './edit-installment.js';
export {
  agreementStatus,
  agreementStatusSubjectSchema,
  agreementPaymentSchema,
  type AgreementStatus,
  type AgreementState,
  type AgreementStatusSubject,
  type AgreementPaymentInput,
  type InstallmentStatus,
} from './agreement-status.js';
