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
  /**
   * `enqueue`, synchronous and unanswered: keeps the effect, for a caller that never keeps a key or id twice
   * (a ruler batch: an action's effect follows its action-log entry, fresh once). A repeat is not looked for
   * here, nor indexed for the view's `enqueue` to find: it would reach the store's `enqueueMany`, which keeps
   * the first of them.
   */
  queue(effect: OutboxEffect): void;
}

/** A {@link bufferedAudit}: its view, its flush, and its append without a promise. */
export interface BufferedAudit extends Buffered<AuditLog> {
  /** `append`, synchronous: keeps the line. */
  keep(entry: AuditEntry): void;
}

/**
 * The transaction's outbox with its enqueues kept and written by `flush` as one
 * `enqueueMany`, in the order kept (the store's unique keys drop an effect
 * already stored, and of two kept with one key it keeps the first). The view's
 * `enqueue` answers `false` only for a key or id repeated among the effects kept
 * through the view since the last flush (callers that batch do not read it);
 * effects kept with `queue`, whose callers keep each key once, are not indexed:
 * a ruler batch that also enqueues through the view (a registration approved in
 * the batch) pays two set entries per effect it enqueues there, none per action
 * it queues. Any other outbox call flushes first.
 */
export function bufferedOutbox(tx: StoreTransaction): BufferedOutbox {
  let queued: OutboxEffect[] = [];
  /** Keys and ids of the effects kept through the view's `enqueue`/`enqueueMany` since the last flush (made on the first). */
  let index: { readonly keys: Set<string>; readonly ids: Set<string> } | undefined;
  const flush = async (): Promise<void> => {
    if (queued.length === 0) return;
    const effects = queued;
    queued = [];
    index = undefined;
    await tx.outbox.enqueueMany(effects);
  };
  const queue = (effect: OutboxEffect): void => {
    queued.push(effect);
  };
  /** `queue` with the view's answer: `false` (and nothing kept) for a key or id the view kept already. */
  const enqueue = (effect: OutboxEffect): boolean => {
    index ??= { keys: new Set(), ids: new Set() };
    if (index.keys.has(effect.key) || index.ids.has(effect.id)) return false;
    index.keys.add(effect.key);
    index.ids.add(effect.id);
    queued.push(effect);
    return true;
  };
  const view: Outbox = {
    enqueue: async (effect) => enqueue(effect),
    enqueueMany: async (effects) => {
      // A loop, not filter and map: no two arrays per call.
      const added = new Set<string>();
      for (const effect of effects) if (enqueue(effect)) added.add(effect.id);
      return added;
    },
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
