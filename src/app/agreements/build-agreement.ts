import * as z from 'zod';
import { cobrancaError, withPathPrefix } from '../../errors.js';
import { fromCents, moneySchema, toDecimalString, ZERO } from '../../money/index.js';
import {
  accountPlanSchema,
  editInstallment,
  eligibilityPolicySchema,
  installmentEditSchema,
  installmentPlanSchema,
  installmentsRuleSchema,
  keepTermsProposalSchema,
  newInvoicesOf,
  newProposalSchema,
  proposeAgreement,
  COMPONENT_NAMES,
  type Agreement,
  type AgreementInvoiceInput,
  type InstallmentEdit,
  type InstallmentPlan,
  type ProposalInput,
} from '../../agreements/index.js';
import type { CustomerRecord, InvoiceRecord, StoreTransaction } from '../../ports/index.js';
import { abort, commandBaseSchema, notFound } from '../command.js';
import type { AppContext } from '../dependencies.js';
import { owedCalculator, owedOfRecord } from '../owed.js';
import { requireActiveCategory } from '../registers/categories.js';

const [singleRule, regularRule, datesRule] = installmentsRuleSchema.options;
const strictInstallments = z.discriminatedUnion('kind', [singleRule.strict(), regularRule.strict(), datesRule.strict()]);
const strictSpecialProcesses = eligibilityPolicySchema.strict().default(() => eligibilityPolicySchema.parse({}));

/**
 * The proposal `negotiate` takes: `proposeAgreement`'s input less `asOf`,
 * `invoices` (the store provides them, updated by the one owed-amount rule) and
 * `lateChargesPolicy` / `fineCap` (the application's settings and the
 * customer's kind provide them). Strict at every level: an unknown field is
 * `invalid_input` naming it. `discountAmount` may be negative: seed 001's
 * "desconto negativo", a surcharge spread over the installments.
 */
export const negotiationProposalSchema = z.discriminatedUnion('kind', [
  keepTermsProposalSchema.omit({ asOf: true, invoices: true }).extend({ specialProcesses: strictSpecialProcesses }).strict(),
  newProposalSchema
    .omit({ asOf: true, invoices: true, lateChargesPolicy: true, fineCap: true })
    .extend({
      discountAmount: moneySchema.default(() => ZERO),
      installments: strictInstallments,
      accountPlan: accountPlanSchema.strict().default(() => ({})),
      specialProcesses: strictSpecialProcesses,
    })
    .strict(),
]);

/** The fields of a negotiation, shared by the preview and the command. */
export const negotiationFields = {
  customerId: z.string().min(1),
  proposal: negotiationProposalSchema,
  /** The operator's edit of the generated plan (`editInstallment`'s edit): amounts, dates, an additional (or negative) discount. */
  edit: installmentEditSchema.extend({ changes: installmentEditSchema.shape.changes.unwrap().element.strict().array().max(360).default([]) }).strict().optional(),
  /**
   * An operator-edited plan given back whole (a preview's plan, changed): its
   * installments' amounts and dates and its discount are applied with
   * `editInstallment`, so it is validated again (it must add up; every
   * component is re-split exactly). Its other components must be the proposal's.
   */
  plan: installmentPlanSchema.optional(),
  /** The total the operator saw in the preview: when given, a different total is refused (`preview_stale`). */
  expectedTotal: moneySchema.optional(),
};

/** Input of `previewAgreement`: a negotiation, with the operator but no idempotency key (nothing is written). */
export const previewAgreementSchema = z.object({ actor: commandBaseSchema.shape.actor, ...negotiationFields }).strict();

/** Input of `negotiate`. */
export const negotiateSchema = commandBaseSchema.extend(negotiationFields).strict();

/** A parsed negotiation. */
export type Negotiation = z.output<typeof previewAgreementSchema>;

const STATUS_FOR_AGREEMENTS: Record<InvoiceRecord['status'], AgreementInvoiceInput['status']> = {
  open: 'open',
  paid: 'settled',
  suspended: 'suspended',
  cancelled: 'deleted',
  deleted: 'deleted',
};

/** The customer's invoices as the agreements engine reads them: the principal still owed and the amount updated by the one owed-amount rule. */
async function invoicesForProposal(tx: StoreTransaction, context: AppContext, customerId: string): Promise<{ inputs: AgreementInvoiceInput[]; records: Map<string, InvoiceRecord> }> {
  const records = await tx.invoices.list({ customerId });
  const today = context.today();
  const earliest = records.reduce((min, r) => (r.dueDate < min ? r.dueDate : min), today);
  const calculator = await owedCalculator(context, today, earliest);
  const inputs: AgreementInvoiceInput[] = [];
  for (const invoice of records) {
    const open = invoice.status === 'open';
    const owed = open ? owedOfRecord(calculator, invoice, invoice.paid.cents > 0 ? await tx.payments.list({ invoiceId: invoice.id }) : [], today) : undefined;
    inputs.push({
      id: invoice.id,
      amount: owed ? owed.principal : invoice.amount,
      ...(owed ? { updatedAmount: owed.owed } : {}),
      dueDate: invoice.dueDate,
      // An open invoice already in an (active keep_terms) agreement is held by it: shown to the engine as suspended, so it is not eligible twice.
      status: invoice.agreementId !== undefined && open ? 'suspended' : STATUS_FOR_AGREEMENTS[invoice.status],
      fiscalDocumentIssued: invoice.fiscalDocumentIssued ?? false,
      bankRemittanceGenerated: invoice.bankRemittanceGenerated ?? false,
    });
  }
  return { inputs, records: new Map(records.map((r) => [r.id, r])) };
}

