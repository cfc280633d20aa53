import { describe, expect, it } from 'vitest';
import { COMPONENT_NAMES, editInstallment, proposeAgreement, type InstallmentPlan } from '../../src/agreements/index.js';
import { seed001Proposal, seed004Proposal } from './support/fixtures.js';

const c = (m: { cents: number }) => m.cents;

function seed001Plan(): InstallmentPlan {
  return proposeAgreement(seed001Proposal())._unsafeUnwrap().plan;
}

function expectExactSums(plan: InstallmentPlan): void {
  expect(plan.installments.reduce((s, i) => s + c(i.amount), 0)).toBe(c(plan.total));
  for (const name of COMPONENT_NAMES) expect(plan.installments.reduce((s, i) => s + c(i.breakdown[name]), 0)).toBe(c(plan.components[name]));
  for (const i of plan.installments) expect(COMPONENT_NAMES.reduce((s, n) => s + c(i.breakdown[n]), 0)).toBe(c(i.amount));
}

describe('editInstallment: seed 001 "a renegociação só vai passar caso o saldo original esteja igual ao total das novas parcelas"', () => {
  it('373.52 split as 2 × 200.00 is refused with a difference of 26.48', () => {
    const plan = seed001Plan();
    expect(plan.installments.map((i) => c(i.amount))).toEqual([18676, 18676]);
    const error = editInstallment(plan, { changes: [{ number: 1, amount: '200.00' }, { number: 2, amount: '200.00' }] })._unsafeUnwrapErr();
    expect(error.code).toBe('plan_unbalanced');
    expect(error.details).toMatchObject({ difference: { cents: 2648 }, installmentsTotal: { cents: 40000 }, total: { cents: 37352 } });
    expect(error.message).toContain('26.48');
  });

  it('is accepted once a negative discount (a surcharge) of 26.48 makes the total 400.00', () => {
    const edited = editInstallment(seed001Plan(), { changes: [{ number: 1, amount: '200.00' }, { number: 2, amount: '200.00' }], additionalDiscount: '-26.48' })._unsafeUnwrap();
    expect(c(edited.total)).toBe(40000);
    expect(c(edited.components.discount)).toBe(2648);
    expect(edited.installments.map((i) => c(i.amount))).toEqual([20000, 20000]);
    expectExactSums(edited);
  });

  it('a negative discount needs a chart-of-accounts code for the discount', () => {
    const plan = proposeAgreement({ ...seed001Proposal(), accountPlan: {} })._unsafeUnwrap().plan;
    expect(editInstallment(plan, { additionalDiscount: '-26.48', changes: [{ number: 1, amount: '200.00' }, { number: 2, amount: '200.00' }] })._unsafeUnwrapErr()).toMatchObject({
      code: 'account_plan_missing',
      path: ['edit', 'additionalDiscount'],
    });
  });
});

describe('editInstallment: dates, rebalancing and the exact sums', () => {
  const plan = proposeAgreement(seed004Proposal())._unsafeUnwrap().plan; // 411.67, 346.67, 346.66

  it('changes a due date without touching the amounts', () => {
    const edited = editInstallment(plan, { changes: [{ number: 2, dueDate: '2026-04-15' }] })._unsafeUnwrap();
    expect(edited.installments.map((i) => i.dueDate)).toEqual(['2026-03-10', '2026-04-15', '2026-05-10']);
    expect(edited.installments.map((i) => c(i.amount))).toEqual([41167, 34667, 34666]);
    expect(editInstallment(plan, { changes: [{ number: 2, dueDate: '2026-03-01' }] })._unsafeUnwrapErr()).toMatchObject({ code: 'due_date_before_as_of', path: ['edit', 'changes', 0, 'dueDate'] });
  });

  it('rebalance "following" spreads the difference over the installments after the edited one', () => {
    const edited = editInstallment(plan, { changes: [{ number: 1, amount: '500.00' }], rebalance: 'following' })._unsafeUnwrap();
    // 88.33 more on the first → 88.33 less over the two others: 44.17 and 44.16.
    expect(edited.installments.map((i) => c(i.amount))).toEqual([50000, 30250, 30250]);
    expectExactSums(edited);
  });

  it('rebalance "last" puts the difference on the last installment; it refuses when the last was the one edited', () => {
    const edited = editInstallment(plan, { changes: [{ number: 2, amount: '300.00' }], rebalance: 'last' })._unsafeUnwrap();
    expect(edited.installments.map((i) => c(i.amount))).toEqual([41167, 30000, 39333]);
    expectExactSums(edited);
    expect(editInstallment(plan, { changes: [{ number: 3, amount: '300.00' }], rebalance: 'last' })._unsafeUnwrapErr().code).toBe('plan_unbalanced');
  });

  it('refuses a first installment below its once-only charges, a negative installment, and unknown installments', () => {
    expect(editInstallment(plan, { changes: [{ number: 1, amount: '60.00' }], rebalance: 'last' })._unsafeUnwrapErr()).toMatchObject({ code: 'negative_installment', path: ['plan', 'installments', 0, 'amount'] });
    expect(editInstallment(plan, { changes: [{ number: 2, amount: '800.00' }], rebalance: 'last' })._unsafeUnwrapErr()).toMatchObject({ code: 'negative_installment', path: ['plan', 'installments', 2, 'amount'] });
    expect(editInstallment(plan, { changes: [{ number: 9, amount: '1.00' }] })._unsafeUnwrapErr()).toMatchObject({ code: 'installment_not_found', path: ['edit', 'changes', 0, 'number'] });
  });

  it('accepts a plan read back as JSON, and refuses one that does not add up', () => {
    const json = JSON.parse(JSON.stringify(plan)) as InstallmentPlan;
    expect(editInstallment(json, { changes: [{ number: 2, dueDate: '2026-04-15' }] }).isOk()).toBe(true);
    const tampered = { ...json, total: { cents: 1 } };
    expect(editInstallment(tampered, {})._unsafeUnwrapErr()).toMatchObject({ code: 'invalid_input', path: ['plan', 'total'] });
  });
});
