import { err, ok, type Result } from 'neverthrow';
import * as z from 'zod';
import { cobrancaError, type InputOf } from '../../errors.js';
import { formatTaxId, parseTaxId } from '../../documents/index.js';
import { ExactTotal, formatBrl, fromCents } from '../../money/index.js';
import type { RegisterRecord, StoreTransaction } from '../../ports/index.js';
import { abort, commandBaseSchema, notFound, runCommand, toAppError, unwrap } from '../command.js';
import { recordAudit } from '../audit.js';
import type { AppContext } from '../dependencies.js';
import { owedCalculator, owedOfInvoice } from '../owed.js';
import { checkPlaceholders, renderTemplate, type TemplatePlaceholder } from './render-template.js';
import type { CollectionsError } from '../errors.js';

/** Input of `createEmailTemplate`: a name, a subject and a body with `{{placeholders}}`. */
export const createEmailTemplateSchema = commandBaseSchema
  .extend({ name: z.string().trim().min(1).max(200), subject: z.string().min(1).max(300), body: z.string().min(1).max(100_000) })
  .strict();

/** Input of `deactivateEmailTemplate`. */
export const deactivateEmailTemplateSchema = commandBaseSchema.extend({ templateId: z.string().min(1) }).strict();

/** Stores a template after checking its placeholders; shared by the command and sendEmail's "save as template". */
export async function saveTemplate(tx: StoreTransaction, context: AppContext, fields: { name: string; subject: string; body: string }, actor: string): Promise<RegisterRecord> {
  unwrap(checkPlaceholders(fields.subject, ['subject']));
  unwrap(checkPlaceholders(fields.body, ['body']));
  const record: RegisterRecord = { id: context.ids.next('template'), version: 1, register: 'email_template', name: fields.name, active: true, subject: fields.subject, body: fields.body, createdBy: actor, createdAt: context.nowIso() };
  await tx.registers.insert(record);
  await recordAudit(tx, context, { actor, subjectType: 'register', subjectId: record.id, action: 'email_template_created', details: { name: fields.name } });
  return record;
}

/** The e-mail template a `templateId` names, if it is one of the register's (other ids are the host's notifier templates). */
async function registeredTemplate(tx: StoreTransaction, id: string): Promise<RegisterRecord | undefined> {
  const record = await tx.registers.get(id);
  if (!record || record.register !== 'email_template') return undefined;
  if (!record.active) abort(cobrancaError('template_inactive', `the e-mail template '${record.name}' (${id}) was deactivated`, { path: ['templateId'] }));
  return record;
}

/**
 * The values of the placeholders for an e-mail to a customer about some
 * invoices: the amounts are what each owes today by the one owed-amount rule.
 */
async function placeholderValues(tx: StoreTransaction, context: AppContext, customerId: string, invoiceIds: readonly string[]): Promise<Partial<Record<TemplatePlaceholder, string>>> {
  const customer = await tx.customers.get(customerId);
  const { creditor } = context.policies;
  const values: Partial<Record<TemplatePlaceholder, string>> = { creditorName: creditor.name, creditorDocument: parseTaxId(creditor.document).map(formatTaxId).unwrapOr(creditor.document) };
  if (customer) values.customerName = customer.name;
  if (invoiceIds.length === 0) return values;
  const today = context.today();
  const calculator = await owedCalculator(context, today);
  const lines: string[] = [];
  const dueDates: string[] = [];
  const total = new ExactTotal();
  for (const [index, id] of invoiceIds.entries()) {
    const invoice = await tx.invoices.get(id);
    if (!invoice || invoice.customerId !== customerId) abort(notFound('invoice of the customer', id, ['invoiceIds', index]));
    const owed = await owedOfInvoice(tx, context, invoice, today, calculator);
    total.add(owed.owed.cents);
    const due = invoice.dueDate.split('-').reverse().join('/');
    dueDates.push(due);
    lines.push(`${invoice.description ?? invoice.id}: ${formatBrl(owed.owed)} (vencimento ${due})`);
  }
  // Exact (src/money/limits.ts): a total past 2^53 − 1 centavos is refused, never rounded or thrown.
  if (total.cents === undefined) abort(cobrancaError('amount_out_of_range', 'the invoices add up to more than can be computed exactly', { path: ['invoiceIds'] }));
  return { ...values, invoices: lines.join('\n'), amount: formatBrl(fromCents(total.cents)), dueDates: dueDates.join(', ') };
}

