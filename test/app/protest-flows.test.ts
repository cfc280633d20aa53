import { describe, expect, it } from 'vitest';
import type { OutboxEffect } from '../../src/ports/index.js';
import type { Protest } from '../../src/protest/index.js';
import { harness, invoiceOf, maria } from './harness.js';

const op = (key: string) => ({ idempotencyKey: key, actor: 'operator.ana' });
const notary = (key: string) => ({ idempotencyKey: key, actor: 'cartorio' });

/** A ruler whose only step sends the invoice to protest 20 days after the due date. */
const protestRuler = { id: 'regua-protesto', steps: [{ id: 'protestar', offsetDays: 20, action: { kind: 'protest' } }] };

/** Maria's R$ 300,00 due Tue 2026-10-27: D+20 is Mon 2026-11-16. */
async function protestHarness() {
  const submitted: OutboxEffect[] = [];
  const h = await harness({ ruler: protestRuler, effectHandlers: { notary_submit: async (effect) => void submitted.push(effect) } }, '2026-11-16T10:00:00-03:00');
  await h.seed([maria], [invoiceOf('f1', maria.id, '300.00', '2026-10-27')]);
  const protests = async () => h.store.transaction((tx) => tx.protests.list({ invoiceId: 'f1' }));
  const protest = async () => (await protests())[0]?.protest as Protest;
  return { ...h, submitted, protests, protest };
}

