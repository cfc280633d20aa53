import { describe, expect, it } from 'vitest';
import { harness, invoiceOf, maria } from './harness.js';

const op = (key: string) => ({ idempotencyKey: key, actor: 'operator.ana' });

/** A debtor registered at the bureau: requested on D+15 (2026-10-16), submitted on day 10 after the notice. */
async function registered(options: Parameters<typeof harness>[0] = {}) {
  const h = await harness(options);
  await h.seed([maria], [invoiceOf('j1', maria.id, '300.00', '2026-10-01')]);
  await h.cycleOn('2026-10-16');
  await h.cycleOn('2026-10-26');
  const status = async () => (await h.store.transaction((tx) => tx.negativations.list({ invoiceId: 'j1' }))).map((n) => n.status);
  expect(await status()).toEqual(['negativated']);
  return { ...h, status };
}

describe('negativation flows through the application', () => {
  it('an agreement fulfilled removes the registration of the debt it replaced (STJ Súmula 548)', async () => {
    const h = await registered();
    h.clock.set('2026-11-03T10:00:00-03:00');
    const category = (await h.app.createAgreementCategory({ ...op('category'), name: 'Acordo' }))._unsafeUnwrap();
    const deal = (await h.app.negotiate({
      ...op('deal'),
      customerId: maria.id,
      proposal: { kind: 'new_proposal', selectedInvoiceIds: ['j1'], toleranceDate: '2026-12-20', category: category.id, installments: { kind: 'regular', count: 2, firstDueDate: '2026-11-10', description: 'Acordo', paymentProfile: 'boleto' } },
    }))._unsafeUnwrap();
    expect(await h.status()).toEqual(['negativated']);
    const [first, second] = deal.createdInvoices;
    h.clock.set('2026-11-10T10:00:00-03:00');
    await h.app.recordPayment({ ...op('p1'), invoiceId: first?.id ?? '', amount: first?.amount ?? '' });
    expect(await h.status()).toEqual(['negativated']);
    h.clock.set('2026-12-09T10:00:00-03:00');
    await h.app.recordPayment({ ...op('p2'), invoiceId: second?.id ?? '', amount: second?.amount ?? '', fundsAvailableOn: '2026-12-10' });
    expect((await h.store.transaction((tx) => tx.agreements.get(deal.agreement.id)))?.status).toBe('fulfilled');
    expect(await h.status()).toEqual(['recovering']);
    const [record] = await h.store.transaction((tx) => tx.negativations.list({ invoiceId: 'j1' }));
    expect(record?.negativation.settlement?.removalDeadline).toBe('2026-12-17');
    await h.app.performEffects();
    expect(await h.status()).toEqual(['recovered']);
    expect(h.bureau.calls.remove).toBe(1);
  });

  it('refuses to register a debt that is not open (paid, replaced by an agreement, suspended)', async () => {
    const h = await harness();
    await h.seed([maria], [invoiceOf('paid', maria.id, '10.00', '2026-09-01', { status: 'paid' }), invoiceOf('gone', maria.id, '10.00', '2026-09-01', { status: 'cancelled' }), invoiceOf('held', maria.id, '10.00', '2026-09-01', { status: 'suspended' })]);
    for (const invoiceId of ['paid', 'gone', 'held']) {
      const refused = await h.app.requestNegativation({ ...op(`req-${invoiceId}`), invoiceId, termsAcceptance: { acceptedBy: 'operator.ana', acceptedAt: '2026-10-01T10:00:00-03:00', version: 'v1' } });
      expect(refused._unsafeUnwrapErr()).toMatchObject({ code: 'invalid_state', path: ['invoiceId'] });
    }
    expect(await h.store.transaction((tx) => tx.negativations.list())).toEqual([]);
  });

  it('a payment that lands while the bureau is registering leads to the removal of what the bureau registered', async () => {
    const h = await harness();
    await h.seed([maria], [invoiceOf('j1', maria.id, '300.00', '2026-10-01')]);
    await h.cycleOn('2026-10-16');
    const register = h.bureau.register.bind(h.bureau);
    h.bureau.register = async (request) => {
      await h.app.recordPayment({ ...op('pay-during-register'), invoiceId: 'j1', amount: '400.00' });
      return register(request);
    };
    await h.cycleOn('2026-10-26');
    await h.app.performEffects();
    const [record] = await h.store.transaction((tx) => tx.negativations.list({ invoiceId: 'j1' }));
    expect(record?.status).toBe('cancelled');
    expect(h.bureau.calls).toEqual({ register: 1, remove: 1 });
  });

  it('a removal for a payment made outside the system settles the invoice, so the ruler stops', async () => {
    const h = await registered();
    h.clock.set('2026-10-27T10:00:00-03:00');
    const [record] = await h.store.transaction((tx) => tx.negativations.list({ invoiceId: 'j1' }));
    (await h.app.requestRemoval({ ...op('outside'), negativationId: record?.id ?? '', paidOutside: { paidOn: '2026-10-27', fundsAvailableOn: '2026-10-27' } }))._unsafeUnwrap();
    expect((await h.store.transaction((tx) => tx.invoices.get('j1')))?.status).toBe('paid');
    const sentBefore = h.notifier.calls.length;
    const next = await h.cycleOn('2026-11-30');
    expect(next.ruler.done).toEqual([]);
    expect(h.notifier.calls.length).toBe(sentBefore);
    expect(await h.status()).toEqual(['recovered']);
  });
});

describe('commands: idempotency and the contact window', () => {
  it('a key reused with any other input, or by another command, is refused', async () => {
    const h = await harness({}, '2026-11-24T10:00:00-03:00');
    await h.seed([maria], [invoiceOf('i1', maria.id, '9000.00', '2026-11-10')]);
    expect((await h.app.recordPayment({ ...op('k1'), invoiceId: 'i1', amount: '3384.36' })).isOk()).toBe(true);
    expect((await h.app.recordPayment({ ...op('k1'), invoiceId: 'i1', amount: '4043.80' }))._unsafeUnwrapErr().code).toBe('idempotency_key_reused');
    expect((await h.app.startCollection({ ...op('k1'), customerId: maria.id, invoiceIds: ['i1'] }))._unsafeUnwrapErr().message).toContain('already used for recordPayment');
    expect((await h.store.transaction((tx) => tx.payments.list({ invoiceId: 'i1' }))).map((p) => p.amount.cents)).toEqual([338_436]);
  });

  it('an operator message written on a Sunday night goes out when the window opens on Monday', async () => {
    const h = await harness({}, '2026-11-22T23:30:00-03:00');
    await h.seed([maria], [invoiceOf('i1', maria.id, '100.00', '2026-11-10')]);
    await h.app.startCollection({ ...op('k1'), customerId: maria.id, invoiceIds: ['i1'] });
    const message = (await h.app.sendMessage({ ...op('m1'), customerId: maria.id, channel: 'sms', to: ['+5511999990000'], text: 'Fatura em aberto' }))._unsafeUnwrap();
    expect(message.notBefore).toBe('2026-11-23T11:00:00.000Z');
    expect((await h.app.performEffects())._unsafeUnwrap().scheduled).toHaveLength(1);
    expect(h.notifier.calls).toHaveLength(0);
    h.clock.set('2026-11-23T08:00:00-03:00');
    expect((await h.app.performEffects())._unsafeUnwrap().performed).toHaveLength(1);
    expect(h.notifier.calls).toHaveLength(1);
  });
});
