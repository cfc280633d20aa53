import type Decimal from 'decimal.js';
import { err, ok, type Result } from 'neverthrow';
import { z } from 'zod';
import { civilDateSchema, toEpochDay, type BusinessCalendar, type CivilDate } from '../calendar/index.js';
import { cobrancaError, parseInput } from '../errors.js';
import {
  allocate,
  allocationPolicySchema,
  Dec,
  fromCents,
  MAX_INPUT_CENTS,
  negate,
  nonNegativeMoneySchema,
  percentOf,
  roundingModeSchema,
  ZERO,
  type Money,
} from '../money/index.js';
import { ONCE_COMPONENTS, type Components } from './components.js';
import { eligibilityPolicySchema, ineligibilityReasons } from './eligibility.js';
import type { AgreementsError } from './errors.js';
import { accountPlanSchema, type InstallmentPlan } from './installment-plan.js';
import { agreementInvoiceSchema, MAX_AGREEMENT_INVOICES, type AgreementInvoice } from './invoice.js';
import { compileLateChargesPolicy, defaultBusinessCalendar, type LateChargesCalculator } from './late-charges-calculator.js';
import { lateChargesPolicySchema } from './late-charges-policy.js';
import { newInvoicesOf, type LedgerInstructions } from './ledger.js';
import { percentSchema } from './percent.js';
import { dueDatesOf, installmentsRuleSchema } from './schedule.js';
import { splitComponents } from './split-plan.js';

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
export const keepTermsProposalSchema = z.object({ kind: z.literal('keep-terms'), ...commonFields });

/** Seed 004 "Gerar nova proposta a partir de descontos e taxas adicionais". */
export const newProposalSchema = z.object({
  kind: z.literal('new-proposal'),
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
  /** + Multa (%) of the base, once on the first installment. */
  finePercent: percentSchema.default(zeroPercent),
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
  rounding: roundingModeSchema.default('half-up'),
  /** Seed 001: discounts may only reduce late charges (fine, interest, surcharge, charges), never principal. */
  discountsOnlyReduceLateCharges: z.boolean().default(false),
  /** Whether an installment may be negative (off by default). */
  allowNegativeInstallments: z.boolean().default(false),
});

/** Input of {@link proposeAgreement}. */
export const proposalInputSchema = z.discriminatedUnion('kind', [keepTermsProposalSchema, newProposalSchema]);

/** Input of {@link proposeAgreement} as written by the host. */
export type ProposalInput = z.input<typeof proposalInputSchema>;

/** An agreement (acordo) as proposed: plain, serialisable data. */
export interface Agreement {
  readonly kind: 'keep-terms' | 'new-proposal';
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
}

/** Options of {@link proposeAgreement}. */
export interface ProposalOptions {
  /** The calendar for `moveToBusinessDay` (default: the national banking calendar). */
  readonly calendar?: BusinessCalendar;
}

type Parsed = z.output<typeof proposalInputSchema>;

/**
 * Proposes an agreement (DOMAIN.md §2, seeds 001 and 004). A keep-terms agreement keeps the invoices
 * and their values; a new proposal computes `total = base + surcharge% + fine% − discount% −
 * discount R$ + charges R$ + fees R$` (percentages of the base), splits it into installments whose
 * sums are exact at three levels, and lists the invoices to cancel or suspend and to create.
 *
 * Errors: `invalid_input`, `tolerance_date_not_after_as_of`, `duplicate_invoice`, `unknown_invoice`,
 * `invoice_not_eligible`, `discount_exceeds_base`, `discount_exceeds_late_charges`,
 * `account_plan_missing`, `on_time_discount_unavailable`, `due_date_before_as_of`,
 * `dates_not_increasing`, `amount_out_of_range`; each with the path of the field.
 */
export function proposeAgreement(input: ProposalInput, options: ProposalOptions = {}): Result<Agreement, AgreementsError> {
  const parsed = parseInput(proposalInputSchema, input);
  if (parsed.isErr()) return err(parsed.error);
  const proposal = parsed.value;
  if (proposal.toleranceDate <= proposal.asOf) {
    return err(cobrancaError('tolerance_date_not_after_as_of', `the tolerance date must be after ${proposal.asOf}`, { path: ['toleranceDate'] }));
  }
  const selected = selectInvoices(proposal);
  if (selected.isErr()) return err(selected.error);
  const invoices = selected.value;
  if (proposal.kind === 'keep-terms') return ok(keepTerms(proposal, invoices));
  return newProposal(proposal, invoices, options.calendar ?? defaultBusinessCalendar());
}

