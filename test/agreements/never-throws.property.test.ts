import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { agreementStatus, calculateLateCharges, checkEligibility, editInstallment, proposeAgreement, type InstallmentPlan } from '../../src/agreements/index.js';
import { seed004Proposal } from './support/fixtures.js';

const runs = Number(process.env.PROPERTY_RUNS ?? 300);

/** Values that stress parsers: extremes of dates, amounts, percentages and counts, and junk. */
const nasty = fc.oneof(
  fc.anything(),
  fc.constantFrom('9999-12-31', '1000-01-01', '2026-02-29', '', '-1', '1e3', '12,34', '0.001', '1000000000000.01', 'NaN'),
  fc.integer({ min: -1e6, max: 1e6 }),
  fc.constantFrom(0, -0, 10_000, Number.MAX_SAFE_INTEGER, Number.NaN, Infinity),
  fc.record({ cents: fc.oneof(fc.integer(), fc.double()) }),
);

/** A valid input with one field (at any depth) replaced by something nasty. */
function mutate(value: unknown, replacement: unknown, pick: number): unknown {
  if (typeof value !== 'object' || value === null) return replacement;
  const entries = Object.entries(value);
  if (entries.length === 0) return replacement;
  const [key, child] = entries[pick % entries.length] ?? ['', undefined];
  const copy: Record<string, unknown> = Array.isArray(value) ? ([...value] as unknown as Record<string, unknown>) : { ...value };
  copy[key] = pick % 3 === 0 ? replacement : mutate(child, replacement, Math.floor(pick / 3));
  return copy;
}

const validLateCharges = { principal: '1000.00', dueDate: '2026-03-10', asOf: '2026-04-09', payments: [{ date: '2026-03-20', amount: '10.00' }], policy: { interest: { kind: 'series', rates: [{ month: '2026-03', percent: '1' }] }, correction: { variations: [{ month: '2026-03', percent: '0.4' }] } } };
const plan: InstallmentPlan = proposeAgreement(seed004Proposal())._unsafeUnwrap().plan;

describe('bad input is a typed error, never a throw', () => {
  it('for every public function, with any field of a valid input replaced by junk', () => {
    fc.assert(
      fc.property(nasty, fc.nat(), (junk, pick) => {
        const results = [
          calculateLateCharges(mutate(validLateCharges, junk, pick) as never),
          proposeAgreement(mutate(seed004Proposal(), junk, pick) as never),
          checkEligibility(mutate(seed004Proposal().invoices, junk, pick) as never),
          editInstallment(mutate(plan, junk, pick) as never, { changes: [{ number: 1, amount: '400.00' }], rebalance: 'last' }),
          editInstallment(plan, mutate({ changes: [{ number: 2, amount: '1.00', dueDate: '2026-05-01' }], additionalDiscount: '1.00', rebalance: 'following' }, junk, pick) as never),
          agreementStatus(mutate({ toleranceDate: '2026-04-30', plan }, junk, pick) as never, [{ installment: 1, amount: '1.00', date: '2026-03-10' }], '2026-04-01'),
        ];
        for (const result of results) {
          if (result.isErr()) {
            expect(typeof result.error.code).toBe('string');
            expect(typeof result.error.message).toBe('string');
          }
        }
      }),
      { numRuns: runs },
    );
  });
});
