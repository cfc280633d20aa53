import type { CivilDate } from '../../calendar/index.js';
import type { AgreementRecord, InvoiceRecord, NegativationRecord, ProtestRecord, StoreTransaction } from '../../ports/index.js';
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

/** The registration the panels show among an invoice's negativation records (in id order): the first one the bureau registered. */
function registrationOf(records: readonly NegativationRecord[]): RegistrationMark | undefined {
  for (const record of records) {
    const negativation = negativationOf(record);
    if (negativation.registeredOn === undefined) continue;
    const removedOn = negativation.removal?.confirmedOn;
    return { registeredOn: negativation.registeredOn, ...(removedOn ? { removedOn } : {}) };
  }
  return undefined;
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
 * fixed number of batch reads (`listFor` by customer and by invoice): the
 * classification's reference (checked) path.
 */
export async function pageMarks(tx: StoreTransaction, page: readonly InvoiceRecord[]): Promise<ClassifyMarks> {
  const customerIds = [...new Set(page.map((invoice) => invoice.customerId))];
  const ids = page.map((invoice) => invoice.id);
  return {
    agreements: groupBy(await tx.agreements.listFor('customerId', customerIds), (a) => a.customerId),
    registrations: marksOf(groupBy(await tx.negativations.listFor('invoiceId', ids), (n) => n.invoiceId), registrationOf),
    protests: marksOf(groupBy(await tx.protests.listFor('invoiceId', ids), (p) => p.invoiceId), protestMarkOf),
  };
}

/** Page size of the walks over agreements, negativations and protests. */
const MARK_PAGE = 2000;

/**
 * The marks of the whole portfolio (the context's share), read once per pass
 * by walking the agreements, negativations and protests page by page (each
 * record read once, in id order): the fast path's, so a page of plain invoices
 * needs no read beside its own. Holds one entry per customer with an agreement
 * and per invoice with a registration or protest that took effect; what it
 * answers equals {@link pageMarks} for every page (a property test proves the
 * panels equal).
 */
export async function portfolioMarks(context: AppContext): Promise<ClassifyMarks> {
  const agreements = new Map<string, AgreementRecord[]>();
  for await (const page of pagesOf(context, (tx) => tx.agreements, MARK_PAGE)) {
    for (const record of page) {
      const held = agreements.get(record.customerId);
      if (held) held.push(record);
      else agreements.set(record.customerId, [record]);
    }
  }
  // The first record (in id order) with a registration answers for its invoice, as registrationOf reads a group.
  const registrations = new Map<string, RegistrationMark>();
  for await (const page of pagesOf(context, (tx) => tx.negativations, MARK_PAGE)) {
    for (const record of page) {
      if (registrations.has(record.invoiceId)) continue;
      const mark = registrationOf([record]);
      if (mark !== undefined) registrations.set(record.invoiceId, mark);
    }
  }
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
