import type { CollectionAccountRecord, StoreTransaction } from '../../ports/index.js';
import { abort, notFound } from '../command.js';

/** The one account of a customer has a fixed id, so two concurrent starts cannot create two. */
export function accountIdOf(customerId: string): string {
  return `account:${customerId}`;
}

/** Reads a customer's account, aborting with `not_found` when collection never started. */
export async function requireAccount(tx: StoreTransaction, customerId: string): Promise<CollectionAccountRecord> {
  const account = await tx.accounts.get(accountIdOf(customerId));
  if (!account) abort(notFound('collection account of customer', customerId, ['customerId']));
  return account;
}

/** Writes an account back with its version bumped. */
export async function saveAccount(tx: StoreTransaction, account: CollectionAccountRecord, changes: Partial<Omit<CollectionAccountRecord, 'id' | 'version'>>): Promise<CollectionAccountRecord> {
  const next = { ...account, ...changes, version: account.version + 1 };
  await tx.accounts.update(next);
  return next;
}
