import * as z from 'zod';
import { civilDateSchema, maxDate, type CivilDate } from '../../calendar/index.js';
import { cobrancaError } from '../../errors.js';
import { add, nonNegativeMoneySchema, type Money } from '../../money/index.js';
import { calculateLateCharges, type LateCharges } from '../../agreements/index.js';
import type { InvoiceRecord, NegativationRecord, PaymentRecord, StoreTransaction } from '../../ports/index.js';
import { abort, commandBaseSchema, notFound, runCommand, unwrap } from '../command.js';
import { recordAudit } from '../audit.js';
import type { AppContext } from '../dependencies.js';
import { applyNegativationEvent } from '../negativation/negativation-store.js';
import { refreshAgreement } from '../agreements/refresh-agreement.js';

/** Input of {@link recordPayment}. */
export const recordPaymentSchema = commandBaseSchema.extend({
  invoiceId: z.string().min(1),
  amount: nonNegativeMoneySchema.refine((m) => m.cents > 0, 'a payment must be a positive amount'),
  /** The day it was paid (today by default). */
  paidOn: civilDateSchema.optional(),
  /** When the money is available to the creditor (the Súmula 548 clock starts here); `paidOn` by default. */
  fundsAvailableOn: civilDateSchema.optional(),
  method: z.string().max(100).optional(),
});

/** What `recordPayment` did. */
export interface PaymentOutcome {
  readonly payment: PaymentRecord;
  readonly invoice: InvoiceRecord;
  /** Whether the invoice is now fully paid (principal and late charges). */
  readonly settled: boolean;
  /** The late charges as of the payment day, after it (when a policy is configured). */
  readonly lateCharges?: LateCharges;
  /** Negativations the payment moved (cancelled requests, removals requested with their deadline). */
  readonly negativations: readonly NegativationRecord[];
}

/**
 * Records a payment (partial or full). The invoice's ruler stops once it is
 * settled; every negativation of the invoice hears of it (a request in the
 * notice period is cancelled; a registration is removed through the outbox,
 * with its STJ Súmula 548 deadline); an agreement's installment updates the
 * agreement (fulfilled when all are paid) and its original invoices' registrations.
 */
export function recordPayment(context: AppContext) {
  return (input: unknown) =>
    runCommand(context, 'recordPayment', recordPaymentSchema, input, async (tx, cmd): Promise<PaymentOutcome> => {
      const invoice = await tx.invoices.get(cmd.invoiceId);
      if (!invoice) abort(notFound('invoice', cmd.invoiceId, ['invoiceId']));
      if (invoice.status !== 'open') abort(cobrancaError('invalid_state', `invoice '${invoice.id}' is ${invoice.status}; payments go to open invoices`, { path: ['invoiceId'] }));
      const today = context.today();
      const paidOn = cmd.paidOn ?? today;
      if (paidOn > today) abort(cobrancaError('invalid_input', `paidOn ${paidOn} is in the future`, { path: ['paidOn'] }));
      const fundsAvailableOn = cmd.fundsAvailableOn ?? paidOn;
      if (fundsAvailableOn < paidOn) abort(cobrancaError('invalid_input', 'fundsAvailableOn cannot be before paidOn', { path: ['fundsAvailableOn'] }));

      const payment: PaymentRecord = {
        id: context.ids.next('payment'),
        version: 1,
        invoiceId: invoice.id,
        customerId: invoice.customerId,
        amount: cmd.amount,
        paidOn,
        fundsAvailableOn,
        ...(cmd.method ? { method: cmd.method } : {}),
      };
      await tx.payments.insert(payment);
      const payments = await tx.payments.list({ invoiceId: invoice.id });
      const paid: Money = add(invoice.paid, cmd.amount);
      const charges = await chargesAfter(context, invoice, payments, paidOn);
      const settled = charges ? charges.total.cents === 0 : paid.cents >= invoice.amount.cents;
      const updated: InvoiceRecord = { ...invoice, version: invoice.version + 1, paid, ...(settled ? { status: 'paid' as const, paidOn: maxDate(paidOn, invoice.paidOn ?? paidOn) } : {}) };
      await tx.invoices.update(updated);
      await recordAudit(tx, context, { actor: cmd.actor, subjectType: 'invoice', subjectId: invoice.id, action: settled ? 'paid' : 'partially_paid', details: { paymentId: payment.id, cents: cmd.amount.cents, paidOn, fundsAvailableOn } });
      await recordAudit(tx, context, { actor: cmd.actor, subjectType: 'payment', subjectId: payment.id, action: 'recorded', details: { invoiceId: invoice.id } });

      const moved = await tellNegativations(tx, context, invoice.id, cmd.actor, { kind: settled ? 'full' : 'partial', amount: cmd.amount, paidOn, fundsAvailableOn });
      const agreementId = invoice.installment?.agreementId ?? invoice.agreementId;
      if (agreementId !== undefined) {
        const agreement = await tx.agreements.get(agreementId);
        if (agreement) {
          await refreshAgreement(tx, context, agreement, today, cmd.actor);
          if (settled && invoice.installment) {
            const covered = (agreement.agreement as { invoiceIds: readonly string[] }).invoiceIds;
            for (const original of covered) {
              moved.push(...(await tellNegativations(tx, context, original, cmd.actor, { kind: 'agreement_installment', amount: cmd.amount, paidOn, fundsAvailableOn, installmentNumber: invoice.installment.number })));
            }
          }
        }
      }
      return { payment, invoice: updated, settled, negativations: moved, ...(charges ? { lateCharges: charges } : {}) };
    });
}

async function chargesAfter(context: AppContext, invoice: InvoiceRecord, payments: readonly PaymentRecord[], asOf: CivilDate): Promise<LateCharges | undefined> {
  const calculator = await context.policies.lateCharges(invoice.dueDate, maxDate(invoice.dueDate, asOf));
  if (!calculator) return undefined;
  return unwrap(
    calculateLateCharges({
      principal: invoice.amount,
      dueDate: invoice.dueDate,
      asOf,
      payments: payments.map((p) => ({ date: p.paidOn, amount: p.amount })),
      policy: calculator.policy,
    }),
  );
}

async function tellNegativations(
  tx: StoreTransaction,
  context: AppContext,
  invoiceId: string,
  actor: string,
  payment: { kind: 'full' | 'partial' | 'agreement_installment'; amount: Money; paidOn: string; fundsAvailableOn: string; installmentNumber?: number },
): Promise<NegativationRecord[]> {
  const moved: NegativationRecord[] = [];
  for (const record of await tx.negativations.list({ invoiceId })) {
    if (record.status === 'recovered' || record.status === 'cancelled') continue;
    moved.push(
      await applyNegativationEvent(tx, context, record, {
        type: 'payment_received',
        on: context.today(),
        actor,
        at: context.nowIso(),
        kind: payment.kind,
        amount: payment.amount,
        paidOn: payment.paidOn,
        fundsAvailableOn: payment.fundsAvailableOn,
        ...(payment.installmentNumber !== undefined ? { installmentNumber: payment.installmentNumber } : {}),
      }),
    );
  }
  return moved;
}
