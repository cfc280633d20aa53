import type { OutboxEffect } from '../ports/index.js';
import type { AppContext } from './dependencies.js';

/** Performs one kind of effect; resolves when done, rejects when it failed (it will be retried). */
export type EffectHandler = (effect: OutboxEffect) => Promise<unknown>;

/** What one pass over the outbox did. */
export interface OutboxPass {
  readonly performed: readonly OutboxEffect[];
  readonly failed: readonly { readonly effect: OutboxEffect; readonly error: string; readonly gaveUp: boolean }[];
  /** Effects of a kind no handler performs: left pending for the host (see `pendingEffects`). */
  readonly awaitingHost: readonly OutboxEffect[];
  /** Effects whose `notBefore` has not come yet (contacts waiting for the contact window). */
  readonly scheduled: readonly OutboxEffect[];
}

/** Options of {@link performPendingEffects}. */
export interface OutboxOptions {
  /** Handlers by effect kind. */
  readonly handlers: Readonly<Record<string, EffectHandler | undefined>>;
  /** After this many failed attempts an effect is marked `failed` and reported (default 5). */
  readonly maxAttempts?: number;
  /** How many effects to read per batch (default 500). */
  readonly batchSize?: number;
}

/**
 * Performs pending outbox effects whose time has come (`notBefore`), each in order: call its handler (the
 * effect's key goes along so the port can drop a repeat), then mark it done in
 * a transaction of its own. A handler that throws leaves the effect pending
 * with the error and one more attempt counted, so a later pass performs it:
 * nothing is lost, and nothing already marked done is performed again.
 */
export async function performPendingEffects(context: AppContext, options: OutboxOptions): Promise<OutboxPass> {
  const maxAttempts = options.maxAttempts ?? 5;
  const batchSize = options.batchSize ?? 500;
  const performed: OutboxEffect[] = [];
  const failed: { effect: OutboxEffect; error: string; gaveUp: boolean }[] = [];
  const awaitingHost: OutboxEffect[] = [];
  const scheduled: OutboxEffect[] = [];
  const now = context.clock.now().getTime();
  let cursor: string | undefined;
  for (;;) {
    const after = cursor;
    const batch = await context.store.transaction((tx) => tx.outbox.pending(batchSize, after));
    if (batch.length === 0) break;
    for (const effect of batch) {
      cursor = effect.id;
      if (effect.notBefore !== undefined && Date.parse(effect.notBefore) > now) {
        scheduled.push(effect);
        continue;
      }
      const handler = options.handlers[effect.kind];
      if (!handler) {
        awaitingHost.push(effect);
        continue;
      }
      try {
        await handler(effect);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        const attempts = effect.attempts + 1;
        const gaveUp = attempts >= maxAttempts;
        await context.store.transaction((tx) => tx.outbox.settle(effect.id, { status: gaveUp ? 'failed' : 'pending', attempts, lastError: message }));
        failed.push({ effect, error: message, gaveUp });
        continue;
      }
      const doneAt = context.nowIso();
      await context.store.transaction((tx) => tx.outbox.settle(effect.id, { status: 'done', attempts: effect.attempts + 1, doneAt }));
      performed.push({ ...effect, status: 'done', attempts: effect.attempts + 1, doneAt });
    }
  }
  return { performed, failed, awaitingHost, scheduled };
}
