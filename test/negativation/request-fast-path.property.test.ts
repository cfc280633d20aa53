import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseTaxId } from '../../src/documents/index.js';
import { NEGATIVATION_STATUSES, negativationRequestSchema, REQUEST_ORIGINS, startNegativation } from '../../src/negativation/index.js';
import { readNegativationRequestFast } from '../../src/negativation/request-fast-input.js';
import { existingNegativationSchema } from '../../src/negativation/request-schema.js';
import { calendar, creditor, debtor } from './fixtures.js';

/**
 * `startNegativation` reads its request by hand (zod runs only when the reader
 * doubts, to build the error). The reader must return what the schema returns
 * for every request it accepts, and the whole call must give what the
 * schema-only path gives: the same negativation, or the same error (code,
 * message, path, details). The schema-only path is the same call with the
 * request behind a prototype of its own: the reader doubts any object that is
 * not plain, so zod parses it (the last test pins that).
 */
const mostly = <T, U>(good: fc.Arbitrary<T>, bad: fc.Arbitrary<U>, weight = 40): fc.Arbitrary<T | U> => fc.oneof({ arbitrary: good, weight }, { arbitrary: bad, weight: 1 });
const day = (d: number): string => new Date(Date.UTC(2026, 9, 20) + d * 86_400_000).toISOString().slice(0, 10);
const text = (...good: string[]) => mostly(fc.constantFrom(...good), fc.constantFrom('', '   ', 5, null));
const optional = <T>(value: fc.Arbitrary<T>) => fc.oneof({ arbitrary: fc.constant(undefined), weight: 2 }, { arbitrary: value, weight: 1 });

/** Sometimes drops a key, adds one the schema does not know, or sets one to `undefined`. */
function mutated(record: fc.Arbitrary<Record<string, unknown>>): fc.Arbitrary<Record<string, unknown>> {
  return fc.tuple(record, fc.nat(160), fc.constantFrom('drop', 'extra', 'undefined')).map(([value, pick, how]) => {
    const keys = Object.keys(value);
    if (pick >= keys.length || pick > 4) return value;
    const out = { ...value };
    const key = keys[pick] as string;
    if (how === 'drop') Reflect.deleteProperty(out, key);
    else if (how === 'extra') out[`${key}X`] = 'x';
    else out[key] = undefined;
    return out;
  });
}

/** Drops keys whose value is `undefined` (an absent optional field). */
const compact = (value: Record<string, unknown>): Record<string, unknown> => Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined));

const taxIds = mostly(fc.constantFrom('123.456.789-09', '52998224725', '11.222.333/0001-81', ' 529.982.247-25 ', '12.ABC.345/01DE-35'), fc.constantFrom('123.456.789-00', '', '  ', '1234', 12345678909, null), 8);

const address = mutated(
  fc
    .record({
      street: mostly(fc.constantFrom('Rua das Flores'), fc.constantFrom(undefined, '  ', 7), 6),
      number: mostly(fc.constantFrom('100', '12B'), fc.constantFrom('')),
      complement: optional(fc.constantFrom('ap 3', '')),
      district: optional(fc.constantFrom('Centro')),
      city: mostly(fc.constantFrom('Curitiba', 'São Paulo'), fc.constantFrom('')),
      state: mostly(fc.constantFrom('PR', 'sp', ' SP '), fc.constantFrom('XX', ''), 6),
      cep: mostly(fc.constantFrom('80010-000', '80010000', ' 80010-000 '), fc.constantFrom('8001-000', ''), 6),
    })
    .map(compact),
);

const debtors = mutated(
  fc
    .record({
      document: taxIds,
      name: mostly(fc.constantFrom('Maria da Silva', '  João '), fc.constantFrom(undefined, '')),
      birthDate: optional(mostly(fc.constantFrom('1980-05-01', '2001-12-31'), fc.constantFrom('1980-02-30', 19800501))),
      address: fc.oneof({ arbitrary: address, weight: 6 }, { arbitrary: fc.constantFrom(undefined, null, 'Rua X'), weight: 1 }),
      email: optional(fc.constantFrom('maria@example.com', '', 3)),
      phone: optional(fc.constantFrom('+55 41 99999-0000')),
    })
    .map(compact),
);

const amounts = mostly(fc.oneof(fc.integer({ min: 1, max: 100_000 }).map((c) => (c / 100).toFixed(2)), fc.integer({ min: 1, max: 100_000 }).map((cents) => ({ cents }))), fc.constantFrom('0.00', '-1.00', 'abc', 10.5, { cents: 0 }, { cents: 1.5 }));

