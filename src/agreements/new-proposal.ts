import { err, ok, type Result } from 'neverthrow';
import { toEpochDay, type BusinessCalendar } from '../calendar/index.js';
import { cobrancaError } from '../errors.js';
import { allocate, exactSumCents, fromCents, INPUT_RANGE_TEXT, MAX_INPUT_CENTS, negate, percentOf, withinInputLimit } from '../money/index.js';
import { ONCE_COMPONENTS, type Components } from './components.js';
import type { AgreementsError } from './errors.js';
import type { InstallmentPlan } from './installment-plan.js';
import type { AgreementInvoice } from './invoice.js';
import { compileLateChargesPolicy, type LateChargesCalculator } from './late-charges-calculator.js';
import { newInvoicesOf } from './ledger.js';
import type { Agreement, ParsedNewProposal } from './proposal-schema.js';
import { dueDatesOf, LAST_SCHEDULABLE_DAY, scheduleFits } from './schedule.js';
import { splitComponents } from './split-plan.js';

/** The invoice's amount updated with late charges: given by the host, or computed with the proposal's late-charges policy. */
function updatedAmountOf(invoice: AgreementInvoice, proposal: ParsedNewProposal, updater: LateChargesCalculator | undefined): Result<number, AgreementsError> {
  if (invoice.updatedAmount) return ok(invoice.updatedAmount.cents);
  const index = proposal.invoices.findIndex((i) => i.id === invoice.id);
  if (!updater) {
    return err(cobrancaError('invalid_input', 'the base uses updated amounts: give each selected invoice an updatedAmount, or a lateChargesPolicy', { path: ['invoices', index, 'updatedAmount'] }));
  }
  const figures = updater.figures(invoice.amount.cents, toEpochDay(invoice.dueDate), toEpochDay(proposal.asOf));
  return figures.isErr() ? err(figures.error) : ok(figures.value.totalCents);
}

/**
 * Seed 004 "Gerar nova proposta a partir de descontos e taxas adicionais": computes the components
 * from the base, checks the discounts and the chart-of-accounts codes, splits the total into
 * installments with the three exact sums, and lists the ledger instructions.
 */
export function newProposal(proposal: ParsedNewProposal, invoices: readonly AgreementInvoice[], calendar: BusinessCalendar): Result<Agreement, AgreementsError> {
  const updater = proposal.lateChargesPolicy ? compileLateChargesPolicy(proposal.lateChargesPolicy, calendar) : undefined;
  const baseAmounts: number[] = [];
  for (const invoice of invoices) {
    if (proposal.baseAmounts === 'updated') {
      const updated = updatedAmountOf(invoice, proposal, updater);
      if (updated.isErr()) return err(updated.error);
      baseAmounts.push(updated.value);
    } else baseAmounts.push(invoice.amount.cents);
  }
  // Exact sums (src/money/limits.ts). Each amount is at most R$ 1 trillion and each percentage at most 1000%, so
  // with the base and the originals in range every sum below stays exact.
  const originalCents = exactSumCents(invoices.map((invoice) => invoice.amount.cents));
  const baseCents = exactSumCents(baseAmounts);
  if (originalCents === undefined || baseCents === undefined || !withinInputLimit(baseCents)) {
    return err(cobrancaError('amount_out_of_range', `the agreement is beyond the supported range of ${INPUT_RANGE_TEXT}`, { path: ['invoices'] }));
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
    // Seed 001: a discount may not cut into the principal. What it may reduce is everything the agreement adds on
    // top of the principal for the delay: the interest and correction in an updated base, the surcharge, the fine
    // and the charges (not the fees, which pay a third party).
    const lateCharges = baseCents - originalCents + surcharge.cents + fine.cents + proposal.chargesAmount.cents;
    if (discountCents > lateCharges) {
      return err(
        cobrancaError('discount_exceeds_late_charges', 'a discount may only reduce late charges, never the principal (seed 001)', {
          path: discountByPercent.cents > lateCharges ? ['discountPercent'] : ['discountAmount'],
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
  if (!scheduleFits(rule)) {
    return err(cobrancaError('invalid_input', `the installments would fall after ${LAST_SCHEDULABLE_DAY}`, { path: ['installments'] }));
  }
  const dueDates = dueDatesOf(rule, calendar);
  const totalCents = baseCents + surcharge.cents + fine.cents - discountCents + proposal.chargesAmount.cents + proposal.feesAmount.cents;
  if (totalCents > MAX_INPUT_CENTS) {
    const fields = { base: 'invoices', surcharge: 'surchargePercent', fine: 'finePercent', discount: 'discountAmount', charges: 'chargesAmount', fees: 'feesAmount' } as const;
    const largest = (Object.keys(fields) as (keyof typeof fields)[]).reduce((a, b) => (components[b].cents > components[a].cents ? b : a));
    return err(cobrancaError('amount_out_of_range', `the agreement's total is beyond the supported range of ${INPUT_RANGE_TEXT}`, { path: [fields[largest]], details: { total: fromCents(totalCents) } }));
  }
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
