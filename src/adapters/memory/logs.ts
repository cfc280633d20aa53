import type { ActionLogEntry, AuditEntry, IdempotencyRecord, OutboxEffect } from '../../ports/records.js';
import type { ActionLog, AuditLog, ClaimRequest, EffectOutcome, IdempotencyKeys, Outbox, PendingCounts, PendingCountRequest, StoreTransaction } from '../../ports/store.js';
import { frozenCopy } from './collection.js';
import { PendingQueue } from './pending-queue.js';

/** A committed outbox effect with its enqueue position: the pending queues hold these, so a read looks nothing up. */
export interface OutboxSlot {
  /** The effect's current version. */
  effect: OutboxEffect;
  /** Its enqueue position (fixed once enqueued). */
  readonly order: number;
}

/** Whether a slot's effect is pending. */
const isPendingSlot = (slot: OutboxSlot): boolean => slot.effect.status === 'pending';

/** The committed logs of a memory store. Entries are never mutated in place (a settled effect is replaced). */
export class CommittedLogs {
  readonly actionLog = new Map<string, ActionLogEntry>();
  /** Each invoice's entries in the order recorded (entries are never replaced: no look-up by key when read). */
  readonly actionsByInvoice = new Map<string, ActionLogEntry[]>();
  /** Every effect by id, with its enqueue position. */
  readonly outbox = new Map<string, OutboxSlot>();
  readonly outboxKeys = new Map<string, string>();
  /** The pending effects, in enqueue order, with a seek past a cursor. */
  readonly pendingOutbox = new PendingQueue<OutboxSlot>(isPendingSlot);
  /** The same, one queue per effect kind: a claim for some kinds never walks past effects of the others (those waiting for the host). */
  readonly pendingByKind = new Map<string, PendingQueue<OutboxSlot>>();
  /** Ids of pending effects with a `notBefore` (the only ones that can be scheduled): counted without walking the queues. */
  readonly pendingWithNotBefore = new Set<string>();
  readonly audit: AuditEntry[] = [];
  /**
   * Positions in `audit` by subject type, then subject id (two look-ups of stored strings: no key text built per entry),
   * for the entries before `auditIndexed`: brought up to date by the first read after appends (a daily cycle appends
   * about five lines per invoice and reads none back, so it never pays for the index).
   */
  private readonly auditBySubject = new Map<string, Map<string, number[]>>();
  /** How many entries of `audit` are in `auditBySubject`. */
  private auditIndexed = 0;
  readonly idempotency = new Map<string, IdempotencyRecord>();

  /** The committed version of an effect. */
  effect(id: string): OutboxEffect | undefined {
    return this.outbox.get(id)?.effect;
  }

  addAction(entry: ActionLogEntry): void {
    this.actionLog.set(entry.key, entry);
    const entries = this.actionsByInvoice.get(entry.invoiceId);
    if (entries === undefined) this.actionsByInvoice.set(entry.invoiceId, [entry]);
    else entries.push(entry);
  }

  /** Writes an effect (a new one, or a new version of one): one look-up by id, the queues told only when it becomes or stops being pending. */
  putEffect(effect: OutboxEffect): void {
    let slot = this.outbox.get(effect.id);
    let was = false;
    if (slot === undefined) {
      slot = { effect, order: this.outbox.size };
      this.outbox.set(effect.id, slot);
      // An effect's key never changes once enqueued: indexed once.
      this.outboxKeys.set(effect.key, effect.id);
    } else {
      was = slot.effect.status === 'pending';
      slot.effect = effect;
    }
    const is = effect.status === 'pending';
    if (is && effect.notBefore !== undefined) this.pendingWithNotBefore.add(effect.id);
    else if (this.pendingWithNotBefore.size > 0) this.pendingWithNotBefore.delete(effect.id);
    if (is === was) return;
    let byKind = this.pendingByKind.get(effect.kind);
    if (byKind === undefined) {
      byKind = new PendingQueue<OutboxSlot>(isPendingSlot);
      this.pendingByKind.set(effect.kind, byKind);
    }
    if (is) {
      this.pendingOutbox.add(slot);
      byKind.add(slot);
    } else {
      this.pendingOutbox.delete();
      byKind.delete();
    }
  }

  /** Ids of pending effects of these kinds enqueued after position `order`, in enqueue order (a merge of the kinds' queues). */
  *pendingOfKinds(kinds: ReadonlySet<string>, order: number): Generator<OutboxSlot> {
    const heads: { slot: OutboxSlot; order: number; rest: Generator<OutboxSlot> }[] = [];
    const advance = (rest: Generator<OutboxSlot>): void => {
      const next = rest.next();
      if (next.done !== true) heads.push({ slot: next.value, order: next.value.order, rest });
    };
    for (const kind of kinds) {
      const queue = this.pendingByKind.get(kind);
      if (queue) advance(queue.after(order));
    }
    while (heads.length > 0) {
      let min = 0;
      for (let i = 1; i < heads.length; i++) if ((heads[i] as { order: number }).order < (heads[min] as { order: number }).order) min = i;
      const head = heads.splice(min, 1)[0] as { slot: OutboxSlot; rest: Generator<OutboxSlot> };
      yield head.slot;
      advance(head.rest);
    }
  }

