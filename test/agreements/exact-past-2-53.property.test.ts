import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { agreementStatus, calculateLateCharges, editInstallment, proposeAgreement, type InstallmentPlan } from '../../src/agreements/index.js';
import { fromEpochDay, toEpochDay, type CivilDate } from '../../src/calendar/index.js';
import { MAX_INPUT_CENTS } from '../../src/money/index.js';
import { Dec } from '../../src/money/decimal.js';

// Issue 12 item 6: sums of valid amounts near and past 2^53 are exact, or refused with
// `amount_out_of_range` (stable code, message, path); nothing throws (src/money/limits.ts).

const runs = Number(process.env.PROPERTY_RUNS ?? 100);
const MAX = MAX_INPUT_CENTS;
const big = (values: readonly number[]): bigint => values.reduce((sum, v) => sum + BigInt(v), 0n);

/** Amounts within the input range, weighted towards its edges so sums pass 2^53. */
const amountNearLimit = fc.oneof(fc.integer({ min: MAX - 1_000, max: MAX }), fc.integer({ min: -MAX, max: -MAX + 1_000 }), fc.integer({ min: -MAX, max: MAX }), fc.integer({ min: -5, max: 5 }));

/** A plan of `count` weekly installments over seed 001's 373.52, negative installments allowed. */
function planOf(count: number): InstallmentPlan {
  return proposeAgreement({
    kind: 'new_proposal',
    asOf: '2026-03-02',
    invoices: [{ id: 'INV-1', amount: '373.52', dueDate: '2026-02-10' }],
    selectedInvoiceIds: ['INV-1'],
    toleranceDate: '2026-03-20',
    category: 'Renegociação',
    accountPlan: { discount: '3.01.02' },
    allowNegativeInstallments: true,
    installments: { kind: 'regular', count, frequency: 'weekly', firstDueDate: '2026-03-10', description: 'Renegociação', paymentProfile: 'boleto' },
  })._unsafeUnwrap().plan;
}

/** Large payments: mostly at the input limit, so 91 of them pass 2^53. */
const largePayment = fc.oneof({ arbitrary: fc.integer({ min: MAX - 10, max: MAX }), weight: 4 }, { arbitrary: fc.integer({ min: 0, max: MAX }), weight: 1 });
const manyLargePayments = fc.oneof(fc.array(largePayment, { maxLength: 150 }), fc.constant(Array<number>(91).fill(MAX)));

const editOf = (amounts: readonly number[]) => ({ changes: amounts.map((cents, i) => ({ number: i + 1, amount: { cents } })) });

describe('editInstallment sums exactly past 2^53', () => {
  it('refuses installments that add up to the total + 0.01 although a sum in doubles says they match', () => {
    const amounts = [MAX - 3, ...Array<number>(90).fill(MAX), ...Array<number>(90).fill(-MAX), 37_352 - (MAX - 3) + 1, 0];
    expect(amounts.reduce((a, b) => a + b, 0)).toBe(37_352); // the double sum is fooled
    expect(big(amounts)).toBe(37_353n);
    const result = editInstallment(planOf(amounts.length), editOf(amounts));
    expect(result._unsafeUnwrapErr().code).toBe('plan_unbalanced');
    expect(result._unsafeUnwrapErr().details?.difference).toEqual({ cents: 1 });
  });

  it('accepts an edit exactly when the installments add up to the total, whatever their size', () => {
    fc.assert(
      fc.property(fc.array(amountNearLimit, { minLength: 1, maxLength: 150 }), fc.boolean(), (head, balance) => {
        // Either close the sum exactly on the last installment (when that fits) or leave it as drawn.
        const rest = 37_352n - big(head);
        const closes = balance && rest >= BigInt(-MAX) && rest <= BigInt(MAX);
        const amounts = closes ? [...head, Number(rest)] : head;
        const result = editInstallment(planOf(amounts.length), editOf(amounts));
        const exact = big(amounts);
        if (exact === 37_352n) {
          const plan = result._unsafeUnwrap();
          expect(big(plan.installments.map((i) => i.amount.cents))).toBe(37_352n);
          expect(plan.total.cents).toBe(37_352);
        } else {
          const error = result._unsafeUnwrapErr();
          expect(['plan_unbalanced', 'amount_out_of_range']).toContain(error.code);
          if (error.code === 'plan_unbalanced') expect(BigInt((error.details?.difference as { cents: number }).cents)).toBe(exact - 37_352n);
          expect(error.path).toEqual(['edit', 'changes']);
        }
      }),
      { numRuns: runs },
    );
  });

  it('rebalancing never builds an installment beyond the input range; it is refused with a path instead', () => {
    const plan = planOf(3);
    const result = editInstallment(plan, { changes: [{ number: 1, amount: { cents: -MAX } }], rebalance: 'last' });
    expect(result._unsafeUnwrapErr()).toMatchObject({ code: 'amount_out_of_range', path: ['edit', 'changes'] });
  });
});

