import type { ActionLogEntry, AuditEntry, CustomerRecord, InvoiceRecord, OutboxEffect, Versioned } from '../../ports/index.js';
import type { ActionLog, Collection, StoreTransaction } from '../../ports/store.js';
import { bufferedAudit, bufferedOutbox } from '../outbox-buffers.js';

/** What a ruler batch knows it will touch, read or written at once before its actions are applied one by one. */
export interface BatchPlan {
  /** Action-log entries the batch records (the due actions and logged skips): written as one `recordMany`. */
  readonly entries: readonly ActionLogEntry[];
  /** Further action-log keys the batch asks about (`has`): read as one `hasMany`. */
  readonly askedKeys: readonly string[];
  /** Invoices the actions read: one `getMany`. */
  readonly invoiceIds: readonly string[];
  /** Customers the actions read: one `getMany`. */
  readonly customerIds: readonly string[];
}

/**
 * What a ruler batch read and planned up front, answered synchronously: the same answers as the
 * batch's {@link BatchedTransaction.tx} gives (the same state behind both), without a promise per call,
 * for the actions that need nothing else (see `applyPlannedAction`).
 */
export interface PlannedBatch {
  /** `actionLog.record` of an entry of the plan: `true` the first time for a key the batch recorded new. */
  record(entry: ActionLogEntry): boolean;
  /** The invoices read up front (a missing one as `undefined`), kept current by the batch's writes; an id not here was not read. */
  readonly invoices: ReadonlyMap<string, InvoiceRecord | undefined>;
  /** The customers read up front, as {@link PlannedBatch.invoices}. */
  readonly customers: ReadonlyMap<string, CustomerRecord | undefined>;
  /** `outbox.enqueue`: kept with the batch's other effects, in order. */
  enqueue(effect: OutboxEffect): void;
  /** `audit.append`: kept with the batch's other audit lines, in order. */
  audit(entry: AuditEntry): void;
}

/** A ruler batch's transaction with its reads and writes gathered, and the flush to run before it commits. */
export interface BatchedTransaction {
  readonly tx: StoreTransaction;
  /** The same batch, answered synchronously for the actions that need nothing else. */
  readonly planned: PlannedBatch;
  /** Writes the audit lines and effects the actions kept, as one `appendMany` and one `enqueueMany`; run it last, inside the transaction. */
  flush(): Promise<void>;
}

/**
 * The transaction a ruler batch applies its actions in, so the batch costs a
 * few round trips whatever its size, not a few per action. Before the actions
 * run it records the batch's action-log entries at once (`recordMany`) and
 * reads the invoices, customers and asked-about keys at once; the actions then
 * run unchanged against this view:
 * - `actionLog.record` of a planned entry answers what `recordMany` said (the
 *   first call for a key is `true` when it was new, every other `false`);
 *   `has` of a key read up front answers from that read and the batch's own records;
 * - `invoices.get` / `customers.get` answer from the records read up front,
 *   kept current by the batch's own writes through this view (a write
 *   on a version someone else changed meanwhile is still refused by the store);
 * - `outbox.enqueue` and `audit.append` are kept and written by
 *   {@link BatchedTransaction.flush} with `enqueueMany` and `appendMany`, in
 *   the order they came (see `bufferedOutbox`, `bufferedAudit`; a read of
 *   either writes what was kept first).
 * Everything else goes straight to the store's transaction.
 */
export async function batchedTransaction(tx: StoreTransaction, plan: BatchPlan): Promise<BatchedTransaction> {
  const plannedKeys = new Set(plan.entries.map((entry) => entry.key));
  const fresh = new Set(await tx.actionLog.recordMany(plan.entries));
  // Keys asked about beyond the plan's (a planned key is known to be there: recorded now, or already).
  const asked = new Set(plan.askedKeys.filter((key) => !plannedKeys.has(key)));
  const known = asked.size > 0 ? new Set(await tx.actionLog.hasMany([...asked])) : new Set<string>();
  const answered = new Set<string>();
  const recordPlanned = (entry: ActionLogEntry): boolean => {
    const first = !answered.has(entry.key);
    answered.add(entry.key);
    return first && fresh.has(entry.key);
  };
  const actionLog: ActionLog = {
    hasMany: (keys) => tx.actionLog.hasMany(keys),
    recordMany: (entries) => tx.actionLog.recordMany(entries),
    forInvoice: (invoiceId) => tx.actionLog.forInvoice(invoiceId),
    forInvoices: (invoiceIds) => tx.actionLog.forInvoices(invoiceIds),
    has: async (key) => plannedKeys.has(key) || (asked.has(key) ? known.has(key) : tx.actionLog.has(key)),
    record: async (entry) => {
      if (plannedKeys.has(entry.key)) return recordPlanned(entry);
      const recorded = await tx.actionLog.record(entry);
      if (asked.has(entry.key)) known.add(entry.key);
      return recorded;
    },
  };
  const outbox = bufferedOutbox(tx);
  const audit = bufferedAudit(tx);
  const [invoices, customers] = await Promise.all([readAhead<InvoiceRecord>(tx.invoices, plan.invoiceIds), readAhead<CustomerRecord>(tx.customers, plan.customerIds)]);
  const planned: PlannedBatch = {
    record: (entry) => {
      if (!plannedKeys.has(entry.key)) throw new Error(`ruler batch: action-log key '${entry.key}' is not in the batch's plan`);
      return recordPlanned(entry);
    },
    invoices: invoices.read,
    customers: customers.read,
    enqueue: outbox.queue,
    audit: audit.keep,
  };
  const flush = async (): Promise<void> => {
    await audit.flush();
    await outbox.flush();
  };
  return { tx: withViews(tx, { actionLog, outbox: outbox.view, audit: audit.view, invoices: invoices.view, customers: customers.view }), planned, flush };
}

/**
 * The store's transaction with five of its members replaced. `Object.assign`, not `{ ...tx, actionLog, … }`:
 * on Node 20 a spread of an unfrozen object followed by more fields takes V8's slow path (microseconds a call).
 */
function withViews(tx: StoreTransaction, views: Pick<StoreTransaction, 'actionLog' | 'outbox' | 'audit' | 'invoices' | 'customers'>): StoreTransaction {
  return Object.assign({}, tx, views);
}

/**
 * A collection whose `get` answers from records read up front with one
 * `getMany` (a missing id reads as `undefined`), kept current by the writes
 * made through it; every other method goes to the collection. `read`: those records by id.
 */
async function readAhead<T extends Versioned>(collection: Collection<T>, ids: readonly string[]): Promise<{ view: Collection<T>; read: ReadonlyMap<string, T | undefined> }> {
  const read = new Map<string, T | undefined>(ids.map((id) => [id, undefined]));
  if (ids.length > 0) for (const record of await collection.getMany([...read.keys()])) read.set(record.id, Object.freeze(record));
  const remember = (records: readonly T[]): void => {
    for (const record of records) if (read.has(record.id)) read.set(record.id, Object.freeze({ ...record }));
  };
  const view: Collection<T> = {
    list: (filter) => collection.list(filter),
    page: (limit, after, share) => collection.page(limit, after, share),
    getMany: (many) => collection.getMany(many),
    listFor: (field, values) => collection.listFor(field, values),
    get: async (id) => (read.has(id) ? read.get(id) : collection.get(id)),
    insert: async (record) => (await collection.insert(record), remember([record])),
    update: async (record) => (await collection.update(record), remember([record])),
    insertMany: async (records) => (await collection.insertMany(records), remember(records)),
    updateMany: async (records) => (await collection.updateMany(records), remember(records)),
  };
  return { view, read };
}