describe('protest through the application, over simulated days (Lei 9.492/1997)', () => {
  it('ruler step → notary → protested after the paper notice → paid → letter of consent to the debtor → cancelled (STJ Tema 725)', async () => {
    const h = await protestHarness();
    const day = await h.cycleOn('2026-11-16');
    expect(day.ruler.done).toContainEqual(expect.objectContaining({ kind: 'protest', effectKinds: ['protest_requested'] }));
    expect(h.submitted).toEqual([expect.objectContaining({ kind: 'notary_submit', payload: expect.objectContaining({ notary: 'Tabelionato de Protesto de São Paulo/SP', titleId: 'f1' }) })]);
    const id = (await h.protest()).id;
    // a second run the same day asks nothing new
    await h.cycleOn('2026-11-16', '14:00');
    expect(await h.protests()).toHaveLength(1);

    h.clock.set('2026-11-19T10:00:00-03:00');
    (await h.app.recordProtestEvent({ ...notary('n1'), protestId: id, event: { type: 'protocolled', protocolNumber: 'SP-2026-77' } }))._unsafeUnwrap();
    (await h.app.recordProtestEvent({ ...notary('n2'), protestId: id, event: { type: 'notice_sent', channel: 'electronic' } }))._unsafeUnwrap();
    expect((await h.protest()).registerBy).toBe('2026-11-25');

    // 24 Nov: the e-mail was never confirmed, so a protest on it is refused and nothing is written
    h.clock.set('2026-11-24T10:00:00-03:00');
    const early = await h.app.recordProtestEvent({ ...notary('n3'), protestId: id, event: { type: 'protest_registered' } });
    expect(early._unsafeUnwrapErr()).toMatchObject({ code: 'guard_failed', details: { guards: ['debtor_notified'] } });
    expect((await h.protest()).status).toBe('notified');
    (await h.app.recordProtestEvent({ ...notary('n4'), protestId: id, event: { type: 'notice_sent', channel: 'paper' } }))._unsafeUnwrap();

    h.clock.set('2026-11-25T10:00:00-03:00');
    (await h.app.recordProtestEvent({ ...notary('n5'), protestId: id, event: { type: 'protest_registered' } }))._unsafeUnwrap();
    expect((await h.cycleOn('2026-11-26')).classification.panels.protested.invoiceIds).toEqual(['f1']);

    h.clock.set('2026-12-01T10:00:00-03:00');
    const paid = (await h.app.recordPayment({ ...op('pay'), invoiceId: 'f1', amount: '310.00', paidOn: '2026-12-01', fundsAvailableOn: '2026-12-02' }))._unsafeUnwrap();
    expect(paid.settled).toBe(true);
    expect(await h.protest()).toMatchObject({ status: 'paid', letterOfConsent: { dueBy: '2026-12-09', deliveredTo: 'debtor' }, cancellation: { by: 'debtor' } });
    const pending = (await h.app.pendingEffects())._unsafeUnwrap();
    expect(pending.filter((e) => e.kind === 'letter_of_consent')).toEqual([expect.objectContaining({ payload: expect.objectContaining({ deliverTo: 'debtor', dueBy: '2026-12-09' }) })]);

    h.clock.set('2026-12-03T10:00:00-03:00');
    (await h.app.recordProtestEvent({ ...op('letter'), protestId: id, event: { type: 'letter_of_consent_issued' } }))._unsafeUnwrap();
    // the debtor takes the letter to the notary: the creditor asks nothing (no notary_cancel effect)
    expect((await h.app.pendingEffects())._unsafeUnwrap().filter((e) => e.kind === 'notary_cancel')).toEqual([]);
    expect((await h.cycleOn('2026-12-07')).classification.panels.protested.invoiceIds).toEqual(['f1']);
    h.clock.set('2026-12-10T10:00:00-03:00');
    (await h.app.recordProtestEvent({ ...notary('n6'), protestId: id, event: { type: 'cancellation_confirmed' } }))._unsafeUnwrap();
    expect((await h.cycleOn('2026-12-10')).classification.panels.protested.invoiceIds).toEqual([]);

    const history = (await h.app.invoiceHistory('f1'))._unsafeUnwrap();
    expect(history.map((entry) => entry.action).filter((a) => a.startsWith('protest_'))).toEqual([
      'protest_requested',
      'protest_protocolled',
      'protest_notice_sent',
      'protest_notice_sent',
      'protest_protest_registered',
      'protest_payment_received',
      'protest_letter_of_consent_issued',
      'protest_cancellation_confirmed',
    ]);
  });

  it('paid to the creditor while the notary holds the title: the title is withdrawn, never protested (art. 16)', async () => {
    const h = await protestHarness();
    await h.cycleOn('2026-11-16');
    const id = (await h.protest()).id;
    h.clock.set('2026-11-19T10:00:00-03:00');
    await h.app.recordProtestEvent({ ...notary('n1'), protestId: id, event: { type: 'protocolled', protocolNumber: 'SP-2026-78' } });
    h.clock.set('2026-11-23T10:00:00-03:00');
    (await h.app.recordPayment({ ...op('pay'), invoiceId: 'f1', amount: '310.00' }))._unsafeUnwrap();
    expect(await h.protest()).toMatchObject({ status: 'withdrawing', withdrawal: { reason: 'paid to the creditor' } });
    expect((await h.app.pendingEffects())._unsafeUnwrap().map((e) => e.kind)).toContain('notary_withdraw');
    const late = await h.app.recordProtestEvent({ ...notary('n2'), protestId: id, event: { type: 'paid_at_notary', amount: '300.00', paidOn: '2026-11-23', fundsAvailableOn: '2026-11-23' } });
    expect(late._unsafeUnwrapErr().code).toBe('illegal_transition');
  });

  it('a protest step the guards refuse (below the minimum amount) alerts an operator once and is not retried every day', async () => {
    const h = await harness(
      { ruler: protestRuler, settings: { general: { registerAutomatically: 'yes', minimumDaysOverdue: 15, protestMinimumAmount: '500.00' } } },
      '2026-11-16T10:00:00-03:00',
    );
    await h.seed([maria], [invoiceOf('f1', maria.id, '300.00', '2026-10-27')]);
    const day = await h.cycleOn('2026-11-16');
    expect(day.ruler.refused).toContainEqual(expect.objectContaining({ kind: 'protest', error: expect.objectContaining({ code: 'guard_failed' }) }));
    await h.cycleOn('2026-11-17');
    const alerts = (await h.app.pendingEffects())._unsafeUnwrap().filter((e) => e.kind === 'alert_operator' && e.payload['alert'] === 'protest_refused');
    expect(alerts).toHaveLength(1);
    expect(await h.store.transaction((tx) => tx.protests.list())).toEqual([]);
  });

  it('a disputed debt is not followed by the ruler at all: no protest, no ruler refusal, no protest alert while it is contested', async () => {
    const h = await harness({ ruler: protestRuler }, '2026-11-16T10:00:00-03:00');
    await h.seed([maria], [invoiceOf('f1', maria.id, '300.00', '2026-10-27', { disputed: true })]);
    const day = await h.cycleOn('2026-11-16');
    expect(day.ruler.refused).toEqual([]);
    const alerts = (await h.app.pendingEffects())._unsafeUnwrap().filter((e) => e.kind === 'alert_operator' && e.payload['alert'] === 'protest_refused');
    expect(alerts).toEqual([]);
    expect(await h.store.transaction((tx) => tx.protests.list())).toEqual([]);
  });

  it('the protest settings come from the one settings tree: a branch names its notary and agrees to cancel itself after payment', async () => {
    const submitted: OutboxEffect[] = [];
    const h = await harness(
      {
        ruler: protestRuler,
        settings: { general: { registerAutomatically: 'yes', minimumDaysOverdue: 15 }, branches: { centro: { protestNotary: '1º Tabelionato de Protesto de São Paulo', protestCreditorCancels: 'yes' } } },
        effectHandlers: { notary_submit: async (effect) => void submitted.push(effect) },
      },
      '2026-11-16T10:00:00-03:00',
    );
    await h.seed([maria], [invoiceOf('f1', maria.id, '300.00', '2026-10-27', { branchId: 'centro' }), invoiceOf('f2', maria.id, '200.00', '2026-10-27')]);
    await h.cycleOn('2026-11-16');
    const notaries = Object.fromEntries(submitted.map((e) => [e.payload['titleId'], e.payload['notary']]));
    expect(notaries).toEqual({ f1: '1º Tabelionato de Protesto de São Paulo', f2: 'Tabelionato de Protesto de São Paulo/SP' });
    const protests = await h.store.transaction((tx) => tx.protests.list());
    const settingsOf = (invoiceId: string) => (protests.find((p) => p.invoiceId === invoiceId)?.protest as Protest).settings;
    expect(settingsOf('f1').creditorCancels).toBe(true);
    expect(settingsOf('f2').creditorCancels).toBe(false);
  });

  it('an event the host may not report here (a payment, a request) is bad input naming the field', async () => {
    const h = await protestHarness();
    await h.cycleOn('2026-11-16');
    const id = (await h.protest()).id;
    const bad = await h.app.recordProtestEvent({ ...notary('x'), protestId: id, event: { type: 'payment_received', amount: '1.00', paidOn: '2026-11-16', fundsAvailableOn: '2026-11-16' } });
    expect(bad._unsafeUnwrapErr()).toMatchObject({ code: 'invalid_input', path: ['event', 'type'] });
  });
});
