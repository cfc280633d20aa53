import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calculateLateCharges, lateChargesCalculator, type LateChargesPolicyInput } from '../../src/agreements/index.js';
import { brazilianCalendar, fromEpochDay, toEpochDay, civilDate } from '../../src/calendar/index.js';
import { ROUNDING_MODES } from '../../src/money/index.js';
import { referenceLateCharges, type ReferencePolicy } from './support/late-charges-reference.js';

const calendar = brazilianCalendar();
const FIRST_DAY = toEpochDay(civilDate('2023-01-01'));
const LAST_DAY = toEpochDay(civilDate('2031-12-31'));

const months: string[] = [];
for (let year = 2022; year <= 2032; year++) for (let month = 1; month <= 12; month++) months.push(`${year}-${String(month).padStart(2, '0')}`);

/** A decimal string with up to `places` decimals between 0 and max. */
const percentArb = (max: number, places: number) => fc.integer({ min: 0, max: max * 10 ** places }).map((n) => (n / 10 ** places).toFixed(places));
const signedPercentArb = fc.integer({ min: -5000, max: 20000 }).map((n) => (n / 10000).toFixed(4));

const interestArb = fc.oneof(
  fc.constant({ kind: 'none' as const }),
  fc.record({ kind: fc.constantFrom('monthly' as const, 'annual' as const), percent: percentArb(30, 4) }),
  fc.array(signedPercentArb, { minLength: months.length, maxLength: months.length }).map((values) => ({
    kind: 'series' as const,
    rates: Object.fromEntries(months.map((m, i) => [m, values[i] ?? '0'])),
  })),
);

const correctionArb = fc.option(
  fc.record({
    variations: fc.array(signedPercentArb, { minLength: months.length, maxLength: months.length }).map((values) => Object.fromEntries(months.map((m, i) => [m, values[i] ?? '0']))),
    factorDecimals: fc.integer({ min: 4, max: 10 }),
  }),
  { nil: undefined },
);

const referencePolicyArb: fc.Arbitrary<ReferencePolicy> = fc
  .record({
    finePercent: percentArb(20, 3),
    consumerCapPercent: fc.option(percentArb(5, 2), { nil: null }),
    interest: interestArb,
    correction: correctionArb,
    graceDays: fc.integer({ min: 0, max: 15 }),
    rounding: fc.constantFrom(...ROUNDING_MODES),
    interestOn: fc.constantFrom('principal' as const, 'corrected' as const),
  })
  .map(({ correction, ...rest }) => (correction ? { ...rest, correction } : rest));

function toPolicyInput(p: ReferencePolicy): LateChargesPolicyInput {
  const toSeries = (values: Record<string, string>) => Object.entries(values).map(([month, percent]) => ({ month, percent }));
  const interest = p.interest.kind === 'series' ? { kind: 'series' as const, rates: toSeries(p.interest.rates) } : p.interest;
  return {
    interest,
    fine: p.consumerCapPercent === null ? { percent: p.finePercent, consumerContract: false } : { percent: p.finePercent, consumerCapPercent: p.consumerCapPercent },
    graceDays: p.graceDays,
    rounding: p.rounding,
    ...(p.interestOn ? { interestOn: p.interestOn } : {}),
    ...(p.correction ? { correction: { variations: toSeries(p.correction.variations), factorDecimals: p.correction.factorDecimals } } : {}),
  };
}

const principalArb = fc.oneof(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 0, max: 100_000_000_000_000 }));
const invoiceArb = fc.record({
  principal: principalArb,
  due: fc.integer({ min: FIRST_DAY, max: LAST_DAY - 1500 }),
  lateBy: fc.integer({ min: -10, max: 1500 }),
});

