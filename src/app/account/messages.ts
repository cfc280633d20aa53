import * as z from 'zod';
import { checkSmsText, isInsideContactWindow, nextContactMoment } from '../../ruler/index.js';
import { instantAt, zonedDateTime } from '../../calendar/index.js';
import type { AccountMessage, StoreTransaction } from '../../ports/index.js';
import { commandBaseSchema, runCommand, unwrap } from '../command.js';
import { recordAudit } from '../audit.js';
import { compact } from '../compact.js';
import type { AppContext } from '../dependencies.js';
import { requireAccount, saveAccount } from './account-store.js';
import { renderEmail, saveTemplate } from '../registers/email-templates.js';
import type { InputOf } from '../../errors.js';

/** Input of {@link sendEmail}: seed 004's "Novo Email" form. */
export const sendEmailSchema = commandBaseSchema.extend({
  customerId: z.string().min(1),
  to: z.array(z.email()).min(1).max(50),
  cc: z.array(z.email()).max(50).optional(),
  subject: z.string().min(1).max(300),
  text: z.string().max(100_000).optional(),
  templateId: z.string().min(1).optional(),
  invoiceIds: z.array(z.string().min(1)).max(500).optional(),
  note: z.string().max(2000).optional(),
  /** Seed 004 "Deseja salvar este e-mail como modelo?": the subject and text are saved as an e-mail template with this name. */
  saveAsTemplate: z.string().trim().min(1).max(200).optional(),
}).strict().refine((cmd) => cmd.text !== undefined || cmd.templateId !== undefined, { message: 'give the e-mail a text or a templateId', path: ['text'] });

/** Input of {@link sendMessage}: seed 004's SMS / app message form. */
export const sendMessageSchema = commandBaseSchema.extend({
  customerId: z.string().min(1),
  channel: z.enum(['sms', 'whatsapp', 'push']),
  to: z.array(z.string().min(1).max(200)).min(1).max(50),
  text: z.string().min(1).max(4096),
  note: z.string().max(2000).optional(),
}).strict();

/**
 * When a contact may go out: now inside the contact window (default Mon–Fri
 * 8h–20h, Sat 8h–14h, never Sundays or holidays; SP Lei 15.426/2014, the
 * customer's branch settings), else the window's next opening.
 */
function contactMoment(context: AppContext, branch: string | undefined): string | undefined {
  const window = context.policies.rulerSettings(branch).values.contactWindow;
  const now = zonedDateTime(context.clock.now());
  if (isInsideContactWindow(window, now, context.calendar)) return undefined;
  const next = nextContactMoment(window, now, context.calendar);
  // A window that never opens (a misconfigured calendar) does not hold an operator's message forever.
  return next === undefined ? undefined : instantAt(next.date, next.minuteOfDay).toISOString();
}

async function enqueueMessage(tx: StoreTransaction, context: AppContext, customerId: string, message: Omit<AccountMessage, 'id' | 'at' | 'effectKey'>): Promise<AccountMessage> {
  const account = await requireAccount(tx, customerId);
  const customer = await tx.customers.get(customerId);
  const notBefore = contactMoment(context, customer?.branchId);
  const id = context.ids.next('message');
  const effectKey = `message:${id}`;
  const full: AccountMessage = { id, at: context.nowIso(), effectKey, ...message, ...(notBefore ? { notBefore } : {}) };
  for (const [index, to] of message.to.entries()) {
    await tx.outbox.enqueue({
      id: context.ids.next('effect'),
      // The recipient's position, not the recipient: keys are logged and compared, personal data stays in the payload.
      key: `${effectKey}:${index + 1}`,
      kind: 'notify',
      payload: compact({ channel: message.channel, customerId, to, templateId: message.templateId, text: message.text, subject: message.subject, cc: message.cc, invoiceIds: message.invoiceIds, accountMessageId: id }),
      status: 'pending',
      attempts: 0,
      createdAt: full.at,
      ...(notBefore ? { notBefore } : {}),
    });
  }
  await saveAccount(tx, account, { messages: [...account.messages, full] });
  await recordAudit(tx, context, { actor: message.author, subjectType: 'account', subjectId: account.id, action: `${message.channel}_queued`, details: { messageId: id, to: message.to } });
  return full;
}

/**
 * Sends an e-mail from the account: recorded on the account and queued in the
 * outbox (one effect per recipient) in the same transaction; the daily cycle
 * or `performEffects` delivers it through the notifier, inside the contact
 * window (outside it, at the window's next opening: `notBefore`).
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
 * const email = await app.sendEmail({
 *   idempotencyKey: 'op-2', actor: 'operator.ana', customerId: 'c-1', to: ['maria.souza@exemplo.com.br'],
 *   subject: 'Fatura em aberto', text: 'Olá, Maria. A fatura de R$ 373,52 venceu em 13/10; pague pelo PIX.', invoiceIds: ['inv-1'],
 * });
 * if (email.isOk()) console.log(email.value.id, email.value.effectKey);
 * // → message-1 message:message-1
 * ```
 */
export function sendEmail(context: AppContext) {
  return (input: InputOf<typeof sendEmailSchema>) =>
    runCommand(context, 'sendEmail', sendEmailSchema, input, async (tx, cmd) => {
      const { idempotencyKey: _k, actor, customerId, saveAsTemplate, ...fields } = cmd;
      // Placeholders are filled (and checked for missing values) before anything is queued.
      const rendered = await renderEmail(tx, context, { customerId, subject: fields.subject, text: fields.text, templateId: fields.templateId, invoiceIds: fields.invoiceIds });
      if (saveAsTemplate !== undefined) await saveTemplate(tx, context, { name: saveAsTemplate, subject: fields.subject, body: fields.text ?? '' }, actor);
      const registered = rendered.rendered && fields.templateId !== undefined && (await tx.registers.get(fields.templateId)) !== undefined;
      const { templateId, ...rest } = fields;
      return enqueueMessage(tx, context, customerId, {
        author: actor,
        channel: 'email',
        ...compact({ ...rest, subject: rendered.subject, text: rendered.text }),
        // A registered template is rendered here; any other id is the host notifier's own template.
        ...(templateId !== undefined && !registered ? { templateId } : {}),
      });
    });
}

/**
 * Sends an SMS, WhatsApp or app message from the account; an SMS must fit one
 * message (160 GSM-7 or 70 UCS-2 characters), else `sms_too_long`.
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
 * const sms = await app.sendMessage({ idempotencyKey: 'op-2', actor: 'operator.ana', customerId: 'c-1', channel: 'sms', to: ['+5511999990000'], text: 'ACME: sua fatura de R$ 373,52 venceu. Pague pelo PIX.' });
 * sms.match(
 *   (message) => console.log(message.channel, message.id),
 *   (error) => console.log(error.code), // sms_too_long past one SMS
 * );
 * // → sms message-1
 * ```
 */
export function sendMessage(context: AppContext) {
  return (input: InputOf<typeof sendMessageSchema>) =>
    runCommand(context, 'sendMessage', sendMessageSchema, input, async (tx, cmd) => {
      if (cmd.channel === 'sms') unwrap(checkSmsText(cmd.text, ['text']));
      const { idempotencyKey: _k, actor, customerId, ...fields } = cmd;
      return enqueueMessage(tx, context, customerId, { author: actor, ...compact(fields) });
    });
}
