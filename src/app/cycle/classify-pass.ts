import type { CivilDate } from '../../calendar/index.js';
import { forwardAfterDaysOf } from '../../ruler/index.js';
import { classifyPortfolio, type ClassifierInvoice, type CollectionEvent, type PortfolioClassification } from '../../portfolio/index.js';
import type { AgreementRecord, CollectionAccountRecord, CustomerRecord, NegativationRecord, ProtestRecord } from '../../ports/index.js';
import type { AppContext } from '../dependencies.js';
import { unwrap } from '../command.js';
import { agreementOf } from '../agreements/refresh-agreement.js';
import { negativationOf } from '../negativation/negativation-store.js';
import { protestOf } from '../protest/protest-store.js';
import { followedByRuler, invoicePages } from './portfolio.js';

/**
 * The classifier of seed 004 (daily at 07:00, and on demand): the portfolio
 * sorted into the collection panels with counts and amounts, and the charts'
 * series, read from the store page by page.
 */
export async function classifyPass(context: AppContext, today: CivilDate): Promise<PortfolioClassification> {
  const invoices: ClassifierInvoice[] = [];
  const events: CollectionEvent[] = [];
  const seenAccounts = new Set<string>();
  for await (const page of invoicePages(context)) {
    await context.store.transaction(async (tx) => {
      const customers = new Map<string, CustomerRecord | undefined>();
      const agreements = new Map<string, AgreementRecord | undefined>();
      for (const invoice of page) {
        if (!followedByRuler(invoice) && invoice.agreementId === undefined) continue;
        if (!customers.has(invoice.customerId)) customers.set(invoice.customerId, await tx.customers.get(invoice.customerId));
        const customer = customers.get(invoice.customerId);
        let account: CollectionAccountRecord | undefined;
        if (invoice.collectionAccountId !== undefined) {
          account = await tx.accounts.get(invoice.collectionAccountId);
          if (account && !seenAccounts.has(account.id)) {
            seenAccounts.add(account.id);
            for (const c of account.comments) events.push({ date: c.at.slice(0, 10), operator: c.author, kind: c.contactType ? 'contact' : 'comment' });
            for (const m of account.messages) events.push({ date: m.at.slice(0, 10), operator: m.author, kind: m.channel });
            for (const t of account.tasks) events.push({ date: t.createdAt.slice(0, 10), operator: t.createdBy, kind: 'task' });
          }
        }
        if (invoice.agreementId !== undefined && !agreements.has(invoice.agreementId)) agreements.set(invoice.agreementId, await tx.agreements.get(invoice.agreementId));
        const agreement = invoice.agreementId !== undefined ? agreements.get(invoice.agreementId) : undefined;
        const registration = registrationOf(await tx.negativations.list({ invoiceId: invoice.id }));
        const protest = protestPanelOf(await tx.protests.list({ invoiceId: invoice.id }));
        const city = customer?.address?.city;
        invoices.push({
          id: invoice.id,
          customerId: invoice.customerId,
          dueDate: invoice.dueDate,
          amount: invoice.amount,
          ...(invoice.status === 'paid' && invoice.paidOn ? { paidOn: invoice.paidOn } : {}),
          ...(account ? { collection: account.status === 'pending' ? ('selected' as const) : ('started' as const) } : {}),
          ...(agreement
            ? { agreement: { id: agreement.id, createdOn: agreementOf(agreement).createdOn, toleranceDate: agreementOf(agreement).toleranceDate, cancelled: agreement.status === 'cancelled', ...(city ? { city } : {}) } }
            : {}),
          ...(registration ? { negativation: registration } : {}),
          ...(protest ? { protest } : {}),
          ...(city ? { city } : {}),
        });
      }
    });
  }
  const forwardAfterDays = forwardAfterDaysOf(context.policies.settingsFor().ruler, context.policies.rulerSettings()) ?? 0;
  return unwrap(classifyPortfolio({ asOf: today, forwardAfterDays, invoices, events }, { calendar: context.calendar }));
}

/** When the invoice was registered at a bureau and, if so, removed (the classifier's "registered" and "removed" panels). */
function registrationOf(records: readonly NegativationRecord[]): { registeredOn: CivilDate; removedOn?: CivilDate } | undefined {
  for (const record of records) {
    const negativation = negativationOf(record);
    if (negativation.registeredOn === undefined) continue;
    const removedOn = negativation.removal?.confirmedOn;
    return { registeredOn: negativation.registeredOn, ...(removedOn ? { removedOn } : {}) };
  }
  return undefined;
}

/** When the invoice was protested and, if so, the protest cancelled (the "protested" panel). */
function protestPanelOf(records: readonly ProtestRecord[]): { protestedOn: CivilDate; cancelledOn?: CivilDate } | undefined {
  for (const record of records) {
    const protest = protestOf(record);
    if (protest.protestedOn === undefined) continue;
    const cancelledOn = protest.cancellation?.confirmedOn;
    return { protestedOn: protest.protestedOn, ...(cancelledOn ? { cancelledOn } : {}) };
  }
  return undefined;
}
