import type { CivilDate } from '../calendar/index.js';
import type { ParsedClassifierInvoice } from './classify-input.js';

/** Whether an invoice is paid on `asOf`. */
export function isPaid(invoice: ParsedClassifierInvoice, asOf: CivilDate): boolean {
  return invoice.paidOn !== undefined && invoice.paidOn <= asOf;
}

/** What an invoice owes on `asOf`: the one rule's figure when given, else its amount while unpaid. */
export function owedCentsOf(invoice: ParsedClassifierInvoice, asOf: CivilDate): number {
  if (isPaid(invoice, asOf)) return 0;
  return invoice.owed?.cents ?? invoice.amount.cents;
}

/** The agreement an invoice is in on `asOf` (not cancelled, already made), if any. */
export function agreementOn(invoice: ParsedClassifierInvoice, asOf: CivilDate): NonNullable<ParsedClassifierInvoice['agreement']> | undefined {
  const agreement = invoice.agreement;
  if (agreement === undefined || agreement.cancelled || agreement.status === 'cancelled' || agreement.createdOn > asOf) return undefined;
  return agreement;
}

/** Whether an unpaid agreement invoice counts as broken: `agreementStatus` says so, or (no status given) the engine's rule per invoice. */
export function isBroken(invoice: ParsedClassifierInvoice, agreement: NonNullable<ParsedClassifierInvoice['agreement']>, asOf: CivilDate): boolean {
  if (agreement.status !== undefined) return agreement.status === 'broken';
  const deadline = agreement.toleranceDate > invoice.dueDate ? agreement.toleranceDate : invoice.dueDate;
  return asOf > deadline;
}
