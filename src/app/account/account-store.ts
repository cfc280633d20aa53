import type { AuditEntry, CollectionAccountRecord, StoreTransaction } from '../../ports/index.js';
import { recordAudit } from '../audit.js';
import { abort, notFound } from '../command.js';
import { compact, type Compact } from '../compact.js';
import type { AppContext } from '../dependencies.js';

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

/** The lists of an account that commands add entries to. */
type AccountList = 'comments' | 'attachments' | 'tasks';

/** The fields of an account command that describe the new entry (without the command's key, actor and customer). */
export function entryFields<C extends { readonly idempotencyKey: string; readonly actor: string; readonly customerId: string }>(cmd: C): Compact<Omit<C, 'idempotencyKey' | 'actor' | 'customerId'>> {
  const { idempotencyKey: _k, actor: _a, customerId: _c, ...fields } = cmd;
  return compact(fields);
}

/**
 * The one body of the commands that add an entry to a customer's account (a comment, an attachment,
 * a task): the account must exist (`not_found` otherwise), `makeEntry` builds the entry, which is
 * appended to `list`; the account is written back with its version bumped and the addition audited.
 */
export async function appendToAccount<L extends AccountList, E extends CollectionAccountRecord[L][number]>(
  tx: StoreTransaction,
  context: AppContext,
  customerId: string,
  list: L,
  makeEntry: () => E,
  audit: (entry: E) => Pick<AuditEntry, 'actor' | 'action' | 'details'>,
): Promise<E> {
  const account = await requireAccount(tx, customerId);
  const entry = makeEntry();
  await saveAccount(tx, account, { [list]: [...account[list], entry] });
  const { actor, action, details } = audit(entry);
  await recordAudit(tx, context, { actor, subjectType: 'account', subjectId: account.id, action, ...(details ? { details } : {}) });
  return entry;
}
