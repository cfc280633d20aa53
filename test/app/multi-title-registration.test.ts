import { describe, expect, it } from 'vitest';
import type { Negativation } from '../../src/negativation/index.js';
import { harness, invoiceOf, maria } from './harness.js';

const op = (key: string) => ({ idempotencyKey: key, actor: 'operator.ana' });
const terms = { acceptedBy: 'operator.ana', acceptedAt: '2026-10-26T09:00:00-03:00', version: 'v1' };

/**
 * Seed 000: Maria owes three invoices at the same creditor (due 1, 10 and 20 Sep 2026). The operator registers them
 * once, as one registration with three titles, on Mon 26 Oct 2026 (no automatic registration here).
 */
async function threeTitles() {
  const h = await harness({ settings: { general: { registerAutomatically: 'no', minimumDaysOverdue: 15 } } }, '2026-10-26T09:00:00-03:00');
  await h.seed([maria], [invoiceOf('t1', maria.id, '100.00', '2026-09-01'), invoiceOf('t2', maria.id, '150.00', '2026-09-10'), invoiceOf('t3', maria.id, '200.00', '2026-09-20')]);
  const negativations = async () => (await h.store.transaction((tx) => tx.negativations.list({ customerId: maria.id }))).map((r) => r.negativation as Negativation);
  const statusOf = async () => Object.fromEntries((await negativations()).map((n) => [n.title.id, n.status]));
  return { ...h, negativations, statusOf };
}

