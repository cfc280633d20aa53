import * as z from 'zod';
import { civilDateSchema } from '../../calendar/index.js';
import { commandBaseSchema, runCommand } from '../command.js';
import type { AppContext } from '../dependencies.js';
import { appendToAccount, entryFields } from './account-store.js';
import type { InputOf } from '../../errors.js';

/** Input of {@link addComment}: seed 004's comment / contact record form. */
export const addCommentSchema = commandBaseSchema.extend({
  customerId: z.string().min(1),
  text: z.string().min(1).max(10_000),
  subject: z.string().max(300).optional(),
  contactType: z.enum(['active', 'reactive']).optional(),
  medium: z.string().max(100).optional(),
  customerContact: z.string().max(200).optional(),
  category: z.string().max(100).optional(),
  contactStatus: z.string().max(100).optional(),
  returnOn: civilDateSchema.optional(),
  invoiceId: z.string().optional(),
});

/**
 * Adds a comment or a contact record (type, medium, who answered, status, return date) to the account.
 * The customer's collection account must exist (`startCollection` opens it);
 * before that the command answers `not_found` on `customerId`.
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
 * await app.startCollection({ idempotencyKey: 'op-1', actor: 'operator.ana', customerId: 'c-1', invoiceIds: ['inv-1'] });
 * const comment = await app.addComment({
 *   idempotencyKey: 'op-2', actor: 'operator.ana', customerId: 'c-1', invoiceId: 'inv-1',
 *   text: 'Cliente promete pagar na sexta pelo PIX', contactType: 'active', medium: 'telefone', returnOn: '2026-11-27',
 * });
 * if (comment.isOk()) console.log(comment.value.id, comment.value.returnOn);
 * // → comment-1 2026-11-27
 * ```
 */
export function addComment(context: AppContext) {
  return (input: InputOf<typeof addCommentSchema>) =>
    runCommand(context, 'addComment', addCommentSchema, input, (tx, cmd) =>
      appendToAccount(tx, context, cmd.customerId, 'comments',
        () => ({ id: context.ids.next('comment'), at: context.nowIso(), author: cmd.actor, ...entryFields(cmd) }),
        (comment) => ({ actor: cmd.actor, action: cmd.contactType ? 'contact_recorded' : 'comment_added', details: { commentId: comment.id } }),
      ),
    );
}
