import * as z from 'zod';
import type { InputOf } from '../../errors.js';
import { commandBaseSchema, runCommand } from '../command.js';
import type { AppContext } from '../dependencies.js';
import { applyNegativationEvent, requireNegativation } from './negativation-store.js';

/** Input of {@link recordNoticeRead}. */
export const recordNoticeReadSchema = commandBaseSchema.extend({
  negativationId: z.string().min(1),
  /** The message id of the e-mail read (the notifier's id, kept as the notice's proof of posting); the latest unread e-mail when absent. */
  messageId: z.string().min(1).optional(),
});

/** Input of {@link recordNoticeRead} as the host writes it. */
export type RecordNoticeReadInput = InputOf<typeof recordNoticeReadSchema>;

/**
 * Records the e-mail provider's read receipt of a prior notice (seed 000: "se ele visualizar a mensagem, considera-se
 * que está ciente"). In `email_then_bureau_letter` mode the waiting period then counts from today; a receipt for a
 * negativation no longer waiting for its notice is `illegal_transition`.
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
 *   settings: { general: { noticeMode: 'email_then_bureau_letter' } },
 * });
 * if (built.isErr()) throw new Error(built.error.message);
 * const app = built.value;
 * await app.upsertCustomers({ idempotencyKey: 'crm-1', actor: 'crm', customers: [{ id: 'c-1', name: 'Maria Souza', taxId: '529.982.247-25', kind: 'person', email: 'maria.souza@exemplo.com.br',
 *   address: { street: 'Rua das Flores', number: '100', district: 'Centro', city: 'São Paulo', state: 'SP', cep: '01001-000' } }] });
 * await app.upsertInvoices({ idempotencyKey: 'erp-1', actor: 'erp', invoices: [{ id: 'inv-1', customerId: 'c-1', amount: '373.52', dueDate: '2026-10-13' }] });
 * await app.requestNegativation({ idempotencyKey: 'neg-1', actor: 'operator.ana', invoiceId: 'inv-1', termsAcceptance: { acceptedBy: 'operator.ana', acceptedAt: '2026-11-24T10:00:00-03:00', version: 'v1' } });
 * await app.runDailyCycle(); // approved: the prior notice goes by e-mail
 * clock.set('2026-11-25T11:00:00-03:00');
 * const read = await app.recordNoticeRead({ idempotencyKey: 'read-1', actor: 'email-provider', negativationId: 'negativation-1' });
 * read.match(
 *   (record) => console.log(record.status),
 *   (error) => console.log(error.code, error.message),
 * );
 * // → processing
 * ```
 */
export function recordNoticeRead(context: AppContext) {
  return (input: RecordNoticeReadInput) =>
    runCommand(context, 'recordNoticeRead', recordNoticeReadSchema, input, async (tx, cmd) => {
      const record = await requireNegativation(tx, cmd.negativationId);
      return applyNegativationEvent(tx, context, record, {
        type: 'notice_read',
        on: context.today(),
        actor: cmd.actor,
        at: context.nowIso(),
        reason: 'read receipt of the e-mail notice',
        ...(cmd.messageId !== undefined ? { proofOfPosting: cmd.messageId } : {}),
      });
    });
}
