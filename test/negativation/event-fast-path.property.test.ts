import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NEGATIVATION_EVENT_TYPES, negativationEventSchema, parseNegativationEvent, transition } from '../../src/negativation/index.js';
import { applyEvent } from '../../src/negativation/transition.js';
import { readNegativationEventFast } from '../../src/negativation/event-fast-input.js';
import { defaultBusinessCalendar } from '../../src/calendar/index.js';
import { parseInput } from '../../src/errors.js';
import { run, started, negativatedEvents } from './fixtures.js';

/**
 * `transition` reads its event by hand (zod runs only when the reader doubts, to
 * build the error). The reader must return exactly what the schema returns for
 * every event it accepts, and the whole call must give what the schema-only path
 * gives: the same negativation and effects, or the same error.
 */
const mostly = <T, U>(good: fc.Arbitrary<T>, bad: fc.Arbitrary<U>): fc.Arbitrary<T | U> => fc.oneof({ arbitrary: good, weight: 25 }, { arbitrary: bad, weight: 1 });
const day = (d: number): string => new Date(Date.UTC(2026, 10, 18) + d * 86_400_000).toISOString().slice(0, 10);
const date = mostly(fc.integer({ min: -3, max: 8 }).map(day), fc.constantFrom('2026-02-30', '2026-1-5', '', '9999-12-01', '9999-12-31', 20260105, null, undefined));
const text = mostly(fc.constantFrom('system', '  op  ', 'serasa', 'PP-1', 'ag-1', ' why '), fc.constantFrom('', '   ', 5, null, undefined));

const fields: Record<string, fc.Arbitrary<unknown>> = {
  on: date,
  actor: text,
  reason: fc.oneof(text, fc.constant(undefined)),
  at: fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(undefined, '2026-11-20T10:00:00-03:00') },
    { weight: 1, arbitrary: fc.constantFrom('2026-11-20T13:00:00Z', '2026-11-20T10:00:00.123-03:00', '2026-11-20T10:00-03:00', '2026-02-30T10:00:00-03:00', '2026-11-20 10:00:00-03:00', '2026-11-20T10:00:00', 'nope', 5) },
  ),
  channel: mostly(fc.constantFrom('letter', 'email', 'sms'), fc.constantFrom('fax', 1)),
  proofOfPosting: fc.oneof(text, fc.constant(undefined)),
  bureauReference: fc.constantFrom(undefined, 'ref-1', '', ' x ', 3),
  kind: mostly(fc.constantFrom('full', 'partial', 'agreement_installment'), fc.constantFrom('gift', null)),
  amount: mostly(fc.oneof(fc.integer({ min: 1, max: 100_000 }).map((c) => (c / 100).toFixed(2)), fc.integer({ min: 1, max: 100_000 }).map((cents) => ({ cents }))), fc.constantFrom('0.00', '-1.00', 'abc', 10.5, { cents: 0 })),
  paidOn: date,
  fundsAvailableOn: date,
  installmentNumber: fc.constantFrom(undefined, undefined, 1, 2, 0, 1.5, '1', 2 ** 60),
  agreementId: text,
  owed: fc.constantFrom(undefined, undefined, { principal: '1.00', total: '2.00' }, { principal: 'x', total: '2.00' }),
  paidOutside: fc.constantFrom(undefined, undefined, { paidOn: day(0), fundsAvailableOn: day(1) }, { paidOn: day(1), fundsAvailableOn: day(0) }),
};

/** An event of any type with the fields of its schema, mostly well formed; sometimes a field missing, an unknown one or a key set to undefined. */
const event = fc
  .record({
    type: mostly(fc.constantFrom(...NEGATIVATION_EVENT_TYPES), fc.constantFrom('teleport', 7)),
    values: fc.record(fields),
    keepUndefined: fc.oneof({ arbitrary: fc.constant(false), weight: 8 }, { arbitrary: fc.constant(true), weight: 1 }),
    drop: fc.oneof({ arbitrary: fc.constant(undefined), weight: 8 }, { arbitrary: fc.constantFrom(...Object.keys(fields)), weight: 1 }),
    extra: fc.oneof({ arbitrary: fc.constant(undefined), weight: 12 }, { arbitrary: fc.constantFrom('unknown', 'type2'), weight: 1 }),
  })
  .map(({ type, values, keepUndefined, drop, extra }) => {
    const option = negativationEventSchema.options.find((o) => o.shape.type.value === type);
    const keys = option === undefined ? Object.keys(fields).slice(0, 3) : Object.keys(option.shape).filter((k) => k !== 'type');
    const out: Record<string, unknown> = { type };
    for (const key of keys) {
      const value = (values as Record<string, unknown>)[key];
      if (key !== drop && (value !== undefined || keepUndefined)) out[key] = value;
    }
    if (extra !== undefined) out[extra] = 'x';
    return out;
  });

