import * as z from 'zod';
import { fromEpochDay, toEpochDay, weekdayOfEpochDay, type BusinessCalendar, type CivilDate } from '../calendar/index.js';

const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$|^24:00$/;

/** A time of day `HH:MM` (00:00–24:00), parsed to minutes after midnight. */
const timeOfDaySchema = z
  .string()
  .regex(HH_MM, 'expected a time as HH:MM')
  .transform((text) => Number(text.slice(0, 2)) * 60 + Number(text.slice(3, 5)));

/** Opening hours of one day: `from` inclusive, `to` exclusive. */
const hoursSchema = z
  .strictObject({ from: timeOfDaySchema, to: timeOfDaySchema })
  .refine((h) => h.from < h.to, { message: '`from` must be before `to`', path: ['to'] });

/**
 * When collection contacts are allowed (docs/legal.md §4, São Paulo Lei 15.426/2014):
 * hours Monday to Friday and on Saturday (`null` closes Saturday). Sundays and
 * holidays of the calendar are always closed.
 */
export const contactWindowSchema = z.strictObject({
  mondayToFriday: hoursSchema,
  saturday: hoursSchema.nullable(),
});

/** A parsed contact window (minutes after midnight). */
export type ContactWindow = z.output<typeof contactWindowSchema>;

/** The default window: Mon–Fri 8h–20h, Sat 8h–14h, never Sundays or holidays. */
export const DEFAULT_CONTACT_WINDOW: ContactWindow = { mondayToFriday: { from: 480, to: 1200 }, saturday: { from: 480, to: 840 } };

/** A wall-clock moment in São Paulo: a civil date and minutes after midnight. */
export interface LocalMoment {
  readonly date: CivilDate;
  readonly minuteOfDay: number;
}

function hoursOn(window: ContactWindow, epochDay: number, calendar: BusinessCalendar): { from: number; to: number } | null {
  const weekday = weekdayOfEpochDay(epochDay);
  if (weekday === 0) return null;
  if (calendar.holidayOn(fromEpochDay(epochDay)) !== undefined) return null;
  return weekday === 6 ? window.saturday : window.mondayToFriday;
}

/**
 * Whether a contact may happen at this moment.
 * @example
 * ```ts
 * import { brazilianCalendar, civilDate } from 'cobranca';
 * import { DEFAULT_CONTACT_WINDOW, isInsideContactWindow } from 'cobranca/ruler';
 *
 * const calendar = brazilianCalendar({ state: 'SP' });
 * const at = (date: string, hour: number) => ({ date: civilDate(date), minuteOfDay: hour * 60 });
 * console.log(isInsideContactWindow(DEFAULT_CONTACT_WINDOW, at('2026-11-24', 10), calendar)); // Tuesday 10h
 * console.log(isInsideContactWindow(DEFAULT_CONTACT_WINDOW, at('2026-11-20', 10), calendar)); // Consciência Negra
 * // → true
 * // → false
 * ```
 */
export function isInsideContactWindow(window: ContactWindow, moment: LocalMoment, calendar: BusinessCalendar): boolean {
  const hours = hoursOn(window, toEpochDay(moment.date), calendar);
  return hours !== null && moment.minuteOfDay >= hours.from && moment.minuteOfDay < hours.to;
}

/**
 * The first moment at or after `moment` when a contact is allowed (searches up
 * to a year ahead), or `undefined` when the window never opens in that year
 * (a calendar or window that closes every day).
 * @example
 * ```ts
 * import { brazilianCalendar, civilDate } from 'cobranca';
 * import { DEFAULT_CONTACT_WINDOW, nextContactMoment } from 'cobranca/ruler';
 *
 * const calendar = brazilianCalendar({ state: 'SP' });
 * // Saturday 21 November, 15h: Saturday closes at 14h, Sunday is closed.
 * const next = nextContactMoment(DEFAULT_CONTACT_WINDOW, { date: civilDate('2026-11-21'), minuteOfDay: 15 * 60 }, calendar);
 * console.log(next?.date, next ? next.minuteOfDay / 60 : undefined);
 * // → 2026-11-23 8
 * ```
 */
export function nextContactMoment(window: ContactWindow, moment: LocalMoment, calendar: BusinessCalendar): LocalMoment | undefined {
  const start = toEpochDay(moment.date);
  for (let day = start; day <= start + 366; day++) {
    const hours = hoursOn(window, day, calendar);
    if (hours === null) continue;
    if (day === start) {
      if (moment.minuteOfDay < hours.from) return { date: moment.date, minuteOfDay: hours.from };
      if (moment.minuteOfDay < hours.to) return moment;
      continue;
    }
    return { date: fromEpochDay(day), minuteOfDay: hours.from };
  }
  return undefined;
}