const titles = mutated(
  fc
    .record({
      id: text('inv-1', ' inv-1 ', 'inv-2'),
      amount: amounts,
      dueDate: mostly(fc.oneof({ arbitrary: fc.integer({ min: -120, max: 10 }), weight: 6 }, { arbitrary: fc.integer({ min: -2000, max: -1700 }), weight: 1 }).map(day), fc.constantFrom('2026-13-01', '9995-01-01', '9994-12-30', '', 20260910)),
      outstanding: optional(mostly(amounts, fc.constantFrom('-0.01'))),
      prescribesOn: optional(mostly(fc.integer({ min: -400, max: 2000 }).map(day), fc.constantFrom('2026-02-30'))),
      paid: optional(mostly(fc.constantFrom(false, false, true), fc.constantFrom('yes', 1))),
      inActiveAgreement: optional(fc.constantFrom(false, false, true)),
      disputed: optional(mostly(fc.constantFrom(false, false, true), fc.constantFrom(null))),
    })
    .map(compact),
);

const creditors = mutated(fc.record({ id: text('cred-1', ' cred-2 '), name: text('Provedor Exemplo Ltda'), document: taxIds }));

const registrations = mutated(
  fc.record({
    id: text('reg-1', ' reg-2 '),
    titleIds: mostly(fc.constantFrom(['inv-1', 'inv-2'], [' inv-1', 'inv-2', 'inv-3'], ['inv-2', 'inv-3']), fc.constantFrom(['inv-1'], ['inv-1', 'inv-1'], ['inv-1', ' inv-1 '], ['inv-1', ''], 'inv-1', ['inv-1', 2]), 6),
  }),
);

const settingValues: Record<string, fc.Arbitrary<unknown>> = {
  removeAutomatically: mostly(fc.boolean(), fc.constantFrom('no')),
  minimumDaysOverdue: mostly(fc.integer({ min: 1, max: 90 }), fc.constantFrom(0, 3651, 1.5, '30')),
  minimumAmount: mostly(fc.constantFrom('0.01', '500.00', { cents: 100 }), fc.constantFrom('-1.00', 'x')),
  noticeWaitingDays: mostly(fc.integer({ min: 0, max: 365 }), fc.constantFrom(-1, 366)),
  qualifyingNoticeChannels: mostly(fc.constantFrom(['letter'], ['letter', 'email'], ['sms', 'email', 'letter']), fc.constantFrom([], ['fax'], ['letter', 'letter', 'letter', 'letter'], 'letter')),
  defaultNoticeChannel: mostly(fc.constantFrom('letter', 'email', 'sms'), fc.constantFrom('fax')),
  noticeMode: mostly(fc.constantFrom('creditor_letter', 'email_then_bureau_letter', 'bureau_sends'), fc.constantFrom('pigeon')),
  prescriptionYears: mostly(fc.integer({ min: 1, max: 5 }), fc.constantFrom(0, 6)),
  requireBirthDateForPersons: fc.boolean(),
  submissionCutoffMonths: mostly(fc.integer({ min: 1, max: 60 }), fc.constantFrom(61)),
  stuckSubmissionDays: fc.integer({ min: 0, max: 365 }),
  unknownSetting: fc.constant(1),
};
const settings = fc
  .subarray(Object.keys(settingValues), { maxLength: 5 })
  .chain((keys) => fc.record(Object.fromEntries(keys.map((key) => [key, settingValues[key] as fc.Arbitrary<unknown>]))));

const existingOne = fc
  .record({
    status: mostly(fc.constantFrom(...NEGATIVATION_STATUSES), fc.constantFrom('gone')),
    bureau: fc.constantFrom('serasa', 'boa_vista'),
    creditor: mostly(fc.constantFrom({ id: 'cred-1' }, { id: 'cred-1', name: 'x' }), fc.constantFrom({ id: 1 }, null)),
    title: fc.constantFrom({ id: 'inv-1' }, { id: 'inv-2' }),
    debtor: mostly(fc.constantFrom({ document: { kind: 'cpf', number: '12345678909' } }, { document: { number: '52998224725' } }), fc.constantFrom({ document: '12345678909' })),
  })
  .map((n) => ({ ...n, version: 3 }));

const requests = mutated(
  fc
    .record({
      id: text('neg-1', ' neg-2 '),
      origin: mostly(fc.constantFrom(...REQUEST_ORIGINS), fc.constantFrom('robot')),
      bureau: text('serasa', 'boa_vista', ' spc '),
      creditor: mostly(creditors, fc.constantFrom(creditor.document, null)),
      debtor: mostly(debtors, fc.constantFrom(debtor.document, null)),
      title: mostly(titles, fc.constantFrom([], 'inv-1')),
      registration: optional(registrations),
      settings: optional(mostly(settings, fc.constantFrom(null, [], 'default'))),
      existing: optional(mostly(fc.array(existingOne, { maxLength: 3 }), fc.constantFrom('none', [null]))),
      on: mostly(fc.integer({ min: -5, max: 40 }).map(day), fc.constantFrom('2026-10-32', '')),
      actor: text('op-ana', ' system '),
      reason: optional(mostly(fc.constantFrom('cobrança', '  '), fc.constantFrom(3))),
      at: optional(mostly(fc.constantFrom('2026-10-20T10:00:00-03:00', '2026-10-20T13:00:00.123Z'), fc.constantFrom('2026-10-20 10:00', '2026-10-20T10:00:00'))),
    })
    .map(compact),
);

