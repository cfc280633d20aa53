import type { CivilDate } from '../../calendar/index.js';
import type { AgreementRecord, InvoiceRecord, NegativationRecord, NegativationRegistration, ProtestRecord, StoreTransaction } from '../../ports/index.js';
import type { AppContext } from '../dependencies.js';
import { negativationOf } from '../negativation/negativation-store.js';
import { protestOf } from '../protest/protest-store.js';
import { pagesOf } from './paging.js';
import { groupBy } from './portfolio.js';

/** When an invoice was registered at a bureau and, if so, removed (the classifier's "registered" and "removed" panels). */
export interface RegistrationMark {
  readonly registeredOn: CivilDate;
  readonly removedOn?: CivilDate;
}

/** When an invoice was protested and, if so, the protest cancelled (the "protested" panel). */
export interface ProtestMark {
  readonly protestedOn: CivilDate;
  readonly cancelledOn?: CivilDate;
}

/**
 * What the classification reads beside the invoices: the agreements of their
 * customers (every status, in id order) and the registrations and protests that
 * took effect, by invoice. An invoice with none of them (and no SPC control) is
 * plain. Look-ups of ids absent from the maps answer `undefined`.
 */
export interface ClassifyMarks {
  readonly agreements: ReadonlyMap<string, readonly AgreementRecord[]>;
  readonly registrations: ReadonlyMap<string, RegistrationMark>;
  readonly protests: ReadonlyMap<string, ProtestMark>;
}

/** A negativation record's registration days, as the store's registration index answers them (`undefined`: not registered). */
function registrationRowOf(record: NegativationRecord): NegativationRegistration | undefined {
  const negativation = negativationOf(record);
  if (negativation.registeredOn === undefined) return undefined;
  const removedOn = negativation.removal?.confirmedOn;
  return { id: record.id, invoiceId: record.invoiceId, registeredOn: negativation.registeredOn, ...(removedOn ? { removedOn } : {}) };
}

/**
 * The registration marks of invoices from their registered negativations (in
 * id order): the mark of an invoice is its first negativation the bureau
 * registered, with that one's removal day. Added to `marks` (an invoice
 * already there keeps its mark).
 */
function addRegistrations(marks: Map<string, RegistrationMark>, registered: Iterable<NegativationRegistration>): Map<string, RegistrationMark> {
  for (const row of registered) {
    if (marks.has(row.invoiceId)) continue;
    marks.set(row.invoiceId, row.removedOn ? { registeredOn: row.registeredOn, removedOn: row.removedOn } : { registeredOn: row.registeredOn });
  }
  return marks;
}

/** The registered negativations among records (in their order). */
function* registeredOf(records: Iterable<NegativationRecord>): Generator<NegativationRegistration> {
  for (const record of records) {
    const row = registrationRowOf(record);
    if (row !== undefined) yield row;
  }
}

/** The registration marks of a page's invoices: from the store's registration index (no record read) when it has one, else from their negativation records. */
async function pageRegistrations(tx: StoreTransaction, ids: readonly string[]): Promise<Map<string, RegistrationMark>> {
  if (tx.registrations !== undefined) return addRegistrations(new Map(), await tx.registrations.forInvoices(ids));
  return addRegistrations(new Map(), registeredOf(await tx.negativations.listFor('invoiceId', ids)));
}

/** The protest the panels show among an invoice's protest records (in id order): the first one made. */
function protestMarkOf(records: readonly ProtestRecord[]): ProtestMark | undefined {
  for (const record of records) {
    const protest = protestOf(record);
    if (protest.protestedOn === undefined) continue;
    const cancelledOn = protest.cancellation?.confirmedOn;
    return { protestedOn: protest.protestedOn, ...(cancelledOn ? { cancelledOn } : {}) };
  }
  return undefined;
}

/** Each group's mark, keeping only the groups that have one. */
function marksOf<R, M>(groups: ReadonlyMap<string, readonly R[]>, markOf: (records: readonly R[]) => M | undefined): Map<string, M> {
  const marks = new Map<string, M>();
  for (const [key, records] of groups) {
    const mark = markOf(records);
    if (mark !== undefined) marks.set(key, mark);
  }
  return marks;
}

/**
 * The marks of one page of invoices, read in the page's transaction with a
 * fixed number of batch reads (agreements by customer, registrations and
 * protests by invoice): the checked path's, and every path's on a store with
 * a registration index (`StoreTransaction.registrations`), so the pass holds
 * one page's marks at a time and reads no negativation record.
 */
export async function pageMarks(tx: StoreTransaction, page: readonly InvoiceRecord[]): Promise<ClassifyMarks> {
  const customerIds = [...new Set(page.map((invoice) => invoice.customerId))];
  const ids = page.map((invoice) => invoice.id);
  return {
    agreements: groupBy(await tx.agreements.listFor('customerId', customerIds), (a) => a.customerId),
    registrations: await pageRegistrations(tx, ids),
    protests: marksOf(groupBy(await tx.protests.listFor('invoiceId', ids), (p) => p.invoiceId), protestMarkOf),
  };
}

/** Page size of the walks over agreements, negativations and protests. */
const MARK_PAGE = 2000;

/**
 * The marks of the whole portfolio (the context's share), read once per pass
 * by walking the agreements, negativations and protests page by page (each
 * record read once, in id order): the fast path's on a store without a
 * registration index, so a page of plain invoices needs no read beside its
 * own. Holds one entry per customer with an agreement and per invoice with a
 * registration or protest that took effect; what it answers equals
 * {@link pageMarks} for every page (property tests prove the panels equal).
 * On a store with a registration index it reads nothing and answers
 * `undefined`: the pass reads each page's marks with {@link pageMarks}
 * (memory bounded by a page, no negativation body read).
 */
export async function portfolioMarks(context: AppContext): Promise<ClassifyMarks | undefined> {
  if (await context.store.transaction(async (tx) => tx.registrations !== undefined)) return undefined;
  const agreements = new Map<string, AgreementRecord[]>();
  for await (const page of pagesOf(context, (tx) => tx.agreements, MARK_PAGE)) {
    for (const record of page) {
      const held = agreements.get(record.customerId);
      if (held) held.push(record);
      else agreements.set(record.customerId, [record]);
    }
  }
  // The first record (in id order) with a registration answers for its invoice, as pageMarks reads a page.
  const registrations = new Map<string, RegistrationMark>();
  for await (const page of pagesOf(context, (tx) => tx.negativations, MARK_PAGE)) addRegistrations(registrations, registeredOf(page));
  const protests = new Map<string, ProtestMark>();
  for await (const page of pagesOf(context, (tx) => tx.protests, MARK_PAGE)) {
    for (const record of page) {
      if (protests.has(record.invoiceId)) continue;
      const mark = protestMarkOf([record]);
      if (mark !== undefined) protests.set(record.invoiceId, mark);
    }
  }
  return { agreements, registrations, protests };
}
