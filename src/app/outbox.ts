import type { EffectOutcome, OutboxEffect, Store, StoreTransaction } from '../ports/index.js';
import type { Outbox } from '../ports/store.js';
import type { AppContext } from './dependencies.js';
import { maskPersonalData } from '../documents/index.js';
import { transactionWith } from './transaction-view.js';
import { bufferedAudit, bufferedOutbox } from './outbox-buffers.js';

/** Performs one kind of effect; resolves when done, rejects when it failed (it will be retried). */
export type EffectHandler = (effect: OutboxEffect) => Promise<unknown>;

/**
 * A handler whose effect may stop applying between the decision and the moment
 * it is performed (a dunning message for an invoice paid meanwhile), or whose
 * result is recorded in the store (a prior notice's proof of posting). The
 * check, the call and the record run inside the one transaction that settles
 * the effect, with the other effects of its page: a payment committed before it
 * is seen, one committed after it comes after the message, and an effect is
 * marked done in the transaction that records what it did (a crash in between
 * loses or doubles nothing: the effect stays pending and the port gets its key again).
 */
export interface GuardedEffectHandler<Performed = unknown> {
  /** Why the effect no longer applies (it is then `cancelled`, never performed), or `undefined` to perform it. */
  readonly obsolete: (tx: StoreTransaction, effect: OutboxEffect) => Promise<string | undefined>;
  /**
   * Performs the effect, reading what it needs in the same transaction as the check; rejects when it failed (it will
   * be retried). It writes nothing (what the effect writes, {@link GuardedEffectHandler.record} writes): a rejection
   * leaves the page's other effects to go on in the same transaction.
   */
  readonly perform: (effect: OutboxEffect, tx: StoreTransaction) => Promise<Performed>;
  /**
   * Writes what a performed effect means (optional), with what `perform` resolved with, in the transaction that
   * settles it. A rejection here may have written part of it: the outbox then rolls the page's transaction back and
   * handles its effects one transaction each (the ports get their keys again), so no effect is half written and one
   * failure does not hold the others back.
   */
  record?(tx: StoreTransaction, effect: OutboxEffect, performed: Performed): Promise<void>;
  /**
   * Reads at once, in the run's transaction before its first check, what `obsolete` and `perform` will read for these
   * effects (optional): a store that keeps what a transaction read then answers their reads without a round trip each.
   */
  readonly readAhead?: (tx: StoreTransaction, effects: readonly OutboxEffect[]) => Promise<void>;
  /**
   * {@link GuardedEffectHandler.readAhead} that also hands back `obsolete` answered from what it read (optional; asked
   * instead of `readAhead`): see {@link AheadCheck}.
   */
  readonly checkAhead?: (tx: StoreTransaction, effects: readonly OutboxEffect[]) => Promise<AheadCheck>;
}

/** What an {@link AheadCheck} answers when what was read ahead cannot tell: the outbox then asks `obsolete`. */
export const ASK_OBSOLETE: unique symbol = Symbol('ask obsolete');

/**
 * `obsolete` of an effect of the run, answered synchronously from what `checkAhead` read: the same answer (and the
 * same state left for `perform`), or {@link ASK_OBSOLETE}. The outbox asks it only while the page's transaction has
 * recorded nothing since the read (handlers write in `record` only), so what was read is what `obsolete` would read.
 */
export type AheadCheck = (effect: OutboxEffect) => string | undefined | typeof ASK_OBSOLETE;

/** What one pass over the outbox did. */
export interface OutboxPass {
  readonly performed: readonly OutboxEffect[];
  readonly failed: readonly { readonly effect: OutboxEffect; readonly error: string; readonly gaveUp: boolean }[];
  /** Effects found obsolete when their time came (an invoice paid meanwhile): cancelled, never performed. */
  readonly cancelled: readonly OutboxEffect[];
  /** Effects of a kind no handler performs: left pending for the host (see `pendingEffects`). */
  readonly awaitingHost: readonly OutboxEffect[];
  /** Effects whose `notBefore` has not come yet (contacts waiting for the contact window). */
  readonly scheduled: readonly OutboxEffect[];
  /** How many of each there were (also when the lists were not kept: `listEffects: false`). */
  readonly counts: { readonly performed: number; readonly cancelled: number; readonly awaitingHost: number; readonly scheduled: number };
}

