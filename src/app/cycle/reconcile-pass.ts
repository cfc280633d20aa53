import type { CivilDate } from '../../calendar/index.js';
import { maskDeep } from '../../documents/index.js';
import { reconcile, type ReconcileInvoice, type ReconciliationReport } from '../../negativation/index.js';
import type { AgreementRecord, InvoiceRecord, PaymentRecord, StoreTransaction } from '../../ports/index.js';
import type { AppContext } from '../dependencies.js';
import { negativationOf, statusOfRecord } from '../negativation/negativation-store.js';
import { isFinalStatus } from '../../lifecycle/index.js';
import { unwrap } from '../command.js';
import { pagesOf } from './paging.js';
import { groupBy } from './portfolio.js';

/** How reconciliation sees an invoice: paid when paid, or when the agreement that replaced it was fulfilled. */
function reconcileInvoiceOf(invoice: InvoiceRecord, payments: readonly PaymentRecord[], agreement: AgreementRecord | undefined): ReconcileInvoice {
  const base = { id: invoice.id, dueDate: invoice.dueDate, amount: invoice.amount };
  if (invoice.status === 'paid' && invoice.paidOn) {
    const funds = payments.reduce<CivilDate | undefined>((latest, p) => (latest === undefined || p.fundsAvailableOn > latest ? p.fundsAvailableOn : latest), undefined);
    return { ...base, status: 'paid', paidOn: invoice.paidOn, ...(funds && funds >= invoice.paidOn ? { fundsAvailableOn: funds } : {}) };
  }
  if (agreement?.status === 'fulfilled' && agreement.settledOn) {
    return { ...base, status: 'paid', paidOn: agreement.settledOn, ...(agreement.fundsAvailableOn ? { fundsAvailableOn: agreement.fundsAvailableOn } : {}) };
  }
  return { ...base, status: 'open' };
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
 * Each finding's operator alert goes to the outbox once a day. The live
 * registrations are streamed page by page and each page is reconciled on its
 * own (a registration's findings depend on it and its invoice only), so no
 * more than a page of them is held at once; the report keeps the findings.
 */
export async function reconcilePass(context: AppContext, today: CivilDate): Promise<ReconciliationReport> {
  const findings: Findings = { critiques: [], removalsPastDeadline: [], removalsNearDeadline: [], pastAgeLimit: [], nearAgeLimit: [], stuckSubmissions: [], paidWhilePending: [] };
  let alerts: ReconciliationReport['effects'][number][] = [];
  for await (const records of pagesOf(context, (tx) => tx.negativations, 500)) {
    const live = records.filter((r) => !isFinalStatus(statusOfRecord(r)));
    if (live.length === 0) continue;
    const invoices = await context.store.transaction((tx) => reconcileInvoices(tx, [...new Set(live.map((r) => r.invoiceId))]));
    const report = unwrap(reconcile(live.map(negativationOf), invoices, today, { calendar: context.calendar }));
    for (const key of Object.keys(findings) as (keyof Findings)[]) if (report[key].length > 0) (findings[key] as unknown[]).push(...report[key]);
    if (report.effects.length > 0) {
      const customers = new Map(live.map((r) => [r.id, r.customerId]));
      await context.store.transaction((tx) =>
        tx.outbox.enqueueMany(
          report.effects.map((effect) => {
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
        ),
      );
      alerts = alerts.concat(report.effects);
    }
  }
  return { asOf: today, ...findings, effects: alerts };
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
