import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calculateLateCharges, lateChargesCalculator, lateChargesInputSchema } from '../../src/agreements/index.js';
import { lateChargesWith } from '../../src/agreements/late-charges.js';
import { compileLateChargesPolicy } from '../../src/agreements/late-charges-calculator.js';
import { defaultBusinessCalendar } from '../../src/calendar/index.js';
import { parseInput } from '../../src/errors.js';

/**
 * The per-call fast path of calculateLateCharges (a policy compiled once and
 * reused by identity while unchanged, principal and dates read without zod) must
 * give exactly what the checked path gives: the same figures and the same errors.
 */
function checked(input: unknown): unknown {
  const parsed = parseInput(lateChargesInputSchema, input);
  if (parsed.isErr()) return { error: parsed.error.code, path: parsed.error.path, message: parsed.error.message };
  const { principal, dueDate, asOf, payments, policy } = parsed.value;
  const result = lateChargesWith(compileLateChargesPolicy(policy, defaultBusinessCalendar()), principal, dueDate, asOf, payments);
  return result.isOk() ? result.value : { error: result.error.code, path: result.error.path, message: result.error.message };
}

function viaApi(input: unknown): unknown {
  const result = calculateLateCharges(input as Parameters<typeof calculateLateCharges>[0]);
  return result.isOk() ? result.value : { error: result.error.code, path: result.error.path, message: result.error.message };
}

const money = fc.oneof(
  fc.integer({ min: 0, max: 10_000_000 }).map((c) => (c / 100).toFixed(2)),
  fc.integer({ min: 0, max: 10_000_000 }).map((cents) => ({ cents })),
  fc.constantFrom('12,34', '-1.00', '1.234', '', ' 7.5 ', 'abc', '1e3', -5, null, { cents: 1.5 }, { cents: -1 }, '99999999999999999.00'),
);
const date = fc.oneof(
  fc.integer({ min: 0, max: 2_000 }).map((d) => new Date(Date.UTC(2023, 0, 1) + d * 86_400_000).toISOString().slice(0, 10)),
  fc.constantFrom('2026-02-30', '2026-1-5', '', '9999-12-31', '1000-01-01', '0999-12-31', 20260105, null),
);
const payment = fc.oneof(fc.record({ date, amount: money }), fc.constantFrom(null, 'x', { date: '2026-01-05' }));
const policy = fc.oneof(
  fc.record({ fine: fc.record({ percent: fc.constantFrom('2', '10', '0') }), interest: fc.constantFrom({ kind: 'monthly', percent: '1' }, { kind: 'annual', percent: '12' }, { kind: 'none' }) }),
  fc.constantFrom({ fine: { percent: '-1' } }, { interest: { kind: 'weekly' } }, null, 'policy'),
);
const input = fc.record(
  { principal: money, dueDate: date, asOf: date, payments: fc.oneof(fc.array(payment, { maxLength: 4 }), fc.constant(undefined), fc.constant('none')), policy },
  { requiredKeys: ['principal', 'dueDate', 'asOf', 'policy'] },
);

describe('calculateLateCharges fast path', () => {
  it('gives the same figures and errors as the checked path, on first and repeated calls', () => {
    fc.assert(
      fc.property(input, (value) => {
        const expected = checked(value);
        expect(viaApi(value)).toEqual(expected);
        expect(viaApi(value)).toEqual(expected); // second call: the compiled policy comes from the cache
      }),
      { numRuns: 500, seed: 20261201 },
    );
  });

  it('reuses a deeply frozen policy by identity, with the same figures and errors as the checked path', () => {
    const deepFreeze = <T>(value: T): T => {
      if (typeof value === 'object' && value !== null) {
        for (const inner of Object.values(value)) deepFreeze(inner);
        Object.freeze(value);
      }
      return value;
    };
    fc.assert(
      fc.property(input, (value) => {
        const frozen = { ...value, policy: deepFreeze(structuredClone(value.policy)) };
        const expected = checked(frozen);
        expect(viaApi(frozen)).toEqual(expected);
        expect(viaApi(frozen)).toEqual(expected);
      }),
      { numRuns: 300, seed: 20261202 },
    );
  });

  it('does not trust a policy frozen only at the top (its nested rules can still change)', () => {
    const interest = { kind: 'monthly' as const, percent: '1' };
    const policyObject = Object.freeze({ fine: Object.freeze({ percent: '2' }), interest });
    const call = { principal: '1000.00', dueDate: '2026-01-05', asOf: '2026-03-06', policy: policyObject };
    const before = calculateLateCharges(call)._unsafeUnwrap();
    interest.percent = '2';
    const after = calculateLateCharges(call)._unsafeUnwrap();
    expect(after.interest.cents).toBe(2 * before.interest.cents);
  });

  it('does not trust a frozen policy whose rule is a getter (it may answer differently on each read)', () => {
    let percent = '1';
    const interest = Object.freeze({ kind: 'monthly' as const, get percent() { return percent; } });
    const policyObject = Object.freeze({ fine: Object.freeze({ percent: '2' }), interest });
    const call = { principal: '1000.00', dueDate: '2026-01-05', asOf: '2026-03-06', policy: policyObject };
    const before = calculateLateCharges(call)._unsafeUnwrap();
    percent = '2';
    const after = calculateLateCharges(call)._unsafeUnwrap();
    expect(after.interest.cents).toBe(2 * before.interest.cents);
  });

  it('compiles a policy again when the host mutates it between calls (never a stale cache)', () => {
    const policyObject = { fine: { percent: '2' }, interest: { kind: 'monthly' as const, percent: '1' } };
    const call = { principal: '1000.00', dueDate: '2026-01-05', asOf: '2026-03-06', policy: policyObject };
    const before = calculateLateCharges(call)._unsafeUnwrap();
    policyObject.interest.percent = '2';
    const after = calculateLateCharges(call)._unsafeUnwrap();
    expect(after.interest.cents).toBe(2 * before.interest.cents);
    expect(after).toEqual(checked(call));
  });

  it('accepts a compiled calculator in place of the policy, with the same results', () => {
    const plain = { fine: { percent: '2' }, interest: { kind: 'monthly' as const, percent: '1' } };
    const handle = lateChargesCalculator(plain)._unsafeUnwrap();
    fc.assert(
      fc.property(money, date, date, (principal, dueDate, asOf) => {
        expect(viaApi({ principal, dueDate, asOf, policy: handle })).toEqual(checked({ principal, dueDate, asOf, policy: plain }));
      }),
      { numRuns: 300, seed: 7 },
    );
  });
});