/** Options of {@link performPendingEffects}. */
export interface OutboxOptions {
  /** Handlers by effect kind. */
  readonly handlers: Readonly<Record<string, EffectHandler | GuardedEffectHandler | undefined>>;
  /** After this many failed attempts an effect is marked `failed` and reported (default 5). */
  readonly maxAttempts?: number;
  /** How many effects to claim per batch (default 100). */
  readonly batchSize?: number;
  /**
   * How long a claim holds, in milliseconds (default 10 minutes), from the
   * pass's instant. A worker that dies holding effects delays them by at most
   * this long; an effect whose turn comes after its claim lapsed (measured on
   * a monotonic timer) is left for the next claim, not performed.
   */
  readonly leaseMs?: number;
  /**
   * Whether the pass lists the effects performed, cancelled, awaiting the host
   * and scheduled (default `true`); with `false` it only counts them (see
   * `counts`), so a pass over millions of effects holds none of them.
   */
  readonly listEffects?: boolean;
  /**
   * The lease the pass claims under (its owner, instant and end), when the caller took it before the pass: a daily
   * cycle takes it at its start and writes the effects it enqueues for itself already held by it (see
   * {@link selfClaimingContext}); the pass then finds them held on the very terms it claims with and claims them
   * without writing them again. Without it the pass takes a new owner, its instant from the clock and `leaseMs`.
   */
  readonly lease?: OutboxLease;
}

/** A claim's terms (see `ClaimRequest`): who holds it, from which instant, until when (ISO 8601). */
export interface OutboxLease {
  readonly owner: string;
  readonly now: string;
  readonly until: string;
}

/** Default lease of a claim. */
const DEFAULT_LEASE_MS = 10 * 60 * 1000;

/** Longest error text kept on an effect (a port may echo a huge body). */
const MAX_ERROR_LENGTH = 500;

function errorText(error: unknown): string {
  const text = maskPersonalData(error instanceof Error ? error.message : String(error));
  return text.length > MAX_ERROR_LENGTH ? `${text.slice(0, MAX_ERROR_LENGTH)}… (${text.length} characters)` : text;
}

function isGuarded(handler: EffectHandler | GuardedEffectHandler): handler is GuardedEffectHandler {
  return typeof handler === 'object';
}

/**
 * Lets each guarded handler of a run read ahead for its effects of the run (see {@link GuardedEffectHandler.readAhead}),
 * and answers the checks those with `checkAhead` handed back, by handler.
 */
async function readAhead(tx: StoreTransaction, handlers: OutboxOptions['handlers'], run: readonly OutboxEffect[]): Promise<ReadonlyMap<GuardedEffectHandler, AheadCheck>> {
  const byHandler = new Map<GuardedEffectHandler, OutboxEffect[]>();
  for (const effect of run) {
    const handler = handlers[effect.kind];
    if (handler === undefined || !isGuarded(handler) || (handler.readAhead === undefined && handler.checkAhead === undefined)) continue;
    const effects = byHandler.get(handler);
    if (effects === undefined) byHandler.set(handler, [effect]);
    else effects.push(effect);
  }
  const checks = new Map<GuardedEffectHandler, AheadCheck>();
  for (const [handler, effects] of byHandler) {
    if (handler.checkAhead !== undefined) checks.set(handler, await handler.checkAhead(tx, effects));
    else await handler.readAhead?.(tx, effects);
  }
  return checks;
}

/** One effect's outcome in a batch, before it is settled: its settlement as `Outbox.settleMany` takes it (no copy per effect to settle it). */
interface Outcome {
  readonly id: string;
  readonly effect: OutboxEffect;
  readonly outcome: EffectOutcome;
  /** The error text, when the handler failed. */
  readonly error?: string;
}

