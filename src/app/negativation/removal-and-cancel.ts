import * as z from 'zod';
import { civilDateSchema, type CivilDate } from '../../calendar/index.js';
import { fromCents } from '../../money/index.js';
import type { StoreTransaction } from '../../ports/index.js';
import { recordAudit } from '../audit.js';
import { commandBaseSchema, runCommand } from '../command.js';
import type { AppContext } from '../dependencies.js';
import { applyNegativationEvent, requireNegativation } from './negativation-store.js';
import type { InputOf } from '../../errors.js';

/** Input of {@link requestRemoval}. */
export const requestRemovalSchema = commandBaseSchema.extend({
  negativationId: z.string().min(1),
  reason: z.string().max(2000).optional(),
  /** Seed 000: the debt was paid outside the system; the removal deadline counts from these dates. */
  paidOutside: z.object({ paidOn: civilDateSchema, fundsAvailableOn: civilDateSchema }).optional(),
});

/** Input of {@link cancelNegativation}. */
export const cancelNegativationSchema = commandBaseSchema.extend({ negativationId: z.string().min(1), reason: z.string().min(1).max(2000) });

/**
 * Asks the bureau to remove a registration (manual removal, seed 000); the
 * request goes out through the outbox. With `paidOutside`, the debt was paid
 * outside the system: the invoice is settled too (a payment recorded for what
 * was open), so the ruler stops dunning it.
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
 * await app.requestNegativation({ idempotencyKey: 'neg-1', actor: 'operator.ana', invoiceId: 'inv-1', termsAcceptance: { acceptedBy: 'operator.ana', acceptedAt: '2026-11-24T10:00:00-03:00', version: 'v1' } });
 * await app.runDailyCycle();
 * clock.set('2026-12-04T10:00:00-03:00'); // the notice's ten days are over: the cycle registers it
 * await app.runDailyCycle();
 * // The customer paid at the branch: remove the registration (STJ Súmula 548: within 5 business days).
 * const removal = await app.requestRemoval({ idempotencyKey: 'rm-1', actor: 'operator.ana', negativationId: 'negativation-1', paidOutside: { paidOn: '2026-12-04', fundsAvailableOn: '2026-12-04' } });
 * removal.match(
 *   (record) => console.log(record.status, record.negativation.settlement?.removalDeadline),
 *   (error) => console.log(error.code, error.message),
 * );
 * // → recovering 2026-12-11
 * ```
 */
export function requestRemoval(context: AppContext) {
  return (input: InputOf<typeof requestRemovalSchema>) =>
    runCommand(context, 'requestRemoval', requestRemovalSchema, input, async (tx, cmd) => {
      const record = await requireNegativation(tx, cmd.negativationId);
      if (cmd.paidOutside) await settleOutside(tx, context, record.invoiceId, cmd.paidOutside, cmd.actor);
      return applyNegativationEvent(tx, context, record, {
        type: 'removal_requested',
        on: context.today(),
        actor: cmd.actor,
        at: context.nowIso(),
        ...(cmd.reason ? { reason: cmd.reason } : {}),
        ...(cmd.paidOutside ? { paidOutside: cmd.paidOutside } : {}),
      });
    });
}

async function settleOutside(tx: StoreTransaction, context: AppContext, invoiceId: string, paid: { paidOn: CivilDate; fundsAvailableOn: CivilDate }, actor: string): Promise<void> {
  const invoice = await tx.invoices.get(invoiceId);
  if (!invoice || invoice.status !== 'open') return;
  const open = invoice.amount.cents - invoice.paid.cents;
  if (open > 0) {
    await tx.payments.insert({ id: context.ids.next('payment'), version: 1, invoiceId, customerId: invoice.customerId, amount: fromCents(open), paidOn: paid.paidOn, fundsAvailableOn: paid.fundsAvailableOn, method: 'paid_outside' });
  }
  await tx.invoices.update({ ...invoice, version: invoice.version + 1, status: 'paid', paid: invoice.amount, paidOn: paid.paidOn });
  await recordAudit(tx, context, { actor, subjectType: 'invoice', subjectId: invoiceId, action: 'paid_outside', details: { paidOn: paid.paidOn, fundsAvailableOn: paid.fundsAvailableOn } });
}

/**
 * Cancels a negativation request (or a registration not yet confirmed), with a reason.
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
 * await app.requestNegativation({ idempotencyKey: 'neg-1', actor: 'operator.ana', invoiceId: 'inv-1', termsAcceptance: { acceptedBy: 'operator.ana', acceptedAt: '2026-11-24T10:00:00-03:00', version: 'v1' } });
 * const cancelled = await app.cancelNegativation({ idempotencyKey: 'neg-1-cancel', actor: 'operator.ana', negativationId: 'negativation-1', reason: 'Pedido em duplicidade' });
 * if (cancelled.isOk()) console.log(cancelled.value.status);
 * // → cancelled
 * ```
 */
export function cancelNegativation(context: AppContext) {
  return (input: InputOf<typeof cancelNegativationSchema>) =>
    runCommand(context, 'cancelNegativation', cancelNegativationSchema, input, async (tx, cmd) => {
      const record = await requireNegativation(tx, cmd.negativationId);
      return applyNegativationEvent(tx, context, record, { type: 'cancel_requested', on: context.today(), actor: cmd.actor, reason: cmd.reason, at: context.nowIso() });
    });
}
