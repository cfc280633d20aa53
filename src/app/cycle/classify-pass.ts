import { err, ok, type Result } from 'neverthrow';
import type { CivilDate } from '../../calendar/index.js';
import { forwardAfterDaysOf } from '../../ruler/index.js';
import { type ClassifierInvoice, type CollectionEvent, type PortfolioClassification } from '../../portfolio/index.js';
import { COLLECTION_PANELS, PanelBoard, parseClassifierInvoice, parseCollectionEvent } from '../../portfolio/classify.js';
import { isAmount, isDate, isLabel } from '../../portfolio/classify-input-fast.js';
import type { AgreementRecord, CollectionAccountRecord, CustomerRecord, InvoiceRecord, StoreTransaction } from '../../ports/index.js';
import type { AppContext } from '../dependencies.js';
import { toAppError, unwrap } from '../command.js';
import { agreementOf, statusOf } from '../agreements/refresh-agreement.js';
import { owedCalculator } from '../owed.js';
import { fromCents, withinInputLimit } from '../../money/index.js';
import { CHECKED, OwedMemo, PageOwed } from './owed-memo.js';
import { groupBy } from './portfolio.js';
import { pageMarks, portfolioMarks } from './classify-marks.js';

import type { CollectionsError } from '../errors.js';

/** Invoices per page: large enough that a page's fixed reads cost little per invoice. */
const PAGE_SIZE = 2000;

/** A due date that is not a civil date (the invoice takes the checked path, which refuses it). */
const DUE_NOT_A_DATE = 0;
/** A civil date: an unpaid plain invoice not in collection is not (yet) overdue long enough for `classified`. */
const DUE_NOT_YET = 1;
/** A civil date: an unpaid plain invoice not in collection is in `classified`. */
const DUE_FOR_COLLECTION = 2;

/** A customer's agreements by the invoices they hold (installments and originals), each with its status as `agreementStatus` reads it today. */
interface CustomerAgreements {
  readonly byInvoice: Map<string, { readonly record: AgreementRecord; readonly status: AgreementRecord['status']; readonly original: boolean }>;
}

const PRECEDENCE: Record<AgreementRecord['status'], number> = { active: 0, fulfilled: 1, broken: 2, cancelled: 3 };

async function agreementsOf(tx: StoreTransaction, records: readonly AgreementRecord[], today: CivilDate): Promise<CustomerAgreements> {
  const byInvoice: CustomerAgreements['byInvoice'] = new Map();
  for (const record of records) {
    if (record.status === 'cancelled') continue;
    const status = record.status === 'active' ? (await statusOf(tx, record, today)).status : record.status;
    const agreement = agreementOf(record);
    // Indexed loops over the stored record's frozen arrays (Array builtins on a frozen array take V8's slow path on Node 20).
    const installments = new Set<string>();
    const installmentInvoices = record.installmentInvoices;
    for (let i = 0; i < installmentInvoices.length; i++) installments.add((installmentInvoices[i] as (typeof installmentInvoices)[number]).invoiceId);
    const entries: [string, boolean][] = [];
    for (const id of installments) entries.push([id, false]);
    const invoiceIds = agreement.invoiceIds;
    for (let i = 0; i < invoiceIds.length; i++) {
      const id = invoiceIds[i] as string;
      if (!installments.has(id)) entries.push([id, true]);
    }
    for (const [invoiceId, original] of entries) {
      const held = byInvoice.get(invoiceId);
      // An invoice in several agreements over time (broken, then a new one) is shown in the most current.
      if (!held || PRECEDENCE[status] < PRECEDENCE[held.status]) byInvoice.set(invoiceId, { record, status, original });
    }
  }
  return { byInvoice };
}

/** Where the invoice stands in the collection flow: selected or confirmed by an operator, or forwarded by the ruler. */
function collectionOf(invoice: InvoiceRecord, account: CollectionAccountRecord | undefined): ClassifierInvoice['collection'] {
  if (account) return account.status === 'pending' ? 'selected' : 'started';
  return invoice.forwardedOn !== undefined ? 'forwarded' : undefined;
}

/** Options of {@link classifyPass}. */
export interface ClassifyPassOptions {
  /** Every invoice through the checked path (a classifier invoice parsed, `Money` figures by the one owed rule): the reference the fast path is tested against. */
  readonly checked?: boolean;
}

/**
 * The classifier of seed 004 (daily at 07:00, and on demand): the portfolio
 * sorted into the collection panels with counts, amounts and what is owed (by
 * the one owed-amount rule), and the charts' series, read from the store page
 * by page. Agreements are read as `agreementStatus` reads them today; an
 * original replaced by a new proposal is shown once, as replaced; every event
 * carries its operator (comments, messages, tasks, agreements made).
 *
 * Most invoices are plain (no agreement, registration, protest or SPC
 * control): they take the fast path, integer centavos priced a page at a time
 * ({@link PageOwed}) and added to their one panel with no object per invoice
 * ({@link PanelBoard.addPlain}); the others go through the checked path, as
 * every invoice does with `checked` (property tests prove both equal).
 */
