import * as z from 'zod';
import { cobrancaError, type InputOf } from '../../errors.js';
import { REQUEST_ORIGINS } from '../../negativation/index.js';
import type { InvoiceRecord, NegativationRecord, StoreTransaction } from '../../ports/index.js';
import { recordAudit } from '../audit.js';
import { abort, commandBaseSchema, notFound, runCommand } from '../command.js';
import type { AppContext } from '../dependencies.js';
import { startRequest } from '../negativation/request-negativation.js';

const details = z.string().trim().min(1).max(2000);

/** Input of {@link addToSpcControl}. */
export const addToSpcControlSchema = commandBaseSchema.extend({ invoiceId: z.string().min(1), details }).strict();
/** Input of {@link removeFromSpcControl}. */
export const removeFromSpcControlSchema = commandBaseSchema.extend({ invoiceId: z.string().min(1), details }).strict();
/** Input of {@link convertSpcControl}. */
export const convertSpcControlSchema = commandBaseSchema
  .extend({
    invoiceId: z.string().min(1),
    origin: z.enum(REQUEST_ORIGINS).default('invoice_details'),
    bureau: z.string().min(1).optional(),
    reason: z.string().max(2000).optional(),
    /** Seed 000: a manual request needs the operator's acceptance of the negativation terms. */
    termsAcceptance: z.strictObject({ acceptedBy: z.string().trim().min(1).max(200), acceptedAt: z.iso.datetime({ offset: true }), version: z.string().trim().min(1).max(100) }),
  })
  .strict();

async function invoiceIn(tx: StoreTransaction, invoiceId: string): Promise<InvoiceRecord> {
  const invoice = await tx.invoices.get(invoiceId);
  if (!invoice) abort(notFound('invoice', invoiceId, ['invoiceId']));
  return invoice;
}

const live = (invoice: InvoiceRecord) => invoice.spcControl !== undefined && invoice.spcControl.removedOn === undefined;

/**
 * Seed 004 "Adicionar fatura no controle SPC": puts an agreement's unpaid
 * invoice (pending or past its tolerance date) in the internal SPC control
 * with the operator's details. An internal record only: no notice is sent and
 * nothing goes to a bureau. It shows on the "registered in SPC" panel, and as a
 * critique once the invoice is paid (the return file flags it).
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
 * const deal = await app.negotiate({
 *   idempotencyKey: 'deal-1', actor: 'operator.ana', customerId: 'c-1',
 *   proposal: { kind: 'new_proposal', selectedInvoiceIds: ['inv-1'], toleranceDate: '2026-12-20', category: category.value.id, installments: { kind: 'regular', count: 2, firstDueDate: '2026-12-10', description: 'Acordo', paymentProfile: 'boleto' } },
 * });
 * if (deal.isErr()) throw new Error(deal.error.message);
 * const invoiceId = deal.value.createdInvoices[0]?.id ?? '';
 * const added = await app.addToSpcControl({ idempotencyKey: 'spc-1', actor: 'operator.ana', invoiceId, details: 'Acordo não cumprido: 1ª parcela em aberto' });
 * added.match(
 *   (invoice) => console.log(invoice.id, invoice.spcControl?.addedOn),
 *   (error) => console.log(error.code, error.message),
 * );
 * // → invoice-1 2026-11-24
 * ```
 */
export function addToSpcControl(context: AppContext) {
  return (input: InputOf<typeof addToSpcControlSchema>) =>
    runCommand(context, 'addToSpcControl', addToSpcControlSchema, input, async (tx, cmd) => {
      const invoice = await invoiceIn(tx, cmd.invoiceId);
      if (invoice.agreementId === undefined && invoice.installment === undefined) abort(cobrancaError('invalid_state', `invoice '${invoice.id}' is in no agreement; the SPC control takes an agreement's invoices (seed 004)`, { path: ['invoiceId'] }));
      if (invoice.status !== 'open') abort(cobrancaError('invalid_state', `invoice '${invoice.id}' is ${invoice.status}; only an unpaid invoice goes to the SPC control`, { path: ['invoiceId'] }));
      if (live(invoice)) abort(cobrancaError('invalid_state', `invoice '${invoice.id}' is already in the SPC control`, { path: ['invoiceId'] }));
      const next: InvoiceRecord = { ...invoice, version: invoice.version + 1, spcControl: { addedOn: context.today(), addedBy: cmd.actor, details: cmd.details } };
      await tx.invoices.update(next);
      await recordAudit(tx, context, { actor: cmd.actor, subjectType: 'invoice', subjectId: invoice.id, action: 'spc_control_added', details: { internalOnly: true } });
      return next;
    });
}

