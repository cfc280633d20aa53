import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  evaluateRuler,
  evaluateRulerCompact,
  rulerActionLog,
  type ActionLog,
  type CompactRulerEvaluation,
  type EvaluateRulerInput,
  type RulerEvaluation,
  type RulerInvoice,
} from '../../src/ruler/index.js';
import { dayText, instantOf, momentArb, portfolioArb as plainPortfolioArb, rulerArb } from './arbitraries.js';
import { calendar, exampleRuler, invoice, settingsOf } from './fixtures.js';

const settingsArb = fc
  .record({ registerAutomatically: fc.boolean(), removeAutomatically: fc.boolean(), anchor: fc.constantFrom('invoice', 'customer'), daysToNextAction: fc.constantFrom(null, 3) })
  .map((s) => settingsOf(s));

/** Portfolios whose registered invoices say when the bureau accepted them, so follow-ups after a registration (per invoice, even in per-customer mode) come out too. */
const portfolioArb = fc.tuple(plainPortfolioArb, fc.array(fc.integer({ min: -30, max: 40 }), { minLength: 25, maxLength: 25 })).map(([invoices, days]) =>
  invoices.map((inv, i): RulerInvoice => (inv.negativation?.state === 'negativated' ? { ...inv, negativation: { state: 'negativated', registeredOn: dayText(days[i] ?? 0) } } : inv)),
);

/** Every outcome as the plain object it writes, in order, and the header. */
const plain = (e: RulerEvaluation): unknown => JSON.parse(JSON.stringify(e)) as unknown;

/** The compact result read three ways (at(i), iteration, toEvaluation), each as plain objects. */
function readings(c: CompactRulerEvaluation): unknown[] {
  const { due, deferred, skipped, toEvaluation: _, ...header } = c;
  const byAt = <T>(list: { length: number; at(i: number): T | undefined }): T[] => Array.from({ length: list.length }, (_, i) => list.at(i) as T);
  return [
    plain({ ...header, due: byAt(due), deferred: byAt(deferred), skipped: byAt(skipped) }),
    plain({ ...header, due: [...due], deferred: [...deferred], skipped: [...skipped] }),
    plain(c.toEvaluation()),
  ];
}

/** A log in one of the shapes the evaluator takes, holding some of a first run's outcomes. */
type LogShape = 'set' | 'array' | 'function' | 'compact';
function logOf(shape: LogShape, keys: string[]): ActionLog {
  if (shape === 'set') return new Set(keys);
  if (shape === 'array') return keys;
  if (shape === 'function') return (key: string) => keys.includes(key);
  return rulerActionLog(keys);
}

const both = (input: EvaluateRulerInput<Iterable<RulerInvoice>>) => ({ objects: evaluateRuler(input), compact: evaluateRulerCompact(input) });