/** The selected invoices, checked: no duplicates, all known, all eligible. Sorted by id. */
function selectInvoices(proposal: Parsed): Result<AgreementInvoice[], AgreementsError> {
  const byId = new Map<string, AgreementInvoice>();
  for (const [i, invoice] of proposal.invoices.entries()) {
    if (byId.has(invoice.id)) return err(cobrancaError('duplicate_invoice', `invoice ${invoice.id} is listed twice`, { path: ['invoices', i, 'id'], details: { id: invoice.id } }));
    byId.set(invoice.id, invoice);
  }
  const chosen = new Set<string>();
  const invoices: AgreementInvoice[] = [];
  for (const [i, id] of proposal.selectedInvoiceIds.entries()) {
    const path = ['selectedInvoiceIds', i];
    if (chosen.has(id)) return err(cobrancaError('duplicate_invoice', `invoice ${id} is selected twice`, { path, details: { id } }));
    chosen.add(id);
    const invoice = byId.get(id);
    if (!invoice) return err(cobrancaError('unknown_invoice', `no invoice with id ${id}`, { path, details: { id } }));
    const reasons = ineligibilityReasons(invoice, proposal.specialProcesses);
    if (reasons.length > 0) {
      return err(cobrancaError('invoice_not_eligible', `invoice ${id} may not enter an agreement: ${reasons.join(', ')}`, { path, details: { id, reasons } }));
    }
    invoices.push(invoice);
  }
  return ok(invoices.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)));
}

function baseOnly(amount: Money): Components {
  return { base: amount, surcharge: ZERO, fine: ZERO, discount: ZERO, charges: ZERO, fees: ZERO };
}

function keepTerms(proposal: Extract<Parsed, { kind: 'keep-terms' }>, invoices: AgreementInvoice[]): Agreement {
  const ordered = [...invoices].sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const total = fromCents(ordered.reduce((sum, invoice) => sum + invoice.amount.cents, 0));
  const ids = invoices.map((invoice) => invoice.id);
  const plan: InstallmentPlan = {
    asOf: proposal.asOf,
    total,
    components: baseOnly(total),
    installments: ordered.map((invoice, i) => ({ number: i + 1, dueDate: invoice.dueDate, amount: invoice.amount, breakdown: baseOnly(invoice.amount), invoiceId: invoice.id })),
    allocation: 'first',
    allowNegativeInstallments: false,
    accountPlan: {},
    description: '',
    paymentProfile: '',
    keepOnTimeDiscount: false,
  };
  return {
    kind: 'keep-terms',
    createdOn: proposal.asOf,
    category: proposal.category,
    toleranceDate: proposal.toleranceDate,
    invoiceIds: ids,
    total,
    originals: 'keep',
    plan,
    instructions: { placeInAgreement: ids, cancelInvoices: [], suspendInvoices: [], createInvoices: [] },
  };
}

/** The invoice's amount updated with late charges: given by the host, or computed with the proposal's late-charges policy. */
function updatedAmountOf(invoice: AgreementInvoice, proposal: Extract<Parsed, { kind: 'new-proposal' }>, updater: LateChargesCalculator | undefined): Result<number, AgreementsError> {
  if (invoice.updatedAmount) return ok(invoice.updatedAmount.cents);
  const index = proposal.invoices.findIndex((i) => i.id === invoice.id);
  if (!updater) {
    return err(cobrancaError('invalid_input', 'the base uses updated amounts: give each selected invoice an updatedAmount, or a lateChargesPolicy', { path: ['invoices', index, 'updatedAmount'] }));
  }
  const figures = updater.figures(invoice.amount.cents, toEpochDay(invoice.dueDate), toEpochDay(proposal.asOf));
  return figures.isErr() ? err(figures.error) : ok(figures.value.totalCents);
}

