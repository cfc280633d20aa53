import { transactionWith } from '../transaction-view.js';
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
  /**
   * `invoices.update` of an invoice read up front (the next version of the one {@link PlannedBatch.invoices} holds),
   * synchronous: {@link PlannedBatch.invoices} answers it at once, and the store gets it (`updateMany`, in the order
   * kept) before any other use of the batch's invoices and at the flush.
   */
  updateInvoice(invoice: InvoiceRecord): void;
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
  /** Writes the invoices, audit lines and effects the actions kept (`updateMany`, one `appendMany`, one `enqueueMany`); run it last, inside the transaction. */
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
  // The keys recorded new, each answered `true` once: the first record of it takes it out (a copy: the store's set is left as it is).
  const fresh = new Set(await tx.actionLog.recordMany(plan.entries));
  // Keys asked about beyond the plan's (a planned key is known to be there: recorded now, or already).
  const asked = new Set(plan.askedKeys.filter((key) => !plannedKeys.has(key)));
  const known = asked.size > 0 ? new Set(await tx.actionLog.hasMany([...asked])) : new Set<string>();
  const recordPlanned = (entry: ActionLogEntry): boolean => fresh.delete(entry.key);
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
    updateInvoice: invoices.keep,
    enqueue: outbox.queue,
    audit: audit.keep,
  };
  const flush = async (): Promise<void> => {
    await invoices.written();
    await audit.flush();
    await outbox.flush();
  };
  return { tx: transactionWith(tx, { actionLog, outbox: outbox.view, audit: audit.view, invoices: invoices.view, customers: customers.view }), planned, flush };
}

/** A {@link readAhead} collection: its view, the records it read, and its kept updates. */
interface ReadAhead<T extends Versioned> {
  readonly view: Collection<T>;
  readonly read: ReadonlyMap<string, T | undefined>;
  /** `update` of a record read up front, synchronous: `read` answers it now, the collection gets it at {@link ReadAhead.written}. */
  keep(record: T): void;
  /** Writes the kept updates (`updateMany`, in the order kept; an id kept twice splits the call); every use of the view but a `get` of a read id runs it first. */
  written(): Promise<void>;
}

/**
 * A collection whose `get` answers from records read up front with one
 * `getMany` (a missing id reads as `undefined`), kept current by the writes
 * made through it and by the updates kept ({@link ReadAhead.keep}); every other
 * method writes the kept updates, then goes to the collection.
 */
async function readAhead<T extends Versioned>(collection: Collection<T>, ids: readonly string[]): Promise<ReadAhead<T>> {
  const read = new Map<string, T | undefined>(ids.map((id) => [id, undefined]));
  if (ids.length > 0) for (const record of await collection.getMany([...read.keys()])) read.set(record.id, Object.freeze(record));
  const remember = (records: readonly T[]): void => {
    for (const record of records) if (read.has(record.id)) read.set(record.id, Object.freeze({ ...record }));
  };
  let kept: T[] = [];
  const keep = (record: T): void => {
    if (!read.has(record.id)) throw new Error(`ruler batch: record '${record.id}' was not read up front`);
    // Frozen as the store keeps it (its parts are the read version's, frozen): the store stores this very object.
    const frozen = Object.freeze(record);
    read.set(record.id, frozen);
    kept.push(frozen);
  };
  const written = async (): Promise<void> => {
    if (kept.length === 0) return;
    const records = kept;
    kept = [];
    // updateMany refuses an id twice in one call: a second version of a record starts the next call.
    let run: T[] = [];
    const inRun = new Set<string>();
    for (const record of records) {
      if (inRun.has(record.id)) {
        await collection.updateMany(run);
        run = [];
        inRun.clear();
      }
      run.push(record);
      inRun.add(record.id);
    }
    await collection.updateMany(run);
  };
  const view: Collection<T> = {
    list: async (filter) => (await written(), collection.list(filter)),
    page: async (limit, after, share) => (await written(), collection.page(limit, after, share)),
    getMany: async (many) => (await written(), collection.getMany(many)),
    listFor: async (field, values) => (await written(), collection.listFor(field, values)),
    get: async (id) => (read.has(id) ? read.get(id) : (await written(), collection.get(id))),
    insert: async (record) => (await written(), await collection.insert(record), remember([record])),
    update: async (record) => (await written(), await collection.update(record), remember([record])),
    insertMany: async (records) => (await written(), await collection.insertMany(records), remember(records)),
    updateMany: async (records) => (await written(), await collection.updateMany(records), remember(records)),
  };
  return { view, read, keep, written };
}
