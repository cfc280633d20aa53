import type { CustomerRecord, InvoiceRecord, NegativationRecord } from '../../ports/index.js';
import type { DebtorInput } from '../../negativation/index.js';
import { compact } from '../compact.js';
import { negativationOf } from './negativation-store.js';

/** The debtor as the negativation module reads it, from a stored customer (missing fields stay missing: the guard lists them). */
export function debtorOf(customer: CustomerRecord): DebtorInput {
  // Written out, not `compact` of a literal (an array of entries per call): the fields that are set, in this order.
  const debtor = {} as { -readonly [K in keyof DebtorInput]: DebtorInput[K] };
  if (customer.taxId !== undefined) debtor.document = customer.taxId;
  if (customer.name !== undefined) debtor.name = customer.name;
  if (customer.birthDate !== undefined) debtor.birthDate = customer.birthDate;
  if (customer.email !== undefined) debtor.email = customer.email;
  if (customer.phone !== undefined) debtor.phone = customer.phone;
  if (customer.address !== undefined) debtor.address = compact(customer.address);
  return debtor;
}

/** The title facts the request guards need, from a stored invoice. */
export function titleOf(invoice: InvoiceRecord, agreementActive: boolean) {
  const outstanding = invoice.amount.cents - invoice.paid.cents;
  return {
    id: invoice.id,
    amount: invoice.amount,
    dueDate: invoice.dueDate,
    ...(invoice.paid.cents > 0 ? { outstanding: { cents: Math.max(0, outstanding) } } : {}),
    paid: invoice.status === 'paid',
    inActiveAgreement: agreementActive,
    disputed: invoice.disputed ?? false,
  };
}

/** Stored negativations in the shape the duplicate guard reads. */
export function existingOf(records: readonly NegativationRecord[]) {
  return records.map((record) => negativationOf(record));
}
