import { describe, expect, it } from 'vitest';
import type { Negativation } from '../../src/negativation/index.js';
import { owedAmount } from '../../src/agreements/index.js';
import { harness, invoiceOf, maria } from './harness.js';

const joao = { ...maria, id: 'c-joao', name: 'João Lima', taxId: '52998224725', email: 'joao@example.com' };
const op = (key: string) => ({ idempotencyKey: key, actor: 'operator.ana' });

async function negativationsOf(store: Awaited<ReturnType<typeof harness>>['store']) {
  return (await store.transaction((tx) => tx.negativations.list())).map((r) => ({ record: r, negativation: r.negativation as Negativation }));
}

/** 300.00 due 1 Oct 2026 (1% a month, 2% fine): requested on D+15, registered on 26 Oct. */
async function registered() {
  const h = await harness();
  await h.seed([joao], [invoiceOf('j1', joao.id, '300.00', '2026-10-01')]);
  await h.cycleOn('2026-10-16');
  await h.cycleOn('2026-10-26');
  expect((await negativationsOf(h.store)).map((n) => n.record.status)).toEqual(['negativated']);
  return h;
}

describe('one amount owed: payments, the registration and the updated invoice agree', () => {
  it('the owed-amount rule, worked by hand: 300.00 due 1 Oct, as of 19 Nov (49 days): fine 6.00, interest 4.90', () => {
    const owed = owedAmount({ principal: '300.00', dueDate: '2026-10-01', asOf: '2026-11-19', policy: { interest: { kind: 'monthly', percent: '1' } } })._unsafeUnwrap();
    expect([owed.principal.cents, owed.fine.cents, owed.interest.cents, owed.correction.cents, owed.owed.cents, owed.settled]).toEqual([30_000, 600, 490, 0, 31_090, false]);
    const none = owedAmount({ principal: '300.00', dueDate: '2026-10-01', asOf: '2026-11-19', payments: [{ date: '2026-11-01', amount: '100.00' }] })._unsafeUnwrap();
    expect([none.owed.cents, none.paid.cents, none.settled]).toEqual([20_000, 10_000, false]);
    expect(owedAmount({ principal: '-1', dueDate: '2026-10-01', asOf: '2026-11-19' })._unsafeUnwrapErr().path).toEqual(['principal']);
  });

  it('paying the principal alone leaves the invoice open and the registration in place; the charges paid, removal follows', async () => {
    const h = await registered();
    h.clock.set('2026-11-19T10:00:00-03:00');
    const partial = (await h.app.recordPayment({ ...op('pay-principal'), invoiceId: 'j1', amount: '300.00' }))._unsafeUnwrap();
    // Charges first: 10.90 of charges, 289.10 of principal; 10.90 of principal still owed.
    expect([partial.settled, partial.owed.owed.cents, partial.owed.principal.cents, partial.invoice.status]).toEqual([false, 1090, 1090, 'open']);
    const [still] = await negativationsOf(h.store);
    expect(still?.record.status).toBe('negativated');
    expect(still?.negativation.outstanding.cents).toBe(1090);
    const updated = (await h.store.transaction((tx) => tx.outbox.all())).filter((e) => e.kind === 'issue_updated_invoice').at(-1);
    expect((updated?.payload as { outstanding: { cents: number } }).outstanding.cents).toBe(1090);

    const rest = (await h.app.recordPayment({ ...op('pay-rest'), invoiceId: 'j1', amount: '10.90' }))._unsafeUnwrap();
    expect([rest.settled, rest.owed.owed.cents, rest.invoice.status]).toEqual([true, 0, 'paid']);
    expect((await negativationsOf(h.store)).map((n) => n.record.status)).toEqual(['recovering']);
  });

  it('with removeOnPrincipalPaid (a setting, off by default) the principal alone lifts the registration; the charges stay owed', async () => {
    const h = await harness({
      settings: { general: { registerAutomatically: 'yes', minimumDaysOverdue: 15, removeOnPrincipalPaid: 'yes' } },
      lateCharges: { policy: { interest: { kind: 'monthly', percent: '1' }, paymentOrder: 'principal_first' }, interestFromRates: false },
    });
    await h.seed([joao], [invoiceOf('j1', joao.id, '300.00', '2026-10-01')]);
    await h.cycleOn('2026-10-16');
    await h.cycleOn('2026-10-26');
    h.clock.set('2026-11-19T10:00:00-03:00');
    const paid = (await h.app.recordPayment({ ...op('pay-principal'), invoiceId: 'j1', amount: '300.00' }))._unsafeUnwrap();
    expect([paid.settled, paid.owed.principal.cents, paid.owed.owed.cents, paid.invoice.status]).toEqual([false, 0, 1090, 'open']);
    expect((await negativationsOf(h.store)).map((n) => n.record.status)).toEqual(['recovering']);
  });

  it("seed 000: the updated invoice issued with the request carries the amount 'atualizado, juros e a multa' with its breakdown", async () => {
    const h = await harness();
    await h.seed([joao], [invoiceOf('j1', joao.id, '300.00', '2026-10-01')]);
    await h.cycleOn('2026-10-16');
    const effect = (await h.store.transaction((tx) => tx.outbox.all())).find((e) => e.kind === 'issue_updated_invoice');
    const payload = effect?.payload as { outstanding: { cents: number }; breakdown: Record<string, { cents: number } | string | boolean> };
    // 15 days late: fine 2% = 6.00, interest 300 × 1% × 15/30 = 1.50.
    expect(payload.outstanding.cents).toBe(30_750);
    expect(payload.breakdown).toMatchObject({ asOf: '2026-10-16', principal: { cents: 30_000 }, fine: { cents: 600 }, interest: { cents: 150 }, owed: { cents: 30_750 }, settled: false });
  });
});
