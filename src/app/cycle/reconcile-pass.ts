import { addDays, type CivilDate } from '../../calendar/index.js';
import { maskDeep } from '../../documents/index.js';
import { reconcile, type ReconcileInvoice, type ReconciliationReport } from '../../negativation/index.js';
import type { AgreementRecord, InvoiceRecord, DueNegativation, DueNegativationEntry, NegativationCheck, NegativationRecord, PaymentRecord, StoreTransaction } from '../../ports/index.js';
import type { AppContext } from '../dependencies.js';
import { negativationOf, statusOfRecord } from '../negativation/negativation-store.js';
import { isFinalStatus } from '../../lifecycle/index.js';
import { unwrap } from '../command.js';
import { negativationDueOn, reconcileDueOn } from '../negativation/negativation-due.js';
import { negativationPages } from './negativation-pages.js';
import { groupBy } from './portfolio.js';
import type { ReconcileSummaries, ReconcileSummary } from './reconcile-summaries.js';

/** How reconciliation sees an invoice: paid when paid, or when the agreement that replaced it was fulfilled. */
function reconcileInvoiceOf(invoice: InvoiceRecord, payments: readonly PaymentRecord[], agreement: AgreementRecord | undefined): ReconcileInvoice {
  // Written as literals: an object spread here took V8's slow path on Node 20 (2–5 µs per registration per day).
  const { id, dueDate, amount } = invoice;
  if (invoice.status === 'paid' && invoice.paidOn) {
    const funds = payments.reduce<CivilDate | undefined>((latest, p) => (latest === undefined || p.fundsAvailableOn > latest ? p.fundsAvailableOn : latest), undefined);
    const paidOn = invoice.paidOn;
    return funds && funds >= paidOn ? { id, dueDate, amount, status: 'paid', paidOn, fundsAvailableOn: funds } : { id, dueDate, amount, status: 'paid', paidOn };
  }
  if (agreement?.status === 'fulfilled' && agreement.settledOn) {
    const paidOn = agreement.settledOn;
    return agreement.fundsAvailableOn ? { id, dueDate, amount, status: 'paid', paidOn, fundsAvailableOn: agreement.fundsAvailableOn } : { id, dueDate, amount, status: 'paid', paidOn };
  }
  return { id, dueDate, amount, status: 'open' };
}

/** The invoices of a page of registrations as reconciliation sees them, in three batch reads (no query per registration). */
async function reconcileInvoices(tx: StoreTransaction, invoiceIds: readonly string[]): Promise<ReconcileInvoice[]> {
  const records = await tx.invoices.getMany(invoiceIds);
  const paid = records.filter((i) => i.status === 'paid' && i.paidOn).map((i) => i.id);
  const agreementIds = records.flatMap((i) => (i.status !== 'paid' && i.agreementId !== undefined ? [i.agreementId] : []));
  const payments = groupBy(paid.length > 0 ? await tx.payments.listFor('invoiceId', paid) : [], (p) => p.invoiceId);
  const agreements = new Map((agreementIds.length > 0 ? await tx.agreements.getMany(agreementIds) : []).map((a) => [a.id, a]));
  return records.map((invoice) => reconcileInvoiceOf(invoice, payments.get(invoice.id) ?? [], invoice.agreementId === undefined ? undefined : agreements.get(invoice.agreementId)));
}

/** The report's lists, filled page by page. */
type Findings = { -readonly [K in Exclude<keyof ReconciliationReport, 'asOf' | 'effects'>]: ReconciliationReport[K][number][] };

/**
 * Reconciliation (seed 004's "críticas"; STJ Súmula 548; CDC art. 43 §1):
 * registrations whose invoices are paid, removals past or near their deadline,
 * registrations near or past their age limit, submissions stuck at the bureau.
 * Each finding's operator alert goes to the outbox once a day. With the
 * store's negativation due index only the negativations due today are read,
 * and each one's next due day (`negativationDueOn`, knowing its invoice) is
 * recorded with the page's alerts; else every live registration, page by
 * page. Each page is reconciled on its own (a registration's findings depend
 * on it and its invoice only), so no more than a page of them is held at once;
 * the report keeps the findings, in negativation-id order either way.
 */
