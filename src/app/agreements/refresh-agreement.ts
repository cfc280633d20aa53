import type { CivilDate } from '../../calendar/index.js';
import { agreementStatus, type Agreement, type AgreementStatus } from '../../agreements/index.js';
import type { AgreementRecord, StoreTransaction } from '../../adapters/ports.js';
import { unwrap } from '../command.js';
import { recordAudit } from '../audit.js';
import type { AppContext } from '../dependencies.js';

/** The agreement value inside a stored record. */
export function agreementOf(record: AgreementRecord): Agreement {
  return record.agreement as Agreement;
}

/** The agreement's status as of a day, from the payments on its installments' invoices. */
export async function statusOf(tx: StoreTransaction, record: AgreementRecord, asOf: CivilDate): Promise<AgreementStatus> {
  const payments = [];
  for (const { number, invoiceId } of record.installmentInvoices) {
    for (const payment of await tx.payments.list({ invoiceId })) payments.push({ installment: number, amount: payment.amount, date: payment.paidOn });
  }
  const agreement = agreementOf(record);
  const cancelledOn = (record as { cancelledOn?: CivilDate }).cancelledOn;
  return unwrap(agreementStatus({ toleranceDate: agreement.toleranceDate, plan: agreement.plan, ...(cancelledOn ? { cancelledOn } : {}) }, payments, asOf));
}

/**
 * Re-reads an active agreement's status and stores a change (fulfilled or
 * broken, DOMAIN §2.4). A broken agreement's invoices leave it, so the ruler
 * takes them up again, and a later negativation needs a new notice.
 */
export async function refreshAgreement(tx: StoreTransaction, context: AppContext, record: AgreementRecord, asOf: CivilDate, actor: string): Promise<AgreementRecord> {
  if (record.status !== 'active') return record;
  const status = await statusOf(tx, record, asOf);
  if (status.status === 'active') return record;
  const next: AgreementRecord = { ...record, version: record.version + 1, status: status.status };
  await tx.agreements.update(next);
  await recordAudit(tx, context, { actor, subjectType: 'agreement', subjectId: record.id, action: `agreement_${status.status}`, details: { asOf, brokenOn: status.brokenOn } });
  if (status.status === 'broken') {
    for (const { invoiceId } of record.installmentInvoices) {
      const invoice = await tx.invoices.get(invoiceId);
      if (invoice && invoice.agreementId === record.id && invoice.status === 'open') {
        const { agreementId: _gone, ...rest } = invoice;
        await tx.invoices.update({ ...rest, version: invoice.version + 1 });
        await recordAudit(tx, context, { actor, subjectType: 'invoice', subjectId: invoiceId, action: 'agreement_broken', details: { agreementId: record.id } });
      }
    }
  }
  return next;
}
