import fc from 'fast-check';
import { Decimal } from 'decimal.js';
import { afterAll, describe, expect, it } from 'vitest';
import { brazilianCalendar, FIRST_SUPPORTED_YEAR, LAST_SUPPORTED_YEAR } from '../../src/calendar/index.js';
import { civilDate, fromEpochDay, daysOverdue, payableOn, addDays, addMonths, addYears, daysBetween, endOfMonth, startOfMonth, weekdayOf, toEpochDay, prescriptionOn, type CivilDate } from '../../src/calendar/index.js';
import { run, started, negativatedEvents } from '../negativation/fixtures.js';
import { requested } from '../protest/fixtures.js';
import { exampleRuler } from '../ruler/fixtures.js';
import { typedHelperNames } from './coverage.js';
import { exportedFunctions } from './entries.js';
import { FUZZ_RUNS, FUZZ_SEED, FUZZ_TEST_TIMEOUT_MS, checkAnswer, failureReport, guarded, hostile, stopWatchdog } from './hostile.js';

/**
 * Issue 12, "What must show", for the typed helpers (test/fuzz/coverage.ts):
 * called with plausible and hostile arguments, each returns or throws an
 * `Error` within the CPU budget, never hangs (the watchdog kills an endless
 * loop). The calendar's methods, `payableOn` and `daysOverdue` are also called
 * over every date of the supported range: a correct answer or a `RangeError`.
 */
afterAll(stopWatchdog);

const calendar = brazilianCalendar();
/** Values of the types the helpers take: parsed amounts, dates, counts, documents, records. */
const plausible: fc.Arbitrary<unknown> = fc.constantFrom<unknown>(
  { cents: 37_352 }, { cents: -1 }, { cents: 0 }, '2026-11-10', '0000-01-01', '9999-12-31', '2024-02-29', 5, -3, 0, 2026, 1_000_000, '12.34',
  '123.456.789-09', '12345678909', '11.222.333/0001-81', 'maria@example.com', '+5511999990000', 'Maria da Silva', 'SP', 'serasa',
  [{ cents: 1 }, { cents: 2 }], ['1', '2'], calendar, new Decimal('1.5'), run(started(), negativatedEvents).negativation, requested(), exampleRuler, { kind: 'cpf', value: '12345678909' },
);
const argument = fc.oneof({ weight: 2, arbitrary: plausible }, { weight: 1, arbitrary: hostile });

/** Calls `fn` (a class with `new`) and answers what it returned, or the `Error` it threw; a thrown non-Error is a defect. */
function callHelper(fn: (...args: unknown[]) => unknown, self: unknown, args: unknown[]): unknown {
  try {
    return /^class\b/.test(Function.prototype.toString.call(fn)) ? Reflect.construct(fn, args) : Reflect.apply(fn, self, args);
  } catch (error) {
    if (error instanceof Error) return error;
    throw new Error(`threw something that is not an Error: ${typeof error}`);
  }
}

async function fuzzHelper(name: string, fn: (...args: unknown[]) => unknown, self?: unknown): Promise<void> {
  const arity = Math.max(1, fn.length);
  const outcome = await fc.check(
    fc.asyncProperty(fc.array(argument, { minLength: arity, maxLength: arity + 1 }), async (args) => {
      const answer = await guarded(name, args, () => callHelper(fn, self, args));
      if (!(answer instanceof Error)) checkAnswer(name, answer);
    }),
    { numRuns: FUZZ_RUNS, seed: FUZZ_SEED },
  );
  if (outcome.failed) expect.fail(failureReport(outcome));
}

const helpers = [...(await exportedFunctions())].filter(([, { names }]) => [...names].some((n) => typedHelperNames.has(n))).map(([fn, { names }]): [string, (...args: unknown[]) => unknown] => [[...names].join('/'), fn as (...args: unknown[]) => unknown]);
/** Every method of a calendar object (own or inherited), as a host calls them. */
const calendarMethods = [...new Set([...Object.keys(calendar), ...Object.getOwnPropertyNames(Object.getPrototypeOf(calendar) as object)])].filter((k) => k !== 'constructor' && typeof (calendar as unknown as Record<string, unknown>)[k] === 'function');

describe('fuzz: typed helpers return or throw an Error, never hang', () => {
  it('finds the helpers and the calendar methods', () => {
    expect(helpers.length).toBeGreaterThan(100);
    expect(calendarMethods).toEqual(expect.arrayContaining(['isBusinessDay', 'nextBusinessDay', 'previousBusinessDay', 'addBusinessDays', 'businessDaysBetween', 'holidayOn', 'holidaysIn']));
  });
  it.each(helpers)('%s', { timeout: FUZZ_TEST_TIMEOUT_MS }, async (name, fn) => fuzzHelper(name, fn));
  it.each(calendarMethods)('calendar.%s', { timeout: FUZZ_TEST_TIMEOUT_MS }, async (method) => fuzzHelper(`calendar.${method}`, (calendar as unknown as Record<string, (...args: unknown[]) => unknown>)[method] as (...args: unknown[]) => unknown, calendar));
});

