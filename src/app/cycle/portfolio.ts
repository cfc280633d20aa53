import type { CivilDate } from '../../calendar/index.js';
import { fromCents } from '../../money/index.js';
import type { RulerInvoice } from '../../ruler/index.js';
import type { InvoiceRecord, NegativationRecord } from '../../ports/index.js';
import type { AppContext } from '../dependencies.js';
import { agreementOf } from '../agreements/refresh-agreement.js';
import { pagesOf } from './paging.js';
import { negativationOf, statusOfRecord } from '../negativation/negativation-store.js';
import { bySignificance } from '../../lifecycle/index.js';
import type { OwedMemo } from './owed-memo.js';

/** Invoices per page read from the store. */
const PAGE_SIZE = 1000;

/** Pages through every invoice of the store, each page in its own read transaction. */
export function invoicePages(context: AppContext, pageSize = PAGE_SIZE): AsyncGenerator<InvoiceRecord[]> {
  return pagesOf(context, (tx) => tx.invoices, pageSize);
}

/** Whether the ruler follows an invoice at all (cancelled, suspended and deleted invoices are out of collection; a disputed open one waits, CDC arts. 42 and 43). */
export function followedByRuler(invoice: InvoiceRecord): boolean {
  return (invoice.status === 'open' && invoice.disputed !== true) || invoice.status === 'paid';
}

/** The ruler's settings group of an invoice: its branch and contract. */
export function settingsKey(invoice: InvoiceRecord): string {
  return `${invoice.branchId ?? ''}|${invoice.contractId ?? ''}`;
}

/** Action-log entries that record an action taking effect (the host performed it), not a step done: `took_effect:<kind>`. */
export const TOOK_EFFECT = 'took_effect:';

/** What the ruler reads of a negativation: its state and, once the bureau accepted it, the day it took effect. */
function registrationOf(record: NegativationRecord): NonNullable<RulerInvoice['negativation']> {
  const registeredOn = negativationOf(record).registeredOn;
  return { state: statusOfRecord(record), ...(registeredOn !== undefined ? { registeredOn } : {}) };
}

/** Groups records by a key, keeping their order. */
export function groupBy<T>(records: readonly T[], key: (record: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const record of records) {
    const k = key(record);
    const group = groups.get(k);
    if (group) group.push(record);
    else groups.set(k, [record]);
  }
  return groups;
}

/**
 * Reads what the ruler needs about a page of invoices in one transaction and a
 * fixed number of batch reads, whatever the page's size (no query per invoice):
 * customers (kind, tags), agreements, the invoice's most significant
 * negativation, payments of partly paid invoices, the steps already done (from
 * the action log), and the amount updated with late charges. Per invoice it
 * builds the one object the ruler reads and nothing else (a quiet invoice costs
 * a few map lookups).
 */
