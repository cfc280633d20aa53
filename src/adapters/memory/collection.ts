import { VersionConflictError, type Collection, type RecordFilter } from '../../ports/store.js';
import { customerOf, inShare, type Share } from '../../ports/share.js';
import type { Versioned } from '../../ports/records.js';

const DELETED = Symbol('deleted');

/** Refuses what is not plain data (a `Date`, a class instance): it would not survive a snapshot. */
function checkPlain(value: object): void {
  if (Array.isArray(value)) return;
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) {
    throw new TypeError(`records hold plain data only (strings, numbers, booleans, arrays, plain objects); got a ${(value as object).constructor?.name ?? 'non-plain object'}`);
  }
}

/**
 * Whether a frozen value is frozen plain data all the way down: what the store
 * handed out (and a caller spread into a new version) passes, and is kept as
 * it is; something frozen only shallowly by someone else does not. A part that
 * is the very object found at the same place in `known` (the stored version
 * the value was made from: frozen all the way down, as everything the store
 * keeps) is not walked again: a new version walks only what changed.
 */
function deeplyFrozen(value: object, known: unknown): boolean {
  if (!Array.isArray(value)) {
    const proto = Object.getPrototypeOf(value) as unknown;
    if (proto !== Object.prototype && proto !== null) return false;
  }
  const fields = value as Record<string, unknown>;
  const knownFields = known !== null && typeof known === 'object' ? (known as Record<string, unknown>) : undefined;
  for (const key in fields) {
    const field = fields[key];
    if (field === null || typeof field !== 'object') continue;
    const knownField = knownFields === undefined ? undefined : knownFields[key];
    if (field !== knownField && !(Object.isFrozen(field) && deeplyFrozen(field, knownField))) return false;
  }
  return true;
}

/**
 * Makes plain data immutable, deeply and in place, and returns it: what the
 * store keeps and hands out on every read with no copying. The domain never
 * mutates values, so freezing costs no allocation; a caller that tries to
 * change a record it wrote or read gets a `TypeError` instead of silently
 * changing stored state. Parts already frozen all the way down (the stored
 * version a new one was spread from) are kept as they are; a part frozen only
 * shallowly by someone else is copied so its nested parts can be frozen too.
 * A value that is not plain data (a `Date`, a class instance) is refused with
 * a `TypeError`: it would not survive a snapshot. No marker is added to the
 * objects (an added property would cost a property array per object).
 * `known`, when given, is the stored value this one replaces: a part that is
 * the same object as at the same place in it is kept without a walk (the
 * store froze it all the way down when it stored it).
 */
export function frozenCopy<T>(value: T, known?: unknown): T {
  if (value === null || typeof value !== 'object' || value === known) return value;
  checkPlain(value);
  if (Object.isFrozen(value)) {
    if (deeplyFrozen(value, known)) return value;
    // Frozen by someone else, maybe shallowly: copy so the nested parts can be frozen too.
    return frozenCopy(Array.isArray(value) ? [...(value as unknown[])] : { ...(value as object) }, known) as T;
  }
  const knownFields = known !== null && typeof known === 'object' ? (known as Record<string, unknown>) : undefined;
  // Index and for-in loops: no array of keys allocated per object (records are plain data: no inherited enumerable fields).
  if (Array.isArray(value)) {
    const items = value as unknown[];
    for (let i = 0; i < items.length; i++) {
      const item = items[i];
      if (item !== null && typeof item === 'object') items[i] = frozenCopy(item, knownFields === undefined ? undefined : knownFields[i]);
    }
  } else {
    const fields = value as Record<string, unknown>;
    for (const key in fields) {
      const field = fields[key];
      if (field !== null && typeof field === 'object') fields[key] = frozenCopy(field, knownFields === undefined ? undefined : knownFields[key]);
    }
  }
  Object.freeze(value);
  return value;
}

/**
 * The committed records of one collection, with indexes on `customerId` and
 * `invoiceId` so per-customer reads stay fast on large portfolios.
 */