/**
 * Performs pending outbox effects whose time has come (`notBefore`), exactly
 * once even with other passes running at the same time: each batch is first
 * claimed for this pass (an owner and a lease, see `Outbox.claim`), then its
 * effects are performed and settled with the owner's name, a batch's outcomes
 * in one transaction (`Outbox.settleMany`), not one per effect. The batch is
 * taken in enqueue order, in runs of consecutive effects of the same sort of
 * handler: a run of guarded handlers checks, performs, records and settles its
 * effects in one transaction (a prior notice is recorded in the transaction
 * that marks it done; when that transaction rejects, nothing of it is kept and
 * its effects are handled one transaction each); a run of plain handlers
 * performs them one after the other (each handler may use transactions of its
 * own) and then settles them together. The port gets the effect's key too, so a port that honours keys
 * drops a repeat (a worker that dies between performing and settling leaves
 * its claims to lapse, and a later pass performs them again); one that does
 * not is still called once otherwise. A handler that throws leaves the effect
 * pending with the error and one more attempt counted, so a later pass
 * performs it: nothing is lost, and nothing already marked done is performed
 * again. What could not be claimed (kinds no handler performs, effects not
 * due yet) is counted by the store (`Outbox.countPending`) and read only when
 * the pass lists effects.
 */
export async function performPendingEffects(context: AppContext, options: OutboxOptions): Promise<OutboxPass> {
  const maxAttempts = options.maxAttempts ?? 5;
  const batchSize = options.batchSize ?? 100;
  const lease = options.lease ?? leaseFrom(context, options.leaseMs ?? DEFAULT_LEASE_MS);
  const leaseMs = Date.parse(lease.until) - Date.parse(lease.now);
  const kinds = Object.keys(options.handlers).filter((kind) => options.handlers[kind] !== undefined);
  const { owner } = lease;
  const performed: OutboxEffect[] = [];
  const failed: { effect: OutboxEffect; error: string; gaveUp: boolean }[] = [];
  const cancelled: OutboxEffect[] = [];
  const list = options.listEffects ?? true;
  const counts = { performed: 0, cancelled: 0, awaitingHost: 0, scheduled: 0 };

  const failure = (effect: OutboxEffect, error: unknown): Outcome => {
    const message = errorText(error);
    const attempts = effect.attempts + 1;
    return { id: effect.id, effect, outcome: { status: attempts >= maxAttempts ? 'failed' : 'pending', attempts, lastError: message, owner }, error: message };
  };
  const done = (effect: OutboxEffect): Outcome => ({ id: effect.id, effect, outcome: { status: 'done', attempts: effect.attempts + 1, doneAt: context.nowIso(), owner } });
  const settle = (tx: StoreTransaction, outcomes: readonly Outcome[]): Promise<ReadonlySet<string>> => (outcomes.length === 0 ? Promise.resolve(new Set<string>()) : tx.outbox.settleMany(outcomes));
  /** Reports the outcomes the store settled (an outcome whose claim was taken over meanwhile is not this pass's). */
  const tally = (outcomes: readonly Outcome[], settled: ReadonlySet<string>): void => {
    for (const { effect, outcome, error } of outcomes) {
      if (!settled.has(effect.id)) continue;
      if (error !== undefined) failed.push({ effect, error, gaveUp: outcome.status === 'failed' });
      else if (outcome.status === 'cancelled') {
        counts.cancelled++;
        if (list) cancelled.push(effect);
      } else {
        counts.performed++;
        if (!list) continue;
        const { claimedBy: _owner, claimedUntil: _until, lastError: _error, ...rest } = effect;
        performed.push({ ...rest, status: 'done', attempts: outcome.attempts, ...(outcome.doneAt === undefined ? {} : { doneAt: outcome.doneAt }) });
      }
    }
  };

  /** Checks, performs, records and settles a page of guarded effects in one transaction (see {@link GuardedEffectHandler}). */
  const guardedPage = (run: readonly OutboxEffect[], held: () => boolean) =>
    context.store.transaction(async (store) => {
      // The page's audit lines and new effects are written at once before it settles (one write each, not one per effect).
      const audit = bufferedAudit(store);
      const outbox = bufferedOutbox(store);
      const tx: StoreTransaction = transactionWith(store, { audit: audit.view, outbox: outbox.view });
      const checks = await readAhead(tx, options.handlers, run);
      // Whether the page has recorded nothing since the read ahead: its checks then answer from what was read, with no promise each.
      let unwritten = true;
      const outcomes: Outcome[] = [];
      for (const effect of run) {
        const handler = options.handlers[effect.kind];
        if (handler === undefined || !isGuarded(handler) || !held()) continue;
        const check = unwritten ? checks.get(handler) : undefined;
        const early = check === undefined ? ASK_OBSOLETE : check(effect);
        const reason = early !== ASK_OBSOLETE ? early : await handler.obsolete(tx, effect);
        if (reason !== undefined) {
          outcomes.push({ id: effect.id, effect, outcome: { status: 'cancelled', attempts: effect.attempts, lastError: reason, owner } });
          continue;
        }
        let performed: unknown;
        try {
          performed = await handler.perform(effect, tx);
        } catch (error) {
          outcomes.push(failure(effect, error));
          continue;
        }
        // A rejection here rejects the page's transaction: nothing of the page stays written (see guardedRun).
        if (handler.record !== undefined) {
          unwritten = false;
          await handler.record(tx, effect, performed);
        }
        outcomes.push(done(effect));
      }
      await audit.flush();
      await outbox.flush();
      return [outcomes, await settle(store, outcomes)] as const;
    });
  /**
   * A run of guarded effects, one transaction for the page. When that transaction rejects (a record that failed
   * part-way, a version conflict, the store), nothing of it was kept, and each effect is handled again in a
   * transaction of its own; an effect whose own transaction rejects is settled as failed in another (it will be retried).
   */
  const guardedRun = async (run: readonly OutboxEffect[], held: () => boolean): Promise<void> => {
    try {
      const [outcomes, settled] = await guardedPage(run, held);
      tally(outcomes, settled);
      return;
    } catch (error) {
      if (run.length === 1) {
        const [effect] = run as [OutboxEffect];
        const outcomes = [failure(effect, error)];
        tally(outcomes, await context.store.transaction((tx) => settle(tx, outcomes)));
        return;
      }
    }
    for (const effect of run) await guardedRun([effect], held);
  };

  let cursor: string | undefined;
  for (;;) {
    const after = cursor;
    const batch = await context.store.transaction((tx) => tx.outbox.claim({ owner, now: lease.now, until: lease.until, limit: batchSize, kinds, ...(after === undefined ? {} : { after }) }));
    if (batch.length === 0) break;
    cursor = batch[batch.length - 1]?.id;
    const claimedAt = performance.now();
    /** Whether the claim still holds (an effect whose turn comes after it lapsed is left for the next claim). */
    const held = (): boolean => performance.now() - claimedAt < leaseMs;
    for (let start = 0; start < batch.length; ) {
      const first = batch[start] as OutboxEffect;
      const guarded = isGuardedKind(options.handlers, first.kind);
      let end = start + 1;
      while (end < batch.length && isGuardedKind(options.handlers, (batch[end] as OutboxEffect).kind) === guarded) end++;
      const run = batch.slice(start, end);
      start = end;
      if (guarded) {
        await guardedRun(run, held);
        continue;
      }
      const outcomes: Outcome[] = [];
      for (const effect of run) {
        const handler = options.handlers[effect.kind];
        if (handler === undefined || isGuarded(handler) || !held()) continue;
        try {
          await handler(effect);
          outcomes.push(done(effect));
        } catch (error) {
          outcomes.push(failure(effect, error));
        }
      }
      tally(outcomes, await context.store.transaction((tx) => settle(tx, outcomes)));
    }
  }
  if (!list) {
    const pending = await context.store.transaction((tx) => tx.outbox.countPending({ kinds, now: lease.now }));
    counts.awaitingHost = pending.awaitingHost;
    counts.scheduled = pending.scheduled;
    return { performed, failed, cancelled, awaitingHost: [], scheduled: [], counts };
  }
  const { awaitingHost, scheduled } = await unclaimable(context, kinds, Date.parse(lease.now), counts);
  return { performed, failed, cancelled, awaitingHost, scheduled, counts };
}

