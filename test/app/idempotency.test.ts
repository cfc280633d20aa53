import { describe, expect, it } from 'vitest';
import type { CustomerRecord } from '../../src/ports/index.js';
import { harness, invoiceOf, maria } from './harness.js';

const acme: CustomerRecord = { ...maria, id: 'c-acme', name: 'Acme Comércio Ltda', taxId: '11444777000161', kind: 'company' };

/** A proposal with every default left out. */
const lean = {
  kind: 'new_proposal',
  selectedInvoiceIds: ['F-101', 'F-102'],
  toleranceDate: '2026-04-30',
  category: 'category-1',
  surchargePercent: '5',
  accountPlan: { surcharge: '4.01' },
  installments: { kind: 'regular', count: 1, firstDueDate: '2026-03-10', description: 'Acordo 101', paymentProfile: 'boleto' },
} as const;

/** The same proposal with defaults written out and numbers written another way. */
const spelled = {
  ...lean,
  surchargePercent: '5.00',
  finePercent: '0',
  discountPercent: '-0.000',
  discountAmount: '0.00',
  chargesAmount: { cents: 0 },
  feesAmount: '0',
  allowNegativeInstallments: false,
  installments: { ...lean.installments, count: 1, frequency: 'monthly' },
};

async function negotiating() {
  const h = await harness({}, '2026-03-02T10:00:00-03:00');
  await h.seed([acme], [invoiceOf('F-101', acme.id, '600.00', '2026-03-20'), invoiceOf('F-102', acme.id, '400.00', '2026-03-25')]);
  (await h.app.createAgreementCategory({ idempotencyKey: 'cat', actor: 'operator.ana', name: 'Renegociação' }))._unsafeUnwrap();
  return h;
}

/** Issue 12, defect 9: idempotency compares the parsed, canonical command, not the raw input. */
describe('idempotency keys compare the parsed command', () => {
  it("'10.00' and { cents: 1000 } under one key are the same command: the second is a replay", async () => {
    const { app, seed, clock } = await harness();
    await seed([maria], [invoiceOf('i1', maria.id, '500.00', '2026-11-10')]);
    clock.set('2026-11-05T10:00:00-03:00');
    const first = await app.recordPayment({ idempotencyKey: 'pay-1', actor: 'bank', invoiceId: 'i1', amount: '10.00' });
    const again = await app.recordPayment({ actor: 'bank', amount: { cents: 1000 }, invoiceId: 'i1', idempotencyKey: 'pay-1' });
    expect(again._unsafeUnwrap()).toEqual(first._unsafeUnwrap());
    const other = await app.recordPayment({ idempotencyKey: 'pay-1', actor: 'bank', invoiceId: 'i1', amount: '10.01' });
    expect(other._unsafeUnwrapErr().code).toBe('idempotency_key_reused');
  });

  it('a negotiation with its defaults written out (percent 5 as 5.00, zero amounts, frequency monthly) is the same command as without them', async () => {
    const { app, store } = await negotiating();
    const first = await app.negotiate({ idempotencyKey: 'deal', actor: 'operator.ana', customerId: acme.id, proposal: lean });
    const before = JSON.stringify(store.snapshot());
    const again = await app.negotiate({ idempotencyKey: 'deal', actor: 'operator.ana', customerId: acme.id, proposal: spelled as never });
    expect(again._unsafeUnwrap()).toEqual(first._unsafeUnwrap());
    expect(JSON.stringify(store.snapshot())).toBe(before); // a replay writes nothing
    // A different input under the same key is still refused, whichever way it is written.
    const other = await app.negotiate({ idempotencyKey: 'deal', actor: 'operator.ana', customerId: acme.id, proposal: { ...spelled, surchargePercent: '5.01' } as never });
    expect(other._unsafeUnwrapErr()).toMatchObject({ code: 'idempotency_key_reused', path: ['idempotencyKey'] });
    const twoInstallments = await app.negotiate({ idempotencyKey: 'deal', actor: 'operator.ana', customerId: acme.id, proposal: { ...lean, installments: { ...lean.installments, count: 2 } } });
    expect(twoInstallments._unsafeUnwrapErr().code).toBe('idempotency_key_reused');
  });

  it('the stored record keeps a digest of the input, not the input', async () => {
    const { app, seed, store, clock } = await harness();
    await seed([maria], [invoiceOf('i1', maria.id, '500.00', '2026-11-10')]);
    clock.set('2026-11-05T10:00:00-03:00');
    await app.recordPayment({ idempotencyKey: 'pay-1', actor: 'bank', invoiceId: 'i1', amount: '10.00' });
    const record = await store.transaction((tx) => tx.idempotency.get('pay-1'));
    expect((record?.response as { input: string }).input).toMatch(/^[0-9a-f]{64}$/);
  });

  it('a command with a bigint or a cycle in an extra field answers an error, never rejects', async () => {
    const { app } = await harness();
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    for (const extra of [10n, cyclic]) {
      const answer = await app.recordPayment({ idempotencyKey: 'k', actor: 'a', invoiceId: 'i1', amount: '1.00', extra } as never);
      expect(answer.isErr()).toBe(true);
    }
  });
});
