import { maxDate, type CivilDate } from '../../calendar/index.js';
import type { Agreement, AgreementStatus } from '../../agreements/index.js';
import { statusOfParsedAgreement } from '../../agreements/agreement-status.js';
import type { AgreementRecord, PaymentRecord, StoreTransaction } from '../../ports/index.js';
import { unwrap } from '../command.js';
import { recordAudit } from '../audit.js';
import type { AppContext } from '../dependencies.js';
import { applyNegativationEvent, statusOfRecord } from '../negativation/negativation-store.js';
import { isRemovalUnderWay, occupiesKey, type NegativationStatus } from '../../lifecycle/index.js';

/** The agreement value inside a stored record. */
export function agreementOf(record: AgreementRecord): Agreement {
  return record.agreement as Agreement;
}

/** The payments on an agreement's installments, with the installment each pays. */
async function installmentPayments(tx: StoreTransaction, record: AgreementRecord): Promise<{ installment: number; payment: PaymentRecord }[]> {
  const out: { installment: number; payment: PaymentRecord }[] = [];
  for (const { number, invoiceId } of record.installmentInvoices) {
    for (const payment of await tx.payments.list({ invoiceId })) out.push({ installment: number, payment });
  }
  return out;
}

/**
 * The agreement's status as of a day, from the payments on its installments' invoices. The agreement and the
 * payments are records the library built and stored, so they are read as parsed (no schema walk per agreement
 * per day: classification asks this of every active agreement).
 */
export async function statusOf(tx: StoreTransaction, record: AgreementRecord, asOf: CivilDate): Promise<AgreementStatus> {
  const payments = (await installmentPayments(tx, record)).map(({ installment, payment }) => ({ installment, amount: payment.amount, date: payment.paidOn }));
  const agreement = agreementOf(record);
  return unwrap(statusOfParsedAgreement({ toleranceDate: agreement.toleranceDate, plan: agreement.plan }, payments, asOf));
}

/** Whether a settlement still has to reach a registration: it still occupies its key and no removal is under way. */
function awaitsSettlement(status: NegativationStatus): boolean {
  return occupiesKey(status) && !isRemovalUnderWay(status);
}

/**
 * Re-reads an active agreement's status and stores a change (docs/legal.md §2.4).
 * - Fulfilled: the covered invoices count as paid on the last payment's day,
 *   so their registrations hear a full payment (removal requested, with its STJ
 *   Súmula 548 deadline counted from the last funds-available day).
 * - Broken: its invoices leave it, so the ruler takes them up again, and a later
 *   negativation needs a new notice.
 */
export async function refreshAgreement(tx: StoreTransaction, context: AppContext, record: AgreementRecord, asOf: CivilDate, actor: string): Promise<AgreementRecord> {
  if (record.status !== 'active') return record;
  const status = await statusOf(tx, record, asOf);
  if (status.status === 'active') return record;
  let next: AgreementRecord = { ...record, version: record.version + 1, status: status.status };
  if (status.status === 'fulfilled') {
    const payments = (await installmentPayments(tx, record)).map(({ payment }) => payment).filter((p) => p.paidOn <= asOf);
    const settledOn = payments.reduce<CivilDate>((latest, p) => maxDate(latest, p.paidOn), agreementOf(record).createdOn);
    const fundsAvailableOn = payments.reduce<CivilDate>((latest, p) => maxDate(latest, p.fundsAvailableOn), settledOn);
    next = { ...next, settledOn, fundsAvailableOn };
  }
  await tx.agreements.update(next);
  await recordAudit(tx, context, { actor, subjectType: 'agreement', subjectId: record.id, action: `agreement_${status.status}`, details: { asOf, brokenOn: status.brokenOn } });
  if (status.status === 'fulfilled' && next.settledOn && next.fundsAvailableOn) await settleCovered(tx, context, next, next.settledOn, next.fundsAvailableOn, actor);
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

/** A fulfilled agreement pays the debts it covers: their registrations hear a full payment. */
async function settleCovered(tx: StoreTransaction, context: AppContext, record: AgreementRecord, paidOn: CivilDate, fundsAvailableOn: CivilDate, actor: string): Promise<void> {
  for (const invoiceId of agreementOf(record).invoiceIds) {
    for (const negativation of await tx.negativations.list({ invoiceId })) {
      if (!awaitsSettlement(statusOfRecord(negativation))) continue;
      const owed = negativation.negativation.outstanding;
      await applyNegativationEvent(tx, context, negativation, {
        type: 'payment_received',
        on: context.today(),
        actor,
        at: context.nowIso(),
        reason: `agreement ${record.id} fulfilled`,
        kind: 'full',
        amount: owed.cents > 0 ? owed : agreementOf(record).total,
        paidOn,
        fundsAvailableOn,
      });
    }
  }
}