  /** Committed pending effects waiting for the host (of none of `kinds`) and scheduled after `at` (of `kinds`): queue sizes and the few effects with a `notBefore`, never the whole queue. */
  countPending(kinds: ReadonlySet<string>, at: number): { awaitingHost: number; scheduled: number } {
    let awaitingHost = 0;
    for (const [kind, queue] of this.pendingByKind) if (!kinds.has(kind)) awaitingHost += queue.size;
    let scheduled = 0;
    for (const id of this.pendingWithNotBefore) {
      const effect = this.effect(id);
      if (effect !== undefined && pendingClass(effect, kinds, at) === 'scheduled') scheduled++;
    }
    return { awaitingHost, scheduled };
  }

  addAudit(entry: AuditEntry): void {
    this.audit.push(entry);
  }

  /** The committed entries about one subject, in the order appended (the index first catches up with the entries appended since the last read). */
  auditFor(subjectType: string, subjectId: string): AuditEntry[] {
    for (; this.auditIndexed < this.audit.length; this.auditIndexed++) {
      const entry = this.audit[this.auditIndexed] as AuditEntry;
      let byId = this.auditBySubject.get(entry.subjectType);
      if (byId === undefined) {
        byId = new Map();
        this.auditBySubject.set(entry.subjectType, byId);
      }
      const positions = byId.get(entry.subjectId);
      if (positions === undefined) byId.set(entry.subjectId, [this.auditIndexed]);
      else positions.push(this.auditIndexed);
    }
    return (this.auditBySubject.get(subjectType)?.get(subjectId) ?? []).map((i) => this.audit[i] as AuditEntry);
  }
}

/** Why a pending effect cannot be claimed by a worker performing `kinds` at `at`, if it cannot (see `Outbox.countPending`). */
function pendingClass(effect: OutboxEffect, kinds: ReadonlySet<string>, at: number): 'awaitingHost' | 'scheduled' | undefined {
  if (effect.status !== 'pending') return undefined;
  if (!kinds.has(effect.kind)) return 'awaitingHost';
  return effect.notBefore !== undefined && Date.parse(effect.notBefore) > at ? 'scheduled' : undefined;
}

/**
 * A stored (deeply frozen) effect with some fields replaced, frozen: shallowly
 * when the new fields are primitives (an outcome's status, attempts, texts),
 * so the payload is not walked again; deeply otherwise.
 */
function withFields(stored: Omit<OutboxEffect, 'doneAt' | 'lastError' | 'claimedBy' | 'claimedUntil'>, fields: Partial<OutboxEffect>): OutboxEffect {
  // Object.assign, not `{ ...stored, ...fields }`: on Node 20 a spread of an unfrozen object (`stored` is a rest copy) followed by more fields takes V8's slow path (~5 µs a settle).
  const effect = Object.assign({}, stored, fields) as OutboxEffect;
  for (const key in fields) {
    const value = (fields as Record<string, unknown>)[key];
    if (value !== null && typeof value === 'object') return frozenCopy(effect);
  }
  return Object.freeze(effect);
}

/** A transaction's view of the logs: its own writes are visible to it and applied only on commit. */
export class TransactionalLogs {
  private readonly actions = new Map<string, ActionLogEntry>();
  /** This transaction's entries by invoice, built the first time a read asks (most transactions record without reading back). */
  private actionsByInvoice: Map<string, ActionLogEntry[]> | undefined;
  private readonly effects = new Map<string, OutboxEffect>();
  private readonly effectKeys = new Map<string, string>();
  private readonly auditEntries: AuditEntry[] = [];
  private readonly answers = new Map<string, IdempotencyRecord>();

  constructor(private readonly committed: CommittedLogs) {}

  private effect(id: string): OutboxEffect | undefined {
    return (this.effects.size === 0 ? undefined : this.effects.get(id)) ?? this.committed.effect(id);
  }

  /** The current version of a committed effect met in a queue: this transaction's, else the slot's (no look-up when it wrote none). */
  private current(slot: OutboxSlot): OutboxEffect {
    return this.effects.size === 0 ? slot.effect : (this.effects.get(slot.effect.id) ?? slot.effect);
  }

