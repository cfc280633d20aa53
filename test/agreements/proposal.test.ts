import { describe, expect, it } from 'vitest';
import { COMPONENT_NAMES, proposeAgreement, type Agreement, type ProposalInput } from '../../src/agreements/index.js';
import { seed004Proposal } from './support/fixtures.js';

const c = (m: { cents: number }) => m.cents;

function propose(input: ProposalInput): Agreement {
  const result = proposeAgreement(input);
  if (result.isErr()) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

describe('proposeAgreement: seed 004 "Fazer Acordo"', () => {
  it('keep terms: the invoices keep their values, with a tolerance date and a category', () => {
    const agreement = propose({
      kind: 'keep_terms',
      asOf: '2026-03-02',
      invoices: [
        { id: 'B', amount: '400.00', dueDate: '2026-02-10' },
        { id: 'A', amount: '600.00', dueDate: '2026-01-10' },
      ],
      selectedInvoiceIds: ['B', 'A'],
      toleranceDate: '2026-03-03',
      category: 'Sem alteração',
    });
    expect(c(agreement.total)).toBe(100000);
    expect(agreement.plan.installments.map((i) => [i.invoiceId, i.dueDate, c(i.amount)])).toEqual([
      ['A', '2026-01-10', 60000],
      ['B', '2026-02-10', 40000],
    ]);
    expect(agreement.instructions).toEqual({ placeInAgreement: ['A', 'B'], cancelInvoices: [], suspendInvoices: [], createInvoices: [] });
  });

  it('the tolerance date must be strictly after the as-of date', () => {
    const error = proposeAgreement({ ...seed004Proposal(), toleranceDate: '2026-03-02' })._unsafeUnwrapErr();
    expect(error).toMatchObject({ code: 'tolerance_date_not_after_as_of', path: ['toleranceDate'] });
  });

  it('new proposal: total = base + 5% surcharge + 5% fine − 10.00 + 5.00 charges + 10.00 fees = 1105.00', () => {
    const agreement = propose(seed004Proposal());
    const { components } = agreement.plan;
    expect(COMPONENT_NAMES.map((n) => c(components[n]))).toEqual([100000, 5000, 5000, -1000, 500, 1000]);
    expect(c(agreement.total)).toBe(110500);
  });

  it('the consumer cap (CDC art. 52 §1): a consumer debt\'s 5% fine is charged at 2% and the agreement says so, or refused by setting', () => {
    const capped = propose(seed004Proposal({ fineCap: { consumerContract: true } }));
    // base 1000.00: fine 2% = 20.00 instead of 50.00; total 1105.00 − 30.00 = 1075.00
    expect([c(capped.plan.components.fine), c(capped.total)]).toEqual([2000, 107_500]);
    expect(capped.fineRule).toEqual({ requestedPercent: '5', appliedPercent: '2', capPercent: '2', capped: true });
    expect(propose(seed004Proposal()).fineRule).toEqual({ requestedPercent: '5', appliedPercent: '5', capPercent: null, capped: false });
    const refused = proposeAgreement(seed004Proposal({ fineCap: { consumerContract: true, aboveCap: 'refuse' } }));
    expect(refused._unsafeUnwrapErr()).toMatchObject({ code: 'fine_above_consumer_cap', path: ['finePercent'] });
    expect(propose(seed004Proposal({ finePercent: '2', fineCap: { consumerContract: true, aboveCap: 'refuse' } })).fineRule?.capped).toBe(false);
  });

  it('places charges, fees and fine once on the first installment and spreads base, surcharge and discounts', () => {
    const { installments } = propose(seed004Proposal()).plan;
    // Spread part 1000.00 + 50.00 − 10.00 = 1040.00 in 3 → 346.67, 346.67, 346.66; once-only 50.00 + 5.00 + 10.00 on the first.
    expect(installments.map((i) => c(i.amount))).toEqual([41167, 34667, 34666]);
    expect(installments.map((i) => [c(i.breakdown.fine), c(i.breakdown.charges), c(i.breakdown.fees)])).toEqual([
      [5000, 500, 1000],
      [0, 0, 0],
      [0, 0, 0],
    ]);
    expect(installments.map((i) => c(i.breakdown.surcharge))).toEqual([1667, 1667, 1666]);
    expect(installments.map((i) => c(i.breakdown.discount))).toEqual([-334, -333, -333]);
    expect(installments.map((i) => c(i.breakdown.base))).toEqual([33334, 33333, 33333]);
    expect(installments.map((i) => i.dueDate)).toEqual(['2026-03-10', '2026-04-10', '2026-05-10']);
  });

  it('says what the host must do: cancel (or suspend) the originals and create the invoices with account-plan lines', () => {
    const agreement = propose(seed004Proposal());
    expect(agreement.instructions.cancelInvoices).toEqual(['F-101', 'F-102']);
    expect(agreement.instructions.suspendInvoices).toEqual([]);
    const first = agreement.instructions.createInvoices[0];
    expect(first).toMatchObject({ installment: 1, dueDate: '2026-03-10', description: 'Acordo 101 (1/3)', paymentProfile: 'boleto', keepOnTimeDiscount: false });
    expect(first?.accountPlanLines.map((l) => [l.component, l.account, c(l.amount)])).toEqual([
      ['base', null, 33334],
      ['surcharge', '4.01', 1667],
      ['fine', '4.02', 5000],
      ['discount', '4.03', -334],
      ['charges', '4.04', 500],
      ['fees', '4.05', 1000],
    ]);
    const suspended = propose(seed004Proposal({ originals: 'suspend' }));
    expect([suspended.instructions.cancelInvoices, suspended.instructions.suspendInvoices]).toEqual([[], ['F-101', 'F-102']]);
  });

  it('no installments: one new invoice with a new due date, description and payment profile', () => {
    const agreement = propose(seed004Proposal({ installments: { kind: 'single', dueDate: '2026-03-20', description: 'Nova fatura', paymentProfile: 'pix' } }));
    expect(agreement.instructions.createInvoices).toHaveLength(1);
    expect(agreement.instructions.createInvoices[0]).toMatchObject({ amount: { cents: 110500 }, dueDate: '2026-03-20', description: 'Nova fatura', paymentProfile: 'pix' });
  });

  it('base from updated amounts when the setting says so', () => {
    const input = seed004Proposal({
      baseAmounts: 'updated',
      invoices: [
        { id: 'F-101', amount: '600.00', updatedAmount: '630.00', dueDate: '2026-01-10' },
        { id: 'F-102', amount: '400.00', updatedAmount: '410.00', dueDate: '2026-02-10' },
      ],
      surchargePercent: '0',
      finePercent: '0',
      chargesAmount: '0',
      feesAmount: '0',
    });
    expect(c(propose(input).total)).toBe(103000);
    const missing = proposeAgreement({ ...input, invoices: [{ id: 'F-101', amount: '600.00', dueDate: '2026-01-10' }, { id: 'F-102', amount: '400.00', updatedAmount: '410.00', dueDate: '2026-02-10' }] });
    expect(missing._unsafeUnwrapErr()).toMatchObject({ code: 'invalid_input', path: ['invoices', 0, 'updatedAmount'] });
  });

  it('seed 001: the system computes the late charges of the base, and a discount may reduce only those', () => {
    // 373.52 due 10 Jan 2026, as of 2 Mar: fine 7.47 + interest 6.35 (docs table, row 8) → base 387.34.
    const input = seed004Proposal({
      invoices: [{ id: 'INV-1', amount: '373.52', dueDate: '2026-01-10' }],
      selectedInvoiceIds: ['INV-1'],
      baseAmounts: 'updated',
      lateChargesPolicy: { interest: { kind: 'monthly', percent: '1' } },
      surchargePercent: '0',
      finePercent: '0',
      chargesAmount: '0',
      feesAmount: '0',
      discountsOnlyReduceLateCharges: true,
      discountAmount: '13.82',
    });
    expect(c(propose(input).total)).toBe(37352);
    expect(proposeAgreement({ ...input, discountAmount: '13.83' })._unsafeUnwrapErr()).toMatchObject({ code: 'discount_exceeds_late_charges', details: { maximum: { cents: 1382 } } });
  });

  it('a chart-of-accounts code is required for each non-zero component, and only for those', () => {
    const error = proposeAgreement(seed004Proposal({ accountPlan: { surcharge: '4.01', discount: '4.03', charges: '4.04', fees: '4.05' } }))._unsafeUnwrapErr();
    expect(error).toMatchObject({ code: 'account_plan_missing', path: ['accountPlan', 'fine'] });
    const plain = seed004Proposal({ surchargePercent: '0', finePercent: '0', discountAmount: '0', chargesAmount: '0', feesAmount: '0', accountPlan: {} });
    expect(proposeAgreement(plain).isOk()).toBe(true);
  });

  it("keeping the contract's on-time discount is flagged on the new invoices, and refused when originals are suspended", () => {
    const kept = propose(seed004Proposal({ keepOnTimeDiscount: true }));
    expect(kept.instructions.createInvoices.every((i) => i.keepOnTimeDiscount)).toBe(true);
    expect(proposeAgreement(seed004Proposal({ keepOnTimeDiscount: true, originals: 'suspend' }))._unsafeUnwrapErr()).toMatchObject({
      code: 'on_time_discount_unavailable',
      path: ['keepOnTimeDiscount'],
    });
  });

  it('refuses settled, suspended, deleted invoices and unknown ids, naming the selection entry', () => {
    expect(proposeAgreement(seed004Proposal({ selectedInvoiceIds: ['F-101', 'F-103'] }))._unsafeUnwrapErr()).toMatchObject({
      code: 'invoice_not_eligible',
      path: ['selectedInvoiceIds', 1],
      details: { id: 'F-103', reasons: ['settled'] },
    });
    expect(proposeAgreement(seed004Proposal({ selectedInvoiceIds: ['F-101', 'NOPE'] }))._unsafeUnwrapErr()).toMatchObject({ code: 'unknown_invoice', path: ['selectedInvoiceIds', 1] });
    expect(proposeAgreement(seed004Proposal({ selectedInvoiceIds: ['F-101', 'F-101'] }))._unsafeUnwrapErr()).toMatchObject({ code: 'duplicate_invoice', path: ['selectedInvoiceIds', 1] });
  });

  it('installment schedules: monthly month-end clamped, weekly, fortnightly, explicit dates, moved to business days', () => {
    const dates = (installments: Extract<ProposalInput, { kind: 'new_proposal' }>['installments']) => propose(seed004Proposal({ installments })).plan.installments.map((i) => i.dueDate);
    const common = { description: 'x', paymentProfile: 'boleto' };
    expect(dates({ kind: 'regular', count: 4, firstDueDate: '2026-03-31', ...common })).toEqual(['2026-03-31', '2026-04-30', '2026-05-31', '2026-06-30']);
    expect(dates({ kind: 'regular', count: 3, firstDueDate: '2026-03-10', frequency: 'weekly', ...common })).toEqual(['2026-03-10', '2026-03-17', '2026-03-24']);
    expect(dates({ kind: 'regular', count: 3, firstDueDate: '2026-03-10', frequency: 'fortnightly', ...common })).toEqual(['2026-03-10', '2026-03-25', '2026-04-09']);
    expect(dates({ kind: 'dates', dates: ['2026-03-05', '2026-04-21'], ...common })).toEqual(['2026-03-05', '2026-04-21']);
    // 2026-05-31 is a Sunday; 2026-04-21 is Tiradentes.
    expect(dates({ kind: 'regular', count: 3, firstDueDate: '2026-03-31', moveToBusinessDay: true, ...common })).toEqual(['2026-03-31', '2026-04-30', '2026-06-01']);
    expect(dates({ kind: 'dates', dates: ['2026-03-05', '2026-04-21'], moveToBusinessDay: true, ...common })).toEqual(['2026-03-05', '2026-04-22']);
  });

  it('discounts may only reduce late charges, never principal (seed 001 policy)', () => {
    const base = seed004Proposal({ surchargePercent: '0', chargesAmount: '0', feesAmount: '0', finePercent: '2', discountsOnlyReduceLateCharges: true });
    // Late charges here: the 2% fine = 20.00; a 20.00 discount is fine, 20.01 is not.
    expect(c(propose({ ...base, discountAmount: '20.00' }).total)).toBe(100000);
    expect(proposeAgreement({ ...base, discountAmount: '20.01' })._unsafeUnwrapErr()).toMatchObject({
      code: 'discount_exceeds_late_charges',
      details: { maximum: { cents: 2000 } },
    });
  });

  it('refuses bad input with a typed error naming the field, never a throw', () => {
    const cases: [ProposalInput, string, (string | number)[]][] = [
      [seed004Proposal({ surchargePercent: '-1' }), 'invalid_input', ['surchargePercent']],
      [seed004Proposal({ discountAmount: '1000.01', surchargePercent: '0' }), 'discount_exceeds_base', ['discountAmount']],
      [seed004Proposal({ discountPercent: '101' }), 'discount_exceeds_base', ['discountPercent']],
      [seed004Proposal({ installments: { kind: 'regular', count: 0, firstDueDate: '2026-03-10', description: 'x', paymentProfile: 'p' } }), 'invalid_input', ['installments', 'count']],
      [seed004Proposal({ installments: { kind: 'regular', count: 10_000, firstDueDate: '2026-03-10', description: 'x', paymentProfile: 'p' } }), 'invalid_input', ['installments', 'count']],
      [seed004Proposal({ installments: { kind: 'regular', count: 2, firstDueDate: '2026-03-01', description: 'x', paymentProfile: 'p' } }), 'due_date_before_as_of', ['installments', 'firstDueDate']],
      [seed004Proposal({ installments: { kind: 'dates', dates: ['2026-04-01', '2026-04-01'], description: 'x', paymentProfile: 'p' } }), 'dates_not_increasing', ['installments', 'dates', 1]],
      [seed004Proposal({ toleranceDate: '2026-01-01' }), 'tolerance_date_not_after_as_of', ['toleranceDate']],
      [seed004Proposal({ feesAmount: '-5.00' }), 'invalid_input', ['feesAmount']],
    ];
    cases.push([seed004Proposal({ finePercent: '1000', invoices: [{ id: 'F-101', amount: '900000000000.00', dueDate: '2026-01-10' }, { id: 'F-102', amount: '1.00', dueDate: '2026-01-10' }] }), 'amount_out_of_range', ['finePercent']]);
    cases.push([seed004Proposal({ installments: { kind: 'regular', count: 360, firstDueDate: '9990-01-10', description: 'x', paymentProfile: 'p' } }), 'invalid_input', ['installments']]);
    for (const [input, code, path] of cases) expect(proposeAgreement(input)._unsafeUnwrapErr()).toMatchObject({ code, path });
    expect(proposeAgreement(null as unknown as ProposalInput)._unsafeUnwrapErr().code).toBe('invalid_input');
  });
});
