import type {
  AgreementRecord, CollectionAccountRecord, CustomerRecord, InvoiceRecord, NegativationRecord, PaymentRecord, ProtestRecord, RegisterRecord, Versioned,
} from '../../ports/records.js';
import type { ActionLog, Store, StoreTransaction } from '../../ports/store.js';
import type { NegativationDueIndex } from '../../ports/negativation-due.js';
import { CommittedRecords, TransactionalCollection, frozenCopy } from './collection.js';
import { customerOf } from '../../ports/share.js';
import { CommittedLogs, TransactionalLogs } from './logs.js';
import { readMemorySnapshot, type MemorySnapshot } from './snapshot-schema.js';
import { CommittedWakes, TransactionalWakes, UPDATE_WAKES } from './wake-index.js';
import { CommittedNegativationDue, TransactionalNegativationDue } from './negativation-due-index.js';

export type { MemorySnapshot } from './snapshot-schema.js';

import { awaitedBy, namedTransactionRunner } from './nesting.js';

/** The collections of aggregates, by name. */
const COLLECTIONS = ['customers', 'invoices', 'payments', 'accounts', 'agreements', 'negativations', 'protests', 'registers'] as const;
type CollectionName = (typeof COLLECTIONS)[number];
/** The collections whose writes touch their customer in the wake index (registers do not). */
const TOUCHING: readonly CollectionName[] = COLLECTIONS.filter((name) => name !== 'registers');
/** The collections whose writes make their customer's negativations due (what the negativation and reconciliation passes read). */
const NEGATIVATION_TOUCHING: readonly CollectionName[] = ['invoices', 'payments', 'agreements', 'negativations'];

/** Options of a {@link MemoryStore}. */
export interface MemoryStoreOptions {
  /**
   * Keep the customer wake index (`StoreTransaction.wakes`), so a daily cycle
   * reads only the customers whose evaluation can change (default `true`);
   * `false`: no index, the cycle reads every invoice.
   */
  readonly wakes?: boolean;
  /**
   * Keep the negativation due index (`StoreTransaction.negativationsDue`), so
   * the cycle's negativation and reconciliation passes read only what is due
   * (default `true`); `false`: they read every negativation.
   */
  readonly negativationsDue?: boolean;
}

/** Counts a touch of a customer in a transaction. */
function touch(own: Map<string, number>, customerId: string): void {
  own.set(customerId, (own.get(customerId) ?? 0) + 1);
}

/** The action log's view, touching the customer of every entry it records. */
function touchingActionLog(log: ActionLog, own: Map<string, number>): ActionLog {
  return {
    has: (key) => log.has(key),
    hasMany: (keys) => log.hasMany(keys),
    forInvoice: (invoiceId) => log.forInvoice(invoiceId),
    forInvoices: (invoiceIds) => log.forInvoices(invoiceIds),
    record: async (entry) => {
      const recorded = await log.record(entry);
      if (recorded) touch(own, entry.customerId);
      return recorded;
    },
    recordMany: async (entries) => {
      const recorded = await log.recordMany(entries);
      if (recorded.size > 0) for (const entry of entries) if (recorded.has(entry.key)) touch(own, entry.customerId);
      return recorded;
    },
  };
}

/**
 * The transaction object, written out field by field: on Node 20 an object
 * spread (`{ ...views, ...logViews }`) took V8's slow path and cost ~15 µs per
 * transaction, most of an empty transaction's time (with the GC it caused).
 */
