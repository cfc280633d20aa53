import type { AuditEntry, StoreTransaction } from '../ports/index.js';
import { maskDeep } from '../documents/index.js';
import type { AppContext } from './dependencies.js';

/** Appends one audit line (the history of accounts, invoices, agreements, negativations), its details with personal data masked. */
export async function recordAudit(
  tx: StoreTransaction,
  context: AppContext,
  entry: Omit<AuditEntry, 'id' | 'at'>,
): Promise<void> {
  // Personal data in the details (recipients, phones, documents in messages) is kept masked: the audit log says who did what, not to whom in full.
  const details = entry.details === undefined ? undefined : (maskDeep(entry.details) as AuditEntry['details']);
  await tx.audit.append({ id: context.ids.next('audit'), at: context.nowIso(), ...entry, ...(details ? { details } : {}) });
}
