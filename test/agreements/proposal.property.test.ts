import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { COMPONENT_NAMES, editInstallment, proposeAgreement, type InstallmentPlan } from '../../src/agreements/index.js';
import { ALLOCATION_POLICIES, ROUNDING_MODES } from '../../src/money/index.js';
import type { NewProposalInput } from './support/fixtures.js';

const c = (m: { cents: number }) => m.cents;
const runs = Number(process.env.PROPERTY_RUNS ?? 200);

const amountArb = fc.integer({ min: 0, max: 50_000_000 }).map((cents) => ({ cents }));
const percentArb = fc.integer({ min: 0, max: 30_000 }).map((n) => (n / 1000).toFixed(3));

const proposalArb: fc.Arbitrary<NewProposalInput> = fc
  .record({
    amounts: fc.array(amountArb, { minLength: 1, maxLength: 12 }),
    surchargePercent: percentArb,
    finePercent: percentArb,
    discountPercent: percentArb,
    discountCents: fc.integer({ min: 0, max: 1_000_000 }),
    chargesAmount: amountArb,
    feesAmount: amountArb,
    count: fc.integer({ min: 1, max: 60 }),
    frequency: fc.constantFrom('monthly' as const, 'weekly' as const, 'fortnightly' as const),
    allocation: fc.constantFrom(...ALLOCATION_POLICIES),
    rounding: fc.constantFrom(...ROUNDING_MODES),
    moveToBusinessDay: fc.boolean(),
  })
  .map((r) => {
    const base = r.amounts.reduce((s, a) => s + a.cents, 0);
    return {
      kind: 'new_proposal',
      asOf: '2026-03-02',
      invoices: r.amounts.map((amount, i) => ({ id: `INV-${i}`, amount, dueDate: '2026-01-10' })),
      selectedInvoiceIds: r.amounts.map((_, i) => `INV-${i}`),
      toleranceDate: '2026-04-30',
      category: 'prop',
      surchargePercent: r.surchargePercent,
      finePercent: r.finePercent,
      fineCap: { consumerContract: false },
      discountPercent: r.discountPercent,
      discountAmount: { cents: Math.min(r.discountCents, Math.floor(base / 2)) },
      chargesAmount: r.chargesAmount,
      feesAmount: r.feesAmount,
      accountPlan: { surcharge: 'S', fine: 'F', discount: 'D', charges: 'C', fees: 'H' },
      allocation: r.allocation,
      rounding: r.rounding,
      installments: { kind: 'regular', count: r.count, firstDueDate: '2026-03-31', frequency: r.frequency, moveToBusinessDay: r.moveToBusinessDay, description: 'd', paymentProfile: 'p' },
    };
  });

function expectExactSums(plan: InstallmentPlan): void {
  expect(plan.installments.reduce((s, i) => s + c(i.amount), 0)).toBe(c(plan.total));
  expect(COMPONENT_NAMES.reduce((s, n) => s + c(plan.components[n]), 0)).toBe(c(plan.total));
  for (const name of COMPONENT_NAMES) expect(plan.installments.reduce((s, i) => s + c(i.breakdown[name]), 0)).toBe(c(plan.components[name]));
  for (const i of plan.installments) expect(COMPONENT_NAMES.reduce((s, n) => s + c(i.breakdown[n]), 0)).toBe(c(i.amount));
}

describe('proposeAgreement: properties', () => {
  const startedWith = process.env.TZ;
  afterEach(() => {
    if (startedWith === undefined) delete process.env.TZ;
    else process.env.TZ = startedWith;
  });

  it('the three exact sums hold and no installment is negative, for any proposal', () => {
    fc.assert(
      fc.property(proposalArb, (input) => {
        const agreement = proposeAgreement(input)._unsafeUnwrap();
        expectExactSums(agreement.plan);
        expect(agreement.plan.installments.every((i) => c(i.amount) >= 0)).toBe(true);
        const created = agreement.instructions.createInvoices;
        expect(created.reduce((s, i) => s + c(i.amount), 0)).toBe(c(agreement.total));
        for (const invoice of created) expect(invoice.accountPlanLines.reduce((s, l) => s + c(l.amount), 0)).toBe(c(invoice.amount));
      }),
      { numRuns: runs },
    );
  });

  it('permuting the invoices (and the selection) changes nothing', () => {
    fc.assert(
      fc.property(
        proposalArb.chain((input) => fc.tuple(fc.constant(input), fc.shuffledSubarray([...input.invoices], { minLength: input.invoices.length }), fc.shuffledSubarray([...input.selectedInvoiceIds], { minLength: input.selectedInvoiceIds.length }))),
        ([input, invoices, selected]) => {
          const original = proposeAgreement(input)._unsafeUnwrap();
          const permuted = proposeAgreement({ ...input, invoices, selectedInvoiceIds: selected })._unsafeUnwrap();
          expect(permuted).toEqual(original);
        },
      ),
      { numRuns: runs },
    );
  });

  it('the result is the same whatever the process time zone', () => {
    fc.assert(
      fc.property(proposalArb, fc.constantFrom('UTC', 'America/Sao_Paulo', 'Asia/Tokyo', 'Pacific/Kiritimati', 'America/Noronha'), (input, zone) => {
        process.env.TZ = 'UTC';
        const inUtc = JSON.stringify(proposeAgreement(input)._unsafeUnwrap());
        process.env.TZ = zone;
        expect(JSON.stringify(proposeAgreement(input)._unsafeUnwrap())).toBe(inUtc);
      }),
      { numRuns: Math.ceil(runs / 4) },
    );
  });

  it('an edit that is accepted keeps the three exact sums; one that is refused reports the exact difference', () => {
    fc.assert(
      fc.property(
        proposalArb.filter((input) => input.installments.kind === 'regular' && input.installments.count > 1),
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 0, max: 50_000_000 }),
        fc.constantFrom('none' as const, 'following' as const, 'last' as const),
        (input, which, newCents, rebalance) => {
          const plan = proposeAgreement(input)._unsafeUnwrap().plan;
          const number = (which % plan.installments.length) + 1;
          const result = editInstallment(plan, { changes: [{ number, amount: { cents: newCents } }], rebalance });
          if (result.isOk()) {
            expectExactSums(result.value);
            expect(result.value.installments.every((i) => c(i.amount) >= 0)).toBe(true);
          } else if (result.error.code === 'plan_unbalanced') {
            const old = plan.installments[number - 1]?.amount.cents ?? 0;
            expect(result.error.details?.difference).toEqual({ cents: newCents - old });
          } else expect(result.error.code).toBe('negative_installment');
        },
      ),
      { numRuns: runs },
    );
  });

  it('negative installments appear only when explicitly allowed', () => {
    fc.assert(
      fc.property(proposalArb.filter((input) => input.installments.kind === 'regular' && input.installments.count > 2), (input) => {
        const plan = proposeAgreement(input)._unsafeUnwrap().plan;
        const tooMuch = { cents: c(plan.total) + 100 };
        expect(editInstallment(plan, { changes: [{ number: 2, amount: tooMuch }], rebalance: 'last' })._unsafeUnwrapErr().code).toBe('negative_installment');
        const allowed = proposeAgreement({ ...input, allowNegativeInstallments: true })._unsafeUnwrap().plan;
        const edited = editInstallment(allowed, { changes: [{ number: 2, amount: tooMuch }], rebalance: 'last' })._unsafeUnwrap();
        expect(c(edited.installments.at(-1)?.amount ?? { cents: 0 })).toBeLessThan(0);
        expectExactSums(edited);
      }),
      { numRuns: Math.ceil(runs / 2) },
    );
  });
});
