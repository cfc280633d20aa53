import { getHolidays } from '@brazilian-utils/brazilian-utils';
import { daysInMonth, epochDayOf, fromEpochDay, isSupportedEpochDay, parseCivilDate, toEpochDay, type CivilDate } from './civil-date.js';
import { easterEpochDay } from './easter.js';

/** Why a day is closed. */
export type HolidayKind = 'national' | 'banking' | 'state' | 'city' | 'extra';

/** A closed day. */
export interface Holiday {
  readonly date: CivilDate;
  readonly name: string;
  readonly kind: HolidayKind;
}

/**
 * A holiday rule a host plugs in (a city's anniversary, a bank's own closure):
 * a fixed day every year, a day relative to Easter, or one date. `since`/`until`
 * bound the years it applies (`until` exclusive).
 */
export type HolidayRule =
  | { readonly name: string; readonly month: number; readonly day: number; readonly since?: number; readonly until?: number; readonly kind?: HolidayKind }
  | { readonly name: string; readonly easterOffset: number; readonly since?: number; readonly until?: number; readonly kind?: HolidayKind }
  | { readonly name: string; readonly date: CivilDate; readonly kind?: HolidayKind };

/** The two-letter code of a Brazilian state (UF). */
export type StateCode =
  | 'AC' | 'AL' | 'AP' | 'AM' | 'BA' | 'CE' | 'DF' | 'ES' | 'GO' | 'MA' | 'MT' | 'MS' | 'MG' | 'PA'
  | 'PB' | 'PR' | 'PE' | 'PI' | 'RJ' | 'RN' | 'RS' | 'RO' | 'RR' | 'SC' | 'SP' | 'SE' | 'TO';

/** Every state code. */
export const STATE_CODES: readonly StateCode[] = ['AC', 'AL', 'AP', 'AM', 'BA', 'CE', 'DF', 'ES', 'GO', 'MA', 'MT', 'MS', 'MG', 'PA', 'PB', 'PR', 'PE', 'PI', 'RJ', 'RN', 'RS', 'RO', 'RR', 'SC', 'SP', 'SE', 'TO'];

/** The year from which 20 November (Dia Nacional de Zumbi e da Consciência Negra) is a national holiday (Lei 14.759/2023). */
export const CONSCIENCIA_NEGRA_NATIONAL_SINCE = 2024;

const FIXED_NATIONAL: readonly (readonly [number, number, string])[] = [
  [1, 1, 'Confraternização Universal'],
  [4, 21, 'Tiradentes'],
  [5, 1, 'Dia do Trabalho'],
  [9, 7, 'Independência do Brasil'],
  [10, 12, 'Nossa Senhora Aparecida'],
  [11, 2, 'Finados'],
  [11, 15, 'Proclamação da República'],
  [12, 25, 'Natal'],
];

/**
 * The national holidays of a year (Lei 662/1949 as amended, Lei 6.802/1980,
 * Lei 14.759/2023) plus Good Friday, which the federal calendar observes
 * nationwide (Portaria MGI, yearly).
 * @example
 * ```ts
 * import { nationalHolidays } from 'cobranca/calendar';
 *
 * const holidays = nationalHolidays(2026);
 * console.log(holidays.find((h) => h.date === '2026-11-20')?.name); // → Dia Nacional de Zumbi e da Consciência Negra
 * ```
 */
export function nationalHolidays(year: number): Holiday[] {
  const out: Holiday[] = FIXED_NATIONAL.map(([month, day, name]) => ({ date: fromEpochDay(epochDayOf(year, month, day)), name, kind: 'national' as const }));
  if (year >= CONSCIENCIA_NEGRA_NATIONAL_SINCE) {
    out.push({ date: fromEpochDay(epochDayOf(year, 11, 20)), name: 'Dia Nacional de Zumbi e da Consciência Negra', kind: 'national' });
  }
  out.push({ date: fromEpochDay(easterEpochDay(year) - 2), name: 'Sexta-feira Santa', kind: 'national' });
  return out;
}

/**
 * The days banks close on top of the national holidays (Resolução CMN 4.880/2020
 * and Febraban's yearly calendar): Carnival Monday and Tuesday (Easter − 48 and
 * − 47) and Corpus Christi (Easter + 60).
 * @example
 * ```ts
 * import { bankingClosures } from 'cobranca/calendar';
 *
 * // Days banks do not open beyond the national holidays: Carnival Monday and Tuesday, Corpus Christi.
 * console.log(bankingClosures(2026).map((h) => h.date).join(' ')); // → 2026-02-16 2026-02-17 2026-06-04
 * ```
 */
export function bankingClosures(year: number): Holiday[] {
  const easter = easterEpochDay(year);
  return [
    { date: fromEpochDay(easter - 48), name: 'Carnaval (segunda-feira)', kind: 'banking' },
    { date: fromEpochDay(easter - 47), name: 'Carnaval (terça-feira)', kind: 'banking' },
    { date: fromEpochDay(easter + 60), name: 'Corpus Christi', kind: 'banking' },
  ];
}

/**
 * A state's own holidays for a year, from the data kept by
 * `@brazilian-utils/brazilian-utils` (each with its state law); only the
 * entries it classes as state holidays, not the optional ones.
 * @example
 * ```ts
 * import { stateHolidays } from 'cobranca/calendar';
 *
 * console.log(stateHolidays(2026, 'SP').map((h) => `${h.date} ${h.name}`).join('; ')); // → 2026-07-09 Revolução Constitucionalista
 * ```
 */
export function stateHolidays(year: number, state: StateCode): Holiday[] {
  if (year < 1900 || year > 2099) return [];
  return getHolidays({ year, stateCode: state })
    .filter((h) => h.type === 'state')
    .map((h) => ({ date: fromEpochDay(epochDayOf(h.date.getFullYear(), h.date.getMonth() + 1, h.date.getDate())), name: h.name, kind: 'state' as const }));
}

/** The dates a host rule yields in a year (zero or one). */
export function ruleHolidays(year: number, rule: HolidayRule, defaultKind: HolidayKind): Holiday[] {
  const kind = rule.kind ?? defaultKind;
  if ('date' in rule) {
    const parsed = parseCivilDate(rule.date);
    if (parsed.isErr() || Number(rule.date.slice(0, 4)) !== year) return [];
    return [{ date: parsed.value, name: rule.name, kind }];
  }
  if ((rule.since !== undefined && year < rule.since) || (rule.until !== undefined && year >= rule.until)) return [];
  if ('month' in rule && rule.day > daysInMonth(year, rule.month)) return []; // 29 February only in leap years
  const epochDay = 'easterOffset' in rule ? easterEpochDay(year) + rule.easterOffset : epochDayOf(year, rule.month, rule.day);
  if (!isSupportedEpochDay(epochDay)) return [];
  return [{ date: fromEpochDay(epochDay), name: rule.name, kind }];
}

/** Sorts holidays by date and keeps one entry a day (the first given wins). */
export function uniqueByDate(holidays: readonly Holiday[]): Holiday[] {
  const seen = new Map<number, Holiday>();
  for (const h of holidays) {
    const key = toEpochDay(h.date);
    if (!seen.has(key)) seen.set(key, h);
  }
  return [...seen.values()].sort((a, b) => (a.date < b.date ? -1 : 1));
}
