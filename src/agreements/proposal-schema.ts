import type { Decimal } from 'decimal.js';
import * as z from 'zod';
import { civilDateSchema, type BusinessCalendar, type CivilDate } from '../calendar/index.js';
import { allocationPolicySchema, nonNegativeMoneySchema, roundingModeSchema, ZERO, type Money } from '../money/index.js';
import { Dec } from '../money/decimal.js';
import { agreementFineCapSchema, type AppliedAgreementFine } from './agreement-fine-cap.js';
import { eligibilityPolicySchema } from './eligibility.js';
import { accountPlanSchema, type InstallmentPlan } from './installment-plan.js';
import { agreementInvoiceSchema, MAX_AGREEMENT_INVOICES } from './invoice.js';
import { lateChargesPolicySchema } from './late-charges-policy.js';
import type { LedgerInstructions } from './ledger.js';
import { percentSchema } from './percent.js';
import { installmentsRuleSchema } from './schedule.js';
import type { InputOf } from '../errors.js';

const zeroPercent = (): Decimal => new Dec(0);

const commonFields = {
  /** The date of the proposal ("today", passed in: the domain has no clock). */
  asOf: civilDateSchema,
  /** The customer's invoices the selection refers to (e.g. those awaiting an agreement). */
  invoices: z.array(agreementInvoiceSchema).min(1).max(MAX_AGREEMENT_INVOICES),
  /** The ids of the invoices the operator selected for the agreement. */
  selectedInvoiceIds: z.array(z.string().min(1)).min(1).max(MAX_AGREEMENT_INVOICES),
  /** Last day the agreement may be paid before it counts as broken; strictly after `asOf` (seed 004). */
  toleranceDate: civilDateSchema,
  /** The agreement category (seed 004, "Categoria do Acordo"). */
  category: z.string().min(1).max(200),
  /** Seed 004's special-processes authorisations. */
  specialProcesses: eligibilityPolicySchema.default(() => eligibilityPolicySchema.parse({})),
};

/** Seed 004 "Sem alteração da proposta de cobrança": the invoices keep their values. */
export const keepTermsProposalSchema = z.object({ kind: z.literal('keep_terms'), ...commonFields });

/** Seed 004 "Gerar nova proposta a partir de descontos e taxas adicionais". */
export const newProposalSchema = z.object({
  kind: z.literal('new_proposal'),
  ...commonFields,
  /** Whether the base is the invoices' original amounts or their amounts updated with late charges (a setting). */
  baseAmounts: z.enum(['original', 'updated']).default('original'),
  /**
   * With `baseAmounts: 'updated'`, the late-charges policy that updates an invoice given without an
   * `updatedAmount` as of `asOf` (seed 001: "o sistema calculará o juros/multa de atraso").
   */
  lateChargesPolicy: lateChargesPolicySchema.optional(),
  /** + Acréscimo (%) of the base, spread over all installments. */
  surchargePercent: percentSchema.default(zeroPercent),
  /** + Multa (%) of the base, once on the first installment; capped for a consumer debt by `fineCap`. */
  finePercent: percentSchema.default(zeroPercent),
  /** The consumer cap on the fine (CDC art. 52 §1): a consumer debt by default, 2%, capped (and said in `fineRule`) or refused. */
  fineCap: agreementFineCapSchema.default(() => agreementFineCapSchema.parse({})),
  /** − Descontos (%) of the base, spread over all installments. */
  discountPercent: percentSchema.default(zeroPercent),
  /** − Descontos (R$), spread over all installments. */
  discountAmount: nonNegativeMoneySchema.default(() => ZERO),
  /** + Encargos (R$), once on the first installment. */
  chargesAmount: nonNegativeMoneySchema.default(() => ZERO),
  /** + Honorários (R$), once on the first installment. */
  feesAmount: nonNegativeMoneySchema.default(() => ZERO),
  /** Chart-of-accounts codes; required for each non-zero surcharge, fine, discount, charges and fees. */
  accountPlan: accountPlanSchema.default(() => ({})),
  /** What happens to the original invoices: cancelled (default) or suspended (a setting). */
  originals: z.enum(['cancel', 'suspend']).default('cancel'),
  /** Keep the contract's on-time discount on the new invoice(s); not when originals are suspended. */
  keepOnTimeDiscount: z.boolean().default(false),
  installments: installmentsRuleSchema,
  /** Where leftover centavos go (default `first`: 1000.00 in 3 → 333.34, 333.33, 333.33). */
  allocation: allocationPolicySchema.default('first'),
  /** Rounding of the percentages. */
  rounding: roundingModeSchema.default('half_up'),
  /** Seed 001: discounts may only reduce late charges (fine, interest, surcharge, charges), never principal. */
  discountsOnlyReduceLateCharges: z.boolean().default(false),
  /** Whether an installment may be negative (off by default). */
  allowNegativeInstallments: z.boolean().default(false),
});

/** Input of {@link proposeAgreement}. */
export const proposalInputSchema = z.discriminatedUnion('kind', [keepTermsProposalSchema, newProposalSchema]);

/** Input of {@link proposeAgreement} as written by the host. */
export type ProposalInput = InputOf<typeof proposalInputSchema>;

/** An agreement (acordo) as proposed: plain, serialisable data. */
export interface Agreement {
  readonly kind: 'keep_terms' | 'new_proposal';
  readonly createdOn: CivilDate;
  readonly category: string;
  readonly toleranceDate: CivilDate;
  /** The invoices the agreement covers, sorted by id. */
  readonly invoiceIds: readonly string[];
  readonly total: Money;
  /** What happens to the originals: kept (keep terms), cancelled or suspended. */
  readonly originals: 'keep' | 'cancel' | 'suspend';
  readonly plan: InstallmentPlan;
  /** What the host must do to its receivables. */
  readonly instructions: LedgerInstructions;
  /** A new proposal's fine as applied, with the consumer cap in force (`capped: true` when the cap cut it). */
  readonly fineRule?: AppliedAgreementFine;
}

/** Options of {@link proposeAgreement}. */
export interface ProposalOptions {
  /** The calendar for `moveToBusinessDay` (default: the national banking calendar). */
  readonly calendar?: BusinessCalendar;
}

/** A parsed proposal. */
export type ParsedProposal = z.output<typeof proposalInputSchema>;

/** A parsed keep_terms proposal. */
export type ParsedKeepTerms = Extract<ParsedProposal, { kind: 'keep_terms' }>;

/** A parsed new proposal. */
export type ParsedNewProposal = Extract<ParsedProposal, { kind: 'new_proposal' }>;
