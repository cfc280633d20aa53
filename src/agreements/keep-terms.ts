import { err, ok, type Result } from 'neverthrow';
import { cobrancaError } from '../errors.js';
import { exactSumCents, fromCents, INPUT_RANGE_TEXT, withinInputLimit, ZERO, type Money } from '../money/index.js';
import type { AgreementsError } from './errors.js';
import type { Components } from './components.js';
import type { InstallmentPlan } from './installment-plan.js';
import type { AgreementInvoice } from './invoice.js';
import type { Agreement, ParsedKeepTerms } from './proposal-schema.js';

/** Components made of the base alone. */
export function baseOnly(amount: Money): Components {
  return { base: amount, surcharge: ZERO, fine: ZERO, discount: ZERO, charges: ZERO, fees: ZERO };
}

/**
 * Seed 004 "Sem alteração da proposta de cobrança": the selected invoices keep their values and due
 * dates; each becomes an installment of the plan (ordered by due date) so the agreement's status is
 * followed like any other. Nothing is cancelled or created.
 *
 * Error `amount_out_of_range` when the invoices add up to more than the agreement's total may be
 * (src/money/limits.ts): the sum is exact, never rounded.
 */
export function keepTerms(proposal: ParsedKeepTerms, invoices: readonly AgreementInvoice[]): Result<Agreement, AgreementsError> {
  const ordered = [...invoices].sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const totalCents = exactSumCents(ordered.map((invoice) => invoice.amount.cents));
  if (totalCents === undefined || !withinInputLimit(totalCents)) {
    return err(cobrancaError('amount_out_of_range', `the invoices add up to more than an agreement's total may be (${INPUT_RANGE_TEXT})`, { path: ['invoices'] }));
  }
  const total = fromCents(totalCents);
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
  return ok({
    kind: 'keep_terms',
    createdOn: proposal.asOf,
    category: proposal.category,
    toleranceDate: proposal.toleranceDate,
    invoiceIds: ids,
    total,
    originals: 'keep',
    plan,
    instructions: { placeInAgreement: ids, cancelInvoices: [], suspendInvoices: [], createInvoices: [] },
  });
}
