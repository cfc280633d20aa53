/** Remembers webhook event ids until their replay window closes. */
export interface ReplayGuard {
  /** True the first time `eventId` is seen; false for a replay. `expiresAt` (ms) is when it may be forgotten. */
  firstSight(eventId: string, expiresAt: number, now: number): boolean;
  /** How many ids are remembered now. */
  readonly size: number;
}

/**
 * An in-memory {@link ReplayGuard}: ids are kept until the replay window they
 * were signed in closes (after that the timestamp check refuses them anyway),
 * and at most `maxEntries` are kept (the oldest dropped first). A host with
 * several processes backs this with its database instead.
 * @example
 * ```ts
 * import { createReplayGuard } from 'cobranca/adapters/bureau-http';
 *
 * const guard = createReplayGuard({ maxEntries: 10_000 });
 * const now = Date.now();
 * console.log(guard.firstSight('evt-1', now + 300_000, now), guard.firstSight('evt-1', now + 300_000, now)); // a replayed event id
 * // → true false
 * ```
 */
export function createReplayGuard(options: { maxEntries?: number } = {}): ReplayGuard {
  const maxEntries = options.maxEntries ?? 100_000;
  const seen = new Map<string, number>();
  return {
    firstSight(eventId, expiresAt, now) {
      for (const [id, until] of seen) {
        if (until > now && seen.size < maxEntries) break;
        seen.delete(id);
      }
      if (seen.has(eventId)) return false;
      seen.set(eventId, expiresAt);
      return true;
    },
    get size() {
      return seen.size;
    },
  };
}
