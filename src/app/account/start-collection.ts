import * as z from 'zod';
import { cobrancaError, type InputOf } from '../../errors.js';
import type { CollectionAccountRecord, StoreTransaction } from '../../ports/index.js';
import { abort, commandBaseSchema, notFound, runCommand } from '../command.js';
import { recordAudit } from '../audit.js';
import type { AppContext } from '../dependencies.js';
import { accountIdOf, saveAccount } from './account-store.js';

/** Input of {@link startCollection}. */
export const startCollectionSchema = commandBaseSchema.extend({
  customerId: z.string().min(1),
  invoiceIds: z.array(z.string().min(1)).min(1).max(10_000),
});

/**
 * Seed 004 "Iniciar processo de cobrança": puts the selected open invoices of a
 * customer into collection. The customer's one collection account is created
 * (status `pending`, the "in contact" panel) or, when it exists, the invoices
 * join it. Every invoice must exist, belong to the customer and be open.
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
 * const account = await app.startCollection({ idempotencyKey: 'op-1', actor: 'operator.ana', customerId: 'c-1', invoiceIds: ['inv-1'] });
 * account.match(
 *   (opened) => console.log(opened.id, opened.status, opened.invoiceIds.join(',')),
 *   (error) => console.log(error.code, error.message),
 * );
 * // → account:c-1 pending inv-1
 * ```
 */
export function startCollection(context: AppContext) {
  return (input: InputOf<typeof startCollectionSchema>) =>
    runCommand(context, 'startCollection', startCollectionSchema, input, async (tx, cmd) => {
      const customer = await tx.customers.get(cmd.customerId);
      if (!customer) abort(notFound('customer', cmd.customerId, ['customerId']));
      return addToCollection(tx, context, cmd.customerId, cmd.invoiceIds, cmd.actor);
    });
}

/**
 * Opens the customer's account if needed and adds the invoices to it (each
 * must belong to the customer and be open); shared by the command and the
 * ruler's "forward to collections" step.
 */
export async function addToCollection(tx: StoreTransaction, context: AppContext, customerId: string, invoiceIds: readonly string[], actor: string): Promise<CollectionAccountRecord> {
  const id = accountIdOf(customerId);
  let account: CollectionAccountRecord | undefined = await tx.accounts.get(id);
  if (!account) {
    account = { id, version: 1, customerId, status: 'pending', openedOn: context.today(), invoiceIds: [], comments: [], attachments: [], messages: [], tasks: [] };
    await tx.accounts.insert(account);
    await recordAudit(tx, context, { actor, subjectType: 'account', subjectId: id, action: 'account_opened', details: { customerId } });
  }
  const added: string[] = [];
  for (const [index, invoiceId] of invoiceIds.entries()) {
    const invoice = await tx.invoices.get(invoiceId);
    if (!invoice) abort(notFound('invoice', invoiceId, ['invoiceIds', index]));
    if (invoice.customerId !== customerId) abort(cobrancaError('invalid_state', `invoice '${invoiceId}' belongs to another customer`, { path: ['invoiceIds', index] }));
    if (invoice.status !== 'open') abort(cobrancaError('invalid_state', `invoice '${invoiceId}' is ${invoice.status}, not open`, { path: ['invoiceIds', index] }));
    if (account.invoiceIds.includes(invoiceId) || added.includes(invoiceId)) continue;
    await tx.invoices.update({ ...invoice, version: invoice.version + 1, collectionAccountId: id });
    await recordAudit(tx, context, { actor, subjectType: 'invoice', subjectId: invoiceId, action: 'collection_started', details: { accountId: id } });
    added.push(invoiceId);
  }
  if (added.length > 0) {
    account = await saveAccount(tx, account, { invoiceIds: [...account.invoiceIds, ...added] });
    await recordAudit(tx, context, { actor, subjectType: 'account', subjectId: id, action: 'invoices_added', details: { invoiceIds: added } });
  }
  return account;
}
