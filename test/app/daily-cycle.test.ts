import { describe, expect, it } from 'vitest';
import type { Negativation } from '../../src/negativation/index.js';
import { harness, invoiceOf, maria } from './harness.js';

const joao = { ...maria, id: 'c-joao', name: 'João Lima', taxId: '52998224725', email: 'joao@example.com' };
const op = (key: string) => ({ idempotencyKey: key, actor: 'operator.ana' });

async function negativationsOf(store: Awaited<ReturnType<typeof harness>>['store']) {
  return (await store.transaction((tx) => tx.negativations.list())).map((r) => ({ record: r, negativation: r.negativation as Negativation }));
}

describe('the daily cycle: reminder → agreement → payment', () => {
  it('sends the D-3 e-mail once, the D+1 SMS, then an agreement replaces the invoice and is fulfilled when paid', async () => {
    const { app, store, clock, notifier, seed, cycleOn } = await harness();
    await seed([maria], [invoiceOf('i1', maria.id, '500.00', '2026-11-10')]);

    const d3 = await cycleOn('2026-11-07');
    expect(d3.ruler.done.map((a) => a.kind)).toEqual(['notify']);
    // Each action done names its invoice and step, so a host need not parse the key.
    expect(d3.ruler.done.map((a) => [a.invoiceId, a.stepId])).toEqual([['i1', expect.stringMatching(/\S/)]]);
    expect(d3.ruler.done[0]?.key).toContain(d3.ruler.done[0]?.stepId);
    expect(notifier.sent.map((m) => [m.channel, m.to, m.templateId])).toEqual([['email', 'maria@example.com', 'lembrete']]);

    const again = await cycleOn('2026-11-07', '11:00');
    expect(again.ruler.done).toEqual([]);
    expect(again.effects.performed).toBe(0);
    expect(notifier.sent).toHaveLength(1);

    await cycleOn('2026-11-11');
    expect(notifier.sent.map((m) => m.channel)).toEqual(['email', 'sms']);

    clock.set('2026-11-16T10:00:00-03:00');
    const category = (await app.createAgreementCategory({ ...op('category'), name: 'Renegociação' }))._unsafeUnwrap();
    const deal = await app.negotiate({
      ...op('deal-1'),
      customerId: maria.id,
      proposal: {
        kind: 'new_proposal',
        selectedInvoiceIds: ['i1'],
        toleranceDate: '2026-12-15',
        category: category.id,
        finePercent: '2',
        accountPlan: { fine: '3.01.02' },
        installments: { kind: 'regular', count: 2, firstDueDate: '2026-12-10', description: 'Acordo fatura i1', paymentProfile: 'boleto' },
      },
    });
    const outcome = deal._unsafeUnwrap();
    // base 500.00 spread 250 + 250; the 2% fine (10.00) once, on the first installment
    expect(outcome.createdInvoices.map((i) => [i.amount.cents, i.dueDate])).toEqual([[26_000, '2026-12-10'], [25_000, '2027-01-10']]);
    expect(outcome.cancelledInvoiceIds).toEqual(['i1']);
    expect((await store.transaction((tx) => tx.invoices.get('i1')))?.status).toBe('cancelled');

    const quiet = await cycleOn('2026-11-20');
    expect(quiet.ruler.done.filter((a) => a.key.includes('i1'))).toEqual([]);

    const [first, second] = outcome.createdInvoices;
    clock.set('2026-12-10T10:00:00-03:00');
    expect((await app.recordPayment({ ...op('pay-1'), invoiceId: first?.id ?? '', amount: '260.00' }))._unsafeUnwrap().settled).toBe(true);
    expect((await store.transaction((tx) => tx.agreements.get(outcome.agreement.id)))?.status).toBe('active');
    clock.set('2027-01-08T10:00:00-03:00');
    expect((await app.recordPayment({ ...op('pay-2'), invoiceId: second?.id ?? '', amount: '250.00' }))._unsafeUnwrap().settled).toBe(true);
    expect((await store.transaction((tx) => tx.agreements.get(outcome.agreement.id)))?.status).toBe('fulfilled');
    const history = (await app.invoiceHistory('i1'))._unsafeUnwrap().map((e) => e.action);
    expect(history).toEqual(['ruler_notify', 'ruler_notify', 'placed_in_agreement']);
  });
});

