import type { NegativationDueIndex } from './negativation-due.js';
import type { RegistrationIndex } from './registrations.js';
import type {
  ActionLogEntry,
  AgreementRecord,
  AuditEntry,
  CollectionAccountRecord,
  CustomerRecord,
  IdempotencyRecord,
  InvoiceRecord,
  NegativationRecord,
  OutboxEffect,
  PaymentRecord,
  ProtestRecord,
  RegisterRecord,
  Versioned,
} from './records.js';
import type { Share } from './share.js';
import type { CivilDate } from '../calendar/index.js';

/**
 * Thrown by a store when a write names a version that is no longer current
 * (someone else wrote first) or inserts an id that exists. The transaction is
 * rolled back; the application layer reports it as a `version_conflict` error.
 */
export class VersionConflictError extends Error {
  /** Always `'VersionConflictError'`: how {@link isVersionConflict} recognises it across package copies. */
  override readonly name = 'VersionConflictError';
  constructor(
    readonly collection: string,
    readonly id: string,
    readonly expectedVersion: number,
    readonly actualVersion: number | undefined,
  ) {
    super(`${collection} ${id}: expected version ${expectedVersion}, found ${actualVersion ?? 'none'}`);
  }
}

/**
 * Whether an error is a {@link VersionConflictError} (also across package copies).
 * @example
 * ```ts
 * import { isVersionConflict } from 'cobranca';
 * import { MemoryStore } from 'cobranca/adapters/memory';
 *
 * const store = new MemoryStore();
 * await store.transaction((tx) => tx.customers.insert({ id: 'c-1', version: 1, name: 'Maria Souza', taxId: '52998224725', kind: 'person' }));
 * try {
 *   // Two writers read version 1; the second update must fail instead of overwriting the first.
 *   await store.transaction((tx) => tx.customers.update({ id: 'c-1', version: 2, name: 'Maria S. Souza', taxId: '52998224725', kind: 'person' }));
 *   await store.transaction((tx) => tx.customers.update({ id: 'c-1', version: 2, name: 'Maria Souza Lima', taxId: '52998224725', kind: 'person' }));
 * } catch (error) {
 *   console.log(isVersionConflict(error)); // retry: read again, apply the change, write version 3
 * }
 * // → true
 * ```
 */
export function isVersionConflict(error: unknown): error is VersionConflictError {
  return error instanceof Error && error.name === 'VersionConflictError';
}

/** Filters a collection understands; every store supports these. */
export interface RecordFilter {
  /** Only records of this customer. */
  readonly customerId?: string;
  /** Only records about this invoice. */
  readonly invoiceId?: string;
  /** Only records in this status (the record's own `status` field). */
  readonly status?: string;
}

/** A collection of versioned aggregates. */
export interface Collection<T extends Versioned> {
  /** The record, or `undefined`. */
  get(id: string): Promise<T | undefined>;
  /** Inserts a new record, which must have `version: 1`; a taken id is a {@link VersionConflictError}. */
  insert(record: T): Promise<void>;
  /**
   * Replaces a record whose stored version is `record.version - 1`; anything
   * else is a {@link VersionConflictError}. Callers pass the record with its version bumped.
   */
  update(record: T): Promise<void>;
  /** Records matching every given field of the filter, ordered by id. */
  list(filter?: RecordFilter): Promise<T[]>;
  /**
   * One page of records in id order: at most `limit`, with ids after `after`
   * (keyset pagination). Page through a large portfolio by passing the last id
   * of each page as the next `after`, each page in its own transaction. With a
   * `share`, only records of that worker's share of the customers (see
   * {@link Share}: by `customerId`, or the id of a customer record).
   */
  page(limit: number, after?: string, share?: Share): Promise<T[]>;
  /** The records with these ids that exist, in id order (one round trip for a page's worth of ids). */
  getMany(ids: readonly string[]): Promise<T[]>;
  /**
   * Records whose `customerId` (or `invoiceId`) is one of `values`, in id order:
   * what `list({ [field]: value })` returns for each value, read at once.
   */
  listFor(field: 'customerId' | 'invoiceId', values: readonly string[]): Promise<T[]>;
  /**
   * Inserts every record (each `version: 1`) as one write: when any id is taken
   * (or given twice) it is a {@link VersionConflictError} and none is inserted.
   */
  insertMany(records: readonly T[]): Promise<void>;
  /**
   * Updates every record as {@link Collection.update} would, as one write: when
   * any one names a stale version (or an id twice, or an id not stored) it is a
   * {@link VersionConflictError} and none is updated.
   */
  updateMany(records: readonly T[]): Promise<void>;
}

