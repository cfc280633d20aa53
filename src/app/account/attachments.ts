import * as z from 'zod';
import { cobrancaError, type InputOf } from '../../errors.js';
import { abort, commandBaseSchema, runCommand } from '../command.js';
import { recordAudit } from '../audit.js';
import type { AppContext } from '../dependencies.js';
import { appendToAccount, entryFields, requireAccount, saveAccount } from './account-store.js';

/** Input of {@link addAttachment}. */
export const addAttachmentSchema = commandBaseSchema.extend({
  customerId: z.string().min(1),
  fileName: z.string().min(1).max(500),
  description: z.string().max(1000).optional(),
  contentType: z.string().min(1).max(200),
  sizeBytes: z.number().int().nonnegative(),
  uri: z.string().min(1).max(2000),
});

/** Input of {@link describeAttachment} and {@link removeAttachment}. */
export const attachmentChangeSchema = commandBaseSchema.extend({
  customerId: z.string().min(1),
  attachmentId: z.string().min(1),
  description: z.string().max(1000).optional(),
});

/**
 * Records an attachment's metadata on the account (the host stores the file).
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
 * const attachment = await app.addAttachment({
 *   idempotencyKey: 'op-2', actor: 'operator.ana', customerId: 'c-1',
 *   fileName: 'contrato-assinado.pdf', contentType: 'application/pdf', sizeBytes: 48_213, uri: 's3://acme-docs/c-1/contrato-assinado.pdf',
 * });
 * if (attachment.isOk()) console.log(attachment.value.id, attachment.value.fileName);
 * // → attachment-1 contrato-assinado.pdf
 * ```
 */
export function addAttachment(context: AppContext) {
  return (input: InputOf<typeof addAttachmentSchema>) =>
    runCommand(context, 'addAttachment', addAttachmentSchema, input, (tx, cmd) =>
      appendToAccount(tx, context, cmd.customerId, 'attachments',
        () => ({ id: context.ids.next('attachment'), at: context.nowIso(), author: cmd.actor, ...entryFields(cmd) }),
        (attachment) => ({ actor: cmd.actor, action: 'attachment_added', details: { attachmentId: attachment.id, fileName: attachment.fileName } }),
      ),
    );
}

function changeAttachment(context: AppContext, command: 'describeAttachment' | 'removeAttachment') {
  return (input: InputOf<typeof attachmentChangeSchema>) =>
    runCommand(context, command, attachmentChangeSchema, input, async (tx, cmd) => {
      const account = await requireAccount(tx, cmd.customerId);
      const current = account.attachments.find((a) => a.id === cmd.attachmentId && a.deletedAt === undefined);
      if (!current) abort(cobrancaError('not_found', `attachment '${cmd.attachmentId}' does not exist on this account`, { path: ['attachmentId'] }));
      const changed = command === 'removeAttachment' ? { ...current, deletedAt: context.nowIso() } : { ...current, description: cmd.description ?? '' };
      await saveAccount(tx, account, { attachments: account.attachments.map((a) => (a.id === current.id ? changed : a)) });
      await recordAudit(tx, context, { actor: cmd.actor, subjectType: 'account', subjectId: account.id, action: command === 'removeAttachment' ? 'attachment_removed' : 'attachment_described', details: { attachmentId: current.id } });
      return changed;
    });
}

/**
 * Changes an attachment's description (seed 004 "Alterar descrição").
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
 * await app.addAttachment({ idempotencyKey: 'op-2', actor: 'operator.ana', customerId: 'c-1', fileName: 'pix.png', contentType: 'image/png', sizeBytes: 90_112, uri: 's3://acme-docs/c-1/pix.png' });
 * const described = await app.describeAttachment({ idempotencyKey: 'op-3', actor: 'operator.ana', customerId: 'c-1', attachmentId: 'attachment-1', description: 'Comprovante PIX de 20/11' });
 * if (described.isOk()) console.log(described.value.description);
 * // → Comprovante PIX de 20/11
 * ```
 */
export const describeAttachment = (context: AppContext) => changeAttachment(context, 'describeAttachment');

/**
 * Removes an attachment (kept in the history, marked deleted).
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
 * await app.addAttachment({ idempotencyKey: 'op-2', actor: 'operator.ana', customerId: 'c-1', fileName: 'pix.png', contentType: 'image/png', sizeBytes: 90_112, uri: 's3://acme-docs/c-1/pix.png' });
 * const removed = await app.removeAttachment({ idempotencyKey: 'op-3', actor: 'operator.ana', customerId: 'c-1', attachmentId: 'attachment-1' });
 * if (removed.isOk()) console.log(removed.value.deletedAt);
 * // → 2026-11-24T13:00:00.000Z
 * ```
 */
export const removeAttachment = (context: AppContext) => changeAttachment(context, 'removeAttachment');
