import { describe, expect, it } from 'vitest';
import type { Agreement } from '../../src/agreements/index.js';
import type { CustomerRecord } from '../../src/ports/index.js';
import { harness, invoiceOf, maria } from './harness.js';

const op = (key: string) => ({ idempotencyKey: key, actor: 'operator.ana' });
const c = (m: { cents: number }) => m.cents;

/** Seed 004's worked example (docs/agreements.md) is a company's debt: its 5% fine is not under the consumer cap. */
const acme: CustomerRecord = { ...maria, id: 'c-acme', name: 'Acme Comércio Ltda', taxId: '11444777000161', kind: 'company' };

const seed004 = {
  kind: 'new_proposal',
  selectedInvoiceIds: ['F-101', 'F-102'],
  toleranceDate: '2026-04-30',
  category: 'category-1',
  surchargePercent: '5',
  finePercent: '5',
  discountAmount: '10.00',
  chargesAmount: '5.00',
  feesAmount: '10.00',
  accountPlan: { surcharge: '4.01', fine: '4.02', discount: '4.03', charges: '4.04', fees: '4.05' },
  installments: { kind: 'regular', count: 3, firstDueDate: '2026-03-10', description: 'Acordo 101', paymentProfile: 'boleto' },
} as const;

const seed001 = {
  kind: 'new_proposal',
  selectedInvoiceIds: ['T-1'],
  toleranceDate: '2026-04-30',
  category: 'category-1',
  accountPlan: { discount: '4.03' },
  installments: { kind: 'regular', count: 2, firstDueDate: '2026-03-10', description: 'Renegociação', paymentProfile: 'boleto' },
} as const;

async function withCategory(options: Parameters<typeof harness>[0] = {}) {
  const h = await harness(options, '2026-03-02T10:00:00-03:00');
  await h.seed([acme, maria], [invoiceOf('F-101', acme.id, '600.00', '2026-03-20'), invoiceOf('F-102', acme.id, '400.00', '2026-03-25'), invoiceOf('T-1', maria.id, '373.52', '2026-03-20')]);
  const category = (await h.app.createAgreementCategory({ ...op('cat'), name: 'Renegociação' }))._unsafeUnwrap();
  expect(category.id).toBe('category-1');
  return h;
}

/** Everything the store holds, to prove a refusal wrote nothing. */
async function everything(h: Awaited<ReturnType<typeof harness>>) {
  return JSON.stringify(h.store.snapshot());
}

