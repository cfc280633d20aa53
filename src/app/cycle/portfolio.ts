import type { CivilDate } from '../../calendar/index.js';
import { fromCents } from '../../money/index.js';
import type { LateChargesCalculator } from '../../agreements/index.js';
import type { RulerInvoice } from '../../ruler/index.js';
import type { AgreementRecord, CustomerRecord, InvoiceRecord, NegativationRecord } from '../../ports/index.js';
import type { AppContext } from '../dependencies.js';
import { agreementOf } from '../agreements/refresh-agreement.js';
import { pagesOf } from './paging.js';
import { negativationOf, statusOfRecord } from '../negativation/negativation-store.js';
import { bySignificance } from '../../lifecycle/index.js';
import { owedOfRecord } from '../owed.js';

/** Invoices per page read from the store. */
const PAGE_SIZE = 1000;

/** Pages through every invoice of the store, each page in its own read transaction. */
export function invoicePages(context: AppContext, pageSize = PAGE_SIZE): AsyncGenerator<InvoiceRecord[]> {
  return pagesOf(context, (tx) => tx.invoices, pageSize);
}

/** Whether the ruler follows an invoice at all (cancelled, suspended and deleted invoices are out of collection). */
export function followedByRuler(invoice: InvoiceRecord): boolean {
  return invoice.status === 'open' || invoice.status === 'paid';
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

/**
 * Reads what the ruler needs about a page of invoices in one transaction:
 * customers (kind, tags), agreements, the invoice's most significant
 * negativation, payments of partly paid invoices, the steps already done (from
 * the action log), and the amount updated with late charges.
 */
export async function enrichPage(context: AppContext, page: readonly InvoiceRecord[], today: CivilDate, calculator: LateChargesCalculator | undefined): Promise<RulerInvoice[]> {
  return context.store.transaction(async (tx) => {
    const customers = new Map<string, CustomerRecord | undefined>();
    const agreements = new Map<string, AgreementRecord | undefined>();
    const out: RulerInvoice[] = [];
    for (const invoice of page) {
      if (!customers.has(invoice.customerId)) customers.set(invoice.customerId, await tx.customers.get(invoice.customerId));
      const customer = customers.get(invoice.customerId);
      let agreement: AgreementRecord | undefined;
      if (invoice.agreementId !== undefined) {
        if (!agreements.has(invoice.agreementId)) agreements.set(invoice.agreementId, await tx.agreements.get(invoice.agreementId));
        agreement = agreements.get(invoice.agreementId);
      }
      const negativations: NegativationRecord[] = await tx.negativations.list({ invoiceId: invoice.id });
      negativations.sort((a, b) => bySignificance(statusOfRecord(a), statusOfRecord(b)));
      const payments = invoice.paid.cents > 0 && invoice.status === 'open' ? await tx.payments.list({ invoiceId: invoice.id }) : [];
      const log = await tx.actionLog.forInvoice(invoice.id);
      const done = log.filter((entry) => !entry.action.startsWith(TOOK_EFFECT)).map((entry) => entry.stepId);
      const serviceCutOn = log.find((entry) => entry.action === `${TOOK_EFFECT}suspend-service` || entry.action === `${TOOK_EFFECT}reduce-service`)?.on;
      // The one owed-amount rule: the ruler's open amount is what it says is owed (its `updatedAmount` less the payments it is also given).
      const owed = invoice.status === 'open' ? owedOfRecord(calculator, invoice, payments, today) : undefined;
      const negativation = negativations[0];
      out.push({
        id: invoice.id,
        customerId: invoice.customerId,
        dueDate: invoice.dueDate,
        amount: invoice.amount,
        ...(owed ? { updatedAmount: fromCents(owed.owed.cents + owed.paid.cents) } : {}),
        ...(payments.length > 0 ? { payments: payments.map((p) => ({ date: p.paidOn, amount: p.amount })) } : {}),
        ...(invoice.status === 'paid' && invoice.paidOn !== undefined ? { paidOn: invoice.paidOn } : {}),
        // An installment invoice is the agreement itself: its ruler runs (reminders); the originals are the ones an agreement covers.
        ...(agreement && invoice.installment === undefined ? { agreement: { state: agreement.status, since: agreementOf(agreement).createdOn } } : {}),
        ...(negativation ? { negativation: registrationOf(negativation) } : {}),
        ...(serviceCutOn !== undefined ? { serviceCutOn } : {}),
        ...(customer ? { customerKind: customer.kind, ...(customer.tags ? { tags: customer.tags } : {}) } : {}),
        ...(invoice.branchId !== undefined ? { branch: invoice.branchId } : {}),
        ...(done.length > 0 ? { done } : {}),
      });
    }
    return out;
  });
}