export class CommittedRecords<T extends Versioned> {
  readonly byId = new Map<string, T>();
  private sortedIds: string[] | undefined;
  /** The record of each of `sortedIds`, at the same index (built when a page first asks; kept current by `put`). */
  private sortedRecords: T[] | undefined;
  /** Ids inserted since `sortedIds` was last made whole: merged in on the next read (a day's few new records are not a sort of the whole collection). */
  private insertedIds: string[] = [];
  /**
   * Ids of the records of each customer, then of each invoice: plain arrays, each id once (added when a record is
   * inserted or moves to the value, removed when it moves away). A `Set` per customer and per invoice cost about twice
   * the memory of an array of its one or two ids, and more to make: GC traces every one for as long as the store lives.
   */
  private readonly byCustomer = new Map<string, string[]>();
  private readonly byInvoice = new Map<string, string[]>();
  /**
   * The last record a transaction on this collection froze (committed or not: frozen all the way down either way), the
   * `known` value a new record is frozen against when it replaces none: records of a collection share many parts at
   * the same places (a subject's settings, the creditor), and a shared part is then not walked again.
   */
  lastFrozen: T | undefined;

  constructor(readonly name: string) {}

  /** Writes (or replaces) a record and keeps the indexes right. */
  put(record: T): void {
    this.write(record, this.byId.get(record.id));
  }

  /** {@link CommittedRecords.put} of a record whose stored version the caller knows (`undefined`: none): no look-up of it. */
  write(record: T, previous: T | undefined): void {
    this.byId.set(record.id, record);
    if (previous === undefined) {
      if (this.sortedIds !== undefined) this.insertedIds.push(record.id);
      this.index(record);
      return;
    }
    if (this.sortedRecords !== undefined) {
      // The id is in `sortedIds` or still among the inserted ones (whose records the merge reads from `byId`).
      const ids = this.sortedIds as string[];
      const at = upperBound(ids, record.id) - 1;
      if (at >= 0 && ids[at] === record.id) this.sortedRecords[at] = record;
    }
    const before = previous as { customerId?: string; invoiceId?: string };
    const after = record as { customerId?: string; invoiceId?: string };
    // A new version under the same customer and invoice (the usual update) keeps its index entries.
    if (before.customerId === after.customerId && before.invoiceId === after.invoiceId) return;
    this.unindex(previous);
    this.index(record);
  }

  /** Removes a record and its index entries. */
  remove(id: string): void {
    const previous = this.byId.get(id);
    if (previous === undefined) return;
    this.byId.delete(id);
    this.unindex(previous);
    this.sortedIds = undefined;
    this.sortedRecords = undefined;
    this.insertedIds = [];
  }

  /** Every id in order (cached until a removal; ids inserted since the last read are merged in). */
  ids(): readonly string[] {
    if (this.sortedIds === undefined) {
      this.sortedIds = [...this.byId.keys()].sort();
      this.sortedRecords = undefined;
      this.insertedIds = [];
    } else if (this.insertedIds.length > 0) this.mergeInserted();
    return this.sortedIds;
  }

  /** Every record in id order, at the index of its id in {@link CommittedRecords.ids}: a page reads them with no look-up per record. */
  records(): readonly T[] {
    const ids = this.ids();
    this.sortedRecords ??= ids.map((id) => this.byId.get(id) as T);
    return this.sortedRecords;
  }

  /**
   * Merges the ids inserted since the last read into `sortedIds` (and their records into `sortedRecords`): one sort
   * of the new ids, then one merge from the back, in place. Only the ids after the first new one move, each once
   * (new ids after every id held, the usual case, move nothing); the arrays grow by `push`, so they stay packed (no
   * holes: they read faster on every later page). One `splice` per new id moved the tail once per id instead.
   */
  private mergeInserted(): void {
    const added = this.insertedIds.sort();
    this.insertedIds = [];
    const ids = this.sortedIds as string[];
    const records = this.sortedRecords as T[] | undefined;
    let held = ids.length - 1;
    for (const id of added) {
      ids.push(id);
      records?.push(this.byId.get(id) as T);
    }
    for (let next = added.length - 1, at = ids.length - 1; next >= 0; at--) {
      const id = added[next] as string;
      if (held >= 0 && (ids[held] as string) > id) {
        ids[at] = ids[held] as string;
        if (records !== undefined) records[at] = records[held] as T;
        held--;
      } else {
        ids[at] = id;
        if (records !== undefined) records[at] = this.byId.get(id) as T;
        next--;
      }
    }
  }

  /** Ids of the records whose `customerId` or `invoiceId` is `value`, each once (callers re-check the field). */
  indexed(field: 'customerId' | 'invoiceId', value: string): readonly string[] | undefined {
    return (field === 'customerId' ? this.byCustomer : this.byInvoice).get(value);
  }

  /** Ids a filter can narrow to through an index (each once), or `undefined` to scan all. */
  candidates(filter: RecordFilter): readonly string[] | undefined {
    if (filter.customerId !== undefined) return this.byCustomer.get(filter.customerId) ?? [];
    if (filter.invoiceId !== undefined) return this.byInvoice.get(filter.invoiceId) ?? [];
    return undefined;
  }