const answer = (result: ReturnType<typeof startNegativation>): unknown =>
  result.isOk() ? result.value : { error: result.error.code, path: result.error.path, message: result.error.message, details: result.error.details };

/** The same request behind a prototype of its own: the reader doubts it, so only the schema reads it. */
const schemaOnly = (input: Record<string, unknown>): Record<string, unknown> => Object.assign(Object.create({}) as Record<string, unknown>, input);

describe('startNegativation fast path', () => {
  it('reads exactly what the schema reads, and doubts the rest', () => {
    let fast = 0;
    fc.assert(
      fc.property(requests, (input) => {
        const read = readNegativationRequestFast(input);
        const schema = negativationRequestSchema.safeParse(input);
        if (read === undefined) return;
        fast++;
        expect(schema.success).toBe(true);
        // the reader hands `existing` back as given; the schema strips what the duplicate guard does not read
        const existing = existingNegativationSchema.array().parse(read.request.existing);
        expect({ ...read.request, existing }).toStrictEqual(schema.data);
        const taxId = parseTaxId(read.request.debtor.document);
        expect(read.debtorTaxId).toStrictEqual(taxId.isOk() ? taxId.value : undefined);
      }),
      { numRuns: 3000, seed: 20261204 },
    );
    expect(fast).toBeGreaterThan(300); // the fast path ran, not only the fallback
  });

  it('gives the same negativation and the same errors as the schema-only path', () => {
    let accepted = 0;
    let refusedByGuards = 0;
    fc.assert(
      fc.property(requests, (input) => {
        const result = startNegativation(input as never, { calendar });
        if (result.isOk()) accepted++;
        else if (result.error.code === 'guard_failed') refusedByGuards++;
        expect(answer(result)).toEqual(answer(startNegativation(schemaOnly(input) as never, { calendar })));
      }),
      { numRuns: 2000, seed: 20261205 },
    );
    expect(accepted).toBeGreaterThan(50);
    expect(refusedByGuards).toBeGreaterThan(50);
  });

  it('reads settings frozen all the way down once, and then hands the same reading back (equal to the schema every time)', () => {
    const deepFreeze = <T>(value: T): T => {
      if (value !== null && typeof value === 'object') {
        for (const part of Object.values(value)) deepFreeze(part);
        Object.freeze(value);
      }
      return value;
    };
    let reused = 0;
    fc.assert(
      fc.property(fc.array(settings, { minLength: 1, maxLength: 3 }), fc.array(fc.tuple(fc.nat(2), fc.boolean()), { minLength: 1, maxLength: 8 }), (pool, picks) => {
        // a few settings objects, frozen all the way down, used by requests in turn (one is sometimes a fresh unfrozen copy)
        const frozen = pool.map((one) => deepFreeze(one));
        let last: unknown;
        for (const [pick, copy] of picks) {
          const given = frozen[pick % frozen.length] as Record<string, unknown>;
          const input = { id: 'neg-1', origin: 'automatic', bureau: 'serasa', creditor, debtor, title: { id: 'inv-1', amount: '373.52', dueDate: '2026-09-10' }, on: '2026-10-20', actor: 'system', settings: copy ? structuredClone(given) : given };
          const read = readNegativationRequestFast(input);
          const schema = negativationRequestSchema.safeParse(input);
          if (read === undefined) continue;
          expect(schema.success).toBe(true);
          expect({ ...read.request, existing: [] }).toStrictEqual({ ...schema.data, existing: [] });
          if (read.request.settings === last) reused++;
          last = read.request.settings;
        }
      }),
      { numRuns: 1000, seed: 20261206 },
    );
    expect(reused).toBeGreaterThan(100); // the reading was handed back, not only made again
  });

  it('doubts an object with a prototype of its own (so the schema-only path above is one)', () => {
    const input = { id: 'neg-1', origin: 'automatic', bureau: 'serasa', creditor, debtor, title: { id: 'inv-1', amount: '373.52', dueDate: '2026-09-10' }, on: '2026-10-20', actor: 'system' };
    expect(readNegativationRequestFast(input)).toBeDefined();
    expect(readNegativationRequestFast(schemaOnly(input))).toBeUndefined();
    expect(negativationRequestSchema.safeParse(schemaOnly(input)).success).toBe(true);
  });
});
