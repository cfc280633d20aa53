import type { OutboxEffect, StoreTransaction } from '../ports/index.js';
import type { AppContext } from './dependencies.js';
import { maskPersonalData } from '../documents/index.js';

/** Performs one kind of effect; resolves when done, rejects when it failed (it will be retried). */
export type EffectHandler = (effect: OutboxEffect) => Promise<unknown>;

/**
 * A handler whose effect may stop applying between the decision and the moment
 * it is performed (a dunning message for an invoice paid meanwhile). The check
 * and the call run inside the one transaction that marks the effect done, so a
 * payment committed before it is seen, and one committed after it comes after the message.
 */
export interface GuardedEffectHandler {
  /** Why the effect no longer applies (it is then `cancelled`, never performed), or `undefined` to perform it. */
  readonly obsolete: (tx: StoreTransaction, effect: OutboxEffect) => Promise<string | undefined>;
  /** Performs the effect, reading what it needs in the same transaction as the check; rejects when it failed (it will be retried). */
  readonly perform: (effect: OutboxEffect, tx: StoreTransaction) => Promise<unknown>;
}

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
 * Performs pending outbox effects whose time has come (`notBefore`), exactly
 * once even with other passes running at the same time: each batch is first
 * claimed for this pass (an owner and a lease, see `Outbox.claim`), then each
 * effect is performed and settled with the owner's name. The port gets the
 * effect's key too, so a port that honours keys drops a repeat; one that does
 * not is still called once. A guarded handler's check, call and settle share
 * one transaction. A handler that throws leaves the effect pending with the
 * error and one more attempt counted, so a later pass performs it: nothing is
 * lost, and nothing already marked done is performed again.
 */
export async function performPendingEffects(context: AppContext, options: OutboxOptions): Promise<OutboxPass> {
  const maxAttempts = options.maxAttempts ?? 5;
  const batchSize = options.batchSize ?? 100;
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  const kinds = Object.keys(options.handlers).filter((kind) => options.handlers[kind] !== undefined);
  const owner = context.ids.next('worker');
  const performed: OutboxEffect[] = [];
  const failed: { effect: OutboxEffect; error: string; gaveUp: boolean }[] = [];
  const cancelled: OutboxEffect[] = [];
  const now = context.clock.now();
  const list = options.listEffects ?? true;
  const counts = { performed: 0, cancelled: 0, awaitingHost: 0, scheduled: 0 };

  const failure = async (tx: StoreTransaction, effect: OutboxEffect, error: unknown): Promise<void> => {
    const message = errorText(error);
    const attempts = effect.attempts + 1;
    const gaveUp = attempts >= maxAttempts;
    if (await tx.outbox.settle(effect.id, { status: gaveUp ? 'failed' : 'pending', attempts, lastError: message, owner })) failed.push({ effect, error: message, gaveUp });
  };
  const done = async (tx: StoreTransaction, effect: OutboxEffect): Promise<void> => {
    const doneAt = context.nowIso();
    if (!(await tx.outbox.settle(effect.id, { status: 'done', attempts: effect.attempts + 1, doneAt, owner }))) return;
    counts.performed++;
    if (!list) return;
    const { claimedBy: _owner, claimedUntil: _until, lastError: _error, ...settled } = effect;
    performed.push({ ...settled, status: 'done', attempts: effect.attempts + 1, doneAt });
  };

  let cursor: string | undefined;
  for (;;) {
    const after = cursor;
    const batch = await context.store.transaction((tx) => tx.outbox.claim({ owner, now: now.toISOString(), until: new Date(now.getTime() + leaseMs).toISOString(), limit: batchSize, kinds, ...(after === undefined ? {} : { after }) }));
    if (batch.length === 0) break;
    const claimedAt = performance.now();
    for (const effect of batch) {
      cursor = effect.id;
      const handler = options.handlers[effect.kind];
      if (!handler || performance.now() - claimedAt >= leaseMs) continue;
      if (isGuarded(handler)) {
        await context.store.transaction(async (tx) => {
          const reason = await handler.obsolete(tx, effect);
          if (reason !== undefined) {
            if (await tx.outbox.settle(effect.id, { status: 'cancelled', attempts: effect.attempts, lastError: reason, owner })) {
              counts.cancelled++;
              if (list) cancelled.push(effect);
            }
            return;
          }
          try {
            await handler.perform(effect, tx);
          } catch (error) {
            await failure(tx, effect, error);
            return;
          }
          await done(tx, effect);
        });
        continue;
      }
      try {
        await handler(effect);
      } catch (error) {
        await context.store.transaction((tx) => failure(tx, effect, error));
        continue;
      }
      await context.store.transaction((tx) => done(tx, effect));
    }
  }
  const { awaitingHost, scheduled } = await unclaimable(context, kinds, now.getTime(), list, counts);
  return { performed, failed, cancelled, awaitingHost, scheduled, counts };
}

/** The pending effects this pass could not claim: kinds no handler performs, and those whose time has not come (listed when `list`, always counted). */
async function unclaimable(context: AppContext, kinds: readonly string[], at: number, list: boolean, counts: { awaitingHost: number; scheduled: number }): Promise<{ awaitingHost: OutboxEffect[]; scheduled: OutboxEffect[] }> {
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
        if (list) awaitingHost.push(effect);
      } else if (effect.notBefore !== undefined && Date.parse(effect.notBefore) > at) {
        counts.scheduled++;
        if (list) scheduled.push(effect);
      }
    }
  }
  return { awaitingHost, scheduled };
}