  private index(record: T): void {
    const { customerId, invoiceId } = record as { customerId?: string; invoiceId?: string };
    if (customerId !== undefined) addTo(this.byCustomer, customerId, record.id);
    if (invoiceId !== undefined) addTo(this.byInvoice, invoiceId, record.id);
  }

  private unindex(record: T): void {
    const { customerId, invoiceId } = record as { customerId?: string; invoiceId?: string };
    if (customerId !== undefined) removeFrom(this.byCustomer, customerId, record.id);
    if (invoiceId !== undefined) removeFrom(this.byInvoice, invoiceId, record.id);
  }
}

/** Adds `id` to the ids under `key` (the caller adds an id once: on insert, or when its record moves to `key`). */
function addTo(index: Map<string, string[]>, key: string, id: string): void {
  const ids = index.get(key);
  if (ids === undefined) index.set(key, [id]);
  else ids.push(id);
}

/** Removes `id` from the ids under `key` (a record moved away from `key`), and the key when no id is left. */
function removeFrom(index: Map<string, string[]>, key: string, id: string): void {
  const ids = index.get(key);
  if (ids === undefined) return;
  const at = ids.indexOf(id);
  if (at < 0) return;
  if (ids.length === 1) index.delete(key);
  else ids.splice(at, 1);
}

/** Appends `id` to the list under `key`, unless it is already the last one (a record written twice in a row). */
function append(index: Map<string, string[]>, key: string, id: string): void {
  const ids = index.get(key);
  if (ids === undefined) index.set(key, [id]);
  else if (ids[ids.length - 1] !== id) ids.push(id);
}

function matches(record: Versioned, filter: RecordFilter): boolean {
  const r = record as { customerId?: string; invoiceId?: string; status?: string };
  return (
    (filter.customerId === undefined || r.customerId === filter.customerId) &&
    (filter.invoiceId === undefined || r.invoiceId === filter.invoiceId) &&
    (filter.status === undefined || r.status === filter.status)
  );
}

/** A transaction's view of a collection: reads see its own writes; writes stay pending until commit. */
export class TransactionalCollection<T extends Versioned> implements Collection<T> {
  private readonly pending = new Map<string, T | typeof DELETED>();
  /**
   * Ids written in this transaction by customer, then by invoice (may hold stale entries and repeats: readers re-check
   * and deduplicate), keyed by the stored ids: no key text built and no set per write. Each is built the first time a
   * read by that field asks (most transactions write without reading back by field: no map entry or array per write),
   * then kept current by {@link TransactionalCollection.stage}.
   */
  private pendingByCustomer: Map<string, string[]> | undefined;
  private pendingByInvoice: Map<string, string[]> | undefined;
  /**
   * The committed version of each record this transaction updated, found by the update's own read when it first wrote
   * the record: the commit and the index touches use it instead of looking each written record up again (a record
   * inserted here has none).
   */
  private readonly replaced = new Map<string, T>();

  constructor(private readonly committed: CommittedRecords<T>) {}

  /** This transaction's written ids by `field` (see {@link TransactionalCollection.pendingByCustomer}), built on first use. */
  private stagedBy(field: 'customerId' | 'invoiceId'): Map<string, string[]> {
    if (field === 'customerId') return (this.pendingByCustomer ??= this.indexPending(field));
    return (this.pendingByInvoice ??= this.indexPending(field));
  }

  /** The ids of this transaction's writes by their current `field`. */
  private indexPending(field: 'customerId' | 'invoiceId'): Map<string, string[]> {
    const index = new Map<string, string[]>();
    for (const [id, record] of this.pending) {
      if (record === DELETED) continue;
      const value = (record as { customerId?: string; invoiceId?: string })[field];
      if (value !== undefined) append(index, value, id);
    }
    return index;
  }

  private current(id: string): T | undefined {
    if (this.pending.size === 0) return this.committed.byId.get(id);
    const staged = this.pending.get(id);
    if (staged === DELETED) return undefined;
    return staged ?? this.committed.byId.get(id);
  }

  async get(id: string): Promise<T | undefined> {
    const record = this.current(id);
    return record; // stored records are frozen: reads need no copy
  }

  async insert(record: T): Promise<void> {
    const existing = this.current(record.id);
    if (existing !== undefined || record.version !== 1) {
      throw new VersionConflictError(this.committed.name, record.id, 0, existing?.version ?? (record.version !== 1 ? record.version - 1 : undefined));
    }
    this.stage(record);
  }