/**
 * Seed 004 "Remover fatura do SPC": closes the internal record with the operator's details (the real removal, if any, is made at the bureau).
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
 * const deal = await app.negotiate({
 *   idempotencyKey: 'deal-1', actor: 'operator.ana', customerId: 'c-1',
 *   proposal: { kind: 'new_proposal', selectedInvoiceIds: ['inv-1'], toleranceDate: '2026-12-20', category: category.value.id, installments: { kind: 'regular', count: 2, firstDueDate: '2026-12-10', description: 'Acordo', paymentProfile: 'boleto' } },
 * });
 * if (deal.isErr()) throw new Error(deal.error.message);
 * const invoiceId = deal.value.createdInvoices[0]?.id ?? '';
 * await app.addToSpcControl({ idempotencyKey: 'spc-1', actor: 'operator.ana', invoiceId, details: 'Acordo não cumprido' });
 * const removed = await app.removeFromSpcControl({ idempotencyKey: 'spc-1-off', actor: 'operator.ana', invoiceId, details: 'Cliente pagou a parcela' });
 * removed.match(
 *   (invoice) => console.log(invoice.spcControl?.removedOn),
 *   (error) => console.log(error.code, error.message),
 * );
 * // → 2026-11-24
 * ```
 */
export function removeFromSpcControl(context: AppContext) {
  return (input: InputOf<typeof removeFromSpcControlSchema>) =>
    runCommand(context, 'removeFromSpcControl', removeFromSpcControlSchema, input, async (tx, cmd) => {
      const invoice = await invoiceIn(tx, cmd.invoiceId);
      const control = invoice.spcControl;
      if (control === undefined || control.removedOn !== undefined) abort(cobrancaError('invalid_state', `invoice '${invoice.id}' is not in the SPC control`, { path: ['invoiceId'] }));
      const next: InvoiceRecord = { ...invoice, version: invoice.version + 1, spcControl: { ...control, removedOn: context.today(), removedBy: cmd.actor, removalDetails: cmd.details } };
      await tx.invoices.update(next);
      await recordAudit(tx, context, { actor: cmd.actor, subjectType: 'invoice', subjectId: invoice.id, action: 'spc_control_removed', details: { internalOnly: true } });
      return next;
    });
}

/**
 * Turns an internal SPC record into a real registration request, through
 * every guard of the negativation module (debtor data, duplicates, minimum
 * amount and days, age limit, prescription, paid, agreement, dispute) and its
 * prior notice. A refusal writes nothing and the internal record stays.
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
 * const deal = await app.negotiate({
 *   idempotencyKey: 'deal-1', actor: 'operator.ana', customerId: 'c-1',
 *   proposal: { kind: 'new_proposal', selectedInvoiceIds: ['inv-1'], toleranceDate: '2026-12-20', category: category.value.id, installments: { kind: 'regular', count: 2, firstDueDate: '2026-12-10', description: 'Acordo', paymentProfile: 'boleto' } },
 * });
 * if (deal.isErr()) throw new Error(deal.error.message);
 * const invoiceId = deal.value.createdInvoices[0]?.id ?? '';
 * await app.addToSpcControl({ idempotencyKey: 'spc-1', actor: 'operator.ana', invoiceId, details: 'Acordo não cumprido' });
 * const converted = await app.convertSpcControl({ idempotencyKey: 'spc-1-convert', actor: 'operator.ana', invoiceId, termsAcceptance: { acceptedBy: 'operator.ana', acceptedAt: '2026-11-24T10:00:00-03:00', version: 'v1' } });
 * converted.match(
 *   (record) => console.log(record.status),
 *   (error) => console.log(error.code), // the installment is not overdue and its agreement is active: the internal record stays
 * );
 * // → guard_failed
 * ```
 */
export function convertSpcControl(context: AppContext) {
  return (input: InputOf<typeof convertSpcControlSchema>) =>
    runCommand(context, 'convertSpcControl', convertSpcControlSchema, input, async (tx, cmd): Promise<NegativationRecord> => {
      const invoice = await invoiceIn(tx, cmd.invoiceId);
      if (!live(invoice)) abort(cobrancaError('invalid_state', `invoice '${invoice.id}' is not in the SPC control`, { path: ['invoiceId'] }));
      const record = await startRequest(tx, context, {
        idempotencyKey: cmd.idempotencyKey,
        actor: cmd.actor,
        invoiceId: invoice.id,
        origin: cmd.origin,
        ...(cmd.bureau ? { bureau: cmd.bureau } : {}),
        reason: cmd.reason ?? 'converted from the internal SPC control (seed 004)',
        authorization: { kind: 'terms', ...cmd.termsAcceptance },
      });
      const current = await invoiceIn(tx, invoice.id);
      const control = current.spcControl ?? invoice.spcControl;
      if (control) await tx.invoices.update({ ...current, version: current.version + 1, spcControl: { ...control, removedOn: context.today(), removedBy: cmd.actor, removalDetails: `converted into negativation ${record.id}`, convertedTo: record.id } });
      await recordAudit(tx, context, { actor: cmd.actor, subjectType: 'invoice', subjectId: invoice.id, action: 'spc_control_converted', details: { negativationId: record.id } });
      return record;
    });
}
