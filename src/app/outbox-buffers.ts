import type { AuditEntry, OutboxEffect } from '../ports/index.js';
import type { AuditLog, Outbox, StoreTransaction } from '../ports/store.js';

/** An outbox or audit log whose appends are kept and written at once by `flush` (inside the same transaction). */
export interface Buffered<T> {
  readonly view: T;
  /** Writes what was kept, as one write; run it before the transaction commits. */
  flush(): Promise<void>;
}

/** A {@link bufferedOutbox}: its view, its flush, and its enqueue without a promise. */
export interface BufferedOutbox extends Buffered<Outbox> {
  /** `enqueue`, synchronous: keeps the effect (`false` for a key or id already kept). */
  queue(effect: OutboxEffect): boolean;
}

/** A {@link bufferedAudit}: its view, its flush, and its append without a promise. */
export interface BufferedAudit extends Buffered<AuditLog> {
  /** `append`, synchronous: keeps the line. */
  keep(entry: AuditEntry): void;
}

/**
 * The transaction's outbox with its enqueues kept and written by `flush` as one
 * `enqueueMany` (its answer is `false` only for a key or id repeated among the
 * kept effects: callers that batch do not read it; the store's unique keys still
 * drop an effect already stored). Any other outbox call flushes first.
 */
export function bufferedOutbox(tx: StoreTransaction): BufferedOutbox {
  const queued: OutboxEffect[] = [];
  const queuedKeys = new Set<string>();
  const queuedIds = new Set<string>();
  const flush = async (): Promise<void> => {
    if (queued.length === 0) return;
    const effects = queued.splice(0);
    queuedKeys.clear();
    queuedIds.clear();
    await tx.outbox.enqueueMany(effects);
  };
  const queue = (effect: OutboxEffect): boolean => {
    if (queuedKeys.has(effect.key) || queuedIds.has(effect.id)) return false;
    queued.push(effect);
    queuedKeys.add(effect.key);
    queuedIds.add(effect.id);
    return true;
  };
  const view: Outbox = {
    enqueue: async (effect) => queue(effect),
    enqueueMany: async (effects) => new Set(effects.filter(queue).map((effect) => effect.id)),
    pending: async (limit, after) => (await flush(), tx.outbox.pending(limit, after)),
    claim: async (request) => (await flush(), tx.outbox.claim(request)),
    settle: async (id, outcome) => (await flush(), tx.outbox.settle(id, outcome)),
    settleMany: async (settlements) => (await flush(), tx.outbox.settleMany(settlements)),
    countPending: async (request) => (await flush(), tx.outbox.countPending(request)),
    byKey: async (key) => (await flush(), tx.outbox.byKey(key)),
    all: async () => (await flush(), tx.outbox.all()),
  };
  return { view, flush, queue };
}

/** The transaction's audit log with its lines kept and written by `flush` as one `appendMany`, in order; a read flushes first. */
export function bufferedAudit(tx: StoreTransaction): BufferedAudit {
  const lines: AuditEntry[] = [];
  const flush = async (): Promise<void> => {
    if (lines.length > 0) await tx.audit.appendMany(lines.splice(0));
  };
  const keep = (entry: AuditEntry): void => {
    lines.push(entry);
  };
  const view: AuditLog = {
    append: async (entry) => keep(entry),
    appendMany: async (entries) => {
      for (const entry of entries) lines.push(entry);
    },
    forSubject: async (subjectType, subjectId) => (await flush(), tx.audit.forSubject(subjectType, subjectId)),
  };
  return { view, flush, keep };
}