describe('several titles in one registration (seed 000), over simulated days', () => {
  it('one notice names the three titles, the wait counts from it, the bureau receives them as one registration; paying one title removes that title only, each with its own Súmula 548 deadline', async () => {
    const h = await threeTitles();
    const first = (await h.app.requestNegativation({ ...op('req'), invoiceId: 't1', withInvoiceIds: ['t2', 't3'], termsAcceptance: terms }))._unsafeUnwrap();
    const registration = (first.negativation as Negativation).registration;
    expect(registration?.titleIds).toEqual(['t1', 't2', 't3']);
    expect((await h.negativations()).map((n) => n.registration)).toEqual([registration, registration, registration]);

    // 26 Oct: analysis approved; one letter names the three titles (not three letters)
    await h.cycleOn('2026-10-26');
    const notices = h.notifier.calls.filter((m) => m.templateId === 'negativation-prior-notice');
    expect(notices).toHaveLength(1);
    expect(notices[0]?.data?.['titles']).toEqual([
      { titleId: 't1', amount: { cents: 10_000 }, dueDate: '2026-09-01' },
      { titleId: 't2', amount: { cents: 15_000 }, dueDate: '2026-09-10' },
      { titleId: 't3', amount: { cents: 20_000 }, dueDate: '2026-09-20' },
    ]);
    const proof = (await h.negativations())[0]?.notices[0]?.proofOfPosting;
    expect(proof).toBeDefined();
    expect((await h.negativations()).map((n) => n.notices.map((x) => x.proofOfPosting))).toEqual([[proof], [proof], [proof]]);

    // day 9 after the notice: nothing goes to the bureau; day 10 (5 Nov): the registration goes, its three titles together
    expect((await h.cycleOn('2026-11-04')).negativations.waitingForNotice.map((w) => w.until)).toEqual(['2026-11-05', '2026-11-05', '2026-11-05']);
    expect(h.bureau.calls.register).toBe(0);
    await h.cycleOn('2026-11-05');
    expect(h.bureau.registrations.map((r) => [r.title, r.registration?.id])).toEqual([
      ['t1', registration?.id],
      ['t2', registration?.id],
      ['t3', registration?.id],
    ]);
    expect(await h.statusOf()).toEqual({ t1: 'negativated', t2: 'negativated', t3: 'negativated' });
    expect((await h.cycleOn('2026-11-06')).classification.panels.registered.invoiceIds).toEqual(['t1', 't2', 't3']);

    // t2 paid on Mon 16 Nov, funds on Thu 19 Nov: 5 business days over Fri 20 Nov (Consciência Negra) → 27 Nov; only t2 leaves the bureau
    h.clock.set('2026-11-16T10:00:00-03:00');
    // 150.00 + 2% fine + 1% a month for 67 days = 156.35
    expect((await h.app.recordPayment({ ...op('pay-t2'), invoiceId: 't2', amount: '156.35', paidOn: '2026-11-16', fundsAvailableOn: '2026-11-19' }))._unsafeUnwrap().settled).toBe(true);
    const byTitle = async (id: string) => (await h.negativations()).find((n) => n.title.id === id) as Negativation;
    expect((await byTitle('t2')).settlement?.removalDeadline).toBe('2026-11-27');
    expect(await h.statusOf()).toEqual({ t1: 'negativated', t2: 'recovering', t3: 'negativated' });
    await h.app.performEffects();
    expect(h.bureau.removals.map((r) => r.negativationId)).toEqual([(await byTitle('t2')).id]);
    expect(await h.statusOf()).toEqual({ t1: 'negativated', t2: 'recovered', t3: 'negativated' });

    // t3 paid on Tue 1 Dec, funds on Wed 2 Dec: its own deadline, 9 Dec
    h.clock.set('2026-12-01T10:00:00-03:00');
    // 200.00 + 2% fine + 1% a month for 72 days = 208.80
    expect((await h.app.recordPayment({ ...op('pay-t3'), invoiceId: 't3', amount: '208.80', paidOn: '2026-12-01', fundsAvailableOn: '2026-12-02' }))._unsafeUnwrap().settled).toBe(true);
    expect((await byTitle('t3')).settlement?.removalDeadline).toBe('2026-12-09');
    expect((await byTitle('t2')).settlement?.removalDeadline).toBe('2026-11-27');

    // reconciliation lists t3 (paid, removal asked, the bureau not yet done: its own deadline), never t1 or t2
    const day = await h.cycleOn('2026-12-03');
    expect(day.reconciliation.critiques.map((c) => [c.titleId, c.removalRequestedOn, c.removalDeadline])).toEqual([['t3', '2026-12-01', '2026-12-09']]);
    expect(day.reconciliation.removalsPastDeadline).toEqual([]);
    // the cycle performed the removal; the next day: t1 still registered, t2 and t3 removed after registration
    const next = await h.cycleOn('2026-12-04');
    expect(next.reconciliation.critiques).toEqual([]);
    expect(next.classification.panels.registered.invoiceIds).toEqual(['t1']);
    expect(next.classification.panels.removedAfterRegistration.invoiceIds).toEqual(['t2', 't3']);
    expect(await h.statusOf()).toEqual({ t1: 'negativated', t2: 'recovered', t3: 'recovered' });
  });

  it('the duplicate guard is per title: a title already in a registration cannot be registered again, alone or in another registration, and nothing is written', async () => {
    const h = await threeTitles();
    (await h.app.requestNegativation({ ...op('req'), invoiceId: 't1', withInvoiceIds: ['t2'], termsAcceptance: terms }))._unsafeUnwrap();
    const again = await h.app.requestNegativation({ ...op('again'), invoiceId: 't3', withInvoiceIds: ['t2'], termsAcceptance: terms });
    expect(again._unsafeUnwrapErr()).toMatchObject({ code: 'guard_failed', path: ['withInvoiceIds', 0], details: { guards: ['no_duplicate'] } });
    expect((await h.negativations()).map((n) => n.title.id)).toEqual(['t1', 't2']);
    const alone = await h.app.requestNegativation({ ...op('alone'), invoiceId: 't1', termsAcceptance: terms });
    expect(alone._unsafeUnwrapErr()).toMatchObject({ code: 'guard_failed', details: { guards: ['no_duplicate'] } });
  });

  it('refuses a title twice, or another debtor\'s title, in one registration', async () => {
    const h = await threeTitles();
    const twice = await h.app.requestNegativation({ ...op('twice'), invoiceId: 't1', withInvoiceIds: ['t2', 't1'], termsAcceptance: terms });
    expect(twice._unsafeUnwrapErr()).toMatchObject({ code: 'invalid_input', path: ['withInvoiceIds', 1] });
    const joao = { ...maria, id: 'c-joao', taxId: '52998224725', name: 'João Lima' };
    await h.seed([joao], [invoiceOf('j1', joao.id, '80.00', '2026-09-01')]);
    const other = await h.app.requestNegativation({ ...op('other'), invoiceId: 't1', withInvoiceIds: ['j1'], termsAcceptance: terms });
    expect(other._unsafeUnwrapErr()).toMatchObject({ code: 'invalid_input', path: ['withInvoiceIds', 0] });
    expect(await h.negativations()).toEqual([]);
  });

  it('a title paid during the notice period leaves the registration; the others go to the bureau', async () => {
    const h = await threeTitles();
    (await h.app.requestNegativation({ ...op('req'), invoiceId: 't1', withInvoiceIds: ['t2', 't3'], termsAcceptance: terms }))._unsafeUnwrap();
    await h.cycleOn('2026-10-26');
    h.clock.set('2026-10-30T10:00:00-03:00');
    expect((await h.app.recordPayment({ ...op('pay-t1'), invoiceId: 't1', amount: '103.97' }))._unsafeUnwrap().settled).toBe(true);
    await h.cycleOn('2026-11-05');
    expect(await h.statusOf()).toEqual({ t1: 'cancelled', t2: 'negativated', t3: 'negativated' });
    expect(h.bureau.registrations.map((r) => r.title)).toEqual(['t2', 't3']);
  });
});
