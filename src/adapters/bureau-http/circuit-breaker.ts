/** Options of a {@link CircuitBreaker}. */
export interface CircuitBreakerOptions {
  /** Consecutive failed calls (after their retries) that open the circuit (default 5). */
  readonly failureThreshold?: number;
  /** How long the circuit stays open before one trial call is let through (default 60 s). */
  readonly cooldownMs?: number;
}

/** The state of one bureau's circuit. */
export type CircuitState = 'closed' | 'open' | 'half_open';

/**
 * A circuit breaker for one bureau: after `failureThreshold` consecutive
 * failures it opens and refuses calls at once (the work waits for the next
 * cycle instead of stalling this one); after `cooldownMs` one trial call goes
 * through (half_open): success closes it, failure opens it again.
 */
export interface CircuitBreaker {
  /** Whether a call may go out now; when it may not, the instant (ms) it will again. */
  admit(now: number): { readonly admitted: true } | { readonly admitted: false; readonly retryAt: number };
  /** Records a call that reached the bureau: closes the circuit. */
  succeeded(): void;
  /** Records a call that could not reach the bureau at `now` (epoch ms); enough of them open the circuit. */
  failed(now: number): void;
  /** The circuit's state at `now` (epoch ms): `closed`, `open`, or trying one call after the cool-down. */
  state(now: number): CircuitState;
}

/**
 * Builds a {@link CircuitBreaker}.
 * @example
 * ```ts
 * import { circuitBreaker } from 'cobranca/adapters/bureau-http';
 *
 * const breaker = circuitBreaker({ failureThreshold: 3, cooldownMs: 60_000 });
 * const t = Date.parse('2026-12-04T10:00:00-03:00');
 * for (let n = 0; n < 3; n++) breaker.failed(t); // the bureau times out three times
 * console.log(breaker.state(t), breaker.admit(t).admitted, breaker.state(t + 60_000));
 * // → open false half_open
 * ```
 */
export function circuitBreaker(options: CircuitBreakerOptions = {}): CircuitBreaker {
  const threshold = Math.max(1, options.failureThreshold ?? 5);
  const cooldown = Math.max(0, options.cooldownMs ?? 60_000);
  let failures = 0;
  let openedAt: number | undefined;
  let trialInFlight = false;
  const state = (now: number): CircuitState => (openedAt === undefined ? 'closed' : now - openedAt >= cooldown ? 'half_open' : 'open');
  return {
    admit(now) {
      const current = state(now);
      if (current === 'closed') return { admitted: true };
      if (current === 'half_open' && !trialInFlight) {
        trialInFlight = true;
        return { admitted: true };
      }
      return { admitted: false, retryAt: (openedAt ?? now) + cooldown };
    },
    succeeded() {
      failures = 0;
      openedAt = undefined;
      trialInFlight = false;
    },
    failed(now) {
      failures++;
      if (trialInFlight || failures >= threshold) openedAt = now;
      trialInFlight = false;
    },
    state,
  };
}