describe('evaluateRulerCompact equals evaluateRuler', () => {
  it('the same outcomes in the same order, read by index, by iteration or as an evaluation, with any log shape and batch size, in both anchor modes', () => {
    fc.assert(
      fc.property(
        rulerArb,
        settingsArb,
        portfolioArb,
        momentArb,
        fc.nat({ max: 4 }),
        fc.constantFrom<LogShape>('set', 'array', 'function', 'compact'),
        fc.integer({ min: 1, max: 30 }),
        fc.func(fc.boolean()),
        (ruler, settings, invoices, moment, later, shape, batchSize, keepKey) => {
          const yesterday = evaluateRuler({ ruler, settings, invoices, asOf: instantOf(moment), calendar })._unsafeUnwrap();
          const logged = [...yesterday.due, ...yesterday.skipped].map((o) => o.key).filter((key) => keepKey(key));
          const asOf = instantOf({ day: moment.day + later, minute: moment.minute });
          const { objects, compact } = both({ ruler, settings, invoices, asOf, calendar, done: logOf(shape, logged), batchSize });
          const expected = plain(objects._unsafeUnwrap());
          for (const reading of readings(compact._unsafeUnwrap())) expect(reading).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('the records it hands out are the evaluator’s own (same class, key built on read, loggable)', () => {
    fc.assert(
      fc.property(rulerArb, settingsArb, portfolioArb, momentArb, (ruler, settings, invoices, moment) => {
        const input = { ruler, settings, invoices, asOf: instantOf(moment), calendar };
        const { objects, compact } = both(input);
        const o = objects._unsafeUnwrap();
        const c = compact._unsafeUnwrap();
        const pairs = [...o.due.map((r, i) => [r, c.due.at(i)]), ...o.deferred.map((r, i) => [r, c.deferred.at(i)]), ...o.skipped.map((r, i) => [r, c.skipped.at(i)])];
        for (const [a, b] of pairs) {
          expect(Object.getPrototypeOf(b)).toBe(Object.getPrototypeOf(a));
          expect(b?.key).toBe(a?.key);
        }
        expect([c.due.length, c.deferred.length, c.skipped.length]).toEqual([o.due.length, o.deferred.length, o.skipped.length]);
        expect(c.due.at(c.due.length)).toBeUndefined();
        expect(c.skipped.at(-1)).toBeUndefined();
        expect(c.deferred.at(0.5)).toBeUndefined();
      }),
      { numRuns: 150 },
    );
  });

  it('idempotence holds on the compact path: log what it returned (from the compact lists), evaluate again → nothing new', () => {
    fc.assert(
      fc.property(rulerArb, settingsArb, portfolioArb, momentArb, (ruler, settings, invoices, moment) => {
        const asOf = instantOf(moment);
        const first = evaluateRulerCompact({ ruler, settings, invoices, asOf, calendar })._unsafeUnwrap();
        const log = rulerActionLog([...first.due, ...first.skipped]);
        expect(log.size).toBe(first.due.length + first.skipped.length); // every key at most once
        const second = evaluateRulerCompact({ ruler, settings, invoices, asOf, calendar, done: log })._unsafeUnwrap();
        expect(second.due.length + second.skipped.length).toBe(0);
        expect([...second.deferred].map((d) => d.key)).toEqual([...first.deferred].map((d) => d.key));
      }),
      { numRuns: 200 },
    );
  });

  it('the same errors: a malformed invoice anywhere in the portfolio, or bad input around it', () => {
    const corruptions: Record<string, unknown>[] = [
      { dueDate: '2026-02-30' },
      { dueDate: undefined },
      { amount: 12.5 },
      { amount: '-1.00' },
      { id: '' },
      { customerId: 7 },
      { payments: [{ date: '2026-03-01', amount: '1,00' }] },
      { payments: 'none' },
      { agreement: { state: 'signed', since: '2026-03-01' } },
      { negativation: { state: 'registered' } },
      { customerKind: 'family' },
      { done: 'all' },
    ];
    fc.assert(
      fc.property(rulerArb, settingsArb, portfolioArb, momentArb, fc.nat(), fc.constantFrom(...corruptions), fc.integer({ min: 1, max: 30 }), (ruler, settings, invoices, moment, at, patch, batchSize) => {
        const index = invoices.length === 0 ? 0 : at % (invoices.length + 1);
        const bad = [...invoices.slice(0, index), { ...invoice('bad', '2026-03-10'), ...patch } as unknown as RulerInvoice, ...invoices.slice(index)];
        const { objects, compact } = both({ ruler, settings, invoices: bad, asOf: instantOf(moment), calendar, batchSize });
        expect(compact._unsafeUnwrapErr()).toEqual(objects._unsafeUnwrapErr());
        expect(compact._unsafeUnwrapErr().path?.[1]).toBe(index);
      }),
      { numRuns: 200 },
    );
    const base = { ruler: exampleRuler, invoices: [invoice('a', '2026-03-10')], asOf: '2026-03-30T10:00:00-03:00', calendar };
    const badInputs: unknown[] = [
      { ...base, asOf: 'yesterday' },
      { ...base, invoices: 3 },
      { ...base, done: 42 },
      { ...base, batchSize: 0 },
      { ...base, settings: { anchor: 'family' } },
      { ...base, ruler: { id: 'r', steps: [] } },
      { ...base, invoices: { [Symbol.asyncIterator]: () => ({ next: () => Promise.resolve({ done: true, value: undefined }) }) } },
      null,
    ];
    for (const input of badInputs) {
      const compact = evaluateRulerCompact(input as never)._unsafeUnwrapErr();
      const objects = evaluateRuler(input as never)._unsafeUnwrapErr();
      expect({ code: compact.code, path: compact.path }).toEqual({ code: objects.code, path: objects.path });
    }
  });
});
