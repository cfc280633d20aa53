import { err, ok, type Result } from 'neverthrow';
import type { AuditEntry } from '../../ports/index.js';
import { toAppError } from '../command.js';
import type { AppContext } from '../dependencies.js';
import { accountIdOf } from './account-store.js';
import type { CollectionsError } from '../errors.js';

/** The history of a customer's collection account (seed 004 "Histórico da conta de cobrança"), oldest first. */
export function accountHistory(context: AppContext) {
  return async (customerId: string): Promise<Result<AuditEntry[], CollectionsError>> => {
    try {
      return ok(await context.store.transaction((tx) => tx.audit.forSubject('account', accountIdOf(customerId))));
    } catch (error) {
      return err(toAppError(error));
    }
  };
}

/** The history of one invoice (collection started, ruler actions, payments, agreements, negativation), oldest first. */
export function invoiceHistory(context: AppContext) {
  return async (invoiceId: string): Promise<Result<AuditEntry[], CollectionsError>> => {
    try {
      return ok(await context.store.transaction((tx) => tx.audit.forSubject('invoice', invoiceId)));
    } catch (error) {
      return err(toAppError(error));
    }
  };
}