function transactionOf(views: Pick<StoreTransaction, CollectionName>, logs: Pick<StoreTransaction, 'actionLog' | 'outbox' | 'audit' | 'idempotency'>, wakes: TransactionalWakes | undefined, own: Map<string, number>, negativationsDue: NegativationDueIndex | undefined): StoreTransaction {
  const { customers, invoices, payments, accounts, agreements, negativations, protests, registers } = views;
  const { outbox, audit, idempotency } = logs;
  if (negativationsDue === undefined) {
    if (wakes === undefined) return { customers, invoices, payments, accounts, agreements, negativations, protests, registers, actionLog: logs.actionLog, outbox, audit, idempotency };
    return { customers, invoices, payments, accounts, agreements, negativations, protests, registers, actionLog: touchingActionLog(logs.actionLog, own), outbox, audit, idempotency, wakes: wakes.view() };
  }
  if (wakes === undefined) return { customers, invoices, payments, accounts, agreements, negativations, protests, registers, actionLog: logs.actionLog, outbox, audit, idempotency, negativationsDue };
  return { customers, invoices, payments, accounts, agreements, negativations, protests, registers, actionLog: touchingActionLog(logs.actionLog, own), outbox, audit, idempotency, wakes: wakes.view(), negativationsDue };
}

/**
 * The embedded default store: everything in memory, with the semantics of a
 * database. Transactions run one at a time (serializable); a transaction that
 * throws leaves nothing behind; a write that names a stale version is refused
 * with a `VersionConflictError`. {@link MemoryStore.snapshot} and
 * {@link MemoryStore.fromSnapshot} (and the file helpers) keep data between runs.
 */
export class MemoryStore implements Store {
  private readonly records = Object.fromEntries(COLLECTIONS.map((name) => [name, new CommittedRecords(name)])) as {
    customers: CommittedRecords<CustomerRecord>;
    invoices: CommittedRecords<InvoiceRecord>;
    payments: CommittedRecords<PaymentRecord>;
    accounts: CommittedRecords<CollectionAccountRecord>;
    agreements: CommittedRecords<AgreementRecord>;
    negativations: CommittedRecords<NegativationRecord>;
    registers: CommittedRecords<RegisterRecord>;
    protests: CommittedRecords<ProtestRecord>;
  };
  private readonly logs = new CommittedLogs();
  private queue: Promise<unknown> = Promise.resolve();
  /** Transactions whose work has started and not yet settled (0 or 1: they run one at a time). */
  private running = 0;
  /** Runs a transaction's work; its name, unique to this store, is what {@link awaitedBy} looks for on the caller's stack. */
  private readonly runner = namedTransactionRunner((work: (tx: StoreTransaction) => Promise<unknown>) => this.run(work));
  /** The customer wake index, unless the store was made without it. */
  private readonly wakes: CommittedWakes | undefined;
  /** The negativation due index, unless the store was made without it. */
  private readonly negativationsDue: CommittedNegativationDue | undefined;

  /** An empty store (with the customer wake index unless `options.wakes` is `false`). */
  constructor(options: MemoryStoreOptions = {}) {
    this.wakes = options.wakes === false ? undefined : new CommittedWakes();
    this.negativationsDue = options.negativationsDue === false ? undefined : new CommittedNegativationDue();
  }

