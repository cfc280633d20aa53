import { describe, expect, it } from 'vitest';
import { owedAmount } from '../../src/agreements/index.js';
import type { CustomerRecord } from '../../src/ports/index.js';
import type { Panel } from '../../src/portfolio/index.js';
import { harness, invoiceOf, maria } from './harness.js';

const op = (key: string, actor = 'operator.ana') => ({ idempotencyKey: key, actor });
const customer = (id: string, taxId: string, city = 'São Paulo'): CustomerRecord => ({ ...maria, id, name: `Cliente ${id}`, taxId, address: { ...(maria.address as NonNullable<CustomerRecord['address']>), city } });
const policy = { interest: { kind: 'monthly', percent: '1' } } as const;

/**
 * A portfolio where every panel and every chart has members, built through the
 * app over simulated days (1% a month, 2% fine; ruler D-3, D+1, D+10 forward,
 * D+15 negativate; registrations only from R$ 250.00; removal by an operator).
 */
async function portfolio() {
  const h = await harness({ settings: { general: { registerAutomatically: 'yes', minimumDaysOverdue: 15, minimumAmount: '250.00', removeAutomatically: 'no' } } }, '2026-09-28T10:00:00-03:00');
  const joao = customer('c-joao', '52998224725');
  const [a, b, cc, d, e] = [customer('c-a', '11144477735'), customer('c-b', '22255588846'), customer('c-c', '33366699957'), customer('c-d', '44477711107', 'Campinas'), customer('c-e', '55588822200')];
  await h.seed(
    [joao, a, b, cc, d, e],
    [
      invoiceOf('r1', joao.id, '300.00', '2026-10-01'),
      invoiceOf('k1', joao.id, '300.00', '2026-10-01'),
      invoiceOf('x1', joao.id, '300.00', '2026-10-01'),
      invoiceOf('a1', a.id, '100.00', '2026-11-01'),
      invoiceOf('b1', b.id, '100.00', '2026-11-01'),
      invoiceOf('c1', cc.id, '100.00', '2026-11-01'),
      invoiceOf('d1', d.id, '200.00', '2026-10-15'),
      invoiceOf('e1', e.id, '150.00', '2026-10-20'),
    ],
  );
  await h.cycleOn('2026-10-16'); // r1, k1, x1 requested (D+15), noticed
  await h.cycleOn('2026-10-26'); // registered; d1 forwarded (D+10), e1 forwarded on the 30th
  await h.cycleOn('2026-11-04'); // d1, e1 refused for registration (below R$ 250.00)

  h.clock.set('2026-11-05T10:00:00-03:00');
  const category = (await h.app.createAgreementCategory({ ...op('category'), name: 'Renegociação' }))._unsafeUnwrap();
  const deal = (
    await h.app.negotiate({
      ...op('deal-d'),
      customerId: d.id,
      proposal: { kind: 'new_proposal', selectedInvoiceIds: ['d1'], toleranceDate: '2026-12-20', category: category.id, installments: { kind: 'regular', count: 2, firstDueDate: '2026-11-10', description: 'Acordo d1', paymentProfile: 'boleto' } },
    })
  )._unsafeUnwrap();
  (await h.app.negotiate({ ...op('deal-e', 'operator.bia'), customerId: e.id, proposal: { kind: 'keep_terms', selectedInvoiceIds: ['e1'], toleranceDate: '2026-11-10', category: category.id } }))._unsafeUnwrap();

  h.clock.set('2026-11-10T10:00:00-03:00');
  const [first, second] = deal.createdInvoices;
  (await h.app.recordPayment({ ...op('pay-d1'), invoiceId: first?.id ?? '', amount: '100.00' }))._unsafeUnwrap();
  // 300.00 due 1 Oct, paid 10 Nov (40 days): fine 6.00 + interest 4.00.
  expect((await h.app.recordPayment({ ...op('pay-k1'), invoiceId: 'k1', amount: '310.00' }))._unsafeUnwrap().settled).toBe(true);
  expect((await h.app.recordPayment({ ...op('pay-x1'), invoiceId: 'x1', amount: '310.00' }))._unsafeUnwrap().settled).toBe(true);
  const x1Registration = (await h.store.transaction((tx) => tx.negativations.list({ invoiceId: 'x1' })))[0];
  (await h.app.requestRemoval({ ...op('remove-x1'), negativationId: x1Registration?.id ?? '' }))._unsafeUnwrap();
  (await h.app.performEffects())._unsafeUnwrap();

  await h.cycleOn('2026-11-11'); // a1, b1, c1 forwarded (D+10); e1's agreement broken (unpaid after 10 Nov)
  h.clock.set('2026-11-12T10:00:00-03:00');
  (await h.app.startCollection({ ...op('select-b', 'operator.bia'), customerId: b.id, invoiceIds: ['b1'] }))._unsafeUnwrap();
  (await h.app.startCollection({ ...op('select-c', 'operator.carlos'), customerId: cc.id, invoiceIds: ['c1'] }))._unsafeUnwrap();
  (await h.app.confirmCollection({ ...op('confirm-c', 'operator.carlos'), customerId: cc.id }))._unsafeUnwrap();
  (await h.app.addComment({ ...op('comment-c', 'operator.carlos'), customerId: cc.id, text: 'Cliente prometeu pagar', contactType: 'active' }))._unsafeUnwrap();
  const final = await h.cycleOn('2026-12-01');
  return { h, final, second };
}