/** A new lease: a new owner, the clock's instant, and its end `leaseMs` later. */
function leaseFrom(context: AppContext, leaseMs: number): OutboxLease {
  const now = context.clock.now();
  return { owner: context.ids.next('worker'), now: now.toISOString(), until: new Date(now.getTime() + leaseMs).toISOString() };
}

/**
 * A context whose transactions enqueue the effects its own outbox pass will claim already claimed under `lease`, as
 * if claimed at the lease's instant: pending, of a kind `handlers` perform, due by then (no `notBefore` after it) and
 * held by no one (the rest, such as effects for the host, are enqueued as given). A pass given the same lease then
 * claims them without writing them again (the store finds them held on the very terms it claims with); other workers
 * leave them alone until the lease lapses, as any claim, so a cycle that dies before its pass leaves them to whoever
 * claims after that. `handlers` are built with the returned context (what they enqueue is claimed the same way).
 */
export function selfClaimingContext(context: AppContext, handlers: (context: AppContext) => OutboxOptions['handlers'], leaseMs: number = DEFAULT_LEASE_MS): { readonly context: AppContext; readonly handlers: OutboxOptions['handlers']; readonly lease: OutboxLease } {
  const lease = leaseFrom(context, leaseMs);
  const at = Date.parse(lease.now);
  // Filled in once the handlers are built, before any transaction runs.
  let kinds: ReadonlySet<string> = new Set();
  // The claim's two fields, one object for every effect stamped.
  const claim = Object.freeze({ claimedBy: lease.owner, claimedUntil: lease.until });
  const claimed = (effect: OutboxEffect): OutboxEffect =>
    effect.status === 'pending' && effect.claimedBy === undefined && kinds.has(effect.kind) && (effect.notBefore === undefined || Date.parse(effect.notBefore) <= at) ? Object.assign({}, effect, claim) : effect;
  const claiming = (outbox: Outbox): Outbox => ({
    enqueue: (effect) => outbox.enqueue(claimed(effect)),
    enqueueMany: (effects) => outbox.enqueueMany(effects.map(claimed)),
    pending: (limit, after) => outbox.pending(limit, after),
    claim: (request) => outbox.claim(request),
    settle: (id, outcome) => outbox.settle(id, outcome),
    settleMany: (settlements) => outbox.settleMany(settlements),
    countPending: (request) => outbox.countPending(request),
    byKey: (key) => outbox.byKey(key),
    all: () => outbox.all(),
  });
  const { store } = context;
  const claimingStore: Store = { transaction: (work) => store.transaction((tx) => work(transactionWith(tx, { outbox: claiming(tx.outbox) }))) };
  const claimingContext: AppContext = Object.assign({}, context, { store: claimingStore });
  const built = handlers(claimingContext);
  kinds = new Set(Object.keys(built).filter((kind) => built[kind] !== undefined));
  return { context: claimingContext, handlers: built, lease };
}

