import { describe, expect, it } from 'vitest';
import { calculateLateCharges, type LateChargesInput } from '../../src/agreements/index.js';

const policy = { interest: { kind: 'monthly', percent: '1' }, fine: { percent: '2' } } as const;

function charges(input: Partial<LateChargesInput> & Pick<LateChargesInput, 'dueDate' | 'asOf'>) {
  const result = calculateLateCharges({ principal: '1000.00', policy, ...input });
  if (result.isErr()) throw new Error(result.error.message);
  return result.value;
}

const cents = (m: { cents: number }) => m.cents;

describe('calculateLateCharges: worked examples (DOMAIN.md §1)', () => {
  it('1% a month is 1%/30 a day and the 2% fine is charged once: 1000.00, 30 days late → 1030.00', () => {
    const r = charges({ dueDate: '2026-03-10', asOf: '2026-04-09' });
    expect(r.daysLate).toBe(30);
    expect([cents(r.fine), cents(r.interest), cents(r.correction), cents(r.total)]).toEqual([2000, 1000, 0, 103000]);
  });

  it('a due date on a Saturday may be paid on Monday with no charges; on Tuesday days count from Saturday', () => {
    const monday = charges({ dueDate: '2026-03-14', asOf: '2026-03-16' });
    expect(monday.late).toBe(false);
    expect(monday.chargeFreeUntil).toBe('2026-03-16');
    expect(cents(monday.total)).toBe(100000);
    const tuesday = charges({ dueDate: '2026-03-14', asOf: '2026-03-17' });
    expect(tuesday.daysLate).toBe(3);
    expect([cents(tuesday.fine), cents(tuesday.interest)]).toEqual([2000, 100]);
  });

  it('a due date on a holiday (Tiradentes, 21 April 2026) rolls to the next business day', () => {
    expect(charges({ dueDate: '2026-04-21', asOf: '2026-04-22' }).late).toBe(false);
    expect(charges({ dueDate: '2026-04-21', asOf: '2026-04-23' }).daysLate).toBe(2);
  });

  it('grace days: no charges inside them, then days count from the due date', () => {
    const graced = { ...policy, graceDays: 5 };
    expect(charges({ dueDate: '2026-03-10', asOf: '2026-03-15', policy: graced }).late).toBe(false);
    const after = charges({ dueDate: '2026-03-10', asOf: '2026-03-16', policy: graced });
    expect([after.daysLate, cents(after.interest), cents(after.fine)]).toEqual([6, 200, 2000]);
  });

  it('caps the fine at 2% for a consumer contract (CDC art. 52 §1) and says so; not for other contracts', () => {
    const consumer = charges({ dueDate: '2026-03-10', asOf: '2026-03-20', policy: { ...policy, fine: { percent: '10' } } });
    expect(cents(consumer.fine)).toBe(2000);
    expect(consumer.fineRule).toEqual({ requestedPercent: '10', appliedPercent: '2', capPercent: '2', capped: true });
    const business = charges({ dueDate: '2026-03-10', asOf: '2026-03-20', policy: { ...policy, fine: { percent: '10', consumerContract: false } } });
    expect(cents(business.fine)).toBe(10000);
    expect(business.fineRule.capPercent).toBeNull();
    const hostCap = charges({ dueDate: '2026-03-10', asOf: '2026-03-20', policy: { ...policy, fine: { percent: '10', consumerCapPercent: '1.5' } } });
    expect(cents(hostCap.fine)).toBe(1500);
  });

  it('annual rate, actual/365: 12% a year over 73 days on 1000.00 is 24.00', () => {
    const r = charges({ dueDate: '2026-03-10', asOf: '2026-05-22', policy: { interest: { kind: 'annual', percent: '12' } } });
    expect([r.daysLate, cents(r.interest)]).toEqual([73, 2400]);
  });

  it('a monthly rate series (the legal rate) is pro-rata by each month’s days, and a negative month counts as zero', () => {
    const rates = [
      { month: '2026-01', percent: '0.5' },
      { month: '2026-02', percent: '0.4' },
    ];
    // January 17–31: 0.5% × 15/31; February 1–14: 0.4% × 14/28 → 0.441935…% of 1000.00 = 4.42.
    const r = charges({ dueDate: '2026-01-16', asOf: '2026-02-14', policy: { interest: { kind: 'series', rates } } });
    expect(cents(r.interest)).toBe(442);
    const negative = charges({ dueDate: '2026-01-16', asOf: '2026-02-14', policy: { interest: { kind: 'series', rates: [{ month: '2026-01', percent: '0.5' }, { month: '2026-02', percent: '-0.3' }] } } });
    expect(cents(negative.interest)).toBe(242);
  });

  it('a missing month in the rate series is a typed error naming the month', () => {
    const r = calculateLateCharges({ principal: '1000.00', dueDate: '2026-01-16', asOf: '2026-03-02', policy: { interest: { kind: 'series', rates: [{ month: '2026-01', percent: '0.5' }] } } });
    expect(r._unsafeUnwrapErr()).toMatchObject({ code: 'rate_missing', path: ['policy', 'interest', 'rates'], details: { month: '2026-02' } });
  });

  it('monetary correction compounds the months: IPCA 0.5% and 0.4% over January and February → 0.902% → 9.02', () => {
    const r = charges({
      dueDate: '2025-12-31',
      asOf: '2026-02-28',
      policy: { interest: { kind: 'none' }, correction: { variations: [{ month: '2026-01', percent: '0.5' }, { month: '2026-02', percent: '0.4' }] } },
    });
    expect([cents(r.correction), cents(r.fine), cents(r.total)]).toEqual([902, 2000, 102902]);
    const missing = calculateLateCharges({ principal: '1000.00', dueDate: '2025-12-31', asOf: '2026-03-02', policy: { interest: { kind: 'none' }, correction: { variations: [] } } });
    expect(missing._unsafeUnwrapErr()).toMatchObject({ code: 'index_missing', details: { month: '2026-01', index: 'IPCA' } });
  });

  it('interest on the corrected principal when the policy says so: 1% a month over 59 days on 1009.02', () => {
    const corrected = charges({
      dueDate: '2025-12-31',
      asOf: '2026-02-28',
      policy: { interest: { kind: 'monthly', percent: '1' }, interestOn: 'corrected', correction: { variations: [{ month: '2026-01', percent: '0.5' }, { month: '2026-02', percent: '0.4' }] } },
    });
    // 100902 × 1% × 59/30 = 1984.406 → 19.84 (on the bare principal it would be 19.67).
    expect([cents(corrected.correction), cents(corrected.interest)]).toEqual([902, 1984]);
  });

  it('a partial payment covers the charges first, and unpaid charges are never lost when principal is paid first', () => {
    const payments = [{ date: '2026-04-09', amount: '500.00' }];
    // 30 days: fine 20.00 + interest 10.00 paid first, 470.00 to principal; 30 more days on 530.00 → 5.30.
    const chargesFirst = charges({ dueDate: '2026-03-10', asOf: '2026-05-09', payments });
    expect([cents(chargesFirst.principal), cents(chargesFirst.interest), cents(chargesFirst.fine), cents(chargesFirst.total)]).toEqual([53000, 530, 0, 53530]);
    expect([cents(chargesFirst.paid.charges), cents(chargesFirst.paid.principal)]).toEqual([3000, 47000]);
    // Principal first: 500.00 of principal paid; 20.00 fine and 10.00 interest still owed, plus 5.00 on the 500.00 left.
    const principalFirst = charges({ dueDate: '2026-03-10', asOf: '2026-05-09', payments, policy: { ...policy, paymentOrder: 'principal_first' } });
    expect([cents(principalFirst.principal), cents(principalFirst.fine), cents(principalFirst.interest), cents(principalFirst.total)]).toEqual([50000, 2000, 1500, 53500]);
  });

  it('a payment inside the charge-free window reduces the principal before any charge, and an overpayment is reported', () => {
    const r = charges({ dueDate: '2026-03-10', asOf: '2026-04-09', payments: [{ date: '2026-03-10', amount: '400.00' }] });
    expect([cents(r.principal), cents(r.fine), cents(r.interest)]).toEqual([60000, 1200, 600]);
    const over = charges({ dueDate: '2026-03-10', asOf: '2026-04-09', payments: [{ date: '2026-03-09', amount: '1200.00' }] });
    expect([cents(over.total), cents(over.unappliedPayment)]).toEqual([0, 20000]);
  });

  it('rounds a tie with the named mode: 15.00 one day late at 1% a month is exactly half a centavo', () => {
    const at = (rounding: 'half_up' | 'half_even' | 'down' | 'up') =>
      cents(charges({ principal: '15.00', dueDate: '2026-03-10', asOf: '2026-03-11', policy: { interest: { kind: 'monthly', percent: '1' }, fine: { percent: '0' }, rounding } }).interest);
    expect([at('half_up'), at('half_even'), at('down'), at('up')]).toEqual([1, 0, 0, 1]);
  });

  it('refuses bad input with a typed error naming the field, never a throw', () => {
    const bad = (input: unknown) => calculateLateCharges(input as LateChargesInput)._unsafeUnwrapErr();
    expect(bad({ principal: '1000.00', dueDate: '2026-03-10', asOf: '2026-04-09', policy: { interest: { kind: 'monthly', percent: '-1' } } })).toMatchObject({
      code: 'invalid_input',
      path: ['policy', 'interest', 'percent'],
    });
    expect(bad({ principal: '1000.00', dueDate: '2026-03-10', asOf: '2026-04-09', policy: { interest: { kind: 'none' }, fine: { percent: '-2' } } })).toMatchObject({ path: ['policy', 'fine', 'percent'] });
    expect(bad({ principal: '-1.00', dueDate: '2026-03-10', asOf: '2026-04-09', policy })).toMatchObject({ path: ['principal'] });
    expect(bad({ principal: '1.00', dueDate: '2026-02-30', asOf: '2026-04-09', policy })).toMatchObject({ path: ['dueDate'] });
    expect(bad({ principal: 12.5, dueDate: '2026-03-10', asOf: '2026-04-09', policy })).toMatchObject({ path: ['principal'] });
    expect(bad(null)).toMatchObject({ code: 'invalid_input' });
  });
});
