import type { AuditEntry, StoreTransaction } from '../ports/index.js';
import { maskDeep } from '../documents/index.js';
import type { AppContext } from './dependencies.js';

declare const maskedByShape: unique symbol;

/**
 * Audit details whose maker masked, with `maskPersonalData`, every field that can
 * hold personal data (a known shape, built as one literal): {@link recordMaskedAudit}
 * stores them as they are, with no deep walk. The maker's property test proves
 * them equal to what `maskDeep` makes of the same details unmasked.
 */
export type MaskedDetails = Readonly<Record<string, unknown>> & { readonly [maskedByShape]: true };

/** An audit line as its writer gives it: the store's id and instant are added. */
type AuditLine = Omit<AuditEntry, 'id' | 'at' | 'details'>;

/** Appends one audit line (the history of accounts, invoices, agreements, negativations), its details with personal data masked. */
export function recordAudit(tx: StoreTransaction, context: AppContext, entry: Omit<AuditEntry, 'id' | 'at'>): Promise<void> {
  // Personal data in the details (recipients, phones, documents in messages) is kept masked: the audit log says who did what, not to whom in full.
  return append(tx, context, entry, entry.details, true);
}

/** {@link recordAudit} for details masked where they were built ({@link MaskedDetails}): the hot writers (the ruler's actions) skip the deep walk. */
export function recordMaskedAudit(tx: StoreTransaction, context: AppContext, entry: AuditLine & { readonly details: MaskedDetails }): Promise<void> {
  return append(tx, context, entry, entry.details, false);
}

/**
 * The store's append of the line, its promise handed back as it is: no async function of ours around it (each
 * would add a promise and a suspended frame per line, some 400k lines on a first daily cycle of 100k invoices).
 * The line is built before the store is called; a throw while building it comes back as a rejection, as from an async function.
 */
function append(tx: StoreTransaction, context: AppContext, entry: AuditLine, details: AuditEntry['details'], mask: boolean): Promise<void> {
  let line: AuditEntry;
  try {
    line = auditLine(context, entry, mask && details !== undefined ? (maskDeep(details) as AuditEntry['details'] & object) : details);
  } catch (error) {
    return Promise.reject(error as Error);
  }
  return tx.audit.append(line);
}

/**
 * The audit entry of a line whose details are masked already ({@link MaskedDetails}, or none), with its id and instant:
 * what {@link recordMaskedAudit} appends, for a writer that keeps its lines and writes them at once (the ruler's batches).
 */
export function maskedAuditEntry(context: AppContext, entry: AuditLine & { readonly details: MaskedDetails }): AuditEntry {
  return auditLine(context, entry, entry.details);
}

function auditLine(context: AppContext, entry: AuditLine, details: AuditEntry['details']): AuditEntry {
  const id = context.ids.next('audit');
  const at = context.nowIso();
  // An explicit literal, not a spread of `entry`: on Node 20 a spread of an unfrozen object is slow to build and its result slow to read.
  return details === undefined
    ? { id, at, actor: entry.actor, subjectType: entry.subjectType, subjectId: entry.subjectId, action: entry.action }
    : { id, at, actor: entry.actor, subjectType: entry.subjectType, subjectId: entry.subjectId, action: entry.action, details };
}