/** Whether the handler of a kind is guarded (its runs share one transaction); kinds without a handler count as plain. */
function isGuardedKind(handlers: OutboxOptions['handlers'], kind: string): boolean {
  const handler = handlers[kind];
  return handler !== undefined && isGuarded(handler);
}

/** The pending effects this pass could not claim, listed and counted: kinds no handler performs, and those whose time has not come. */
async function unclaimable(context: AppContext, kinds: readonly string[], at: number, counts: { awaitingHost: number; scheduled: number }): Promise<{ awaitingHost: OutboxEffect[]; scheduled: OutboxEffect[] }> {
  const awaitingHost: OutboxEffect[] = [];
  const scheduled: OutboxEffect[] = [];
  const handled = new Set(kinds);
  let cursor: string | undefined;
  for (;;) {
    const after = cursor;
    const page = await context.store.transaction((tx) => tx.outbox.pending(500, after));
    if (page.length === 0) break;
    for (const effect of page) {
      cursor = effect.id;
      if (!handled.has(effect.kind)) {
        counts.awaitingHost++;
        awaitingHost.push(effect);
      } else if (effect.notBefore !== undefined && Date.parse(effect.notBefore) > at) {
        counts.scheduled++;
        scheduled.push(effect);
      }
    }
  }
  return { awaitingHost, scheduled };
}