function newProposal(proposal: Extract<Parsed, { kind: 'new-proposal' }>, invoices: AgreementInvoice[], calendar: BusinessCalendar): Result<Agreement, AgreementsError> {
  let originalCents = 0;
  let baseCents = 0;
  const updater = proposal.lateChargesPolicy ? compileLateChargesPolicy(proposal.lateChargesPolicy, calendar) : undefined;
  for (const invoice of invoices) {
    originalCents += invoice.amount.cents;
    if (proposal.baseAmounts === 'updated') {
      const updated = updatedAmountOf(invoice, proposal, updater);
      if (updated.isErr()) return err(updated.error);
      baseCents += updated.value;
    } else baseCents += invoice.amount.cents;
  }
  const extras = proposal.discountAmount.cents + proposal.chargesAmount.cents + proposal.feesAmount.cents;
  if (baseCents > MAX_INPUT_CENTS || extras > MAX_INPUT_CENTS) {
    return err(cobrancaError('amount_out_of_range', 'the agreement is beyond the supported range of R$ 1 trillion', { path: ['invoices'] }));
  }
  const base = fromCents(baseCents);
  const mode = proposal.rounding;
  const surcharge = percentOf(base, proposal.surchargePercent, mode);
  const fine = percentOf(base, proposal.finePercent, mode);
  const discountByPercent = percentOf(base, proposal.discountPercent, mode);
  const discountCents = discountByPercent.cents + proposal.discountAmount.cents;
  if (discountCents > baseCents) {
    const path = discountByPercent.cents > baseCents ? ['discountPercent'] : ['discountAmount'];
    return err(cobrancaError('discount_exceeds_base', `the discounts (${discountCents} centavos) exceed the base (${baseCents} centavos)`, { path, details: { discount: fromCents(discountCents), base } }));
  }
  if (proposal.discountsOnlyReduceLateCharges) {
    const lateCharges = baseCents - originalCents + surcharge.cents + fine.cents + proposal.chargesAmount.cents;
    if (discountCents > lateCharges) {
      return err(
        cobrancaError('discount_exceeds_late_charges', 'a discount may only reduce late charges, never the principal (seed 001)', {
          path: ['discountAmount'],
          details: { maximum: fromCents(Math.max(0, lateCharges)), discount: fromCents(discountCents) },
        }),
      );
    }
  }
  const components: Components = {
    base,
    surcharge,
    fine,
    discount: negate(fromCents(discountCents)),
    charges: proposal.chargesAmount,
    fees: proposal.feesAmount,
  };
  for (const name of ['surcharge', 'fine', 'discount', 'charges', 'fees'] as const) {
    if (components[name].cents !== 0 && proposal.accountPlan[name] === undefined) {
      return err(cobrancaError('account_plan_missing', `a chart-of-accounts code is required for the ${name}`, { path: ['accountPlan', name] }));
    }
  }
  if (proposal.keepOnTimeDiscount && proposal.originals === 'suspend') {
    return err(cobrancaError('on_time_discount_unavailable', "the contract's on-time discount cannot be kept when the originals are suspended (seed 004)", { path: ['keepOnTimeDiscount'] }));
  }
  const rule = proposal.installments;
  if (rule.kind === 'dates') {
    for (let i = 1; i < rule.dates.length; i++) {
      if ((rule.dates[i] ?? '') <= (rule.dates[i - 1] ?? '')) {
        return err(cobrancaError('dates_not_increasing', 'installment dates must be strictly increasing', { path: ['installments', 'dates', i] }));
      }
    }
  }
  const firstScheduled = rule.kind === 'single' ? rule.dueDate : rule.kind === 'regular' ? rule.firstDueDate : rule.dates[0];
  if (firstScheduled !== undefined && firstScheduled < proposal.asOf) {
    const path = rule.kind === 'single' ? ['installments', 'dueDate'] : rule.kind === 'regular' ? ['installments', 'firstDueDate'] : ['installments', 'dates', 0];
    return err(cobrancaError('due_date_before_as_of', `the first due date may not be before ${proposal.asOf}`, { path }));
  }
  const dueDates = dueDatesOf(rule, calendar);
  const totalCents = baseCents + surcharge.cents + fine.cents - discountCents + proposal.chargesAmount.cents + proposal.feesAmount.cents;
  const onceCents = ONCE_COMPONENTS.reduce((sum, name) => sum + components[name].cents, 0);
  const spreadParts = allocate(fromCents(totalCents - onceCents), dueDates.length, proposal.allocation);
  if (spreadParts.isErr()) return err(cobrancaError('invalid_input', spreadParts.error.message, { path: ['installments'] }));
  const amounts = spreadParts.value.map((part, i) => (i === 0 ? fromCents(part.cents + onceCents) : part));
  const installments = splitComponents(components, amounts, dueDates, proposal.allocation, proposal.allowNegativeInstallments);
  if (installments.isErr()) return err(installments.error);
  const plan: InstallmentPlan = {
    asOf: proposal.asOf,
    total: fromCents(totalCents),
    components,
    installments: installments.value,
    allocation: proposal.allocation,
    allowNegativeInstallments: proposal.allowNegativeInstallments,
    accountPlan: proposal.accountPlan,
    description: rule.description,
    paymentProfile: rule.paymentProfile,
    keepOnTimeDiscount: proposal.keepOnTimeDiscount,
  };
  const ids = invoices.map((invoice) => invoice.id);
  return ok({
    kind: 'new-proposal',
    createdOn: proposal.asOf,
    category: proposal.category,
    toleranceDate: proposal.toleranceDate,
    invoiceIds: ids,
    total: plan.total,
    originals: proposal.originals,
    plan,
    instructions: {
      placeInAgreement: ids,
      cancelInvoices: proposal.originals === 'cancel' ? ids : [],
      suspendInvoices: proposal.originals === 'suspend' ? ids : [],
      createInvoices: newInvoicesOf(plan),
    },
  });
}