describe('late charges: the integer fast path against a straightforward decimal.js computation', () => {
  it('gives identical centavos for any policy and invoice (figures, batch and the public function)', () => {
    fc.assert(
      fc.property(referencePolicyArb, fc.array(invoiceArb, { minLength: 1, maxLength: 8 }), (policy, invoices) => {
        const calc = lateChargesCalculator(toPolicyInput(policy), { calendar })._unsafeUnwrap();
        const asOf = Math.max(...invoices.map((i) => i.due + i.lateBy));
        const columns = calc
          .batch({ principalCents: invoices.map((i) => i.principal), dueEpochDays: invoices.map((i) => i.due), asOfEpochDay: asOf })
          ._unsafeUnwrap();
        invoices.forEach((invoice, k) => {
          const expected = referenceLateCharges(invoice.principal, invoice.due, asOf, policy, calendar);
          const fast = calc.figures(invoice.principal, invoice.due, asOf)._unsafeUnwrap();
          expect([fast.fineCents, fast.interestCents, fast.correctionCents, fast.totalCents]).toEqual([expected.fine, expected.interest, expected.correction, expected.total]);
          expect([columns.fineCents[k], columns.interestCents[k], columns.correctionCents[k], columns.totalCents[k]]).toEqual([
            expected.fine,
            expected.interest,
            expected.correction,
            expected.total,
          ]);
        });
        const first = invoices[0];
        if (first) {
          const pub = calculateLateCharges(
            { principal: { cents: first.principal }, dueDate: fromEpochDay(first.due), asOf: fromEpochDay(asOf), policy: toPolicyInput(policy) },
            { calendar },
          )._unsafeUnwrap();
          expect(pub.total.cents).toBe(referenceLateCharges(first.principal, first.due, asOf, policy, calendar).total);
        }
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 150) },
    );
  });

  it('late charges never decrease as the as-of date moves forward (non-negative rates and indexes)', () => {
    const nonNegative = referencePolicyArb.filter(
      (p) =>
        (p.interest.kind !== 'series' || Object.values(p.interest.rates).every((v) => !v.startsWith('-'))) &&
        (!p.correction || Object.values(p.correction.variations).every((v) => !v.startsWith('-'))),
    );
    fc.assert(
      fc.property(nonNegative, invoiceArb, fc.integer({ min: 1, max: 400 }), (policy, invoice, step) => {
        const calc = lateChargesCalculator(toPolicyInput(policy), { calendar })._unsafeUnwrap();
        const earlier = calc.figures(invoice.principal, invoice.due, invoice.due + invoice.lateBy)._unsafeUnwrap();
        const later = calc.figures(invoice.principal, invoice.due, invoice.due + invoice.lateBy + step)._unsafeUnwrap();
        expect(later.fineCents).toBeGreaterThanOrEqual(earlier.fineCents);
        expect(later.interestCents).toBeGreaterThanOrEqual(earlier.interestCents);
        expect(later.correctionCents).toBeGreaterThanOrEqual(earlier.correctionCents);
        expect(later.totalCents).toBeGreaterThanOrEqual(earlier.totalCents);
      }),
      { numRuns: 200 },
    );
  });

  it('the result is the same whatever the process time zone', () => {
    fc.assert(
      fc.property(referencePolicyArb, invoiceArb, fc.constantFrom('America/Sao_Paulo', 'Asia/Tokyo', 'Pacific/Kiritimati', 'Pacific/Pago_Pago'), (policy, invoice, zone) => {
        const input = { principal: { cents: invoice.principal }, dueDate: fromEpochDay(invoice.due), asOf: fromEpochDay(invoice.due + invoice.lateBy), policy: toPolicyInput(policy) };
        const before = process.env.TZ;
        try {
          process.env.TZ = 'UTC';
          const inUtc = JSON.stringify(calculateLateCharges(input));
          process.env.TZ = zone;
          expect(JSON.stringify(calculateLateCharges(input))).toBe(inUtc);
        } finally {
          if (before === undefined) delete process.env.TZ;
          else process.env.TZ = before;
        }
      }),
      { numRuns: 40 },
    );
  });

  it('a payment never makes the debt grow, and principal plus charges still owed never exceed those of no payment', () => {
    fc.assert(
      fc.property(fc.integer({ min: 100, max: 10_000_000 }), fc.integer({ min: 0, max: 200 }), fc.integer({ min: 0, max: 200 }), fc.integer({ min: 1, max: 10_000_000 }), fc.boolean(), (principal, payAfter, lateBy, paid, chargesFirst) => {
        const due = toEpochDay(civilDate('2026-03-10'));
        const base = { principal: { cents: principal }, dueDate: '2026-03-10', asOf: fromEpochDay(due + payAfter + lateBy), policy: { interest: { kind: 'monthly' as const, percent: '1' }, paymentOrder: chargesFirst ? ('charges_first' as const) : ('principal_first' as const) } };
        const without = calculateLateCharges(base, { calendar })._unsafeUnwrap();
        const withPayment = calculateLateCharges({ ...base, payments: [{ date: fromEpochDay(due + payAfter), amount: { cents: paid } }] }, { calendar })._unsafeUnwrap();
        expect(withPayment.total.cents).toBeLessThanOrEqual(without.total.cents);
        expect(withPayment.paid.principal.cents + withPayment.paid.charges.cents + withPayment.unappliedPayment.cents).toBe(paid);
      }),
      { numRuns: 200 },
    );
  });
});
