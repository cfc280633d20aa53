import { describe, expect, it } from 'vitest';
import { agreementStatus, editInstallment, lateChargesCalculator, proposeAgreement } from '../../src/agreements/index.js';

const plan = () =>
  proposeAgreement({
    kind: 'new_proposal',
    asOf: '2026-03-01',
    invoices: [{ id: 'a', amount: '600.00', dueDate: '2026-02-01' }],
    selectedInvoiceIds: ['a'],
    toleranceDate: '2026-03-20',
    category: 'acordo',
    installments: { kind: 'regular', count: 3, firstDueDate: '2026-03-10', description: 'Acordo', paymentProfile: 'boleto' },
  })._unsafeUnwrap().plan;

describe('agreements: hostile input gets a typed error, never a hang or a wrong number', () => {
  it('the compiled late-charges calculator checks its numbers', () => {
    const calculator = lateChargesCalculator({ interest: { kind: 'monthly', percent: '1' } })._unsafeUnwrap();
    expect(calculator.figures(100, Number.NaN, 20_100)._unsafeUnwrapErr()).toMatchObject({ code: 'invalid_input', path: ['dueEpochDay'] });
    expect(calculator.figures('100' as unknown as number, 20_000, 20_100)._unsafeUnwrapErr().path).toEqual(['principalCents']);
    expect(calculator.figures(1e300, 20_000, 20_100).isErr()).toBe(true);
    expect(calculator.accrue(100, Number.NaN, 20_100).isErr()).toBe(true);
    expect(calculator.figures(10_000, 20_000, 20_100)._unsafeUnwrap().totalCents).toBe(10_533);
  });

  it('installments must be numbered 1, 2, … so each payment is credited to exactly one', () => {
    const twins = { toleranceDate: '2026-03-20', plan: { installments: [{ number: 1, dueDate: '2026-03-10', amount: '100.00' }, { number: 1, dueDate: '2026-04-10', amount: '100.00' }] } };
    expect(agreementStatus(twins, [], '2026-03-11')._unsafeUnwrapErr()).toMatchObject({ code: 'invalid_input', path: ['agreement', 'plan', 'installments'] });
  });

  it('an edit may not put the installments out of date order', () => {
    const error = editInstallment(plan(), { changes: [{ number: 2, dueDate: '2026-03-05' }] })._unsafeUnwrapErr();
    expect(error).toMatchObject({ code: 'dates_not_increasing', path: ['edit', 'changes', 0, 'dueDate'] });
  });

  it('a plan of 10,000 installments is refused', () => {
    const base = plan();
    const installments = Array.from({ length: 10_000 }, (_, i) => ({ ...base.installments[0], number: i + 1 }));
    expect(editInstallment({ ...base, installments } as never, { changes: [] })._unsafeUnwrapErr().code).toBe('invalid_input');
  });
});

describe('the compiled calculator answers any principal or day with a typed error', () => {
  it('an object with no prototype (no toString) as principal or day is invalid_input, not a TypeError from the message', () => {
    const calc = lateChargesCalculator({ interest: { kind: 'monthly', percent: '1' } })._unsafeUnwrap();
    const bare = Object.create(null) as never;
    expect(calc.figures(bare, 20_522, 20_560)._unsafeUnwrapErr()).toMatchObject({ code: 'invalid_input', path: ['principalCents'] });
    expect(calc.figures(100, bare, 20_560)._unsafeUnwrapErr()).toMatchObject({ code: 'invalid_input', path: ['dueEpochDay'] });
    expect(calc.batch({ principalCents: [bare], dueEpochDays: [20_522], asOfEpochDay: 20_560 })._unsafeUnwrapErr().code).toBe('invalid_input');
  });
});