describe('the daily cycle: reminder → notice → registration → payment → removal', () => {
  async function registered() {
    const h = await harness();
    await h.seed([joao], [invoiceOf('j1', joao.id, '300.00', '2026-10-01')]);
    // D+15: the ruler requests the registration; the automatic analysis approves it and the letter goes out the same day.
    const d15 = await h.cycleOn('2026-10-16');
    // the D-3 reminder is not sent on D+15: reminders are for before (skipped as reminder_after_due)
    expect(d15.ruler.done.map((a) => a.kind).sort()).toEqual(['forward_to_collections', 'negativate', 'notify']);
    expect(d15.ruler.skipped.map((s) => [s.stepId, s.reason])).toEqual([['lembrete-email', 'reminder_after_due']]);
    expect(d15.negativations.approved).toHaveLength(1);
    expect((await negativationsOf(h.store)).map((n) => n.record.status)).toEqual(['processing']);
    const letters = h.notifier.sent.filter((m) => m.channel === 'letter');
    expect(letters).toHaveLength(1);
    expect(letters[0]?.to).toContain('01001000');
    const [afterNotice] = await negativationsOf(h.store);
    expect(afterNotice?.negativation.notices).toEqual([{ channel: 'letter', sentOn: '2026-10-16', proofOfPosting: expect.any(String) }]);

    const sameDay = await h.cycleOn('2026-10-16', '11:00');
    expect(sameDay.ruler.done).toEqual([]);
    expect(sameDay.negativations.approved).toEqual([]);
    expect(sameDay.effects.performed).toBe(0);
    return h;
  }

  it('refuses to submit on day 9 after the notice, submits on day 10, registers, and removes within 5 business days of the payment', async () => {
    const h = await registered();
    const day9 = await h.cycleOn('2026-10-25');
    expect(day9.negativations.submitted).toEqual([]);
    expect(h.bureau.registrations).toHaveLength(0);

    const day10 = await h.cycleOn('2026-10-26');
    expect(day10.negativations.submitted).toHaveLength(1);
    expect(day10.classification.panels.registered.invoiceIds).toEqual(['j1']);
    expect(h.bureau.registrations.map((r) => [r.debtor.taxId, r.creditor.taxId, r.amount.cents])).toEqual([['52998224725', '11222333000181', 30_000]]);
    expect((await negativationsOf(h.store)).map((n) => n.record.status)).toEqual(['negativated']);

    // Paid with funds available on Thursday 19 Nov; 20 Nov is a holiday: the removal is due by Friday 27 Nov.
    h.clock.set('2026-11-19T10:00:00-03:00');
    const paid = (await h.app.recordPayment({ ...op('pay-j1'), invoiceId: 'j1', amount: '310.90', fundsAvailableOn: '2026-11-19' }))._unsafeUnwrap();
    expect(paid.settled).toBe(true);
    // 300.00 + fine 6.00 + interest 4.90: the one owed-amount rule says nothing is left.
    expect([paid.owed.owed.cents, paid.owed.paid.cents]).toEqual([0, 31_090]);
    const [recovering] = await negativationsOf(h.store);
    expect(recovering?.record.status).toBe('recovering');
    expect(recovering?.negativation.settlement?.removalDeadline).toBe('2026-11-27');

    const pass = (await h.app.performEffects())._unsafeUnwrap();
    expect(pass.performed.map((e) => e.kind)).toContain('bureau_remove');
    const [recovered] = await negativationsOf(h.store);
    expect(recovered?.record.status).toBe('recovered');
    expect(recovered?.negativation.removal?.requestedOn).toBe('2026-11-19');
    expect((recovered?.negativation.removal?.requestedOn ?? '9999') <= '2026-11-27').toBe(true);
    expect(h.bureau.calls.remove).toBe(1);

    const later = await h.cycleOn('2026-11-20');
    expect(later.reconciliation.critiques).toEqual([]);
    expect(h.bureau.calls).toEqual({ register: 1, remove: 1 });
    expect(later.classification.panels.removedAfterRegistration.invoiceIds).toEqual(['j1']);
    expect(later.classification.panels.registered.invoices).toBe(0);
  });

  it('a payment during the notice period cancels the request: nothing reaches the bureau', async () => {
    const h = await registered();
    h.clock.set('2026-10-20T10:00:00-03:00');
    const paid = (await h.app.recordPayment({ ...op('pay-early'), invoiceId: 'j1', amount: '500.00' }))._unsafeUnwrap();
    expect(paid.settled).toBe(true);
    expect(paid.negativations.map((n) => n.status)).toEqual(['cancelled']);
    await h.cycleOn('2026-10-26');
    expect(h.bureau.registrations).toHaveLength(0);
    expect((await negativationsOf(h.store)).map((n) => n.record.status)).toEqual(['cancelled']);
  });

  it('a bureau that fails mid-cycle is retried on the rerun: registered exactly once', async () => {
    const h = await registered();
    h.bureau.failNext(1);
    const failed = await h.cycleOn('2026-10-26');
    expect(failed.effects.failed.map((f) => f.effect.kind)).toEqual(['bureau_register']);
    // The submission is recorded before the bureau is called: in flight, waiting for the bureau's answer.
    expect((await negativationsOf(h.store)).map((n) => n.record.status)).toEqual(['awaiting_return']);
    await h.cycleOn('2026-10-26', '11:00');
    await h.cycleOn('2026-10-27');
    expect(h.bureau.calls.register).toBe(1);
    expect((await negativationsOf(h.store)).map((n) => n.record.status)).toEqual(['negativated']);
  });
});

