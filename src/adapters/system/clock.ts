import { SAO_PAULO, todayIn, type CivilDate, type Clock } from '../../calendar/index.js';

/** The system clock, read on São Paulo's wall clock. */
export interface SystemClock extends Clock {
  /** The time zone civil dates are read in (`America/Sao_Paulo`). */
  readonly timeZone: typeof SAO_PAULO;
  /** Today's civil date in São Paulo, whatever time zone the process runs in. */
  today(): CivilDate;
}

/**
 * The production {@link Clock}: the machine's time, with today's date read in
 * America/Sao_Paulo (the zone every civil date of the domain is in), so a
 * server in UTC still changes day at midnight in Brazil.
 * @example
 * ```ts
 * import { systemClock } from 'cobranca';
 *
 * const clock = systemClock(); // give it to createCollections as `clock`
 * console.log(clock.timeZone, /^\d{4}-\d{2}-\d{2}$/.test(clock.today())); // today in São Paulo, even on a server in UTC
 * // → America/Sao_Paulo true
 * ```
 */
export function systemClock(): SystemClock {
  const clock: SystemClock = { timeZone: SAO_PAULO, now: () => new Date(), today: () => todayIn(clock) };
  return clock;
}
