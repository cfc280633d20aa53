import type { ActionLogEntry, AuditEntry, IdempotencyRecord, OutboxEffect } from '../../ports/records.js';
import type { ActionLog, AuditLog, ClaimRequest, IdempotencyKeys, Outbox, PendingCounts, PendingCountRequest, StoreTransaction } from '../../ports/store.js';
import { frozenCopy } from './collection.js';
import { PendingQueue } from './pending-queue.js';

/** The committed logs of a memory store. Entries are never mutated in place (a settled effect is replaced). */
export class CommittedLogs {
  readonly actionLog = new Map<string, ActionLogEntry>();
  readonly actionsByInvoice = new Map<string, string[]>();
  readonly outbox = new Map<string, OutboxEffect>();
  readonly outboxKeys = new Map<string, string>();
  /** Enqueue order of every effect id. */
  readonly outboxOrder = new Map<string, number>();
  /** Ids of effects still pending, in enqueue order, with a seek past a cursor. */
  readonly pendingOutbox = new PendingQueue((id) => this.outboxOrder.get(id) ?? Number.MAX_SAFE_INTEGER);
  /** The same, one queue per effect kind: a claim for some kinds never walks past effects of the others (those waiting for the host). */
  readonly pendingByKind = new Map<string, PendingQueue>();
  /** Ids of pending effects with a `notBefore` (the only ones that can be scheduled): counted without walking the queues. */
  readonly pendingWithNotBefore = new Set<string>();
  readonly audit: AuditEntry[] = [];
  /** Positions in `audit` by subject type, then subject id (two look-ups of stored strings: no key text built per entry). */
  readonly auditBySubject = new Map<string, Map<string, number[]>>();
  readonly idempotency = new Map<string, IdempotencyRecord>();

  addAction(entry: ActionLogEntry): void {
    this.actionLog.set(entry.key, entry);
    const keys = this.actionsByInvoice.get(entry.invoiceId);
    if (keys === undefined) this.actionsByInvoice.set(entry.invoiceId, [entry.key]);
    else keys.push(entry.key);
  }

  putEffect(effect: OutboxEffect): void {
    let order = this.outboxOrder.get(effect.id);
    if (order === undefined) {
      order = this.outboxOrder.size;
      this.outboxOrder.set(effect.id, order);
      // An effect's key never changes once enqueued: indexed once.
      this.outboxKeys.set(effect.key, effect.id);
    }
    this.outbox.set(effect.id, effect);
    let byKind = this.pendingByKind.get(effect.kind);
    if (effect.status === 'pending' && effect.notBefore !== undefined) this.pendingWithNotBefore.add(effect.id);
    else if (this.pendingWithNotBefore.size > 0) this.pendingWithNotBefore.delete(effect.id);
    if (effect.status === 'pending') {
      this.pendingOutbox.add(effect.id, order);
      if (!byKind) {
        byKind = new PendingQueue((id) => this.outboxOrder.get(id) ?? Number.MAX_SAFE_INTEGER);
        this.pendingByKind.set(effect.kind, byKind);
      }
      byKind.add(effect.id, order);
    } else {
      this.pendingOutbox.delete(effect.id);
      byKind?.delete(effect.id);
    }
  }

  /** Ids of pending effects of these kinds enqueued after position `order`, in enqueue order (a merge of the kinds' queues). */
  *pendingOfKinds(kinds: ReadonlySet<string>, order: number): Generator<string> {
    const heads: { id: string; order: number; rest: Generator<string> }[] = [];
    const advance = (rest: Generator<string>): void => {
      const next = rest.next();
      if (next.done !== true) heads.push({ id: next.value, order: this.outboxOrder.get(next.value) ?? Number.MAX_SAFE_INTEGER, rest });
    };
    for (const kind of kinds) {
      const queue = this.pendingByKind.get(kind);
      if (queue) advance(queue.after(order));
    }
    while (heads.length > 0) {
      let min = 0;
      for (let i = 1; i < heads.length; i++) if ((heads[i] as { order: number }).order < (heads[min] as { order: number }).order) min = i;
      const head = heads.splice(min, 1)[0] as { id: string; rest: Generator<string> };
      yield head.id;
      advance(head.rest);
    }
  }

  /** Committed pending effects waiting for the host (of none of `kinds`) and scheduled after `at` (of `kinds`): queue sizes and the few effects with a `notBefore`, never the whole queue. */
  countPending(kinds: ReadonlySet<string>, at: number): { awaitingHost: number; scheduled: number } {
    let awaitingHost = 0;
    for (const [kind, queue] of this.pendingByKind) if (!kinds.has(kind)) awaitingHost += queue.size;
    let scheduled = 0;
    for (const id of this.pendingWithNotBefore) {
      const effect = this.outbox.get(id);
      if (effect !== undefined && pendingClass(effect, kinds, at) === 'scheduled') scheduled++;
    }
    return { awaitingHost, scheduled };
  }