describe('the daily cycle: a broken agreement', () => {
  it('stops the ruler while the agreement holds, and resumes it (with a new request) once it is broken', async () => {
    const { app, store, clock, seed, cycleOn } = await harness();
    await seed([maria], [invoiceOf('i1', maria.id, '200.00', '2026-11-10')]);
    clock.set('2026-11-16T10:00:00-03:00');
    const promise = (await app.createAgreementCategory({ ...op('category'), name: 'Promessa de pagamento' }))._unsafeUnwrap();
    const deal = (await app.negotiate({ ...op('keep'), customerId: maria.id, proposal: { kind: 'keep_terms', selectedInvoiceIds: ['i1'], toleranceDate: '2026-11-25', category: promise.id } }))._unsafeUnwrap();

    const holding = await cycleOn('2026-11-23');
    expect(holding.ruler.done).toEqual([]);
    expect(holding.agreements.broken).toEqual([]);

    const broken = await cycleOn('2026-11-26');
    expect(broken.agreements.broken).toEqual([deal.agreement.id]);
    expect((await store.transaction((tx) => tx.agreements.get(deal.agreement.id)))?.status).toBe('broken');
    // Nothing ran before the agreement, so the catch-up sends the never-sent SMS (the D-3 reminder is past: skipped).
    expect(broken.ruler.done.map((a) => a.kind).sort()).toEqual(['forward_to_collections', 'negativate', 'notify']);
    expect((await negativationsOf(store)).map((n) => n.record.status)).toEqual(['processing']);
  });
});

describe('the daily cycle: crash safety and idempotence', () => {
  it('a notifier that throws mid-cycle loses nothing: the rerun sends the rest, each message exactly once', async () => {
    const { notifier, seed, cycleOn } = await harness();
    const customers = Array.from({ length: 6 }, (_, i) => ({ ...maria, id: `c${i}`, email: `c${i}@example.com` }));
    await seed(customers, customers.map((c, i) => invoiceOf(`i${i}`, c.id, '100.00', '2026-11-10')));
    notifier.failNext(3);
    const first = await cycleOn('2026-11-07');
    expect(first.ruler.done).toHaveLength(6);
    expect(first.effects.performed).toBe(3);
    expect(first.effects.failed).toHaveLength(3);
    const rerun = await cycleOn('2026-11-07', '10:30');
    expect(rerun.ruler.done).toHaveLength(0);
    expect(rerun.effects.performed).toBe(3);
    const third = await cycleOn('2026-11-07', '11:00');
    expect(third.effects.performed).toBe(0);
    expect(notifier.sent.map((m) => m.to).sort()).toEqual(customers.map((c) => c.email).sort());
    expect(notifier.calls).toHaveLength(6); // raw calls: no message was handed to the gateway twice
  });

  it('a contact due outside the window is logged once and sent when the window opens', async () => {
    const { notifier, seed, cycleOn } = await harness();
    await seed([maria], [invoiceOf('i1', maria.id, '100.00', '2026-11-10')]);
    const early = await cycleOn('2026-11-07', '07:00');
    expect(early.ruler.deferred).toBe(1);
    expect(early.effects.scheduled).toBe(1);
    expect(notifier.sent).toHaveLength(0);
    const opened = await cycleOn('2026-11-07', '08:05');
    expect(opened.ruler.done).toHaveLength(0);
    expect(notifier.sent).toHaveLength(1);
  });
});