  /** Runs `work` as one unit, as {@link Store.transaction} says: committed when it resolves, nothing kept when it throws; transactions run one after another. */
  async transaction<T>(work: (tx: StoreTransaction) => Promise<T>): Promise<T> {
    // Transactions run one at a time, so one started from inside another would wait for it forever: refuse it instead.
    // Only a call made while one runs can be nested; only then is the caller's stack read (no async context kept per promise).
    if (this.running > 0 && awaitedBy(this.runner.name)) throw new Error('MemoryStore: a transaction may not start inside another one');
    const run = (): Promise<T> => this.runner(work) as Promise<T>;
    const next = this.queue.then(run, run);
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** One transaction: its work against fresh views, then the commit (called through {@link MemoryStore.runner}, one at a time). */
  private async run<T>(work: (tx: StoreTransaction) => Promise<T>): Promise<T> {
    this.running++;
    try {
      const views = this.views();
      const logs = new TransactionalLogs(this.logs);
      const own = new Map<string, number>();
      const wakes = this.wakes === undefined ? undefined : new TransactionalWakes(this.wakes);
      const negativations = this.records.negativations;
      const due = this.negativationsDue === undefined ? undefined : new TransactionalNegativationDue(this.negativationsDue, (id) => negativations.byId.get(id));
      const result = await work(transactionOf(views as unknown as Pick<StoreTransaction, CollectionName>, logs.views(), wakes, own, due?.view()));
      if (wakes !== undefined) {
        for (const name of TOUCHING) views[name].touches((customerId) => touch(own, customerId), UPDATE_WAKES[name]);
        wakes.commit(own);
      }
      const dueCustomers = new Set<string>();
      if (due !== undefined) for (const name of NEGATIVATION_TOUCHING) views[name].touches((customerId) => dueCustomers.add(customerId));
      for (const name of COLLECTIONS) views[name].commit();
      due?.commit(dueCustomers, (customerId) => negativations.candidates({ customerId }) ?? []);
      logs.commit();
      return result;
    } finally {
      this.running--;
    }
  }

  /** A transaction's views of the eight collections, written out (no entries array and `Object.fromEntries` per transaction). */
  private views(): Record<CollectionName, TransactionalCollection<Versioned>> {
    const view = (records: CommittedRecords<Versioned>): TransactionalCollection<Versioned> => new TransactionalCollection<Versioned>(records);
    const r = this.records as unknown as Record<CollectionName, CommittedRecords<Versioned>>;
    return {
      customers: view(r.customers),
      invoices: view(r.invoices),
      payments: view(r.payments),
      accounts: view(r.accounts),
      agreements: view(r.agreements),
      negativations: view(r.negativations),
      protests: view(r.protests),
      registers: view(r.registers),
    };
  }

  /** Everything stored, as plain data ready for `JSON.stringify`. */
  snapshot(): MemorySnapshot {
    const all = <T extends Versioned>(records: CommittedRecords<T>): T[] => [...records.byId.values()].sort((a, b) => (a.id < b.id ? -1 : 1)).map(frozenCopy);
    return {
      format: 'cobranca-memory-store',
      formatVersion: 1,
      customers: all(this.records.customers),
      invoices: all(this.records.invoices),
      payments: all(this.records.payments),
      accounts: all(this.records.accounts),
      agreements: all(this.records.agreements),
      negativations: all(this.records.negativations),
      registers: all(this.records.registers),
      protests: all(this.records.protests),
      actionLog: [...this.logs.actionLog.values()].map(frozenCopy),
      outbox: [...this.logs.outbox.values()].map((slot) => frozenCopy(slot.effect)),
      audit: this.logs.audit.map(frozenCopy),
      idempotency: [...this.logs.idempotency.values()].map(frozenCopy),
    };
  }

  /**
   * A store holding what a {@link MemorySnapshot} holds. The snapshot is
   * checked first (format, every record's fields, no id or key twice); a bad
   * one is a `TypeError` naming what is wrong. Data from a file goes through
   * `loadMemoryStore`, which answers a `Result` instead.
   */
  static fromSnapshot(data: MemorySnapshot, options: MemoryStoreOptions = {}): MemoryStore {
    const checked = readMemorySnapshot(data);
    if (checked.isErr()) throw new TypeError(`MemoryStore.fromSnapshot: ${checked.error.message}`);
    const snapshot = checked.value;
    const store = new MemoryStore(options);
    for (const name of COLLECTIONS) {
      for (const record of snapshot[name] ?? []) {
        (store.records[name] as CommittedRecords<Versioned>).put(frozenCopy(record));
        // The index is not in the snapshot: every customer of the loaded records is due once.
        if (name !== 'registers') store.wakes?.touch(customerOf(record as { id: string; customerId?: string }), 1);
      }
    }
    for (const record of snapshot.negativations) store.negativationsDue?.touch(record.id, record.customerId);
    for (const entry of snapshot.actionLog) store.wakes?.touch(entry.customerId, 1);
    for (const entry of snapshot.actionLog) store.logs.addAction(frozenCopy(entry));
    for (const effect of snapshot.outbox) store.logs.putEffect(frozenCopy(effect));
    for (const entry of snapshot.audit) store.logs.addAudit(frozenCopy(entry));
    for (const record of snapshot.idempotency) store.logs.idempotency.set(record.key, frozenCopy(record));
    return store;
  }
}
