import type { CivilDate } from '../calendar/index.js';

/**
 * A negativation the bureau registered, as the classification's panels read
 * it: its id, its invoice and two days, without the rest of the record.
 */
export interface NegativationRegistration {
  /** The negativation's id (the order among one invoice's negativations). */
  readonly id: string;
  /** The invoice it negativates. */
  readonly invoiceId: string;
  /** The day the bureau registered it (the record's `negativation.registeredOn`). */
  readonly registeredOn: CivilDate;
  /** The day its removal was confirmed (`negativation.removal.confirmedOn`), when it was. */
  readonly removedOn?: CivilDate;
}

/**
 * The negativations' registration days by invoice, read without their
 * records: what the classification reads beside a page of invoices, so a
 * store that keeps the two days in columns answers from those and not by
 * reading (and parsing) each whole record. Optional in the port
 * (`StoreTransaction.registrations`): without it the classification reads
 * the negativation records. It reads what the transaction has written too.
 */
export interface RegistrationIndex {
  /**
   * The registered negativations (those with a `registeredOn`) of these
   * invoices, in id order: what `negativations.listFor('invoiceId', invoiceIds)`
   * holds, each reduced to a {@link NegativationRegistration}.
   */
  forInvoices(invoiceIds: readonly string[]): Promise<NegativationRegistration[]>;
}