export async function enrichPage(context: AppContext, page: readonly InvoiceRecord[], owedToday: OwedMemo): Promise<RulerInvoice[]> {
  if (page.length === 0) return [];
  // One indexed walk gathers what the reads ask for (no closure or intermediate array per list).
  const ids: string[] = [];
  const customerIds: string[] = [];
  const partlyPaid: string[] = [];
  const agreementIds: string[] = [];
  let lastCustomer: string | undefined;
  let customersRepeat = false;
  for (let i = 0; i < page.length; i++) {
    const invoice = page[i] as InvoiceRecord;
    ids.push(invoice.id);
    // A customer's invoices usually come together: a repeat further apart is deduplicated below.
    if (invoice.customerId !== lastCustomer) {
      customerIds.push(invoice.customerId);
      if (lastCustomer !== undefined && invoice.customerId < lastCustomer) customersRepeat = true;
      lastCustomer = invoice.customerId;
    }
    if (invoice.paid.cents > 0 && invoice.status === 'open') partlyPaid.push(invoice.id);
    if (invoice.agreementId !== undefined) agreementIds.push(invoice.agreementId);
  }
  const customerIdsToRead = customersRepeat ? [...new Set(customerIds)] : customerIds;
  const read = await context.store.transaction(async (tx) => ({
    customers: await tx.customers.getMany(customerIdsToRead),
    agreements: agreementIds.length > 0 ? await tx.agreements.getMany(agreementIds) : [],
    negativations: await tx.negativations.listFor('invoiceId', ids),
    payments: partlyPaid.length > 0 ? await tx.payments.listFor('invoiceId', partlyPaid) : [],
    log: await tx.actionLog.forInvoices(ids),
  }));
  const customers = new Map<string, (typeof read.customers)[number]>();
  for (const customer of read.customers) customers.set(customer.id, customer);
  const agreements = new Map<string, (typeof read.agreements)[number]>();
  for (const agreement of read.agreements) agreements.set(agreement.id, agreement);
  const negativationsOf = groupBy(read.negativations, (n) => n.invoiceId);
  const paymentsOf = groupBy(read.payments, (p) => p.invoiceId);
  const logOf = groupBy(read.log, (e) => e.invoiceId);
  const none: readonly never[] = [];
  // Open invoices with nothing paid are priced a page at a time in integer centavos (the fast path property tests prove equal to the one rule); the others by the rule itself.
  const owedFast = owedToday.fastPage(page);
  const enriched: RulerInvoice[] = [];
  for (let i = 0; i < page.length; i++) {
    const invoice = page[i] as InvoiceRecord;
    const customer = customers.get(invoice.customerId);
    const agreement = invoice.agreementId === undefined ? undefined : agreements.get(invoice.agreementId);
    const negativations = negativationsOf.size === 0 ? undefined : negativationsOf.get(invoice.id);
    const negativation = negativations === undefined ? undefined : negativations.length === 1 ? negativations[0] : [...negativations].sort((a, b) => bySignificance(statusOfRecord(a), statusOfRecord(b)))[0];
    const payments = partlyPaid.length > 0 ? (paymentsOf.get(invoice.id) ?? none) : none;
    const log = logOf.size === 0 ? undefined : logOf.get(invoice.id);
    let done: string[] | undefined;
    let serviceCutOn: CivilDate | undefined;
    if (log !== undefined) {
      for (let k = 0; k < log.length; k++) {
        const entry = log[k] as (typeof log)[number];
        if (entry.action.startsWith(TOOK_EFFECT)) {
          if (serviceCutOn === undefined && (entry.action === `${TOOK_EFFECT}suspend_service` || entry.action === `${TOOK_EFFECT}reduce_service`)) serviceCutOn = entry.on;
          continue;
        }
        done ??= [];
        // An indexed loop: a stored entry's step ids are a frozen array (a spread or a builtin over it takes V8's slow path on Node 20).
        const stepIds = entry.stepIds;
        if (stepIds) for (let s = 0; s < stepIds.length; s++) done.push(stepIds[s] as string);
        else done.push(entry.stepId);
      }
    }
    // The one owed-amount rule: the ruler's open amount is what it says is owed (its `updatedAmount` less the payments it is also given).
    let updatedCents: number | undefined;
    if (invoice.status === 'open') {
      const fast = owedFast[i] as number;
      if (Number.isNaN(fast)) {
        const owed = owedToday.of(invoice, payments);
        updatedCents = owed.owed + owed.paid;
      } else updatedCents = fast;
    }
    // The same fields, in the same order, as the object spread this replaces; absent ones are left out.
    const out: { -readonly [K in keyof RulerInvoice]: RulerInvoice[K] } = { id: invoice.id, customerId: invoice.customerId, dueDate: invoice.dueDate, amount: invoice.amount };
    if (updatedCents !== undefined) out.updatedAmount = fromCents(updatedCents);
    if (payments.length > 0) out.payments = payments.map((p) => ({ date: p.paidOn, amount: p.amount }));
    if (invoice.status === 'paid' && invoice.paidOn !== undefined) out.paidOn = invoice.paidOn;
    // An installment invoice is the agreement itself: its ruler runs (reminders); the originals are the ones an agreement covers.
    if (agreement && invoice.installment === undefined) out.agreement = { state: agreement.status, since: agreementOf(agreement).createdOn };
    if (negativation) out.negativation = registrationOf(negativation);
    if (serviceCutOn !== undefined) out.serviceCutOn = serviceCutOn;
    if (customer) {
      out.customerKind = customer.kind;
      if (customer.tags) out.tags = customer.tags;
    }
    if (invoice.branchId !== undefined) out.branch = invoice.branchId;
    if (done !== undefined && done.length > 0) out.done = done;
    enriched.push(out);
  }
  return enriched;
}
