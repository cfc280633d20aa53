import type { AuditEntry, StoreTransaction } from '../ports/index.js';
import type { AppContext } from './dependencies.js';

/** Appends one audit line (the history of accounts, invoices, agreements, negativations). */
export async function recordAudit(
  tx: StoreTransaction,
  context: AppContext,
  entry: Omit<AuditEntry, 'id' | 'at'>,
): Promise<void> {
  await tx.audit.append({ id: context.ids.next('audit'), at: context.nowIso(), ...entry });
}
