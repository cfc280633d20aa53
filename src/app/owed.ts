import { addYears, maxDate, minDate, type CivilDate } from '../calendar/index.js';
import type { LateChargesCalculator, OwedAmount } from '../agreements/index.js';
import { owedAmountWith } from '../agreements/owed-amount.js';
import { ZERO } from '../money/index.js';
import type { InvoiceRecord, PaymentRecord, StoreTransaction } from '../ports/index.js';
import { unwrap } from './command.js';
import type { AppContext } from './dependencies.js';

/**
 * How much is owed, in one place. The rule is the agreements module's
 * `owedAmount` (kernel-free of I/O, so every domain module could call it, but
 * domain modules never import each other): the application computes it here,
 * from the store, and feeds the result to the others — the ruler's conditions
 * (`updatedAmount`), the negativation's settlement (`payment_received.owed`), the
 * updated invoice (`issue_updated_invoice.breakdown`), `recordPayment` and the
 * panels (`owed`). No other place computes an amount owed.
 */

/** The late-charges calculator for every debt still registrable on `asOf` (rate series reaching back six years), or none. */
export function owedCalculator(context: AppContext, asOf: CivilDate, earliestDue: CivilDate = addYears(asOf, -6)): Promise<LateChargesCalculator | undefined> {
  return context.policies.lateCharges(minDate(earliestDue, asOf), maxDate(earliestDue, asOf));
}

/** A settled invoice's figures: nothing owed. */
function settledOwed(asOf: CivilDate, invoice: InvoiceRecord): OwedAmount {
  return { asOf, principal: ZERO, fine: ZERO, interest: ZERO, correction: ZERO, owed: ZERO, paid: invoice.paid, settled: true, principalPaid: true };
}

/**
 * What one invoice owes on `asOf` by the one rule: its principal, its payments
 * and the late-charges policy. A paid invoice owes nothing.
 */
export function owedOfRecord(calculator: LateChargesCalculator | undefined, invoice: InvoiceRecord, payments: readonly PaymentRecord[], asOf: CivilDate): OwedAmount {
  if (invoice.status === 'paid') return settledOwed(asOf, invoice);
  const dated = payments.map((p) => ({ date: p.paidOn, amount: p.amount }));
  return unwrap(owedAmountWith(calculator, { principal: invoice.amount, dueDate: invoice.dueDate, payments: dated }, asOf));
}

/** {@link owedOfRecord} reading the invoice's payments and the policy's rates. */
export async function owedOfInvoice(tx: StoreTransaction, context: AppContext, invoice: InvoiceRecord, asOf: CivilDate, calculator?: LateChargesCalculator): Promise<OwedAmount> {
  const payments = invoice.status === 'paid' ? [] : await tx.payments.list({ invoiceId: invoice.id });
  return owedOfRecord(calculator ?? (await owedCalculator(context, asOf, invoice.dueDate)), invoice, payments, asOf);
}

/** The owed amount as plain data for effects and answers. */
export function breakdownOf(owed: OwedAmount): Record<string, unknown> {
  return { asOf: owed.asOf, principal: owed.principal, fine: owed.fine, interest: owed.interest, correction: owed.correction, owed: owed.owed, paid: owed.paid, settled: owed.settled };
}