const ids = (panel: Panel) => [...panel.invoiceIds].sort();

describe('the panels and charts agree with the engine (seed 004)', () => {
  it('every panel, hand-computed: members, customers, owed amounts that reconcile with the owed-amount rule', async () => {
    const { h, final, second } = await portfolio();
    const now = (await h.app.classifyNow())._unsafeUnwrap();
    expect(now).toEqual(final.classification);
    const { panels, replaced } = now;
    // As of 1 Dec, 1% a month and 2% fine: a1/b1/c1 100.00 due 1 Nov (30 days) owe 103.00; r1 300.00 due 1 Oct (61 days)
    // owes 300 + 6.00 + 6.10 = 312.10; e1 150.00 due 20 Oct (42 days) owes 150 + 3.00 + 2.10 = 155.10; d's second installment
    // 100.00 is not yet due (10 Dec).
    const expected: Record<string, [string[], number, number]> = {
      classified: [['a1', 'r1'], 2, 41_510],
      inContact: [['b1'], 1, 10_300],
      awaitingNegotiation: [['c1'], 1, 10_300],
      agreementPending: [[second?.id ?? ''], 1, 10_000],
      agreementFulfilled: [['invoice-1'], 1, 0],
      agreementBroken: [['e1'], 1, 15_510],
      registered: [['r1'], 1, 31_210],
      critiques: [['k1'], 1, 0],
      removedAfterRegistration: [['x1'], 1, 0],
      protested: [[], 0, 0],
    };
    expect(Object.fromEntries(Object.entries(panels).map(([name, p]) => [name, [ids(p), p.customers, p.owed.cents]]))).toEqual(expected);
    // The original d1 is shown once, as replaced: never beside its installments.
    expect([ids(replaced), replaced.amount.cents]).toEqual([['d1'], 20_000]);
    for (const panel of Object.values(panels)) expect(panel.invoiceIds).not.toContain('d1');

    // Each panel's total is the sum of its invoices' owed amounts by the one rule.
    const invoices = await h.store.transaction((tx) => tx.invoices.list());
    for (const [name, panel] of Object.entries(panels)) {
      let sum = 0;
      for (const id of panel.invoiceIds) {
        const invoice = invoices.find((i) => i.id === id);
        const payments = await h.store.transaction((tx) => tx.payments.list({ invoiceId: id }));
        const owed = owedAmount({ principal: invoice?.amount ?? '0', dueDate: invoice?.dueDate ?? '2026-01-01', asOf: '2026-12-01', payments: payments.map((p) => ({ date: p.paidOn, amount: p.amount })), policy })._unsafeUnwrap();
        sum += invoice?.status === 'paid' ? 0 : owed.owed.cents;
      }
      expect(panel.owed.cents, name).toBe(sum);
    }
  });

  it('every chart, hand-computed, grouped by the operator of each event', async () => {
    const { h } = await portfolio();
    const { charts } = (await h.app.classifyNow())._unsafeUnwrap();
    const nonZero = <T extends { count: number }>(points: readonly (T & { month: string })[]) => points.filter((p) => p.count > 0).map((p) => [p.month, p.count, (p as unknown as { amount: { cents: number } }).amount.cents]);
    // Events: two agreements (ana 5 Nov, bia 5 Nov), carlos's comment (12 Nov).
    expect(nonZero(charts.interactionsPerMonth)).toEqual([['2026-11', 3, 0]]);
    expect(charts.eventsPerOperator).toEqual([{ label: 'operator.ana', count: 1 }, { label: 'operator.bia', count: 1 }, { label: 'operator.carlos', count: 1 }]);
    expect(charts.agreementsPerCity).toEqual([{ label: 'Campinas', count: 1 }, { label: 'São Paulo', count: 1 }]);
    // d's first installment, 100.00, paid 10 Nov.
    expect(nonZero(charts.resultsPerMonth)).toEqual([['2026-11', 1, 10_000]]);
    expect(charts.effectedPerOperator).toEqual([{ label: 'operator.ana', count: 1 }]);
    // e1, bia's broken agreement: 21 days after 10 Nov, owing 155.10.
    expect(charts.overduePerOperator).toEqual([{ operator: 'operator.bia', upTo30Days: 1, over30Days: 0, amount: { cents: 15_510 } }]);
    // r1, k1, x1 registered 26 Oct, 300.00 each.
    expect(nonZero(charts.registrationsPerMonth)).toEqual([['2026-10', 3, 90_000]]);
  });

  it('classifyNow writes and sends nothing', async () => {
    const { h } = await portfolio();
    const before = JSON.stringify(h.store.snapshot());
    const sent = h.notifier.sent.length;
    h.clock.set('2026-12-15T10:00:00-03:00');
    (await h.app.classifyNow())._unsafeUnwrap();
    expect(JSON.stringify(h.store.snapshot())).toBe(before);
    expect(h.notifier.sent).toHaveLength(sent);
  });
});
