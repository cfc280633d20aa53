import * as z from 'zod';
import { cobrancaError, type InputOf } from '../../errors.js';
import type { AgreementRecord } from '../../ports/index.js';
import { abort, commandBaseSchema, notFound, runCommand } from '../command.js';
import { recordAudit } from '../audit.js';
import type { AppContext } from '../dependencies.js';
import { agreementOf } from './refresh-agreement.js';

/** Input of {@link cancelAgreement}: which agreement and why. */
export const cancelAgreementSchema = commandBaseSchema.extend({ agreementId: z.string().min(1), reason: z.string().trim().min(1).max(2000) }).strict();

/**
 * An operator cancels an active agreement, with a reason: its unpaid
 * installment invoices are cancelled and the invoices it covered return to
 * collection (open again, out of the agreement), so the ruler and the panels
 * take them up as before. An agreement with a payment on any installment is
 * refused (`invalid_state`): the money received must be dealt with first.
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
 * const category = await app.createAgreementCategory({ idempotencyKey: 'cat-1', actor: 'admin', name: 'Renegociação' });
 * if (category.isErr()) throw new Error(category.error.message);
 * await app.negotiate({
 *   idempotencyKey: 'deal-1', actor: 'operator.ana', customerId: 'c-1',
 *   proposal: { kind: 'new_proposal', selectedInvoiceIds: ['inv-1'], toleranceDate: '2026-12-20', category: category.value.id, installments: { kind: 'regular', count: 2, firstDueDate: '2026-12-10', description: 'Acordo', paymentProfile: 'boleto' } },
 * });
 * const cancelled = await app.cancelAgreement({ idempotencyKey: 'deal-1-cancel', actor: 'operator.ana', agreementId: 'agreement-1', reason: 'Cliente desistiu do acordo' });
 * if (cancelled.isOk()) console.log(cancelled.value.status);
 * const owed = await app.owedNow({ invoiceId: 'inv-1' });
 * if (owed.isOk()) console.log(owed.value.owed.cents); // back in collection
 * // → cancelled
 * // → 37352
 * ```
 */
export function cancelAgreement(context: AppContext) {
  return (input: InputOf<typeof cancelAgreementSchema>) =>
    runCommand(context, 'cancelAgreement', cancelAgreementSchema, input, async (tx, cmd): Promise<AgreementRecord> => {
      const record = await tx.agreements.get(cmd.agreementId);
      if (!record) abort(notFound('agreement', cmd.agreementId, ['agreementId']));
      if (record.status !== 'active') abort(cobrancaError('invalid_state', `agreement '${record.id}' is ${record.status}; only an active agreement can be cancelled`, { path: ['agreementId'] }));
      const agreement = agreementOf(record);
      for (const { invoiceId } of record.installmentInvoices) {
        if ((await tx.payments.list({ invoiceId })).length > 0) {
          abort(cobrancaError('invalid_state', `installment invoice '${invoiceId}' of agreement '${record.id}' has payments: settle them before cancelling`, { path: ['agreementId'] }));
        }
      }
      const today = context.today();
      if (agreement.kind === 'new_proposal') {
        for (const { invoiceId } of record.installmentInvoices) {
          const invoice = await tx.invoices.get(invoiceId);
          if (!invoice || invoice.status !== 'open') continue;
          await tx.invoices.update({ ...invoice, version: invoice.version + 1, status: 'cancelled' });
          await recordAudit(tx, context, { actor: cmd.actor, subjectType: 'invoice', subjectId: invoiceId, action: 'agreement_cancelled', details: { agreementId: record.id, reason: cmd.reason } });
        }
      }
      for (const invoiceId of agreement.invoiceIds) {
        const invoice = await tx.invoices.get(invoiceId);
        if (!invoice || invoice.agreementId !== record.id) continue;
        const { agreementId: _gone, ...rest } = invoice;
        const status = invoice.status === 'cancelled' || invoice.status === 'suspended' ? 'open' : invoice.status;
        await tx.invoices.update({ ...rest, version: invoice.version + 1, status });
        await recordAudit(tx, context, { actor: cmd.actor, subjectType: 'invoice', subjectId: invoiceId, action: 'returned_to_collection', details: { agreementId: record.id, reason: cmd.reason } });
      }
      const next: AgreementRecord = { ...record, version: record.version + 1, status: 'cancelled', cancellation: { on: today, by: cmd.actor, reason: cmd.reason } };
      await tx.agreements.update(next);
      await recordAudit(tx, context, { actor: cmd.actor, subjectType: 'agreement', subjectId: record.id, action: 'agreement_cancelled', details: { reason: cmd.reason } });
      return next;
    });
}