  /** Pending effects in enqueue order, after the `after` cursor (a seek, not a scan from the head): committed ones first, then this transaction's new ones. */
  private *pendingAfter(after: string | undefined, kinds?: ReadonlySet<string>): Generator<OutboxEffect> {
    const { committed } = this;
    const added = [...this.effectKeys.values()];
    const orderOf = (id: string): number => committed.outbox.get(id)?.order ?? committed.outbox.size + added.indexOf(id);
    const from = after === undefined ? -1 : orderOf(after);
    for (const slot of kinds === undefined ? committed.pendingOutbox.after(from) : committed.pendingOfKinds(kinds, from)) {
      const effect = this.current(slot);
      if (effect.status === 'pending') yield effect;
    }
    for (const [index, id] of added.entries()) {
      if (committed.outbox.size + index <= from) continue;
      const effect = this.effect(id);
      if (effect?.status === 'pending' && (kinds === undefined || kinds.has(effect.kind))) yield effect;
    }
  }

  /** The transaction's views of the four logs (each built by its own method below). */
  views(): Pick<StoreTransaction, 'actionLog' | 'outbox' | 'audit' | 'idempotency'> {
    return { actionLog: this.actionLogView(), outbox: this.outboxView(), audit: this.auditView(), idempotency: this.idempotencyView() };
  }

  private hasAction(key: string): boolean {
    return this.actions.has(key) || this.committed.actionLog.has(key);
  }

  private actionsFor(invoiceId: string): ActionLogEntry[] {
    const out: ActionLogEntry[] = [];
    this.collectActions(invoiceId, out);
    return out;
  }

  /** Appends an invoice's entries (committed first, then this transaction's) to `out`: no intermediate arrays. */
  private collectActions(invoiceId: string, out: ActionLogEntry[]): void {
    const committed = this.committed.actionsByInvoice.get(invoiceId);
    if (committed !== undefined) for (const entry of committed) out.push(entry);
    if (this.actions.size === 0) return;
    const staged = this.stagedByInvoice().get(invoiceId);
    if (staged !== undefined) for (const entry of staged) out.push(entry);
  }

  /** This transaction's entries by invoice (built on first use, then kept current by {@link TransactionalLogs.recordAction}). */
  private stagedByInvoice(): Map<string, ActionLogEntry[]> {
    if (this.actionsByInvoice === undefined) {
      this.actionsByInvoice = new Map();
      for (const entry of this.actions.values()) addTo(this.actionsByInvoice, entry.invoiceId, entry);
    }
    return this.actionsByInvoice;
  }

  /** {@link ActionLog.record}, synchronous: `recordMany` loops over it with no promise per entry. */
  private recordAction(entry: ActionLogEntry): boolean {
    if (this.hasAction(entry.key)) return false;
    const stored = frozenCopy(entry);
    this.actions.set(entry.key, stored);
    if (this.actionsByInvoice !== undefined) addTo(this.actionsByInvoice, entry.invoiceId, stored);
    return true;
  }

  /** {@link Outbox.enqueue}, synchronous: `enqueueMany` loops over it with no promise per effect. */
  private enqueueEffect(effect: OutboxEffect): boolean {
    if (this.effectKeys.has(effect.key) || this.committed.outboxKeys.has(effect.key) || this.effect(effect.id)) return false;
    this.effects.set(effect.id, frozenCopy(effect));
    this.effectKeys.set(effect.key, effect.id);
    return true;
  }

  private actionLogView(): ActionLog {
    return {
      has: async (key) => this.hasAction(key),
      hasMany: async (keys) => new Set(keys.filter((key) => this.hasAction(key))),
      record: async (entry) => this.recordAction(entry),
      forInvoice: async (invoiceId) => this.actionsFor(invoiceId),
      forInvoices: async (invoiceIds) => {
        const out: ActionLogEntry[] = [];
        for (const id of new Set(invoiceIds)) this.collectActions(id, out);
        return out;
      },
      recordMany: async (entries) => {
        const recorded = new Set<string>();
        for (const entry of entries) if (this.recordAction(entry)) recorded.add(entry.key);
        return recorded;
      },
    };
  }

  /** Claims up to `limit` due, unheld effects of the wanted kinds for `owner` (see `Outbox.claim`). */
  private claim({ owner, now, until, limit, after, kinds }: ClaimRequest): OutboxEffect[] {
    const at = Date.parse(now);
    const wanted = kinds === undefined ? undefined : new Set(kinds);
    const claimable = (effect: OutboxEffect): boolean =>
      effect.status === 'pending' &&
      (wanted === undefined || wanted.has(effect.kind)) &&
      (effect.notBefore === undefined || Date.parse(effect.notBefore) <= at) &&
      (effect.claimedBy === undefined || effect.claimedBy === owner || effect.claimedUntil === undefined || Date.parse(effect.claimedUntil) <= at);
    const claimed: OutboxEffect[] = [];
    for (const effect of this.pendingAfter(after, wanted)) {
      if (claimed.length >= limit) break;
      if (!claimable(effect)) continue;
      // The stored effect is frozen all the way down and the claim's fields are strings: a shallow freeze keeps the copy immutable (no walk of the payload).
      const held = Object.freeze({ ...effect, claimedBy: owner, claimedUntil: until });
      this.effects.set(effect.id, held);
      claimed.push(held);
    }
    return claimed;
  }

