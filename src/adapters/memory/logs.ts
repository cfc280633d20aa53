import type { ActionLogEntry, AuditEntry, IdempotencyRecord, OutboxEffect } from '../../ports/records.js';
import type { ActionLog, AuditLog, ClaimRequest, EffectOutcome, EffectSettlement, IdempotencyKeys, Outbox, PendingCounts, PendingCountRequest, StoreTransaction } from '../../ports/store.js';
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
  /** The same slots by the effect's key (a slot, not an id: `byKey` is one look-up). */
  readonly outboxKeys = new Map<string, OutboxSlot>();
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

  /** Writes an effect (a new one, or a new version of one) given without its slot (a snapshot being loaded): one look-up by id. */
  putEffect(effect: OutboxEffect): void {
    const slot = this.outbox.get(effect.id);
    if (slot === undefined) this.insertSlot({ effect, order: this.outbox.size });
    else this.replaceEffect(slot, effect);
  }

  /**
   * Stores a new effect's slot, whose `order` is the next position (`outbox.size`): two writes (by id, by key), no
   * look-up (the transaction that enqueued it checked both were free). An effect's key never changes: indexed once.
   */
  insertSlot(slot: OutboxSlot): void {
    const { effect } = slot;
    this.outbox.set(effect.id, slot);
    this.outboxKeys.set(effect.key, slot);
    this.pendingChanged(slot, false);
  }

  /** Puts a new version of a committed effect into its slot (the one a transaction found it in): no look-up by id. */
  replaceEffect(slot: OutboxSlot, effect: OutboxEffect): void {
    const was = slot.effect.status === 'pending';
    slot.effect = effect;
    this.pendingChanged(slot, was);
  }

  /** Tells the pending queues and the `notBefore` set about a slot's new version (`was`: whether the old one was pending). */
  private pendingChanged(slot: OutboxSlot, was: boolean): void {
    const { effect } = slot;
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

/** Whether a field is one a settle replaces or clears (see `Outbox.settle`). */
const settledField = (key: string): boolean => key === 'doneAt' || key === 'lastError' || key === 'claimedBy' || key === 'claimedUntil';

/**
 * A stored (deeply frozen) effect settled with `outcome`: its fields in their order but the status fields and the
 * claim, then the outcome's (but its `owner`), frozen: shallowly when those are primitives (an outcome's status,
 * attempts, texts), so the payload is not walked again; deeply otherwise. One copy in two loops, not a rest copy of
 * the effect and of the outcome followed by an `Object.assign` of both (about a third less a settle).
 */
function settledEffect(stored: OutboxEffect, outcome: EffectOutcome): OutboxEffect {
  const effect: Record<string, unknown> = {};
  const from = stored as unknown as Record<string, unknown>;
  for (const key in from) if (!settledField(key)) effect[key] = from[key];
  let plain = true;
  const fields = outcome as unknown as Record<string, unknown>;
  for (const key in fields) {
    if (key === 'owner') continue;
    const value = fields[key];
    if (value !== null && typeof value === 'object') plain = false;
    effect[key] = value;
  }
  return plain ? (Object.freeze(effect) as unknown as OutboxEffect) : frozenCopy(effect as unknown as OutboxEffect);
}

/**
 * An effect a transaction wrote: its version there and the slot the commit puts it in, so neither the commit nor a
 * later write in the transaction looks the effect up by id again.
 */
interface StagedEffect {
  /** The transaction's version of the effect. */
  effect: OutboxEffect;
  /**
   * The committed slot it replaces, or, for an effect the transaction enqueued, the new slot the commit stores (its
   * `order` already the position the commit gives it: the committed count plus the effects enqueued before it).
   */
  readonly slot: OutboxSlot;
  /** Whether the transaction enqueued it (`slot` is new). */
  readonly added: boolean;
}

/** A transaction's view of the logs: its own writes are visible to it and applied only on commit. */
export class TransactionalLogs {
  private readonly actions = new Map<string, ActionLogEntry>();
  /** This transaction's entries by invoice, built the first time a read asks (most transactions record without reading back). */
  private actionsByInvoice: Map<string, ActionLogEntry[]> | undefined;
  /** The effects this transaction wrote (enqueued, claimed, settled), by id, in the order first written. */
  private readonly effects = new Map<string, StagedEffect>();
  /** The effects this transaction enqueued, by key. */
  private readonly effectKeys = new Map<string, StagedEffect>();
  /** The effects this transaction enqueued, in enqueue order. */
  private readonly added: StagedEffect[] = [];
  private readonly auditEntries: AuditEntry[] = [];
  private readonly answers = new Map<string, IdempotencyRecord>();

  constructor(private readonly committed: CommittedLogs) {}

  /** What this transaction wrote of an effect, if anything (no look-up when it wrote none). */
  private staged(id: string): StagedEffect | undefined {
    return this.effects.size === 0 ? undefined : this.effects.get(id);
  }

  /** The slot of an effect: this transaction's (one it enqueued or wrote), else the committed one (one look-up by id). */
  private slotOf(id: string): OutboxSlot | undefined {
    return this.staged(id)?.slot ?? this.committed.outbox.get(id);
  }

  /** The current version of an effect met in a slot: this transaction's, else the slot's (no look-up when it wrote none). */
  private current(slot: OutboxSlot): OutboxEffect {
    return this.staged(slot.effect.id)?.effect ?? slot.effect;
  }

  /** Keeps `effect` as this transaction's version of the effect in `slot` (a committed slot, or one it enqueued). */
  private write(slot: OutboxSlot, effect: OutboxEffect): void {
    const staged = this.staged(effect.id);
    if (staged !== undefined) staged.effect = effect;
    else this.effects.set(effect.id, { effect, slot, added: false });
  }

  /** Pending effects' slots in enqueue order, after the `after` cursor (a seek, not a scan from the head): committed ones first, then this transaction's new ones. */
  private *pendingAfter(after: string | undefined, kinds?: ReadonlySet<string>): Generator<OutboxSlot> {
    const { committed } = this;
    // A cursor this store never stored: after the committed effects (as before: the committed count minus one).
    const from = after === undefined ? -1 : (this.slotOf(after)?.order ?? committed.outbox.size - 1);
    for (const slot of kinds === undefined ? committed.pendingOutbox.after(from) : committed.pendingOfKinds(kinds, from)) {
      if (this.current(slot).status === 'pending') yield slot;
    }
    for (const { slot, effect } of this.added) {
      if (slot.order <= from) continue;
      if (effect.status === 'pending' && (kinds === undefined || kinds.has(effect.kind))) yield slot;
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

  /**
   * {@link Outbox.enqueue}, synchronous: `enqueueMany` loops over it with no promise per effect. The effect gets its
   * slot now (with the position the commit gives it), so the commit stores it with no look-up.
   */
  private enqueueEffect(effect: OutboxEffect): boolean {
    if (this.effectKeys.has(effect.key) || this.committed.outboxKeys.has(effect.key) || this.slotOf(effect.id) !== undefined) return false;
    const stored = frozenCopy(effect);
    const staged: StagedEffect = { effect: stored, slot: { effect: stored, order: this.committed.outbox.size + this.added.length }, added: true };
    this.effects.set(effect.id, staged);
    this.effectKeys.set(effect.key, staged);
    this.added.push(staged);
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
    for (const slot of this.pendingAfter(after, wanted)) {
      if (claimed.length >= limit) break;
      const effect = this.current(slot);
      if (!claimable(effect)) continue;
      if (effect.claimedBy === owner && effect.claimedUntil === until) {
        // Held already on these very terms (enqueued claimed by the worker that claims it now): nothing to write.
        claimed.push(effect);
        continue;
      }
      // The stored effect is frozen all the way down and the claim's fields are strings: a shallow freeze keeps the copy immutable (no walk of the payload).
      const held = Object.freeze({ ...effect, claimedBy: owner, claimedUntil: until });
      this.write(slot, held);
      claimed.push(held);
    }
    return claimed;
  }

  /** {@link Outbox.countPending}: the committed counts, corrected by the effects this transaction wrote. */
  private countPending({ kinds, now }: PendingCountRequest): PendingCounts {
    const wanted = new Set(kinds);
    const at = Date.parse(now);
    const counts = this.committed.countPending(wanted, at);
    for (const { effect, slot, added } of this.effects.values()) {
      const was = added ? undefined : pendingClass(slot.effect, wanted, at);
      const is = pendingClass(effect, wanted, at);
      if (was !== undefined) counts[was]--;
      if (is !== undefined) counts[is]++;
    }
    return counts;
  }

  /** {@link Outbox.settle}, synchronous, of the effect in `slot` (found by the caller: `settleMany` looks each id up once). */
  private settleEffect(slot: OutboxSlot, outcome: EffectOutcome): boolean {
    const effect = this.current(slot);
    const { owner } = outcome;
    if (owner !== undefined && (effect.status !== 'pending' || effect.claimedBy !== owner)) return false;
    this.write(slot, settledEffect(effect, outcome));
    return true;
  }

  /** The slot of a stored effect, or the error `settle` throws for an id not stored. */
  private settleSlot(id: string): OutboxSlot {
    const slot = this.slotOf(id);
    if (slot === undefined) throw new Error(`outbox: no effect ${id}`);
    return slot;
  }

  private outboxView(): Outbox {
    const { committed } = this;
    const view: Outbox = {
      enqueue: async (effect) => this.enqueueEffect(effect),
      pending: async (limit, after) => {
        const out: OutboxEffect[] = [];
        for (const slot of this.pendingAfter(after)) {
          if (out.length >= limit) break;
          out.push(this.current(slot));
        }
        return out;
      },
      claim: async (request) => this.claim(request),
      settle: async (id, outcome) => this.settleEffect(this.settleSlot(id), outcome),
      settleMany: async (settlements) => {
        // Every id checked (none twice, each stored) before anything is settled; each looked up once, its slot kept for the settle.
        const ids = new Set<string>();
        const slots: OutboxSlot[] = [];
        for (const { id } of settlements) {
          if (ids.has(id)) throw new RangeError(`outbox: effect ${id} given twice to settleMany`);
          slots.push(this.settleSlot(id));
          ids.add(id);
        }
        const settled = new Set<string>();
        for (let i = 0; i < settlements.length; i++) {
          const { id, outcome } = settlements[i] as EffectSettlement;
          if (this.settleEffect(slots[i] as OutboxSlot, outcome)) settled.add(id);
        }
        return settled;
      },
      countPending: async (request) => this.countPending(request),
      byKey: async (key) => {
        const staged = this.effectKeys.get(key);
        if (staged !== undefined) return staged.effect;
        const slot = committed.outboxKeys.get(key);
        return slot === undefined ? undefined : this.current(slot);
      },
      all: async () => {
        const out: OutboxEffect[] = [];
        for (const slot of committed.outbox.values()) out.push(this.current(slot));
        for (const { effect } of this.added) out.push(effect);
        return out;
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
    // Each effect goes into the slot found or made when it was written: no look-up by id here.
    for (const staged of this.effects.values()) {
      if (!staged.added) this.committed.replaceEffect(staged.slot, staged.effect);
      else {
        staged.slot.effect = staged.effect;
        this.committed.insertSlot(staged.slot);
      }
    }
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
