import * as z from 'zod';
import { cobrancaError, type InputOf } from '../../errors.js';
import type { InvoiceRecord } from '../../ports/index.js';
import { abort, commandBaseSchema, notFound, runCommand } from '../command.js';
import { recordAudit } from '../audit.js';
import type { AppContext } from '../dependencies.js';

/** Input of {@link recordDispute}: the debtor contests an invoice (in writing, at Procon, in court). */
export const recordDisputeSchema = commandBaseSchema.extend({
  invoiceId: z.string().min(1).max(200),
  /** Why the debtor contests it, as the operator recorded it. */
  reason: z.string().trim().min(1).max(2_000),
}).strict();

/** Input of {@link resolveDispute}: the contest is over; `upheld` when the debt stands, `dropped` when the creditor gives it up. */
export const resolveDisputeSchema = commandBaseSchema.extend({
  invoiceId: z.string().min(1).max(200),
  outcome: z.enum(['upheld', 'dropped']),
  note: z.string().trim().max(2_000).optional(),
}).strict();

async function openInvoice(tx: Parameters<Parameters<typeof runCommand>[4]>[0], invoiceId: string): Promise<InvoiceRecord> {
  const invoice = await tx.invoices.get(invoiceId);
  if (!invoice) abort(notFound('invoice', invoiceId, ['invoiceId']));
  return invoice;
}

/**
 * Records that the debtor disputes an open invoice. While disputed the ruler
 * does nothing for it (no reminder, no forwarding, no registration step) and the
 * negativation guards refuse to request or submit it (`not_disputed`: a contested
 * debt may not be published as certain, CDC art. 43 §§1 and 3; no undue
 * collection, CDC art. 42). A registration the bureau already holds is left to
 * the operator. Recording an open dispute again is `invalid_state`.
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
 * const disputed = await app.recordDispute({ idempotencyKey: 'disp-1', actor: 'operator.ana', invoiceId: 'inv-1', reason: 'Cliente diz que cancelou o plano em setembro' });
 * if (disputed.isOk()) console.log(disputed.value.disputed);
 * const refused = await app.requestNegativation({ idempotencyKey: 'neg-1', actor: 'operator.ana', invoiceId: 'inv-1', termsAcceptance: { acceptedBy: 'operator.ana', acceptedAt: '2026-11-24T10:00:00-03:00', version: 'v1' } });
 * if (refused.isErr()) console.log(refused.error.code);
 * // → true
 * // → guard_failed
 * ```
 */
export function recordDispute(context: AppContext) {
  return (input: InputOf<typeof recordDisputeSchema>) =>
    runCommand(context, 'recordDispute', recordDisputeSchema, input, async (tx, cmd): Promise<InvoiceRecord> => {
      const invoice = await openInvoice(tx, cmd.invoiceId);
      if (invoice.status !== 'open') abort(cobrancaError('invalid_state', `invoice '${invoice.id}' is ${invoice.status}; only an open invoice can be disputed`, { path: ['invoiceId'] }));
      if (invoice.disputed === true) abort(cobrancaError('invalid_state', `invoice '${invoice.id}' is already disputed`, { path: ['invoiceId'] }));
      const disputed: InvoiceRecord = { ...invoice, version: invoice.version + 1, disputed: true };
      await tx.invoices.update(disputed);
      await recordAudit(tx, context, { actor: cmd.actor, subjectType: 'invoice', subjectId: invoice.id, action: 'dispute_recorded', details: { reason: cmd.reason, on: context.today() } });
      return disputed;
    });
}

/**
 * Ends a dispute. `upheld`: the debt stands and collection resumes where the
 * ruler is (steps whose day passed during the dispute are not sent late).
 * `dropped`: the creditor gives the debt up and the invoice is cancelled.
 * A dispute that is not open is `invalid_state`.
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
 * await app.recordDispute({ idempotencyKey: 'disp-1', actor: 'operator.ana', invoiceId: 'inv-1', reason: 'Cliente diz que cancelou o plano em setembro' });
 * const resolved = await app.resolveDispute({ idempotencyKey: 'disp-2', actor: 'operator.ana', invoiceId: 'inv-1', outcome: 'upheld', note: 'Contrato vigente até dez/2026' });
 * if (resolved.isOk()) console.log(resolved.value.status, resolved.value.disputed ?? false);
 * // → open false
 * ```
 */
export function resolveDispute(context: AppContext) {
  return (input: InputOf<typeof resolveDisputeSchema>) =>
    runCommand(context, 'resolveDispute', resolveDisputeSchema, input, async (tx, cmd): Promise<InvoiceRecord> => {
      const invoice = await openInvoice(tx, cmd.invoiceId);
      if (invoice.disputed !== true) abort(cobrancaError('invalid_state', `invoice '${invoice.id}' is not disputed`, { path: ['invoiceId'] }));
      const { disputed: _disputed, ...rest } = invoice;
      const resolved: InvoiceRecord = { ...rest, version: invoice.version + 1, ...(cmd.outcome === 'dropped' ? { status: 'cancelled' as const } : {}) };
      await tx.invoices.update(resolved);
      await recordAudit(tx, context, { actor: cmd.actor, subjectType: 'invoice', subjectId: invoice.id, action: `dispute_${cmd.outcome}`, details: { on: context.today(), ...(cmd.note !== undefined ? { note: cmd.note } : {}) } });
      return resolved;
    });
}
