import { TZDate } from '@date-fns/tz';
import { civilDateOf, dateParts, type CivilDate, type Weekday } from './civil-date.js';

/** The time zone every civil date of the domain is read in. */
export const SAO_PAULO = 'America/Sao_Paulo';

/** The clock port: where "now" comes from. The domain never reads the system clock itself. */
export interface Clock {
  /** The current instant. */
  now(): Date;
}

/** An instant given as a {@link Clock}, a `Date`, or epoch milliseconds. */
export type InstantSource = Clock | Date | number;

function instantMs(source: InstantSource): number {
  if (typeof source === 'number') return source;
  if (source instanceof Date) return source.getTime();
  return source.now().getTime();
}

/** The wall-clock reading of an instant in a time zone. */
export interface ZonedDateTime {
  /** The civil date there. */
  readonly date: CivilDate;
  /** Minutes since midnight there (0–1439). */
  readonly minuteOfDay: number;
  /** 0 = Sunday … 6 = Saturday. */
  readonly weekday: Weekday;
}

/**
 * Reads an instant on the wall clock of `timeZone` (São Paulo by default).
 * @example
 * ```ts
 * import { zonedDateTime } from 'cobranca/calendar';
 *
 * // 02:30 UTC is still the day before in São Paulo (UTC−3).
 * const local = zonedDateTime(new Date('2026-11-21T02:30:00Z'));
 * console.log(local.date, local.minuteOfDay, local.weekday); // → 2026-11-20 1410 5
 * ```
 */
export function zonedDateTime(source: InstantSource, timeZone: string = SAO_PAULO): ZonedDateTime {
  const ms = instantMs(source);
  // One entry: a clock read again at the same instant (a cycle's or a simulated day's frozen clock) is not converted again.
  if (ms === lastMs && timeZone === lastTimeZone && lastReading !== undefined) return lastReading;
  const reading = readWallClock(ms, timeZone);
  lastMs = ms;
  lastTimeZone = timeZone;
  lastReading = reading;
  return reading;
}

/** The last instant {@link zonedDateTime} read, its time zone and its (frozen) reading. */
let lastMs = Number.NaN;
let lastTimeZone = '';
let lastReading: ZonedDateTime | undefined;

/** The wall-clock reading of epoch milliseconds in a time zone, through the time zone's offset rules (the uncached path). */
export function readWallClock(ms: number, timeZone: string): ZonedDateTime {
  const local = new TZDate(ms, timeZone);
  return Object.freeze({
    date: civilDateOf(local.getFullYear(), local.getMonth() + 1, local.getDate()),
    minuteOfDay: local.getHours() * 60 + local.getMinutes(),
    weekday: local.getDay() as Weekday,
  });
}

/**
 * Today's civil date in São Paulo (or `timeZone`), whatever time zone the process runs in.
 * @example
 * ```ts
 * import { todayIn } from 'cobranca/calendar';
 *
 * // A clock port, a Date or epoch milliseconds.
 * console.log(todayIn(new Date('2026-11-21T02:30:00Z')), todayIn(new Date('2026-11-21T02:30:00Z'), 'UTC')); // → 2026-11-20 2026-11-21
 * ```
 */
export function todayIn(source: InstantSource, timeZone: string = SAO_PAULO): CivilDate {
  return zonedDateTime(source, timeZone).date;
}

/**
 * The instant at which the wall clock of `timeZone` shows `date` at
 * `minuteOfDay` minutes after midnight (for example the start of a contact window).
 * @example
 * ```ts
 * import { civilDate, instantAt } from 'cobranca/calendar';
 *
 * // 08:00 in São Paulo on 20 November 2026 (the contact window opens).
 * console.log(instantAt(civilDate('2026-11-20'), 8 * 60).toISOString()); // → 2026-11-20T11:00:00.000Z
 * ```
 */
export function instantAt(date: CivilDate, minuteOfDay: number, timeZone: string = SAO_PAULO): Date {
  const { year, month, day } = dateParts(date);
  const hours = Math.floor(minuteOfDay / 60);
  return new Date(new TZDate(year, month - 1, day, hours, minuteOfDay - hours * 60, timeZone).getTime());
}
