import { describe, expect, it } from 'vitest';
import { harness, invoiceOf, maria } from './harness.js';

const joao = { ...maria, id: 'c-joao', name: 'João Lima', taxId: '52998224725', email: 'joao@example.com' };

/** Issue 12, defect 3: a removal that never reaches the bureau was never alerted. */
describe('the Súmula 548 removal deadline is watched until the bureau confirms', () => {
  it('a removal whose every attempt failed raises the deadline alarms, near and then past', async () => {
    const h = await harness();
    await h.seed([joao], [invoiceOf('j1', joao.id, '300.00', '2026-10-01')]);
    await h.cycleOn('2026-10-16');
    await h.cycleOn('2026-10-26');
    expect((await h.store.transaction((tx) => tx.negativations.list())).map((r) => r.status)).toEqual(['negativated']);

    // Paid on Thursday 19 Nov with funds available that day: removal due by Friday 27 Nov (20 Nov is a holiday). The bureau refuses every call.
    h.clock.set('2026-11-19T10:00:00-03:00');
    expect((await h.app.recordPayment({ idempotencyKey: 'pay-j1', actor: 'bank', invoiceId: 'j1', amount: '310.90', fundsAvailableOn: '2026-11-19' }))._unsafeUnwrap().settled).toBe(true);
    h.bureau.failNext(100, 'bureau unavailable');
    const alerts = async () => (await h.store.transaction((tx) => tx.outbox.all())).filter((e) => e.kind === 'alert_operator').map((e) => e.payload.alert);
    for (const day of ['2026-11-19', '2026-11-20', '2026-11-21', '2026-11-23', '2026-11-24']) await h.cycleOn(day);
    const removal = (await h.store.transaction((tx) => tx.outbox.all())).find((e) => e.kind === 'bureau_remove');
    expect(removal?.status, 'five failed attempts').toBe('failed');
    expect((await h.store.transaction((tx) => tx.negativations.list())).map((r) => r.status)).toEqual(['recovering']);

    const near = await h.cycleOn('2026-11-26');
    expect(near.reconciliation.removalsNearDeadline).toHaveLength(1);
    expect(await alerts()).toContain('removal_deadline_near');

    const past = await h.cycleOn('2026-11-30');
    expect(past.reconciliation.removalsPastDeadline).toHaveLength(1);
    expect(await alerts()).toContain('removal_deadline_passed');
  });
});