  /** {@link Outbox.countPending}: the committed counts, corrected by the effects this transaction wrote. */
  private countPending({ kinds, now }: PendingCountRequest): PendingCounts {
    const wanted = new Set(kinds);
    const at = Date.parse(now);
    const counts = this.committed.countPending(wanted, at);
    for (const [id, effect] of this.effects) {
      const before = this.committed.effect(id);
      const was = before === undefined ? undefined : pendingClass(before, wanted, at);
      const is = pendingClass(effect, wanted, at);
      if (was !== undefined) counts[was]--;
      if (is !== undefined) counts[is]++;
    }
    return counts;
  }

  /** {@link Outbox.settle}, synchronous: `settleMany` loops over it with no promise per effect. */
  private settleEffect(id: string, { owner, ...outcome }: EffectOutcome): boolean {
    const effect = this.effect(id);
    if (!effect) throw new Error(`outbox: no effect ${id}`);
    if (owner !== undefined && (effect.status !== 'pending' || effect.claimedBy !== owner)) return false;
    const { doneAt: _doneAt, lastError: _lastError, claimedBy: _claimedBy, claimedUntil: _claimedUntil, ...rest } = effect;
    this.effects.set(id, withFields(rest, outcome));
    return true;
  }

  private outboxView(): Outbox {
    const { committed } = this;
    const view: Outbox = {
      enqueue: async (effect) => this.enqueueEffect(effect),
      pending: async (limit, after) => {
        const out: OutboxEffect[] = [];
        for (const effect of this.pendingAfter(after)) {
          if (out.length >= limit) break;
          out.push(effect);
        }
        return out;
      },
      claim: async (request) => this.claim(request),
      settle: async (id, outcome) => this.settleEffect(id, outcome),
      settleMany: async (settlements) => {
        const ids = new Set<string>();
        for (const { id } of settlements) {
          if (ids.has(id)) throw new RangeError(`outbox: effect ${id} given twice to settleMany`);
          if (!this.effect(id)) throw new Error(`outbox: no effect ${id}`);
          ids.add(id);
        }
        const settled = new Set<string>();
        for (const { id, outcome } of settlements) if (this.settleEffect(id, outcome)) settled.add(id);
        return settled;
      },
      countPending: async (request) => this.countPending(request),
      byKey: async (key) => {
        const id = this.effectKeys.get(key) ?? committed.outboxKeys.get(key);
        return id === undefined ? undefined : this.effect(id);
      },
      all: async () => {
        const ids = [...committed.outbox.keys(), ...[...this.effects.keys()].filter((id) => !committed.outbox.has(id))];
        return ids.map((id) => this.effect(id)).filter((e): e is OutboxEffect => e !== undefined);
      },
      enqueueMany: async (effects) => {
        const added = new Set<string>();
        for (const effect of effects) if (this.enqueueEffect(effect)) added.add(effect.id);
        return added;
      },
    };
    return view;
  }

  private auditView(): AuditLog {
    const { committed } = this;
    return {
      append: async (entry) => {
        this.auditEntries.push(frozenCopy(entry));
      },
      appendMany: async (entries) => {
        for (const entry of entries) this.auditEntries.push(frozenCopy(entry));
      },
      forSubject: async (subjectType, subjectId) => [...committed.auditFor(subjectType, subjectId), ...this.auditEntries.filter((e) => e.subjectType === subjectType && e.subjectId === subjectId)],
    };
  }

  private idempotencyView(): IdempotencyKeys {
    const { committed } = this;
    return {
      get: async (key) => this.answers.get(key) ?? committed.idempotency.get(key),
      put: async (record) => {
        if (this.answers.has(record.key) || committed.idempotency.has(record.key)) return false;
        this.answers.set(record.key, frozenCopy(record));
        return true;
      },
    };
  }

  /** Applies this transaction's log writes. */
  commit(): void {
    for (const entry of this.actions.values()) this.committed.addAction(entry);
    for (const effect of this.effects.values()) this.committed.putEffect(effect);
    for (const entry of this.auditEntries) this.committed.addAudit(entry);
    for (const [key, record] of this.answers) this.committed.idempotency.set(key, record);
  }
}

/** Appends `value` to the list under `key`. */
function addTo<T>(index: Map<string, T[]>, key: string, value: T): void {
  const list = index.get(key);
  if (list === undefined) index.set(key, [value]);
  else list.push(value);
}