/** A civil date anywhere in the supported years (those parseCivilDate accepts), weighted towards their ends. */
const first = new Date(`${String(FIRST_SUPPORTED_YEAR).padStart(4, '0')}-01-01T00:00:00Z`);
const last = new Date(`${LAST_SUPPORTED_YEAR}-12-31T00:00:00Z`);
const anyDate: fc.Arbitrary<CivilDate> = fc.oneof(
  fc.date({ min: first, max: last, noInvalidDate: true }),
  fc.constantFrom(first, last, new Date(first.getTime() + 86_400_000), new Date(last.getTime() - 86_400_000)),
).map((d) => `${String(d.getUTCFullYear()).padStart(4, '0')}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}` as CivilDate);
/** Mostly counts of days a host uses, sometimes one that crosses the whole range (both walks are linear in the days crossed: bounded, but slow to repeat). */
const anyCount = fc.oneof({ weight: 9, arbitrary: fc.integer({ min: -400, max: 400 }) }, { weight: 1, arbitrary: fc.integer({ min: -4_000_000, max: 4_000_000 }) });
const FIRST_EPOCH_DAY = toEpochDay(civilDate(`${String(FIRST_SUPPORTED_YEAR).padStart(4, '0')}-01-01`));
const LAST_EPOCH_DAY = toEpochDay(civilDate(`${LAST_SUPPORTED_YEAR}-12-31`));
/** `b` one time in ten, otherwise a date up to 4,000 days from `a` (inside the range). */
const nearOrFar = (a: CivilDate, b: CivilDate, n: number): CivilDate => (n % 10 === 0 ? b : fromEpochDay(Math.min(LAST_EPOCH_DAY, Math.max(FIRST_EPOCH_DAY, toEpochDay(a) + (n % 4_000)))));

/** Date functions and calendar methods: each takes dates (and a count), answers a date, a number or a boolean, or throws a RangeError for a result beyond the supported years. */
const overDates: Record<string, (a: CivilDate, b: CivilDate, n: number) => unknown> = {
  'calendar.isBusinessDay': (a) => calendar.isBusinessDay(a),
  'calendar.holidayOn': (a) => calendar.holidayOn(a),
  'calendar.nextBusinessDay': (a) => calendar.nextBusinessDay(a),
  'calendar.previousBusinessDay': (a) => calendar.previousBusinessDay(a),
  'calendar.businessDayOnOrAfter': (a) => calendar.businessDayOnOrAfter(a),
  'calendar.addBusinessDays': (a, _b, n) => calendar.addBusinessDays(a, n),
  'calendar.businessDaysBetween': (a, b, n) => calendar.businessDaysBetween(a, nearOrFar(a, b, n)),
  'calendar.holidaysIn': (a) => calendar.holidaysIn(Number(a.slice(0, 4))),
  'calendar.isBusinessEpochDay': (a) => calendar.isBusinessEpochDay(toEpochDay(a)),
  payableOn: (a) => payableOn(a, calendar),
  daysOverdue: (a, b, n) => daysOverdue(a, nearOrFar(a, b, n), calendar),
  addDays: (a, _b, n) => addDays(a, n),
  addMonths: (a, _b, n) => addMonths(a, n),
  addYears: (a, _b, n) => addYears(a, n % 10_000),
  daysBetween: (a, b) => daysBetween(a, b),
  endOfMonth: (a) => endOfMonth(a),
  startOfMonth: (a) => startOfMonth(a),
  weekdayOf: (a) => weekdayOf(a),
  prescriptionOn: (a, _b, n) => prescriptionOn(a, n % 10_000),
};

describe('fuzz: date helpers and calendar methods over every date of the range (edge dates: the first and last supported days, 1000-01-01 and 9999-12-31)', () => {
  it.each(Object.entries(overDates))('%s answers or throws a RangeError, nothing else', { timeout: FUZZ_TEST_TIMEOUT_MS }, async (name, call) => {
    const outcome = await fc.check(
      fc.asyncProperty(anyDate, anyDate, anyCount, async (a, b, n) => {
        await guarded(name, [a, b, n], () => {
          try {
            return call(a, b, n);
          } catch (error) {
            if (error instanceof RangeError) return error;
            throw error;
          }
        });
      }),
      { numRuns: Math.max(50, FUZZ_RUNS * 4), seed: FUZZ_SEED },
    );
    if (outcome.failed) expect.fail(failureReport(outcome));
  });
});
