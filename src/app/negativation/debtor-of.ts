import type { CustomerRecord, InvoiceRecord, NegativationRecord } from '../../ports/index.js';
import type { DebtorInput } from '../../negativation/index.js';
import { compact } from '../compact.js';
import { negativationOf } from './negativation-store.js';

/** The debtor as the negativation module reads it, from a stored customer (missing fields stay missing: the guard lists them). */
export function debtorOf(customer: CustomerRecord): DebtorInput {
  return compact({
    document: customer.taxId,
    name: customer.name,
    birthDate: customer.birthDate,
    email: customer.email,
    phone: customer.phone,
    address: customer.address ? compact({ ...customer.address }) : undefined,
  }) as DebtorInput;
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
