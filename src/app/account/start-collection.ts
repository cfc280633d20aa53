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