export async function reconcilePass(context: AppContext, today: CivilDate, summaries?: ReconcileSummaries): Promise<ReconciliationReport> {
  const findings: Findings = { critiques: [], removalsPastDeadline: [], removalsNearDeadline: [], pastAgeLimit: [], nearAgeLimit: [], stuckSubmissions: [], paidWhilePending: [] };
  let alerts: ReconciliationReport['effects'][number][] = [];
  const known = summaries === undefined ? undefined : (entry: DueNegativationEntry): boolean => summaries.answers(entry);
  for await (const page of negativationPages(context, today, undefined, known)) {
    const { records, due } = page;
    // With summaries: the page's entries in order, each with its record read now or the summary the negativation pass left.
    const items = page.entries === undefined || summaries === undefined ? undefined : await pageItems(context, page.entries, due ?? [], summaries);
    const pageLive = items === undefined ? records.filter((r) => !isFinalStatus(statusOfRecord(r))) : undefined;
    const liveItems = items?.filter((item) => !item.final);
    const invoiceIds = pageLive !== undefined ? pageLive.map((r) => r.invoiceId) : (liveItems as readonly PageItem[]).map((item) => item.invoiceId);
    const invoices = invoiceIds.length === 0 ? [] : await context.store.transaction((tx) => reconcileInvoices(tx, [...new Set(invoiceIds)]));
    // With the due index, only those reconciliation can report anything about today go through `reconcile` (e.g. not those due for the negativation pass alone).
    const paid = due === undefined ? undefined : paidInvoiceIds(invoices);
    const live =
      liveItems !== undefined
        ? await liveRecords(context, liveItems, paid as ReadonlySet<string>, today)
        : paid === undefined
          ? (pageLive as NegativationRecord[])
          : (pageLive as NegativationRecord[]).filter((r) => reconcileDueOn(negativationOf(r), paid.has(r.invoiceId), today));
    const report = live.length === 0 ? undefined : unwrap(reconcile(live.map(negativationOf), invoices, today, { calendar: context.calendar }));
    if (report !== undefined) for (const key of Object.keys(findings) as (keyof Findings)[]) if (report[key].length > 0) (findings[key] as unknown[]).push(...report[key]);
    const checks = due === undefined || paid === undefined ? [] : items !== undefined ? nextDueDaysOf(items, paid, today) : nextDueDays(due, paid, today);
    const effects = report?.effects ?? [];
    if (effects.length === 0 && checks.length === 0) continue;
    const customers = new Map(live.map((r) => [r.id, r.customerId]));
    await context.store.transaction(async (tx) => {
      if (effects.length > 0) {
        await tx.outbox.enqueueMany(
          effects.map((effect) => {
            const alert = effect.type === 'alert_operator' ? effect.alert : effect.type;
            return {
              id: context.ids.next('effect'),
              key: `reconcile:${today}:${effect.negativationId}:${alert}`,
              kind: 'alert_operator',
              payload: { ...(maskDeep(effect) as typeof effect), customerId: customers.get(effect.negativationId) },
              status: 'pending',
              attempts: 0,
              createdAt: context.nowIso(),
            };
          }),
        );
      }
      if (checks.length > 0) await tx.negativationsDue?.checked(checks);
    });
    alerts = alerts.concat(effects);
  }
  const byId = (a: { readonly negativationId: string }, b: { readonly negativationId: string }): number => (a.negativationId < b.negativationId ? -1 : a.negativationId > b.negativationId ? 1 : 0);
  for (const key of Object.keys(findings) as (keyof Findings)[]) (findings[key] as { negativationId: string }[]).sort(byId);
  return { asOf: today, ...findings, effects: [...alerts].sort(byId) };
}

/**
 * A due negativation of a page, as the reconciliation pass looks at it: its record (read now) or the summary the
 * negativation pass left of it (see {@link ReconcileSummaries}), which answer the same.
 */
interface PageItem {
  readonly id: string;
  readonly touched: number;
  readonly key: DueNegativation['key'];
  readonly invoiceId: string;
  final: boolean;
  record: NegativationRecord | undefined;
  summary: ReconcileSummary | undefined;
}

/** The page's entries in order, each with its record (read with the page) or its summary; an entry with neither (its record is gone) is left out, as a page's read leaves it out. */
async function pageItems(context: AppContext, entries: readonly DueNegativationEntry[], due: readonly DueNegativation[], summaries: ReconcileSummaries): Promise<PageItem[]> {
  const read = new Map(due.map((entry) => [entry.record.id, entry.record]));
  const items: PageItem[] = [];
  for (const entry of entries) {
    const summary = summaries.take(entry);
    const record = read.get(entry.id);
    if (record !== undefined) items.push({ id: entry.id, touched: entry.touched, key: entry.key, invoiceId: record.invoiceId, final: isFinalStatus(statusOfRecord(record)), record, summary: undefined });
    else if (summary !== undefined) items.push({ id: entry.id, touched: entry.touched, key: entry.key, invoiceId: summary.invoiceId, final: summary.final, record: undefined, summary });
  }
  return items;
}

/** Whether reconciliation reports anything about an item today (`reconcileDueOn`, or its summary's answer). */
function reconcilesToday(item: PageItem, paid: ReadonlySet<string>, today: CivilDate): boolean {
  if (item.record !== undefined) return reconcileDueOn(negativationOf(item.record), paid.has(item.invoiceId), today);
  const summary = item.summary as ReconcileSummary;
  return paid.has(item.invoiceId) ? summary.reconcileIfPaid : summary.reconcileIfUnpaid;
}