/**
 * Renders an e-mail's subject and text (a registered template's body when
 * `templateId` names one) with the placeholder values, checked for missing
 * ones before anything is queued; the creditor's name and CNPJ are added at the
 * end when the text does not carry them (CDC art. 42-A).
 */
export async function renderEmail(tx: StoreTransaction, context: AppContext, email: { customerId: string; subject: string; text?: string | undefined; templateId?: string | undefined; invoiceIds?: readonly string[] | undefined }): Promise<{ subject: string; text: string | undefined; rendered: boolean }> {
  const template = email.templateId ? await registeredTemplate(tx, email.templateId) : undefined;
  const body = email.text ?? template?.body;
  if (!template && (body === undefined || !body.includes('{{')) && !email.subject.includes('{{')) return { subject: email.subject, text: email.text, rendered: false };
  const values = await placeholderValues(tx, context, email.customerId, email.invoiceIds ?? []);
  const subject = unwrap(renderTemplate(email.subject, values, ['subject']));
  let text = body === undefined ? undefined : unwrap(renderTemplate(body, values, [email.text !== undefined ? 'text' : 'templateId']));
  if (text !== undefined && !(text.includes(values.creditorName ?? '') && text.includes(values.creditorDocument ?? ''))) text = `${text}\n\n${values.creditorName} — CNPJ ${values.creditorDocument}`;
  return { subject, text, rendered: true };
}

/** Seed 004's register of e-mail templates: create, deactivate, list (and "save as template" from `sendEmail`). */
export function emailTemplates(context: AppContext) {
  return {
    /**
     * Registers a template; a placeholder that does not exist is `template_placeholder_unknown` naming it.
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
     * const template = await app.createEmailTemplate({
     *   idempotencyKey: 'tpl-1', actor: 'admin', name: 'Cobrança amigável', subject: 'Fatura {{invoices}} em aberto',
     *   body: 'Olá, {{customerName}}. O valor de {{amount}} venceu em {{dueDates}}. {{creditorName}}',
     * });
     * if (template.isOk()) console.log(template.value.id);
     * const typo = await app.createEmailTemplate({ idempotencyKey: 'tpl-2', actor: 'admin', name: 'Lembrete', subject: 'Lembrete', body: 'Olá, {{nome}}.' });
     * if (typo.isErr()) console.log(typo.error.code, typo.error.path?.join('.'));
     * // → template-1
     * // → template_placeholder_unknown body
     * ```
     */
    createEmailTemplate: (input: InputOf<typeof createEmailTemplateSchema>) =>
      runCommand(context, 'createEmailTemplate', createEmailTemplateSchema, input, (tx, cmd) => saveTemplate(tx, context, cmd, cmd.actor)),
    /**
     * Deactivates a template: e-mails naming it are refused (`template_inactive`).
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
     * await app.createEmailTemplate({ idempotencyKey: 'tpl-1', actor: 'admin', name: 'Cobrança amigável', subject: 'Fatura em aberto', body: 'Olá, {{customerName}}.' });
     * const off = await app.deactivateEmailTemplate({ idempotencyKey: 'tpl-1-off', actor: 'admin', templateId: 'template-1' });
     * if (off.isOk()) console.log(off.value.active);
     * // → false
     * ```
     */
    deactivateEmailTemplate: (input: InputOf<typeof deactivateEmailTemplateSchema>) =>
      runCommand(context, 'deactivateEmailTemplate', deactivateEmailTemplateSchema, input, async (tx, cmd) => {
        const record = await tx.registers.get(cmd.templateId);
        if (!record || record.register !== 'email_template') abort(notFound('e-mail template', cmd.templateId, ['templateId']));
        const next = { ...record, version: record.version + 1, active: false };
        await tx.registers.update(next);
        await recordAudit(tx, context, { actor: cmd.actor, subjectType: 'register', subjectId: record.id, action: 'email_template_deactivated' });
        return next;
      }),
    /**
     * Every e-mail template, active and not.
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
     * await app.createEmailTemplate({ idempotencyKey: 'tpl-1', actor: 'admin', name: 'Cobrança amigável', subject: 'Fatura em aberto', body: 'Olá, {{customerName}}.' });
     * const list = await app.listEmailTemplates();
     * if (list.isOk()) for (const t of list.value) console.log(t.id, t.name, t.active);
     * // → template-1 Cobrança amigável true
     * ```
     */
    listEmailTemplates: async (): Promise<Result<RegisterRecord[], CollectionsError>> => {
      try {
        return ok((await context.store.transaction((tx) => tx.registers.list())).filter((r) => r.register === 'email_template'));
      } catch (error) {
        return err(toAppError(error));
      }
    },
  };
}
