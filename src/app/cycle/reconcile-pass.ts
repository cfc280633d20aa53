import type { CivilDate } from '../../calendar/index.js';
import { maskDeep } from '../../documents/index.js';
import { reconcile, type Negativation, type ReconcileInvoice, type ReconciliationReport } from '../../negativation/index.js';
import type { InvoiceRecord, StoreTransaction } from '../../ports/index.js';
import type { AppContext } from '../dependencies.js';
import { negativationOf, statusOfRecord } from '../negativation/negativation-store.js';
import { isFinalStatus } from '../../lifecycle/index.js';
import { unwrap } from '../command.js';
import { pagesOf } from './paging.js';

/** How reconciliation sees an invoice: paid when paid, or when the agreement that replaced it was fulfilled. */
async function reconcileInvoiceOf(tx: StoreTransaction, invoice: InvoiceRecord): Promise<ReconcileInvoice> {
  const base = { id: invoice.id, dueDate: invoice.dueDate, amount: invoice.amount };
  if (invoice.status === 'paid' && invoice.paidOn) {
    const payments = await tx.payments.list({ invoiceId: invoice.id });
    const funds = payments.reduce<CivilDate | undefined>((latest, p) => (latest === undefined || p.fundsAvailableOn > latest ? p.fundsAvailableOn : latest), undefined);
    return { ...base, status: 'paid', paidOn: invoice.paidOn, ...(funds && funds >= invoice.paidOn ? { fundsAvailableOn: funds } : {}) };
  }
  const agreement = invoice.agreementId !== undefined ? await tx.agreements.get(invoice.agreementId) : undefined;
  if (agreement?.status === 'fulfilled' && agreement.settledOn) {
    return { ...base, status: 'paid', paidOn: agreement.settledOn, ...(agreement.fundsAvailableOn ? { fundsAvailableOn: agreement.fundsAvailableOn } : {}) };
  }
  return { ...base, status: 'open' };
}

/**
 * Reconciliation (seed 004's "críticas"; STJ Súmula 548; CDC art. 43 §1):
 * registrations whose invoices are paid, removals past or near their deadline,
 * registrations near or past their age limit, submissions stuck at the bureau.
 * Each finding's operator alert goes to the outbox once a day.
 */
export async function reconcilePass(context: AppContext, today: CivilDate): Promise<ReconciliationReport & { readonly spcControlCritiques: readonly string[] }> {
  const negativations: Negativation[] = [];
  const invoices: ReconcileInvoice[] = [];
  const customers = new Map<string, string>();
  for await (const records of pagesOf(context, (tx) => tx.negativations, 500)) {
    const live = records.filter((r) => !isFinalStatus(statusOfRecord(r)));
    await context.store.transaction(async (tx) => {
      for (const record of live) {
        negativations.push(negativationOf(record));
        customers.set(record.id, record.customerId);
        const invoice = await tx.invoices.get(record.invoiceId);
        if (!invoice) continue;
        invoices.push(await reconcileInvoiceOf(tx, invoice));
      }
    });
  }
  const unique = [...new Map(invoices.map((i) => [i.id, i])).values()];
  const report = unwrap(reconcile(negativations, unique, today, { calendar: context.calendar }));
  if (report.effects.length > 0) {
    await context.store.transaction(async (tx) => {
      for (const effect of report.effects) {
        const alert = effect.type === 'alert_operator' ? effect.alert : effect.type;
        await tx.outbox.enqueue({
          id: context.ids.next('effect'),
          key: `reconcile:${today}:${effect.negativationId}:${alert}`,
          kind: 'alert_operator',
          payload: { ...(maskDeep(effect) as typeof effect), customerId: customers.get(effect.negativationId) },
          status: 'pending',
          attempts: 0,
          createdAt: context.nowIso(),
        });
      }
    });
  }
  return { ...report, spcControlCritiques: await spcControlCritiques(context, today) };
}

/**
 * Seed 004's "críticas de SPC" for the internal control: invoices paid (the
 * bank return flags them) while still in the SPC control. Each is alerted once
 * a day until an operator removes it.
 */
async function spcControlCritiques(context: AppContext, today: CivilDate): Promise<string[]> {
  const found: InvoiceRecord[] = [];
  for await (const page of pagesOf(context, (tx) => tx.invoices, 1000)) {
    for (const invoice of page) if (invoice.status === 'paid' && invoice.spcControl !== undefined && invoice.spcControl.removedOn === undefined) found.push(invoice);
  }
  if (found.length > 0) {
    await context.store.transaction(async (tx) => {
      for (const invoice of found) {
        await tx.outbox.enqueue({
          id: context.ids.next('effect'),
          key: `reconcile:${today}:spc-control:${invoice.id}`,
          kind: 'alert_operator',
          payload: { alert: 'spc_control_paid', invoiceId: invoice.id, customerId: invoice.customerId, message: `invoice ${invoice.id} is paid but still in the SPC control: remove it (and from the SPC itself, if registered there)` },
          status: 'pending',
          attempts: 0,
          createdAt: context.nowIso(),
        });
      }
    });
  }
  return found.map((invoice) => invoice.id);
}
