import type { AuditEntry, StoreTransaction } from '../ports/index.js';
import { maskDeep, maskPersonalData } from '../documents/index.js';
import type { AppContext } from './dependencies.js';

/** Texts masked lately, by their text (the same step ids, dates and actions come back line after line): bounded, emptied when full. */
const maskedTexts = new Map<string, string>();
const MASKED_TEXTS_LIMIT = 4096;

function maskText(text: string): string {
  let masked = maskedTexts.get(text);
  if (masked === undefined) {
    masked = maskPersonalData(text);
    if (maskedTexts.size >= MASKED_TEXTS_LIMIT) maskedTexts.clear();
    maskedTexts.set(text, masked);
  }
  return masked;
}

/**
 * An audit line's details with personal data masked: exactly what `maskDeep`
 * gives, on a fast path for the usual flat details (texts, numbers, flags):
 * one object built, no entry arrays, each distinct text masked once while it
 * keeps coming back. Anything nested (or over `maskDeep`'s 1,000 fields) goes
 * through `maskDeep` itself.
 */
export function maskAuditDetails(details: Readonly<Record<string, unknown>>): NonNullable<AuditEntry['details']> {
  const out: Record<string, unknown> = {};
  let fields = 0;
  for (const key in details) {
    if (!Object.hasOwn(details, key)) continue;
    const value = details[key];
    if (++fields > 1000 || (value !== null && (typeof value === 'object' || typeof value === 'bigint'))) return maskDeep(details) as NonNullable<AuditEntry['details']>;
    out[key] = typeof value === 'string' ? maskText(value) : value;
  }
  return out;
}

/** Appends one audit line (the history of accounts, invoices, agreements, negativations), its details with personal data masked. */
export async function recordAudit(
  tx: StoreTransaction,
  context: AppContext,
  entry: Omit<AuditEntry, 'id' | 'at'>,
): Promise<void> {
  // Personal data in the details (recipients, phones, documents in messages) is kept masked: the audit log says who did what, not to whom in full.
  const details = entry.details === undefined ? undefined : maskAuditDetails(entry.details);
  await tx.audit.append({ id: context.ids.next('audit'), at: context.nowIso(), ...entry, ...(details ? { details } : {}) });
}
