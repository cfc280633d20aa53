import * as z from 'zod';
import { civilDateSchema, maxDate } from '../../calendar/index.js';
import { cobrancaError, type InputOf } from '../../errors.js';
import { add, nonNegativeMoneySchema, type Money } from '../../money/index.js';
import type { OwedAmount } from '../../agreements/index.js';
import type { InvoiceRecord, NegativationRecord, PaymentRecord, StoreTransaction } from '../../ports/index.js';
import { abort, commandBaseSchema, notFound, runCommand } from '../command.js';
import { owedCalculator, owedOfRecord } from '../owed.js';
import { recordAudit } from '../audit.js';
import type { AppContext } from '../dependencies.js';
import { applyNegativationEvent, statusOfRecord } from '../negativation/negativation-store.js';
import { isFinalStatus } from '../../lifecycle/index.js';
import { refreshAgreement } from '../agreements/refresh-agreement.js';
import { tellProtests } from '../protest/tell-protests.js';

/** Input of {@link recordPayment}. */
export const recordPaymentSchema = commandBaseSchema.extend({
  invoiceId: z.string().min(1),
  amount: nonNegativeMoneySchema.refine((m) => m.cents > 0, 'a payment must be a positive amount'),
  /** The day it was paid (today by default). */
  paidOn: civilDateSchema.optional(),
  /** When the money is available to the creditor (the Súmula 548 clock starts here); `paidOn` by default. */
  fundsAvailableOn: civilDateSchema.optional(),
  method: z.string().max(100).optional(),
}).strict();

/** What `recordPayment` did. */
export interface PaymentOutcome {
  readonly payment: PaymentRecord;
  readonly invoice: InvoiceRecord;
  /** Whether the invoice is now fully paid (principal and late charges). */
  readonly settled: boolean;
  /** What the invoice still owes after the payment, by the one owed-amount rule, as of the latest payment day. */
  readonly owed: OwedAmount;
  /** Negativations the payment moved (cancelled requests, removals requested with their deadline). */
  readonly negativations: readonly NegativationRecord[];
}

/**
 * Records a payment (partial or full). The invoice's ruler stops once it is
 * settled; every negativation of the invoice hears of it (a request in the
 * notice period is cancelled; a registration is removed through the outbox,
 * with its STJ Súmula 548 deadline); an agreement's installment updates the
 * agreement (fulfilled when all are paid) and its original invoices' registrations.
 * @example
 * ```ts
 * import { brazilianCalendar, createCollections } from 'cobranca';
 * import { MemoryStore } from 'cobranca/adapters/memory';
 * import { fakeBureau, manualClock, recordingNotifier, sequentialIds, staticRates } from 'cobranca/testing';
 *
 * const clock = manualClock('2026-11-24T10:00:00-03:00');
 * const built = createCollections({
 *   store: new MemoryStore(), bureau: fakeBureau(), notifier: recordingNotifier(), rates: staticRates(), ids: sequentialIds(),
 *   clock, calendar: brazilianCalendar({ state: 'SP' }),
 *   creditor: { id: 'acme', name: 'ACME Telecom Ltda', document: '11.222.333/0001-81' },
 *   ruler: { id: 'padrao', steps: [{ id: 'atraso', offsetDays: 1, action: { kind: 'notify', channel: 'email', template: 'atraso' } }] },
 * });
 * if (built.isErr()) throw new Error(built.error.message);
 * const app = built.value;
 * await app.upsertCustomers({ idempotencyKey: 'crm-1', actor: 'crm', customers: [{ id: 'c-1', name: 'Maria Souza', taxId: '529.982.247-25', kind: 'person', email: 'maria.souza@exemplo.com.br',
 *   address: { street: 'Rua das Flores', number: '100', district: 'Centro', city: 'São Paulo', state: 'SP', cep: '01001-000' } }] });
 * await app.upsertInvoices({ idempotencyKey: 'erp-1', actor: 'erp', invoices: [{ id: 'inv-1', customerId: 'c-1', amount: '373.52', dueDate: '2026-10-13' }] });
 * // A PIX webhook: the end-to-end id makes a repeated delivery harmless.
 * const payment = await app.recordPayment({ idempotencyKey: 'pix-E0000000020261124', actor: 'pix-webhook', invoiceId: 'inv-1', amount: '373.52', paidOn: '2026-11-24' });
 * payment.match(
 *   (outcome) => console.log(outcome.settled, outcome.invoice.status),
 *   (error) => console.log(error.code, error.message),
 * );
 * // → true paid
 * ```
 */
export function recordPayment(context: AppContext) {
  return (input: InputOf<typeof recordPaymentSchema>) =>
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
      const asOf = payments.reduce((latest, p) => maxDate(latest, p.paidOn), paidOn);
      const owed = owedOfRecord(await owedCalculator(context, asOf, invoice.dueDate), invoice, payments, asOf);
      const settled = owed.settled;
      const updated: InvoiceRecord = { ...invoice, version: invoice.version + 1, paid, ...(settled ? { status: 'paid' as const, paidOn: maxDate(paidOn, invoice.paidOn ?? paidOn) } : {}) };
      await tx.invoices.update(updated);
      await recordAudit(tx, context, { actor: cmd.actor, subjectType: 'invoice', subjectId: invoice.id, action: settled ? 'paid' : 'partially_paid', details: { paymentId: payment.id, cents: cmd.amount.cents, paidOn, fundsAvailableOn } });
      await recordAudit(tx, context, { actor: cmd.actor, subjectType: 'payment', subjectId: payment.id, action: 'recorded', details: { invoiceId: invoice.id } });

      const moved = await tellNegativations(tx, context, invoice.id, cmd.actor, { kind: settled ? 'full' : 'partial', amount: cmd.amount, paidOn, fundsAvailableOn, owed });
      if (settled) await tellProtests(tx, context, invoice.id, cmd.actor, { amount: paid, paidOn, fundsAvailableOn });
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
      return { payment, invoice: updated, settled, owed, negativations: moved };
    });
}

async function tellNegativations(
  tx: StoreTransaction,
  context: AppContext,
  invoiceId: string,
  actor: string,
  payment: { kind: 'full' | 'partial' | 'agreement_installment'; amount: Money; paidOn: string; fundsAvailableOn: string; installmentNumber?: number; owed?: OwedAmount },
): Promise<NegativationRecord[]> {
  const moved: NegativationRecord[] = [];
  for (const record of await tx.negativations.list({ invoiceId })) {
    if (isFinalStatus(statusOfRecord(record))) continue;
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
        ...(payment.owed && payment.kind === 'partial' ? { owed: { principal: payment.owed.principal, total: payment.owed.owed } } : {}),
      }),
    );
  }
  return moved;
}