/**
 * The records `reconcile` looks at on a page (live items it reports about today), in page order. A summarised one is
 * read now (few are: a paid debt still registered, an age limit near); if it was written since its summary, its
 * record as read now decides.
 */
async function liveRecords(context: AppContext, items: readonly PageItem[], paid: ReadonlySet<string>, today: CivilDate): Promise<NegativationRecord[]> {
  const summarised = items.filter((item) => item.record === undefined && reconcilesToday(item, paid, today));
  const read = new Map((summarised.length === 0 ? [] : await context.store.transaction((tx) => tx.negativations.getMany(summarised.map((item) => item.id)))).map((record) => [record.id, record]));
  const live: NegativationRecord[] = [];
  for (const item of items) {
    if (item.record !== undefined) {
      if (reconcilesToday(item, paid, today)) live.push(item.record);
      continue;
    }
    const summary = item.summary as ReconcileSummary;
    const record = read.get(item.id);
    if (record === undefined) continue;
    if (record.version === summary.version) {
      live.push(record);
      continue;
    }
    // Written since the summary: looked at as it is now, its check too (which names the touch count listed: it stays due).
    item.record = record;
    item.summary = undefined;
    item.final = isFinalStatus(statusOfRecord(record));
    if (!item.final && reconcilesToday(item, paid, today)) live.push(record);
  }
  return live;
}

/** {@link nextDueDays} over a page's items (records or summaries). */
function nextDueDaysOf(items: readonly PageItem[], paid: ReadonlySet<string>, today: CivilDate): NegativationCheck[] {
  const tomorrow = addDays(today, 1);
  const checks: NegativationCheck[] = [];
  for (const item of items) {
    const invoicePaid = paid.has(item.invoiceId);
    const summary = item.summary;
    const dueOn = item.record !== undefined ? negativationDueOn(negativationOf(item.record), invoicePaid, today) : invoicePaid ? (summary as ReconcileSummary).dueOnIfPaid : (summary as ReconcileSummary).dueOnIfUnpaid;
    if (needsCheck(item.key, dueOn, tomorrow)) checks.push({ id: item.id, touched: item.touched, dueOn });
  }
  return checks;
}

/**
 * Whether a due negativation's next due day is written: always after a write (its key says so), else only when
 * it changes. One due again tomorrow that was not written since its last check is left as it is (its due day,
 * today or earlier, keeps it due every day): no write for a registration due every day.
 */
function needsCheck(key: DueNegativation['key'], dueOn: CivilDate | undefined, tomorrow: CivilDate): boolean {
  return key.written || dueOn !== tomorrow;
}

/** The ids of the paid invoices, as reconciliation sees them. */
function paidInvoiceIds(invoices: readonly ReconcileInvoice[]): Set<string> {
  return new Set(invoices.filter((i) => i.status === 'paid' && i.paidOn !== undefined).map((i) => i.id));
}

/**
 * Each due negativation's next due day, knowing whether its invoice is paid
 * (the one rule: `negativationDueOn`), where it needs writing ({@link needsCheck}).
 */
function nextDueDays(due: readonly DueNegativation[], paid: ReadonlySet<string>, today: CivilDate): NegativationCheck[] {
  const tomorrow = addDays(today, 1);
  const checks: NegativationCheck[] = [];
  for (const { record, touched, key } of due) {
    const dueOn = negativationDueOn(negativationOf(record), paid.has(record.invoiceId), today);
    if (needsCheck(key, dueOn, tomorrow)) checks.push({ id: record.id, touched, dueOn });
  }
  return checks;
}

/**
 * Seed 004's "críticas de SPC" for the internal control, on one page of the
 * cycle's stream: invoices paid (the bank return flags them) while still in the
 * SPC control. Each is alerted once a day until an operator removes it.
 * Returns the ids found on the page.
 */
export async function spcControlCritiquesOn(context: AppContext, page: readonly InvoiceRecord[], today: CivilDate): Promise<string[]> {
  const found = page.filter((invoice) => invoice.status === 'paid' && invoice.spcControl !== undefined && invoice.spcControl.removedOn === undefined);
  if (found.length > 0) {
    const alerts = found.map((invoice) => ({
      id: context.ids.next('effect'),
      key: `reconcile:${today}:spc-control:${invoice.id}`,
      kind: 'alert_operator',
      payload: { alert: 'spc_control_paid', invoiceId: invoice.id, customerId: invoice.customerId, message: `invoice ${invoice.id} is paid but still in the SPC control: remove it (and from the SPC itself, if registered there)` },
      status: 'pending' as const,
      attempts: 0,
      createdAt: context.nowIso(),
    }));
    await context.store.transaction((tx) => tx.outbox.enqueueMany(alerts));
  }
  return found.map((invoice) => invoice.id);
}
