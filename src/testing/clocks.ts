import type { Clock } from '../calendar/zoned.js';

/** A {@link Clock} for tests whose time only moves when told to. */
export interface ManualClock extends Clock {
  /** Moves the clock to an instant (ISO text with offset, `Date`, or epoch ms). */
  set(instant: string | Date | number): void;
  /** Moves the clock forward by milliseconds (or back, when negative). */
  advance(milliseconds: number): void;
}

/**
 * A clock stopped at `instant` until moved: `manualClock('2026-11-24T10:00:00-03:00')`.
 * Give instants with their offset so the test means the same in every time zone.
 * @example
 * ```ts
 * import { todayIn } from 'cobranca';
 * import { manualClock } from 'cobranca/testing';
 *
 * const clock = manualClock('2026-11-24T23:30:00-03:00');
 * console.log(todayIn(clock)); // São Paulo's date, whatever the process's time zone
 * clock.advance(60 * 60 * 1000); // one hour later it is the 25th in São Paulo
 * console.log(todayIn(clock));
 * clock.set('2026-12-04T10:00:00-03:00');
 * console.log(todayIn(clock));
 * // → 2026-11-24
 * // → 2026-11-25
 * // → 2026-12-04
 * ```
 */
export function manualClock(instant: string | Date | number): ManualClock {
  let current = toMs(instant);
  return {
    now: () => new Date(current),
    set: (next) => {
      current = toMs(next);
    },
    advance: (milliseconds) => {
      current += milliseconds;
    },
  };
}

function toMs(instant: string | Date | number): number {
  const ms = typeof instant === 'number' ? instant : typeof instant === 'string' ? Date.parse(instant) : instant.getTime();
  if (!Number.isFinite(ms)) throw new TypeError(`manualClock: not an instant: ${String(instant)}`);
  return ms;
}