  addAudit(entry: AuditEntry): void {
    let byId = this.auditBySubject.get(entry.subjectType);
    if (byId === undefined) {
      byId = new Map();
      this.auditBySubject.set(entry.subjectType, byId);
    }
    const positions = byId.get(entry.subjectId);
    if (positions === undefined) byId.set(entry.subjectId, [this.audit.length]);
    else positions.push(this.audit.length);
    this.audit.push(entry);
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
  private readonly actionsByInvoice = new Map<string, ActionLogEntry[]>();
  private readonly effects = new Map<string, OutboxEffect>();
  private readonly effectKeys = new Map<string, string>();
  private readonly auditEntries: AuditEntry[] = [];
  private readonly answers = new Map<string, IdempotencyRecord>();

  constructor(private readonly committed: CommittedLogs) {}

  private effect(id: string): OutboxEffect | undefined {
    return this.effects.get(id) ?? this.committed.outbox.get(id);
  }

  /** Pending effects in enqueue order, after the `after` cursor (a seek, not a scan from the head): committed ones first, then this transaction's new ones. */
  private *pendingAfter(after: string | undefined, kinds?: ReadonlySet<string>): Generator<OutboxEffect> {
    const { committed } = this;
    const added = [...this.effectKeys.values()];
    const orderOf = (id: string): number => committed.outboxOrder.get(id) ?? committed.outboxOrder.size + added.indexOf(id);
    const from = after === undefined ? -1 : orderOf(after);
    for (const id of kinds === undefined ? committed.pendingOutbox.after(from) : committed.pendingOfKinds(kinds, from)) {
      const effect = this.effect(id);
      if (effect?.status === 'pending') yield effect;
    }
    for (const [index, id] of added.entries()) {
      if (committed.outboxOrder.size + index <= from) continue;
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
    const { committed } = this;
    const keys = committed.actionsByInvoice.get(invoiceId);
    if (keys !== undefined) {
      for (const key of keys) {
        const entry = committed.actionLog.get(key);
        if (entry !== undefined) out.push(entry);
      }
    }
    const staged = this.actionsByInvoice.get(invoiceId);
    if (staged !== undefined) for (const entry of staged) out.push(entry);
  }

  private actionLogView(): ActionLog {
    const view: ActionLog = {
      has: async (key) => this.hasAction(key),
      hasMany: async (keys) => new Set(keys.filter((key) => this.hasAction(key))),
      record: async (entry) => {
        if (this.hasAction(entry.key)) return false;
        const stored = frozenCopy(entry);
        this.actions.set(entry.key, stored);
        const list = this.actionsByInvoice.get(entry.invoiceId) ?? [];
        list.push(stored);
        this.actionsByInvoice.set(entry.invoiceId, list);
        return true;
      },
      forInvoice: async (invoiceId) => this.actionsFor(invoiceId),
      forInvoices: async (invoiceIds) => {
        const out: ActionLogEntry[] = [];
        for (const id of new Set(invoiceIds)) this.collectActions(id, out);
        return out;
      },
      recordMany: async (entries) => {
        const recorded = new Set<string>();
        for (const entry of entries) if (await view.record(entry)) recorded.add(entry.key);
        return recorded;
      },
    };
    return view;
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
      const before = this.committed.outbox.get(id);
      const was = before === undefined ? undefined : pendingClass(before, wanted, at);
      const is = pendingClass(effect, wanted, at);
      if (was !== undefined) counts[was]--;
      if (is !== undefined) counts[is]++;
    }
    return counts;
  }

  private outboxView(): Outbox {
    const { committed } = this;
    const view: Outbox = {
      enqueue: async (effect) => {
        if (this.effectKeys.has(effect.key) || committed.outboxKeys.has(effect.key) || this.effect(effect.id)) return false;
        this.effects.set(effect.id, frozenCopy(effect));
        this.effectKeys.set(effect.key, effect.id);
        return true;
      },
      pending: async (limit, after) => {
        const out: OutboxEffect[] = [];
        for (const effect of this.pendingAfter(after)) {
          if (out.length >= limit) break;
          out.push(effect);
        }
        return out;
      },
      claim: async (request) => this.claim(request),
      settle: async (id, { owner, ...outcome }) => {
        const effect = this.effect(id);
        if (!effect) throw new Error(`outbox: no effect ${id}`);
        if (owner !== undefined && (effect.status !== 'pending' || effect.claimedBy !== owner)) return false;
        const { doneAt: _doneAt, lastError: _lastError, claimedBy: _claimedBy, claimedUntil: _claimedUntil, ...rest } = effect;
        this.effects.set(id, withFields(rest, outcome));
        return true;
      },
      settleMany: async (settlements) => {
        const ids = new Set<string>();
        for (const { id } of settlements) {
          if (ids.has(id)) throw new RangeError(`outbox: effect ${id} given twice to settleMany`);
          if (!this.effect(id)) throw new Error(`outbox: no effect ${id}`);
          ids.add(id);
        }
        const settled = new Set<string>();
        for (const { id, outcome } of settlements) if (await view.settle(id, outcome)) settled.add(id);
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
        for (const effect of effects) if (await view.enqueue(effect)) added.add(effect.id);
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
      forSubject: async (subjectType, subjectId) => [
        ...(committed.auditBySubject.get(subjectType)?.get(subjectId) ?? []).map((i) => committed.audit[i]),
        ...this.auditEntries.filter((e) => e.subjectType === subjectType && e.subjectId === subjectId),
      ].filter((e): e is AuditEntry => e !== undefined),
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