describe('keep_terms proposals, late charges and agreement status with sums near and past 2^53', () => {
  it('a keep_terms total is the exact sum, or amount_out_of_range past R$ 1 trillion (91 × R$ 1 trillion never throws)', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.integer({ min: MAX - 10, max: MAX }), fc.integer({ min: 0, max: MAX })), { minLength: 1, maxLength: 120 }), (amounts) => {
        const invoices = amounts.map((cents, i) => ({ id: `F-${i}`, amount: { cents }, dueDate: '2026-01-10' }));
        const result = proposeAgreement({ kind: 'keep_terms', asOf: '2026-03-02', invoices, selectedInvoiceIds: invoices.map((i) => i.id), toleranceDate: '2026-04-30', category: 'Acordo' });
        const exact = big(amounts);
        if (exact <= BigInt(MAX)) expect(BigInt(result._unsafeUnwrap().total.cents)).toBe(exact);
        else expect(result._unsafeUnwrapErr()).toMatchObject({ code: 'amount_out_of_range', path: ['invoices'] });
      }),
      { numRuns: runs },
    );
  });

  it('late charges with many large payments: exact, or amount_out_of_range naming the payments', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX }), manyLargePayments, (principal, paid) => {
        const payments = paid.map((cents, i) => ({ date: i % 2 === 0 ? '2026-03-20' : '2026-03-01', amount: { cents } }));
        const result = calculateLateCharges({ principal: { cents: principal }, dueDate: '2026-03-10', asOf: '2026-04-09', payments, policy: { interest: { kind: 'monthly', percent: '1' } } });
        const exact = big(paid);
        if (exact > BigInt(Number.MAX_SAFE_INTEGER)) {
          expect(result._unsafeUnwrapErr()).toMatchObject({ code: 'amount_out_of_range', path: ['payments'] });
          return;
        }
        const charges = result._unsafeUnwrap();
        // Every centavo paid is accounted for: applied to principal or charges, or left over.
        expect(BigInt(charges.paid.principal.cents) + BigInt(charges.paid.charges.cents) + BigInt(charges.unappliedPayment.cents)).toBe(exact);
      }),
      { numRuns: runs },
    );
  });

  it('agreementStatus adds payments exactly, or refuses them with amount_out_of_range', () => {
    const plan = planOf(3);
    fc.assert(
      fc.property(manyLargePayments, fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 150, maxLength: 150 }), (amounts, slots) => {
        const paid = amounts.map((cents, i) => ({ installment: slots[i] ?? 1, cents }));
        const payments = paid.map((p) => ({ installment: p.installment, amount: { cents: p.cents }, date: '2026-03-10' }));
        const result = agreementStatus({ toleranceDate: '2026-04-30', plan }, payments, '2026-04-01');
        const exact = big(paid.map((p) => p.cents));
        const perInstallment = [1, 2, 3].map((n) => big(paid.filter((p) => p.installment === n).map((p) => p.cents)));
        if (perInstallment.some((sum) => sum > BigInt(Number.MAX_SAFE_INTEGER)) || exact > BigInt(Number.MAX_SAFE_INTEGER)) {
          expect(result._unsafeUnwrapErr().code).toBe('amount_out_of_range');
          return;
        }
        const status = result._unsafeUnwrap();
        expect(BigInt(status.paidTotal.cents)).toBe(exact);
        status.installments.forEach((installment, i) => expect(BigInt(installment.paid.cents)).toBe(perInstallment[i]));
      }),
      { numRuns: runs },
    );
  });
});

describe('monetary correction with a factor past 2^53 units', () => {
  /** The correction of `principal` by 80% a month over whole months: the factor rounded to 8 places, then the product rounded half_up. */
  function referenceCorrection(principal: number, months: number): bigint {
    const factor = new Dec('1.8').pow(months).toDecimalPlaces(8, Dec.ROUND_HALF_UP);
    return BigInt(factor.minus(1).times(principal).toDecimalPlaces(0, Dec.ROUND_HALF_UP).toFixed(0));
  }

  it('loses no centavo (80% a month over years), and refuses a correction beyond the exact range', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: 30, max: 70 }), (principal, months) => {
        const variations = Array.from({ length: months }, (_, k) => ({ month: `${2000 + Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`, percent: '80' }));
        const nextMonth = `${2000 + Math.floor(months / 12)}-${String((months % 12) + 1).padStart(2, '0')}-01`;
        const asOf = fromEpochDay(toEpochDay(nextMonth as CivilDate) - 1); // whole months from 2000-01 on
        const result = calculateLateCharges({
          principal: { cents: principal },
          dueDate: '1999-12-31',
          asOf,
          policy: { interest: { kind: 'none' }, fine: { percent: '0' }, graceDays: 0, correction: { variations, factorDecimals: 8 } },
        });
        const expected = referenceCorrection(principal, months);
        if (expected + BigInt(principal) > BigInt(Number.MAX_SAFE_INTEGER)) {
          expect(result._unsafeUnwrapErr().code).toBe('amount_out_of_range');
          return;
        }
        expect(BigInt(result._unsafeUnwrap().correction.cents)).toBe(expected);
      }),
      { numRuns: runs },
    );
  });
});