  async getMany(ids: readonly string[]): Promise<T[]> {
    const out: T[] = [];
    // Ids already in strictly ascending order (a page's, the usual call) need no set and no sort: the same order and no repeats.
    for (const id of strictlyAscending(ids) ? ids : [...new Set(ids)].sort()) {
      const record = this.current(id);
      if (record !== undefined) out.push(record);
    }
    return out;
  }

  async listFor(field: 'customerId' | 'invoiceId', values: readonly string[]): Promise<T[]> {
    if (this.pending.size === 0) return this.committedListFor(field, values);
    // One walk over the field's index (committed and staged ids), one sort: no per-value list, no full scan.
    const ids = new Set<string>();
    const pendingByField = this.pending.size === 0 ? undefined : this.stagedBy(field);
    for (const value of values) {
      const committed = this.committed.indexed(field, value);
      if (committed) for (const id of committed) ids.add(id);
      const staged = pendingByField === undefined || pendingByField.size === 0 ? undefined : pendingByField.get(value);
      if (staged) for (const id of staged) ids.add(id);
    }
    if (ids.size === 0) return []; // nothing indexed: no set of the values, no sort (a read-only page's usual answer)
    const wanted = values.length === 1 ? undefined : new Set(values);
    const out: T[] = [];
    for (const id of [...ids].sort()) {
      const record = this.current(id);
      if (record === undefined) continue;
      const value = (record as { customerId?: string; invoiceId?: string })[field];
      if (value !== undefined && (wanted === undefined ? value === values[0] : wanted.has(value))) out.push(record);
    }
    return out;
  }

  /**
   * {@link TransactionalCollection.listFor} when this transaction wrote nothing here: the committed index is exact (each
   * id under a value is a record with that value, once), so the ids are gathered into one array and sorted, and a
   * repeat (a value given twice) is skipped as a neighbour: no set of ids, no set of the values, no field re-checked.
   */
  private committedListFor(field: 'customerId' | 'invoiceId', values: readonly string[]): T[] {
    const ids: string[] = [];
    for (const value of values) {
      const indexed = this.committed.indexed(field, value);
      if (indexed !== undefined) for (let i = 0; i < indexed.length; i++) ids.push(indexed[i] as string);
    }
    if (ids.length === 0) return [];
    ids.sort();
    const { byId } = this.committed;
    const out: T[] = [];
    let last: string | undefined;
    for (const id of ids) {
      if (id === last) continue;
      last = id;
      out.push(byId.get(id) as T);
    }
    return out;
  }

  async insertMany(records: readonly T[]): Promise<void> {
    const seen = new Set<string>();
    for (const record of records) {
      const existing = this.current(record.id);
      if (existing !== undefined || record.version !== 1 || seen.has(record.id)) {
        throw new VersionConflictError(this.committed.name, record.id, 0, existing?.version ?? (record.version !== 1 ? record.version - 1 : 1));
      }
      seen.add(record.id);
    }
    for (const record of records) this.stage(record);
  }

  async updateMany(records: readonly T[]): Promise<void> {
    const seen = new Set<string>();
    // The versions each record replaces, read once: checked all first (none written on a conflict), then staged.
    const replaced: T[] = [];
    for (const record of records) {
      const existing = this.current(record.id);
      if (existing === undefined || existing.version !== record.version - 1 || seen.has(record.id)) {
        throw new VersionConflictError(this.committed.name, record.id, record.version - 1, existing?.version);
      }
      seen.add(record.id);
      replaced.push(existing);
    }
    for (let i = 0; i < records.length; i++) this.stage(records[i] as T, replaced[i] as T);
  }

  /**
   * Keeps `record` (frozen) as this transaction's version; `existing` is the version it replaces, whose parts it may
   * share (not walked again; else the collection's last frozen record). When the transaction had not written the
   * record yet, `existing` is the committed version: kept in {@link TransactionalCollection.replaced}.
   */
  private stage(record: T, existing?: T): void {
    const stored = frozenCopy(record, existing ?? this.committed.lastFrozen);
    this.committed.lastFrozen = stored;
    if (existing !== undefined && (this.pending.size === 0 || !this.pending.has(record.id))) this.replaced.set(record.id, existing);
    this.pending.set(record.id, stored);
    const { customerId, invoiceId } = stored as { customerId?: string; invoiceId?: string };
    if (customerId !== undefined && this.pendingByCustomer !== undefined) append(this.pendingByCustomer, customerId, record.id);
    if (invoiceId !== undefined && this.pendingByInvoice !== undefined) append(this.pendingByInvoice, invoiceId, record.id);
  }