/** The log of ruler actions already performed. */
export interface ActionLog {
  /** Whether an action with this key was recorded. */
  has(key: string): Promise<boolean>;
  /** Which of these keys were recorded. */
  hasMany(keys: readonly string[]): Promise<ReadonlySet<string>>;
  /** Records an action; returns `false` (and changes nothing) when the key is already there. */
  record(entry: ActionLogEntry): Promise<boolean>;
  /**
   * Records every entry whose key is not recorded yet, as one write (a batch
   * of a page's actions in one round trip): resolves with the keys it recorded,
   * those `record` would have answered `true` for, called once per entry in
   * order (of two entries with one key, the first is recorded). Concurrent
   * transactions record each key once, as with `record`.
   */
  recordMany(entries: readonly ActionLogEntry[]): Promise<ReadonlySet<string>>;
  /** Entries for an invoice, oldest first. */
  forInvoice(invoiceId: string): Promise<ActionLogEntry[]>;
  /** Entries for any of these invoices, oldest first (what `forInvoice` returns for each, read at once). */
  forInvoices(invoiceIds: readonly string[]): Promise<ActionLogEntry[]>;
}

/** A worker's request to claim effects before performing them (see {@link Outbox.claim}). */
export interface ClaimRequest {
  /** Who claims: unique per worker pass (two passes never share an owner). */
  readonly owner: string;
  /** The instant of the claim (ISO 8601). */
  readonly now: string;
  /** When the claim lapses (ISO 8601, after `now`): from then on another worker may claim the effect (its owner is presumed dead). */
  readonly until: string;
  /** At most this many effects. */
  readonly limit: number;
  /** Only effects enqueued after this effect id (a cursor, as in {@link Outbox.pending}). */
  readonly after?: string;
  /** Only effects of these kinds (the ones this worker has handlers for); all kinds when absent. */
  readonly kinds?: readonly string[];
}

/** How an effect ended, as {@link Outbox.settle} records it. */
export type EffectOutcome = Pick<OutboxEffect, 'status' | 'attempts'> & {
  readonly doneAt?: string;
  readonly lastError?: string;
  /** Settle only if this owner still holds the claim (a fence against a worker whose claim lapsed). */
  readonly owner?: string;
};

/** One effect's outcome in a batch settle (see {@link Outbox.settleMany}). */
export interface EffectSettlement {
  /** The effect's id. */
  readonly id: string;
  /** How it ended, fenced by `owner` when given (as {@link Outbox.settle}). */
  readonly outcome: EffectOutcome;
}

/** What {@link Outbox.countPending} counts against: the kinds a worker performs, as of an instant. */
export interface PendingCountRequest {
  /** The kinds some handler performs; pending effects of any other kind wait for the host. */
  readonly kinds: readonly string[];
  /** The instant (ISO 8601): effects of `kinds` whose `notBefore` is after it are scheduled, not due. */
  readonly now: string;
}

/** How many pending effects a pass could not claim, by why. */
export interface PendingCounts {
  /** Pending effects of a kind no handler performs (the host performs them and settles them). */
  readonly awaitingHost: number;
  /** Pending effects of a handled kind whose `notBefore` has not come yet. */
  readonly scheduled: number;
}

/**
 * Effects waiting to be performed, recorded atomically with the decision that
 * produced them. Several workers (or two daily cycles at once) perform them
 * exactly once by claiming first: {@link Outbox.claim} hands each pending
 * effect to one owner for a lease; the owner performs it and
 * {@link Outbox.settle}s it with its owner name, which releases the claim.
 * An SQL store implements `claim` as one `UPDATE … WHERE id IN (SELECT … FOR
 * UPDATE SKIP LOCKED)` statement.
 */