describe('negotiate: agreements through the app, as in the engine', () => {
  it('seed 004 end to end: 1105.00 in 411.67 + 346.67 + 346.66, every component with its account code, originals cancelled', async () => {
    const h = await withCategory();
    const outcome = (await h.app.negotiate({ ...op('deal'), customerId: acme.id, proposal: seed004 }))._unsafeUnwrap();
    const agreement = outcome.agreement.agreement as Agreement;
    expect(c(agreement.total)).toBe(110_500);
    expect(outcome.createdInvoices.map((i) => [c(i.amount), i.dueDate])).toEqual([[41_167, '2026-03-10'], [34_667, '2026-04-10'], [34_666, '2026-05-10']]);
    const [first, second, third] = agreement.instructions.createInvoices;
    expect(first?.accountPlanLines.map((l) => [l.component, l.account, c(l.amount)])).toEqual([
      ['base', null, 33_334], ['surcharge', '4.01', 1_667], ['fine', '4.02', 5_000], ['discount', '4.03', -334], ['charges', '4.04', 500], ['fees', '4.05', 1_000],
    ]);
    expect(second?.accountPlanLines.map((l) => [l.component, c(l.amount)])).toEqual([['base', 33_333], ['surcharge', 1_667], ['discount', -333]]);
    expect(third?.accountPlanLines.map((l) => [l.component, c(l.amount)])).toEqual([['base', 33_333], ['surcharge', 1_666], ['discount', -333]]);
    expect(agreement.fineRule).toMatchObject({ capped: false, capPercent: null });
    expect(outcome.cancelledInvoiceIds).toEqual(['F-101', 'F-102']);
    expect(outcome.agreement.operator).toBe('operator.ana');
  });

  it("the consumer cap: a person's 5% fine is charged at 2% and the agreement says so; by setting it is refused, nothing written", async () => {
    const h = await withCategory();
    await h.seed([], [invoiceOf('M-1', maria.id, '1000.00', '2026-03-20')]);
    const capped = (await h.app.negotiate({ ...op('capped'), customerId: maria.id, proposal: { ...seed004, selectedInvoiceIds: ['M-1'] } }))._unsafeUnwrap();
    const agreement = capped.agreement.agreement as Agreement;
    expect([c(agreement.plan.components.fine), c(agreement.total)]).toEqual([2_000, 107_500]);
    expect(agreement.fineRule).toEqual({ requestedPercent: '5', appliedPercent: '2', capPercent: '2', capped: true });

    const strict = await withCategory({ agreements: { fineAboveConsumerCap: 'refuse' } });
    await strict.seed([], [invoiceOf('M-1', maria.id, '1000.00', '2026-03-20')]);
    const before = await everything(strict);
    const refused = await strict.app.negotiate({ ...op('refused'), customerId: maria.id, proposal: { ...seed004, selectedInvoiceIds: ['M-1'] } });
    expect(refused._unsafeUnwrapErr()).toMatchObject({ code: 'fine_above_consumer_cap', path: ['proposal', 'finePercent'] });
    expect(await everything(strict)).toBe(before);
  });

  it('seed 001 end to end: 373.52 typed as 2 × 200.00 is refused with the difference 26.48, and accepted with a negative discount of 26.48', async () => {
    const h = await withCategory();
    const generated = (await h.app.previewAgreement({ actor: 'operator.ana', customerId: maria.id, proposal: seed001 }))._unsafeUnwrap();
    expect(generated.plan.installments.map((i) => c(i.amount))).toEqual([18_676, 18_676]);

    const before = await everything(h);
    const typed = { changes: [{ number: 1, amount: '200.00' }, { number: 2, amount: '200.00' }] };
    const unbalanced = (await h.app.negotiate({ ...op('typed'), customerId: maria.id, proposal: seed001, edit: typed }))._unsafeUnwrapErr();
    expect(unbalanced).toMatchObject({ code: 'plan_unbalanced', path: ['edit', 'changes'] });
    expect(c(unbalanced.details?.difference as { cents: number })).toBe(2_648);
    expect(await everything(h)).toBe(before);

    const outcome = (await h.app.negotiate({ ...op('typed-2'), customerId: maria.id, proposal: seed001, edit: { ...typed, additionalDiscount: '-26.48' } }))._unsafeUnwrap();
    const agreement = outcome.agreement.agreement as Agreement;
    expect([c(agreement.total), c(agreement.plan.components.discount)]).toEqual([40_000, 2_648]);
    expect(outcome.createdInvoices.map((i) => c(i.amount))).toEqual([20_000, 20_000]);
  });

  it("seed 001's negative discount given in the proposal is a surcharge spread over the installments", async () => {
    const h = await withCategory();
    const preview = (await h.app.previewAgreement({ actor: 'operator.ana', customerId: maria.id, proposal: { ...seed001, discountAmount: '-26.48' } }))._unsafeUnwrap();
    expect([c(preview.total), ...preview.plan.installments.map((i) => c(i.amount))]).toEqual([40_000, 20_000, 20_000]);
    expect(preview.plan.installments.map((i) => c(i.breakdown.discount))).toEqual([1_324, 1_324]);
  });

  it('preview writes nothing; an operator-edited plan is validated again and confirmed; a stale preview total is refused', async () => {
    const h = await withCategory();
    const before = await everything(h);
    const preview = (await h.app.previewAgreement({ actor: 'operator.ana', customerId: maria.id, proposal: seed001 }))._unsafeUnwrap();
    expect(await everything(h)).toBe(before);
    const plan = {
      ...preview.plan,
      components: { ...preview.plan.components, discount: { cents: 2_648 } },
      installments: preview.plan.installments.map((i) => ({ ...i, amount: { cents: 20_000 } })),
    };
    const bad = { ...plan, installments: plan.installments.map((i, k) => (k === 0 ? { ...i, amount: { cents: 20_100 } } : i)) };
    expect((await h.app.negotiate({ ...op('bad-plan'), customerId: maria.id, proposal: seed001, plan: bad }))._unsafeUnwrapErr()).toMatchObject({ code: 'plan_unbalanced', path: ['plan', 'changes'] });
    expect((await h.app.negotiate({ ...op('stale'), customerId: maria.id, proposal: seed001, plan, expectedTotal: '373.52' }))._unsafeUnwrapErr()).toMatchObject({ code: 'preview_stale', path: ['expectedTotal'] });
    expect(await everything(h)).toBe(before);
    const confirmed = (await h.app.negotiate({ ...op('plan'), customerId: maria.id, proposal: seed001, plan, expectedTotal: '400.00' }))._unsafeUnwrap();
    expect(confirmed.createdInvoices.map((i) => c(i.amount))).toEqual([20_000, 20_000]);
  });

  it('bad input: misspelled or extra fields, negative or NaN amounts, unknown or inactive categories — typed errors naming the path, nothing written', async () => {
    const h = await withCategory();
    const before = await everything(h);
    const refusals: [unknown, string, (string | number)[]][] = [
      [{ proposal: { ...seed004, finePercentage: '2' } }, 'invalid_input', ['proposal', 'finePercentage']],
      [{ proposal: { ...seed004, feeAmount: '10.00' } }, 'invalid_input', ['proposal', 'feeAmount']],
      [{ proposal: { ...seed004, installments: { ...seed004.installments, cout: 3 } } }, 'invalid_input', ['proposal', 'installments', 'cout']],
      [{ proposal: { ...seed004, accountPlan: { ...seed004.accountPlan, fees2: 'x' } } }, 'invalid_input', ['proposal', 'accountPlan', 'fees2']],
      [{ proposal: seed004, extra: true }, 'invalid_input', ['extra']],
      [{ proposal: { ...seed004, chargesAmount: '-5.00' } }, 'invalid_input', ['proposal', 'chargesAmount']],
      [{ proposal: { ...seed004, feesAmount: 'NaN' } }, 'invalid_input', ['proposal', 'feesAmount']],
      [{ proposal: { ...seed004, finePercent: Number.NaN } }, 'invalid_input', ['proposal', 'finePercent']],
      [{ proposal: { ...seed004, category: 'no-such-category' } }, 'category_unknown', ['proposal', 'category']],
      [{ proposal: { ...seed004, lateChargesPolicy: { interest: { kind: 'none' } } } }, 'invalid_input', ['proposal', 'lateChargesPolicy']],
    ];
    for (const [k, [fields, code, path]] of refusals.entries()) {
      const result = await h.app.negotiate({ ...op(`bad-${k}`), customerId: acme.id, ...(fields as object) } as never);
      expect(result._unsafeUnwrapErr(), JSON.stringify(fields)).toMatchObject({ code, path });
    }
    expect(await everything(h)).toBe(before);
    (await h.app.deactivateAgreementCategory({ ...op('off'), categoryId: 'category-1' }))._unsafeUnwrap();
    expect((await h.app.negotiate({ ...op('inactive'), customerId: acme.id, proposal: seed004 }))._unsafeUnwrapErr()).toMatchObject({ code: 'category_inactive', path: ['proposal', 'category'] });
  });

  it('an operator cancels an agreement with a reason: installments cancelled, the originals back in collection', async () => {
    const h = await withCategory();
    const outcome = (await h.app.negotiate({ ...op('deal'), customerId: acme.id, proposal: seed004 }))._unsafeUnwrap();
    expect((await h.app.cancelAgreement({ ...op('cancel-no-reason'), agreementId: outcome.agreement.id, reason: ' ' }))._unsafeUnwrapErr()).toMatchObject({ code: 'invalid_input', path: ['reason'] });
    const cancelled = (await h.app.cancelAgreement({ ...op('cancel'), agreementId: outcome.agreement.id, reason: 'cliente desistiu' }))._unsafeUnwrap();
    expect([cancelled.status, cancelled.cancellation]).toEqual(['cancelled', { on: '2026-03-02', by: 'operator.ana', reason: 'cliente desistiu' }]);
    const invoices = await h.store.transaction((tx) => tx.invoices.list({ customerId: acme.id }));
    expect(invoices.map((i) => [i.id, i.status, i.agreementId ?? null])).toEqual([
      ['F-101', 'open', null], ['F-102', 'open', null],
      ...outcome.createdInvoices.map((i) => [i.id, 'cancelled', outcome.agreement.id]),
    ]);
    expect((await h.app.cancelAgreement({ ...op('cancel-2'), agreementId: outcome.agreement.id, reason: 'again' }))._unsafeUnwrapErr().code).toBe('invalid_state');
  });

  it('agreement categories: create, rename, deactivate; a duplicate active name is refused', async () => {
    const h = await withCategory();
    expect((await h.app.createAgreementCategory({ ...op('dup'), name: 'renegociação' }))._unsafeUnwrapErr()).toMatchObject({ code: 'duplicate_name', path: ['name'] });
    const renamed = (await h.app.renameAgreementCategory({ ...op('rename'), categoryId: 'category-1', name: 'Acordo comercial' }))._unsafeUnwrap();
    expect([renamed.name, renamed.active]).toEqual(['Acordo comercial', true]);
    (await h.app.deactivateAgreementCategory({ ...op('off'), categoryId: 'category-1' }))._unsafeUnwrap();
    expect((await h.app.listAgreementCategories())._unsafeUnwrap().map((r) => [r.id, r.name, r.active])).toEqual([['category-1', 'Acordo comercial', false]]);
    expect((await h.app.renameAgreementCategory({ ...op('x'), categoryId: 'nope', name: 'x' }))._unsafeUnwrapErr()).toMatchObject({ code: 'not_found', path: ['categoryId'] });
  });
});
