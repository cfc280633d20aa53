import { err, ok, type Result } from 'neverthrow';
import type { BusinessCalendar, CivilDate } from '../calendar/index.js';
import { cobrancaError } from '../errors.js';
import { allocate, fromCents, INPUT_RANGE_TEXT, MAX_INPUT_CENTS } from '../money/index.js';
import { ONCE_COMPONENTS, type Components } from './components.js';
import type { AgreementsError } from './errors.js';
import type { Installment, InstallmentPlan } from './installment-plan.js';
import type { AgreementInvoice } from './invoice.js';
import type { LateChargesCalculator } from './late-charges-calculator.js';
import { newInvoicesOf } from './ledger.js';
import { proposalBase } from './proposal-base.js';
import { proposalComponents } from './proposal-components.js';
import { proposalScheduleProblem } from './proposal-schedule-check.js';
import type { Agreement, ParsedNewProposal } from './proposal-schema.js';
import { dueDatesOf } from './schedule.js';
import { splitComponents } from './split-plan.js';

/** The total of the components, refused past R$ 1 trillion with the path of the largest one. */
function totalOf(components: Components): Result<number, AgreementsError> {
  const totalCents = components.base.cents + components.surcharge.cents + components.fine.cents + components.discount.cents + components.charges.cents + components.fees.cents;
  if (totalCents <= MAX_INPUT_CENTS) return ok(totalCents);
  const fields = { base: 'invoices', surcharge: 'surchargePercent', fine: 'finePercent', discount: 'discountAmount', charges: 'chargesAmount', fees: 'feesAmount' } as const;
  const largest = (Object.keys(fields) as (keyof typeof fields)[]).reduce((a, b) => (components[b].cents > components[a].cents ? b : a));
  return err(cobrancaError('amount_out_of_range', `the agreement's total is beyond the supported range of ${INPUT_RANGE_TEXT}`, { path: [fields[largest]], details: { total: fromCents(totalCents) } }));
}

/** Splits the total over the due dates: the once-only components on the first installment, the rest spread by the allocation policy, the three sums exact. */
function installmentsOf(proposal: ParsedNewProposal, components: Components, totalCents: number, dueDates: readonly CivilDate[]): Result<Installment[], AgreementsError> {
  const onceCents = ONCE_COMPONENTS.reduce((sum, name) => sum + components[name].cents, 0);
  const spreadParts = allocate(fromCents(totalCents - onceCents), dueDates.length, proposal.allocation);
  if (spreadParts.isErr()) return err(cobrancaError('invalid_input', spreadParts.error.message, { path: ['installments'] }));
  const amounts = spreadParts.value.map((part, i) => (i === 0 ? fromCents(part.cents + onceCents) : part));
  return splitComponents(components, amounts, dueDates, proposal.allocation, proposal.allowNegativeInstallments);
}

/** The agreement around a plan: the invoices it covers and the ledger instructions for the host. */
function agreementOf(proposal: ParsedNewProposal, invoices: readonly AgreementInvoice[], plan: InstallmentPlan): Agreement {
  const ids = invoices.map((invoice) => invoice.id);
  return {
    kind: 'new_proposal',
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
  };
}

/**
 * Seed 004 "Gerar nova proposta a partir de descontos e taxas adicionais", in
 * named steps: the base ({@link proposalBase}), the components and their checks
 * ({@link proposalComponents}), the schedule's checks ({@link proposalScheduleProblem}),
 * the total, the installments with the three exact sums, and the ledger instructions.
 * `updater` is the proposal's compiled late-charges policy, when it has one.
 */
export function newProposal(proposal: ParsedNewProposal, invoices: readonly AgreementInvoice[], calendar: BusinessCalendar, updater: LateChargesCalculator | undefined): Result<Agreement, AgreementsError> {
  const base = proposalBase(proposal, invoices, updater);
  if (base.isErr()) return err(base.error);
  const components = proposalComponents(proposal, base.value);
  if (components.isErr()) return err(components.error);
  const problem = proposalScheduleProblem(proposal);
  if (problem) return err(problem);
  const dueDates = dueDatesOf(proposal.installments, calendar);
  const total = totalOf(components.value);
  if (total.isErr()) return err(total.error);
  const installments = installmentsOf(proposal, components.value, total.value, dueDates);
  if (installments.isErr()) return err(installments.error);
  const rule = proposal.installments;
  const plan: InstallmentPlan = {
    asOf: proposal.asOf,
    total: fromCents(total.value),
    components: components.value,
    installments: installments.value,
    allocation: proposal.allocation,
    allowNegativeInstallments: proposal.allowNegativeInstallments,
    accountPlan: proposal.accountPlan,
    description: rule.description,
    paymentProfile: rule.paymentProfile,
    keepOnTimeDiscount: proposal.keepOnTimeDiscount,
  };
  return ok(agreementOf(proposal, invoices, plan));
}
