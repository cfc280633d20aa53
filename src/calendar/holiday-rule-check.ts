import { daysInMonth, epochDayOfText, type CivilDate } from './civil-date.js';
import { STATE_CODES, type HolidayKind, type HolidayRule, type StateCode } from './holidays.js';

const KINDS: readonly HolidayKind[] = ['national', 'banking', 'state', 'city', 'extra'];
/** Easter-relative holidays reach at most this many days from Easter. */
const MAX_EASTER_OFFSET = 300;

function isWhole(value: unknown, min: number, max: number): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= min && value <= max;
}

/** What is wrong with one holiday rule, or `undefined` when it is sound. */
function ruleProblem(rule: unknown): string | undefined {
  if (typeof rule !== 'object' || rule === null) return 'expected a holiday rule object or a YYYY-MM-DD date';
  const r = rule as Record<string, unknown>;
  if (typeof r['name'] !== 'string' || r['name'].trim() === '') return 'expected a non-empty name';
  if (r['kind'] !== undefined && !KINDS.includes(r['kind'] as HolidayKind)) return `expected kind to be one of ${KINDS.join(', ')}`;
  for (const bound of ['since', 'until'] as const) {
    if (r[bound] !== undefined && !isWhole(r[bound], 0, 100_000)) return `expected ${bound} to be a whole year`;
  }
  if ('date' in r) return Number.isNaN(epochDayOfText(r['date'])) ? 'expected date to be a civil date YYYY-MM-DD' : undefined;
  if ('easterOffset' in r) return isWhole(r['easterOffset'], -MAX_EASTER_OFFSET, MAX_EASTER_OFFSET) ? undefined : `expected easterOffset to be a whole number of days within ±${MAX_EASTER_OFFSET}`;
  if (!isWhole(r['month'], 1, 12)) return 'expected month to be a whole number from 1 to 12';
  if (!isWhole(r['day'], 1, daysInMonth(2000, r['month']))) return `expected day to be a day of month ${r['month']}`;
  return undefined;
}

/**
 * The extra holidays of a calendar's options as rules, checked once when the
 * calendar is built: a bad rule (or state) is a `TypeError` naming it then,
 * never a throw later from a business-day question.
 */
export function checkedHolidayRules(options: { readonly state?: StateCode; readonly extraHolidays?: readonly (HolidayRule | CivilDate)[] }): HolidayRule[] {
  if (options.state !== undefined && !STATE_CODES.includes(options.state)) {
    throw new TypeError(`brazilianCalendar(): state must be a Brazilian state code (UF), got ${JSON.stringify(options.state)}`);
  }
  const extras = options.extraHolidays ?? [];
  if (!Array.isArray(extras)) throw new TypeError('brazilianCalendar(): extraHolidays must be an array');
  return extras.map((entry: unknown, index): HolidayRule => {
    const rule = typeof entry === 'string' ? { name: 'Feriado', date: entry } : entry;
    const problem = ruleProblem(rule);
    if (problem !== undefined) throw new TypeError(`brazilianCalendar(): extraHolidays[${index}]: ${problem}`);
    return rule as HolidayRule;
  });
}