export async function classifyPass(context: AppContext, today: CivilDate, owedToday?: OwedMemo, options: ClassifyPassOptions = {}): Promise<PortfolioClassification> {
  const forwardAfterDays = forwardAfterDaysOf(context.policies.settingsFor().ruler, context.policies.rulerSettings()) ?? 0;
  // Fed page by page: what is held is the panels' totals and ids, never the portfolio's records.
  const checked = options.checked === true;
  const board = unwrap(PanelBoard.create({ asOf: today, forwardAfterDays }, { calendar: context.calendar }));
  let invoiceIndex = 0;
  let eventIndex = 0;
  const event = (e: CollectionEvent): void => board.addParsedEvent(unwrap(parseCollectionEvent(e, eventIndex++)));
  const seenAccounts = new Set<string>();
  const seenAgreements = new Set<string>();
  const owedMemo = owedToday ?? new OwedMemo(await owedCalculator(context, today), today);
  const pageOwed = new PageOwed(owedMemo.calculator, today);
  const none: readonly never[] = [];
  // The fast path reads the portfolio's agreements, registrations and protests once, unless the store indexes registrations
  // (then `portfolioMarks` answers undefined and marks are read beside each page, as the checked path always reads them).
  const portfolio = checked ? undefined : await portfolioMarks(context);
  // By due date: whether it is a civil date and, for a plain unpaid invoice not in collection, whether it is overdue long enough for `classified`.
  const dueCodes = new Map<string, number>();
  const dueCodeOf = (dueDate: string): number => {
    let code = dueCodes.get(dueDate);
    if (code === undefined) {
      code = !isDate(dueDate) ? DUE_NOT_A_DATE : board.overdueForCollection(dueDate as CivilDate) ? DUE_FOR_COLLECTION : DUE_NOT_YET;
      dueCodes.set(dueDate, code);
    }
    return code;
  };
  // Each page and what is read beside it in one transaction (keyset pagination in id order, as `pagesOf`).
  let after: string | undefined;
  for (let more = true; more; ) {
    more = await context.store.transaction(async (tx) => {
      const page = await tx.invoices.page(PAGE_SIZE, after, context.share);
      if (page.length === 0) return false;
      after = (page[page.length - 1] as InvoiceRecord).id;
      // A fixed number of batch reads per page (no query per invoice); only an active agreement's status reads its payments,
      // and only customers in an agreement are read (their city is the agreements chart's).
      const marks = portfolio ?? (await pageMarks(tx, page));
      const agreementRecords = marks.agreements;
      const partlyPaid: string[] = [];
      const accountIds: string[] = [];
      const agreementCustomers = new Set<string>();
      const anyAgreement = agreementRecords.size > 0;
      for (let i = 0; i < page.length; i++) {
        const invoice = page[i] as InvoiceRecord;
        if (invoice.status === 'open' && invoice.paid.cents > 0) partlyPaid.push(invoice.id);
        if (invoice.collectionAccountId !== undefined) accountIds.push(invoice.collectionAccountId);
        if (anyAgreement && agreementRecords.has(invoice.customerId)) agreementCustomers.add(invoice.customerId);
      }
      // Marks most portfolios hold few of (or none): an empty map is not asked per invoice.
      const anyRegistration = marks.registrations.size > 0;
      const anyProtest = marks.protests.size > 0;
      const customers = new Map<string, CustomerRecord>((agreementCustomers.size > 0 ? await tx.customers.getMany([...agreementCustomers]) : []).map((c) => [c.id, c]));
      const accounts = new Map((accountIds.length > 0 ? await tx.accounts.getMany(accountIds) : []).map((a) => [a.id, a]));
      const paymentsOf = groupBy(partlyPaid.length > 0 ? await tx.payments.listFor('invoiceId', partlyPaid) : [], (p) => p.invoiceId);
      const agreementsByCustomer = new Map<string, CustomerAgreements>();
      const owedFast = checked ? undefined : pageOwed.of(page);
      for (let i = 0; i < page.length; i++) {
        const invoice = page[i] as InvoiceRecord;
        const customerId = invoice.customerId;
        const status = invoice.status;
        const customerAgreements = anyAgreement ? agreementRecords.get(customerId) : undefined;
        let held: ReturnType<CustomerAgreements['byInvoice']['get']>;
        if (customerAgreements !== undefined) {
          let byCustomer = agreementsByCustomer.get(customerId);
          if (byCustomer === undefined) {
            byCustomer = await agreementsOf(tx, customerAgreements, today);
            agreementsByCustomer.set(customerId, byCustomer);
          }
          held = byCustomer.byInvoice.get(invoice.id);
        }
        const replaced = held?.original === true && held.record.agreement !== undefined && agreementOf(held.record).kind === 'new_proposal';
        if (status !== 'open' && status !== 'paid' && !replaced) continue;
        let account: CollectionAccountRecord | undefined;
        if (invoice.collectionAccountId !== undefined) {
          account = accounts.get(invoice.collectionAccountId);
          if (account && !seenAccounts.has(account.id)) {
            seenAccounts.add(account.id);
            for (const c of account.comments) event({ date: c.at.slice(0, 10), operator: c.author, kind: c.contactType ? 'contact' : 'comment' });
            for (const m of account.messages) event({ date: m.at.slice(0, 10), operator: m.author, kind: m.channel });
            for (const t of account.tasks) event({ date: t.createdAt.slice(0, 10), operator: t.createdBy, kind: 'task' });
          }
        }
        if (held && !seenAgreements.has(held.record.id)) {
          seenAgreements.add(held.record.id);
          event({ date: agreementOf(held.record).createdOn, operator: held.record.operator ?? 'system', kind: 'agreement' });
        }
        const registration = anyRegistration ? marks.registrations.get(invoice.id) : undefined;
        const protest = anyProtest ? marks.protests.get(invoice.id) : undefined;
        const paidOn = status === 'paid' && invoice.paidOn ? invoice.paidOn : undefined;
        const owedCents = owedFast === undefined ? CHECKED : (owedFast[i] as number);
        // A request not (yet) registered, or a protest not (yet) made, is in no panel: the invoice is still plain.
        // The fast path: a plain invoice in the schema's form (maybe registered at a bureau), whose owed figure (when open) the
        // page's pricing answered: in at most one plain panel, one registration panel and the registrations chart, with no object
        // per invoice (PanelBoard.addPlain and addPlainRegistered, which property tests prove equal to the checked path).
        if (owedFast !== undefined && held === undefined && protest === undefined && invoice.spcControl === undefined) {
          const dueCode = dueCodeOf(invoice.dueDate);
          if (
            dueCode !== DUE_NOT_A_DATE &&
            (status !== 'open' || withinInputLimit(owedCents)) &&
            isLabel(invoice.id) &&
            isLabel(customerId) &&
            isAmount(invoice.amount) &&
            (paidOn === undefined || isDate(paidOn)) &&
            (registration === undefined || (isDate(registration.registeredOn) && (registration.removedOn === undefined || isDate(registration.removedOn))))
          ) {
            invoiceIndex++;
            const collection = collectionOf(invoice, account);
            const owed = status === 'open' ? owedCents : invoice.amount.cents;
            if (registration !== undefined) {
              board.addPlainRegistered(invoice.id, customerId, invoice.dueDate, invoice.amount.cents, owed, paidOn, collection, registration.registeredOn, registration.removedOn);
              continue;
            }
            // Paid on or before the day: owes nothing and is in none of the panels a plain invoice can be in.
            if (paidOn !== undefined && paidOn <= today) continue;
            const panel = collection === undefined ? (dueCode === DUE_FOR_COLLECTION ? 'classified' : undefined) : COLLECTION_PANELS[collection];
            if (panel !== undefined) board.addTo(panel, invoice.id, customerId, invoice.amount.cents, owed);
            continue;
          }
        }
        const customer = held === undefined ? undefined : customers.get(invoice.customerId);
        const city = customer?.address?.city;
        const payments = invoice.status === 'open' && invoice.paid.cents > 0 ? (paymentsOf.get(invoice.id) ?? none) : none;
        const owed = invoice.status === 'open' ? fromCents(Number.isNaN(owedCents) ? owedMemo.of(invoice, payments).owed : owedCents) : undefined;
        const agreement = held ? agreementOf(held.record) : undefined;
        // The same fields as an object spread would give, set one by one (no temporary objects per invoice).
        const item: { -readonly [K in keyof ClassifierInvoice]: ClassifierInvoice[K] } = { id: invoice.id, customerId: invoice.customerId, dueDate: invoice.dueDate, amount: invoice.amount };
        if (owed) item.owed = owed;
        if (paidOn) item.paidOn = paidOn;
        if (replaced && held) item.replacedBy = held.record.id;
        const collection = collectionOf(invoice, account);
        if (collection) item.collection = collection;
        if (held && agreement && !replaced) {
          item.agreement = {
            id: held.record.id,
            createdOn: agreement.createdOn,
            toleranceDate: agreement.toleranceDate,
            status: held.status,
            ...(city ? { city } : {}),
            ...(held.record.operator ? { operator: held.record.operator } : {}),
          };
        }
        if (registration) item.negativation = registration;
        if (protest) item.protest = protest;
        if (invoice.spcControl) item.spcControl = { addedOn: invoice.spcControl.addedOn, ...(invoice.spcControl.removedOn ? { removedOn: invoice.spcControl.removedOn } : {}) };
        // The invoice's city is read only beside an agreement (the agreements-per-city chart); no panel reads it.
        if (city) item.city = city;
        board.addParsed(unwrap(parseClassifierInvoice(item, invoiceIndex++)));
      }
      return true;
    });
  }
  return unwrap(board.result());
}

/**
 * Seed 004's "Executar manualmente o classificador": the panels and charts as
 * of now, read from the store. Unlike the daily cycle it performs nothing:
 * no ruler step, no effect, no write.
 */
export async function classifyNow(context: AppContext): Promise<Result<PortfolioClassification, CollectionsError>> {
  try {
    return ok(await classifyPass(context, context.today()));
  } catch (error) {
    return err(toAppError(error));
  }
}