const answer = (result: { isOk(): boolean; value?: unknown; error?: { code: string; path?: unknown; message: string; details?: unknown } }): unknown =>
  result.isOk() ? result.value : { error: result.error?.code, path: result.error?.path, message: result.error?.message, details: result.error?.details };

/** The checked path: the schema alone. */
function checkedTransition(negativation: Parameters<typeof transition>[0], input: unknown): unknown {
  const parsed = parseNegativationEvent(input);
  if (parsed.isErr() && parsed.error.code === 'unknown_event') return answer(parsed);
  const viaSchema = parseInput(negativationEventSchema, input);
  if (viaSchema.isErr()) return answer(viaSchema);
  return answer(applyEvent(negativation, viaSchema.value, defaultBusinessCalendar()));
}

describe('transition fast path', () => {
  it('reads exactly what the schema reads, and doubts the rest', () => {
    let fast = 0;
    fc.assert(
      fc.property(event, (input) => {
        const read = readNegativationEventFast(input);
        const schema = negativationEventSchema.safeParse(input);
        if (read !== undefined) {
          fast++;
          expect(schema.success).toBe(true);
          expect(read).toStrictEqual(schema.data);
          expect(Object.keys(read)).toEqual(Object.keys(schema.data ?? {}));
        }
      }),
      { numRuns: 3000, seed: 20261202 },
    );
    expect(fast).toBeGreaterThan(300); // the fast path ran, not only the fallback
  });

  it('gives the same negativation, effects and errors as the schema-only path', () => {
    const negativated = run(started(), negativatedEvents).negativation;
    const fresh = started();
    fc.assert(
      fc.property(event, fc.boolean(), (input, early) => {
        const n = early ? fresh : negativated;
        expect(answer(transition(n, input as Parameters<typeof transition>[1]))).toEqual(checkedTransition(n, input));
      }),
      { numRuns: 1500, seed: 20261203 },
    );
  });

  it('on random walks, never changes the negativation it is given and extends its history, payments and notices by fresh copies', () => {
    // Each step copies the lists it extends (allocated at their final length) instead of pushing onto the caller's.
    let steps = 0;
    let extended = 0;
    fc.assert(
      fc.property(fc.array(event, { minLength: 1, maxLength: 12 }), (inputs) => {
        let n = started();
        for (const input of inputs) {
          const before = structuredClone(n);
          const result = transition(n, input as Parameters<typeof transition>[1]);
          expect(n).toStrictEqual(before);
          if (result.isErr()) continue;
          steps++;
          const next = result.value.negativation;
          expect(next.history).not.toBe(n.history);
          expect(next.history.slice(0, -1)).toStrictEqual(n.history);
          expect(next.history).toHaveLength(next.version);
          for (const list of ['payments', 'notices'] as const) {
            if (next[list] === n[list]) continue;
            extended++;
            expect(next[list].slice(0, n[list].length)).toStrictEqual(n[list]);
          }
          n = next;
        }
      }),
      { numRuns: 400, seed: 20261204 },
    );
    expect(steps).toBeGreaterThan(100); // the walks moved (most random events are refused)
    expect(extended).toBeGreaterThan(5); // and some steps extended payments or notices
  });

  it('doubts an object with a prototype of its own (the schema decides)', () => {
    const proto = { actor: 'system' };
    const input = Object.assign(Object.create(proto) as object, { type: 'submitted', on: day(0) });
    expect(readNegativationEventFast(input)).toBeUndefined();
  });
});