export interface Outbox {
  /** Adds an effect; returns `false` (and changes nothing) when its key is already there. */
  enqueue(effect: OutboxEffect): Promise<boolean>;
  /**
   * Adds every effect whose key and id are not there yet, as one write (a
   * page's effects in one round trip), in the given order: resolves with the
   * ids it added, those `enqueue` would have answered `true` for, called once
   * per effect in order (of two effects with one key, the first is added).
   */
  enqueueMany(effects: readonly OutboxEffect[]): Promise<ReadonlySet<string>>;
  /** Pending effects in the order they were enqueued, at most `limit`; with `after`, only those enqueued after that effect id (a cursor). Claimed or not: for inspection and hosts that poll. */
  pending(limit: number, after?: string): Promise<OutboxEffect[]>;
  /**
   * Claims up to `limit` effects for `owner`, in enqueue order (after the
   * `after` cursor), and returns them with `claimedBy`/`claimedUntil` set.
   * Claimable: `pending`, of one of the `kinds` when given, due (no
   * `notBefore`, or `notBefore` ≤ `now`), and not held by another owner (no
   * claim, or its `claimedUntil` ≤ `now`).
   * Concurrent claims never hand the same effect to two owners: when two
   * transactions race, each effect goes to one of them (the loser skips it or
   * fails with a {@link VersionConflictError}, never both get it).
   */
  claim(request: ClaimRequest): Promise<OutboxEffect[]>;
  /**
   * Replaces an effect's status fields (done, failed, cancelled, or pending
   * again with an error) and clears its claim. With `owner`, only while that
   * owner holds the claim and the effect is pending: otherwise nothing changes
   * and it returns `false` (someone else took the effect over). Returns `true`
   * when it settled.
   */
  settle(id: string, outcome: EffectOutcome): Promise<boolean>;
  /**
   * Settles every effect as {@link Outbox.settle} would, as one write (a
   * batch's outcomes in one round trip, in one transaction): resolves with the
   * ids it settled, those `settle` would have answered `true` for (an owner's
   * fence that no longer holds leaves that effect as it is). An id given twice
   * is a `RangeError` and an id not stored an error, as with `settle`: the
   * caller's transaction then rolls back, so nothing of the batch is settled.
   * New in the port: a host's own `Store` must implement it (looping over
   * `settle` is correct, one statement is what makes it cheap).
   */
  settleMany(settlements: readonly EffectSettlement[]): Promise<ReadonlySet<string>>;
  /**
   * How many pending effects wait for the host (of none of `kinds`) and how
   * many of `kinds` are scheduled (`notBefore` after `now`), counted by the
   * store (an index or counters) without handing the effects over: what a
   * pass reports without reading the effects that wait for the host. New in
   * the port: a host's own `Store` must implement it.
   */
  countPending(request: PendingCountRequest): Promise<PendingCounts>;
  /** Every effect with a key, for inspection. */
  byKey(key: string): Promise<OutboxEffect | undefined>;
  /** All effects, oldest first (reports and tests). */
  all(): Promise<OutboxEffect[]>;
}

/** An append-only audit log. */
export interface AuditLog {
  /** Appends an entry (never changed or removed afterwards). */
  append(entry: AuditEntry): Promise<void>;
  /** Appends every entry, in order, as one write (what `append` does for each, in one round trip). */
  appendMany(entries: readonly AuditEntry[]): Promise<void>;
  /** Entries about one subject, oldest first. */
  forSubject(subjectType: AuditEntry['subjectType'], subjectId: string): Promise<AuditEntry[]>;
}

/** Stored answers to commands by idempotency key. */
export interface IdempotencyKeys {
  /** The stored answer for a key, or `undefined`. */
  get(key: string): Promise<IdempotencyRecord | undefined>;
  /** Stores an answer; returns `false` when the key was taken. */
  put(record: IdempotencyRecord): Promise<boolean>;
}

/** A due customer as the wake index saw it: its id and its touch count at that moment. */
export interface DueCustomer {
  /** The customer's id. */
  readonly customerId: string;
  /** How many committed writes touched it so far (what its evaluation reads as of); pass it back in {@link CustomerEvaluation.touched}. */
  readonly touched: number;
}

/** What one evaluation of a customer concluded: recorded by {@link WakeIndex.evaluated}. */
export interface CustomerEvaluation {
  /** The customer's id. */
  readonly customerId: string;
  /** The touch count {@link WakeIndex.due} returned for it (what the evaluation read). */
  readonly touched: number;
  /** The next day its evaluation can change without a write; `undefined`: only a write wakes it. */
  readonly wakeOn: CivilDate | undefined;
}