/** The edit that turns the generated plan into the operator's plan; the components other than the discount must be unchanged. */
function editFromPlan(generated: InstallmentPlan, given: z.output<typeof installmentPlanSchema>): InstallmentEdit {
  for (const name of COMPONENT_NAMES) {
    if (name === 'discount') continue;
    if (given.components[name].cents !== generated.components[name].cents) {
      abort(cobrancaError('invalid_input', `the edited plan's ${name} (${toDecimalString(given.components[name])}) is not the proposal's (${toDecimalString(generated.components[name])}): change the proposal instead`, { path: ['plan', 'components', name] }));
    }
  }
  if (given.installments.length !== generated.installments.length) {
    abort(cobrancaError('invalid_input', `the edited plan has ${given.installments.length} installments, the proposal ${generated.installments.length}: change the proposal's installments instead`, { path: ['plan', 'installments'] }));
  }
  return {
    changes: given.installments.map((i) => ({ number: i.number, amount: i.amount, dueDate: i.dueDate })),
    additionalDiscount: fromCents(generated.components.discount.cents - given.components.discount.cents),
  };
}

/** Applies an edit to the agreement's plan (a new proposal), keeping the new invoices in step with it. */
function edited(agreement: Agreement, edit: InstallmentEdit, path: string): Agreement {
  if (agreement.kind !== 'new_proposal') abort(cobrancaError('invalid_input', 'a keep_terms agreement keeps its invoices as they are: it has no plan to edit', { path: [path] }));
  const plan = editInstallment(agreement.plan, edit);
  if (plan.isErr()) abort(plan.error.path?.[0] === 'edit' || plan.error.path?.[0] === 'plan' ? { ...plan.error, path: [path, ...plan.error.path.slice(1)] } : plan.error);
  return { ...agreement, total: plan.value.total, plan: plan.value, instructions: { ...agreement.instructions, createInvoices: newInvoicesOf(plan.value) } };
}

/**
 * Builds the agreement a negotiation asks for, exactly as `proposeAgreement`
 * and `editInstallment` would, over the customer's invoices as stored: the
 * category checked against its register, the consumer cap on the fine by the
 * customer's kind, seed 001's negative discount, the operator's edits, and the
 * preview's total. Writes nothing; aborts with the engine's error, its path
 * under the command's field (`proposal.finePercent`, `edit.changes`…).
 */
export async function buildAgreement(tx: StoreTransaction, context: AppContext, input: Negotiation): Promise<{ customer: CustomerRecord; agreement: Agreement; records: Map<string, InvoiceRecord> }> {
  const customer = await tx.customers.get(input.customerId);
  if (!customer) abort(notFound('customer', input.customerId, ['customerId']));
  await requireActiveCategory(tx, input.proposal.category, ['proposal', 'category']);
  const { inputs, records } = await invoicesForProposal(tx, context, customer.id);
  const proposal = input.proposal;
  const surcharge = proposal.kind === 'new_proposal' && proposal.discountAmount.cents < 0 ? proposal.discountAmount : undefined;
  const engineInput = {
    ...proposal,
    asOf: context.today(),
    invoices: inputs,
    ...(proposal.kind === 'new_proposal'
      ? { discountAmount: surcharge ? ZERO : proposal.discountAmount, fineCap: { consumerContract: customer.kind === 'person', aboveCap: context.policies.agreements.fineAboveConsumerCap } }
      : {}),
  };
  const proposed = proposeAgreement(engineInput as ProposalInput, { calendar: context.calendar });
  if (proposed.isErr()) abort(withPathPrefix(proposed.error, ['proposal']));
  let agreement = proposed.value;
  if (surcharge) {
    // Seed 001's negative discount raises the total; spread like any discount, over every installment.
    agreement = edited(agreement, { additionalDiscount: surcharge, rebalance: 'following' }, 'proposal');
    if (agreement.plan.accountPlan.discount === undefined) abort(cobrancaError('account_plan_missing', 'a chart-of-accounts code is required for the discount', { path: ['proposal', 'accountPlan', 'discount'] }));
  }
  if (input.plan) agreement = edited(agreement, editFromPlan(agreement.plan, input.plan), 'plan');
  if (input.edit) agreement = edited(agreement, input.edit, 'edit');
  if (input.expectedTotal && input.expectedTotal.cents !== agreement.total.cents) {
    abort(
      cobrancaError('preview_stale', `the agreement's total is now ${toDecimalString(agreement.total)}, not the ${toDecimalString(input.expectedTotal)} previewed: preview it again`, {
        path: ['expectedTotal'],
        details: { total: agreement.total, expectedTotal: input.expectedTotal },
      }),
    );
  }
  return { customer, agreement, records };
}