  async update(record: T): Promise<void> {
    const existing = this.current(record.id);
    if (existing === undefined || existing.version !== record.version - 1) {
      throw new VersionConflictError(this.committed.name, record.id, record.version - 1, existing?.version);
    }
    this.stage(record, existing);
  }

  async list(filter: RecordFilter = {}): Promise<T[]> {
    const indexed = this.committed.candidates(filter);
    let ids: string[];
    // Nothing written here in this transaction and an index to narrow by (the usual read): the index's ids as they are (each once: no repeats).
    if (indexed !== undefined && this.pending.size === 0) ids = [...indexed];
    else {
      const all = new Set(indexed ?? this.committed.byId.keys());
      const staged = indexed === undefined ? this.pending.keys() : ((filter.customerId !== undefined ? this.stagedBy('customerId').get(filter.customerId) : this.stagedBy('invoiceId').get(filter.invoiceId ?? '')) ?? []);
      for (const id of staged) all.add(id);
      ids = [...all];
    }
    const out: T[] = [];
    for (const id of ids.sort()) {
      const record = this.current(id);
      if (record !== undefined && matches(record, filter)) out.push(record);
    }
    return out;
  }

  async page(limit: number, after?: string, share?: Share): Promise<T[]> {
    if (this.pending.size === 0) return this.committedPage(limit, after, share);
    const committedIds = this.committed.ids();
    let index = after === undefined ? 0 : upperBound(committedIds, after);
    const staged = [...this.pending.keys()].filter((id) => !this.committed.byId.has(id) && (after === undefined || id > after)).sort();
    const out: T[] = [];
    let s = 0;
    while (out.length < limit && (index < committedIds.length || s < staged.length)) {
      const fromCommitted = committedIds[index];
      const fromStaged = staged[s];
      let id: string;
      if (fromStaged === undefined || (fromCommitted !== undefined && fromCommitted < fromStaged)) {
        id = fromCommitted as string;
        index++;
      } else {
        id = fromStaged;
        s++;
      }
      const record = this.current(id);
      if (record !== undefined && (share === undefined || inShare(customerOf(record as { id: string; customerId?: string }), share))) out.push(record);
    }
    return out;
  }

  /** {@link TransactionalCollection.page} when this transaction wrote nothing here: the committed records in id order, no look-up per record. */
  private committedPage(limit: number, after: string | undefined, share: Share | undefined): T[] {
    const ids = this.committed.ids();
    const records = this.committed.records();
    const out: T[] = [];
    for (let i = after === undefined ? 0 : upperBound(ids, after); i < records.length && out.length < limit; i++) {
      const record = records[i] as T;
      if (share === undefined || inShare(customerOf(record as { id: string; customerId?: string }), share)) out.push(record);
    }
    return out;
  }

  /**
   * Calls `touch` with the customer of every record this transaction wrote (and its former customer, when that changed),
   * except updates `wakes` says cannot wake it (the wake index's per-collection rule; every write wakes without one).
   */
  touches(touch: (customerId: string) => void, wakes?: (before: T, after: T) => boolean): void {
    for (const [id, record] of this.pending) {
      const before = this.before(id, record);
      const was = before === undefined ? undefined : customerOf(before as { id: string; customerId?: string });
      if (before !== undefined && record !== DELETED && wakes !== undefined && !wakes(before, record)) continue;
      if (record !== DELETED) {
        const now = customerOf(record as { id: string; customerId?: string });
        touch(now);
        if (was !== undefined && was !== now) touch(was);
      } else if (was !== undefined) touch(was);
    }
  }

  /** The committed version a written record replaces (none for an insert): known from the write, no look-up. */
  private before(id: string, record: T | typeof DELETED): T | undefined {
    return record === DELETED ? this.committed.byId.get(id) : this.replaced.get(id);
  }

  /** Applies the pending writes to the committed records. */
  commit(): void {
    for (const [id, record] of this.pending) {
      if (record === DELETED) this.committed.remove(id);
      else this.committed.write(record, this.replaced.get(id));
    }
  }
}

/** Whether every id is greater than the one before it (sorted as `Array.prototype.sort` sorts strings, with no repeats). */
function strictlyAscending(ids: readonly string[]): boolean {
  for (let i = 1; i < ids.length; i++) if (!((ids[i - 1] as string) < (ids[i] as string))) return false;
  return true;
}

/** The index of the first element greater than `value` in a sorted array (keyset pagination after an id). */
export function upperBound(sorted: readonly string[], value: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as string) <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