/**
 * The customer wake index: which customers' ruler evaluation can change today,
 * so a daily cycle reads only those. A customer is due on a day when its wake
 * day has come, when a write touched it since its last evaluation, or when
 * {@link WakeIndex.plan} saw the ruler or settings change. The store touches a
 * customer itself on every committed insert or update of its records
 * (customers, invoices, payments, agreements, negativations, protests,
 * accounts, by `customerId`, or the customer's own id) and on every action-log
 * entry recorded for it, except an update of a negativation that leaves what
 * the evaluation reads of it unchanged (`negativationUpdateWakes`: a store
 * that touches on that update too is still correct, only less quiet); the
 * outbox, audit, registers and idempotency keys do not touch. A customer the index never saw is due. Optional in the port
 * ({@link StoreTransaction.wakes}): without it the cycle reads every invoice.
 * See docs/adapters.md.
 */
export interface WakeIndex {
  /**
   * Due customers on `today`, in customer-id order, with ids after `after`
   * (keyset pagination), at most `limit`, and with a `share` only that
   * worker's customers (as {@link Collection.page}).
   */
  due(today: CivilDate, limit: number, after?: string, share?: Share): Promise<DueCustomer[]>;
  /**
   * Records evaluations, in the transaction that wrote their outcomes (after
   * those writes). A customer becomes quiet until `wakeOn` only if nothing
   * outside this transaction touched it since `touched` was read: this
   * transaction's own writes do not wake it; a write by anyone else in between
   * keeps it due. Of two evaluations of one customer in a call, the last counts.
   */
  evaluated(evaluations: readonly CustomerEvaluation[]): Promise<void>;
  /**
   * The ruler and settings in force, as a fingerprint: when it differs from
   * the stored one, stores it and makes every customer due (all shares);
   * returns whether it did.
   */
  plan(fingerprint: string): Promise<boolean>;
}

/** Everything a unit of work may read and write. */
export interface StoreTransaction {
  /** Customers (debtors): taxId, name, contacts, address. */
  readonly customers: Collection<CustomerRecord>;
  /** Invoices (títulos): amount, due date, status; the cycle reads them page by page. */
  readonly invoices: Collection<InvoiceRecord>;
  /** Payments recorded against invoices, each with its credit date. */
  readonly payments: Collection<PaymentRecord>;
  /** Collection accounts (one per customer): the account's state, comments, tasks, attachments. */
  readonly accounts: Collection<CollectionAccountRecord>;
  /** Agreements (renegotiations) with their installment plans. */
  readonly agreements: Collection<AgreementRecord>;
  /** Negativations (bureau registrations) and their status history. */
  readonly negativations: Collection<NegativationRecord>;
  /** Seed 004's registers: agreement categories and e-mail templates (`register` tells them apart). */
  readonly registers: Collection<RegisterRecord>;
  /** Protests (notarial) and their status history. */
  readonly protests: Collection<ProtestRecord>;
  /** Ruler actions already performed, by key (what makes a second run of a day send nothing). */
  readonly actionLog: ActionLog;
  /** Effects for the host's ports, written in the same transaction as the decision that made them. */
  readonly outbox: Outbox;
  /** The append-only audit log (account and invoice histories). */
  readonly audit: AuditLog;
  /** Stored answers of commands, by idempotency key. */
  readonly idempotency: IdempotencyKeys;
  /**
   * The customer wake index (optional: a store without it has the daily cycle
   * read every invoice, as before). See {@link WakeIndex}.
   */
  readonly wakes?: WakeIndex;
  /**
   * The negativation due index (optional: a store without it has the daily
   * cycle's negativation and reconciliation passes read every negativation).
   * See {@link NegativationDueIndex}.
   */
  readonly negativationsDue?: NegativationDueIndex;
  /**
   * The negativations' registration days by invoice, without their records
   * (optional: a store without it has the classification read the
   * negativation records). See {@link RegistrationIndex}.
   */
  readonly registrations?: RegistrationIndex;
}

/**
 * The storage port. All reads and writes happen inside {@link Store.transaction}:
 * when `work` resolves, everything it wrote is committed at once; when it
 * throws (or rejects), nothing it wrote remains. Records read are copies:
 * mutating them changes nothing stored.
 */
export interface Store {
  /**
   * Runs `work` as one unit: it commits when `work` resolves (and resolves with
   * its value) and rolls back when `work` throws (and rejects with that error).
   * Serializable, or a write on a stale version fails with a
   * {@link VersionConflictError}; the application retries nothing itself and
   * reports `version_conflict`. A store that cannot be reached rejects. May be
   * called concurrently; nesting one transaction in another is not supported.
   * See docs/adapters.md.
   */
  transaction<T>(work: (tx: StoreTransaction) => Promise<T>): Promise<T>;
}
