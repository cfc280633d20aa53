import * as z from 'zod';
import { cobrancaError, type InputOf } from '../../errors.js';
import type { ProtestRecord, StoreTransaction } from '../../ports/index.js';
import { startProtest, type ProtestRequestInput } from '../../protest/index.js';
import { recordAudit } from '../audit.js';
import { abort, commandBaseSchema, notFound, runCommand } from '../command.js';
import type { AppContext } from '../dependencies.js';
import { enqueueProtestEffects, newProtestRecord, protestOf } from './protest-store.js';

/** Input of {@link requestProtest}. */
export const requestProtestSchema = commandBaseSchema
  .extend({
    invoiceId: z.string().min(1),
    /** The notary, when not the branch's (or the debtor's town's). */
    notary: z.string().trim().min(1).optional(),
    /** The species of the title (DM, DS, NP …); `DS` (duplicata de serviço) by default. */
    titleKind: z.string().trim().min(1).max(10).optional(),
    reason: z.string().max(2000).optional(),
  })
  .strict();

/**
 * Sends an invoice to protest (Lei 9.492/1997) through the protest module's
 * request guards (overdue, minimum amount, not paid, not in an agreement, not
 * disputed, not prescribed, no duplicate). The title goes to the notary through
 * the outbox (`notary_submit`); nothing is written on a refusal.
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
 * const protest = await app.requestProtest({ idempotencyKey: 'protest-inv-1', actor: 'operator.ana', invoiceId: 'inv-1', titleKind: 'DS' });
 * protest.match(
 *   (record) => console.log(record.id, record.status),
 *   (error) => console.log(error.code, error.message),
 * );
 * // → protest-1 requested
 * ```
 */
export function requestProtest(context: AppContext) {
  return (input: InputOf<typeof requestProtestSchema>) => runCommand(context, 'requestProtest', requestProtestSchema, input, (tx, cmd) => startProtestRequest(tx, context, cmd));
}

/** The request inside a transaction (shared with the ruler's `protest` step). */
export async function startProtestRequest(tx: StoreTransaction, context: AppContext, cmd: z.output<typeof requestProtestSchema>): Promise<ProtestRecord> {
  const invoice = await tx.invoices.get(cmd.invoiceId);
  if (!invoice) abort(notFound('invoice', cmd.invoiceId, ['invoiceId']));
  if (invoice.status !== 'open') abort(cobrancaError('invalid_state', `invoice '${invoice.id}' is ${invoice.status}; only an open debt can be protested`, { path: ['invoiceId'] }));
  const customer = await tx.customers.get(invoice.customerId);
  if (!customer) abort(notFound('customer', invoice.customerId, ['invoiceId']));
  const agreement = invoice.agreementId ? await tx.agreements.get(invoice.agreementId) : undefined;
  const policy = context.policies.protest(invoice.branchId, invoice.contractId);
  const started = startProtest({
    id: context.ids.next('protest'),
    notary: cmd.notary ?? policy.notaryFor(customer.address?.city, customer.address?.state),
    creditor: context.policies.creditor,
    debtor: { document: customer.taxId, name: customer.name, address: (customer.address ?? {}) as ProtestRequestInput['debtor']['address'] },
    title: {
      id: invoice.id,
      amount: { cents: invoice.amount.cents - invoice.paid.cents },
      dueDate: invoice.dueDate,
      ...(cmd.titleKind ? { kind: cmd.titleKind } : {}),
      inActiveAgreement: agreement?.status === 'active',
      disputed: invoice.disputed ?? false,
    },
    settings: policy.settings,
    existing: (await tx.protests.list({ customerId: customer.id })).map(protestOf),
    on: context.today(),
    actor: cmd.actor,
    at: context.nowIso(),
    ...(cmd.reason ? { reason: cmd.reason } : {}),
  }, { calendar: context.calendar });
  if (started.isErr()) abort(started.error);
  const { protest, effects } = started.value;
  const record = newProtestRecord(protest, customer.id);
  await tx.protests.insert(record);
  await recordAudit(tx, context, { actor: cmd.actor, subjectType: 'protest', subjectId: record.id, action: 'protest_requested', details: { invoiceId: invoice.id, notary: protest.notary } });
  await recordAudit(tx, context, { actor: cmd.actor, subjectType: 'invoice', subjectId: invoice.id, action: 'protest_requested', details: { protestId: record.id } });
  await enqueueProtestEffects(tx, context, protest, customer.id, effects);
  return record;
}
