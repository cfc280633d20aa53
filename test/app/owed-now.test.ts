import { describe, expect, it } from 'vitest';
import { owedAmount } from '../../src/agreements/index.js';
import { tableRates } from '../../src/adapters/system/index.js';
import { harness, invoiceOf, maria } from './harness.js';

const op = (key: string) => ({ idempotencyKey: key, actor: 'operator.ana' });

describe('owedNow: the one amount an invoice owes on a day, before paying', () => {
  it('300.00 due 1 Oct, asked on 19 Nov: fine 6.00 + interest 4.90 = 310.90 (the worked example); paying it settles the invoice', async () => {
    const h = await harness();
    await h.seed([maria], [invoiceOf('j1', maria.id, '300.00', '2026-10-01')]);
    h.clock.set('2026-11-19T10:00:00-03:00');
    const owed = (await h.app.owedNow({ invoiceId: 'j1' }))._unsafeUnwrap();
    expect([owed.invoiceId, owed.asOf, owed.principal.cents, owed.fine.cents, owed.interest.cents, owed.correction.cents, owed.owed.cents, owed.paid.cents, owed.settled]).toEqual(['j1', '2026-11-19', 30_000, 600, 490, 0, 31_090, 0, false]);
    const byHand = owedAmount({ principal: '300.00', dueDate: '2026-10-01', asOf: '2026-11-19', policy: { interest: { kind: 'monthly', percent: '1' } } })._unsafeUnwrap();
    expect(owed.owed).toEqual(byHand.owed);
    const paid = (await h.app.recordPayment({ ...op('pay'), invoiceId: 'j1', amount: owed.owed }))._unsafeUnwrap();
    expect([paid.settled, paid.invoice.status]).toEqual([true, 'paid']);
    const after = (await h.app.owedNow({ invoiceId: 'j1' }))._unsafeUnwrap();
    expect([after.owed.cents, after.paid.cents, after.settled]).toEqual([0, 31_090, true]);
  });

  it('quotes a later day, counts partial payments, and writes nothing', async () => {
    const h = await harness();
    await h.seed([maria], [invoiceOf('j1', maria.id, '300.00', '2026-10-01')]);
    h.clock.set('2026-11-01T10:00:00-03:00');
    await h.app.recordPayment({ ...op('part'), invoiceId: 'j1', amount: '100.00' });
    const before = await h.store.transaction(async (tx) => [await tx.payments.list(), await tx.audit.forSubject('invoice', 'j1')]);
    const today = (await h.app.owedNow({ invoiceId: 'j1' }))._unsafeUnwrap();
    const later = (await h.app.owedNow({ invoiceId: 'j1', on: '2026-12-01' }))._unsafeUnwrap();
    expect(today.paid.cents).toBe(10_000);
    expect(later.asOf).toBe('2026-12-01');
    expect(later.owed.cents).toBeGreaterThan(today.owed.cents);
    expect(await h.store.transaction(async (tx) => [await tx.payments.list(), await tx.audit.forSubject('invoice', 'j1')])).toEqual(before);
  });

  it('a missing invoice is not_found, a cancelled one invalid_state, a bad day or an unknown field invalid_input with its path', async () => {
    const h = await harness();
    await h.seed([maria], [invoiceOf('gone', maria.id, '10.00', '2026-09-01', { status: 'cancelled' })]);
    expect((await h.app.owedNow({ invoiceId: 'nope' }))._unsafeUnwrapErr()).toMatchObject({ code: 'not_found', path: ['invoiceId'] });
    expect((await h.app.owedNow({ invoiceId: 'gone' }))._unsafeUnwrapErr()).toMatchObject({ code: 'invalid_state', path: ['invoiceId'] });
    expect((await h.app.owedNow({ invoiceId: 'gone', on: '2026-02-30' }))._unsafeUnwrapErr()).toMatchObject({ code: 'invalid_input', path: ['on'] });
    expect((await h.app.owedNow({ invoiceId: 'gone', asOf: '2026-02-01' } as never))._unsafeUnwrapErr()).toMatchObject({ code: 'invalid_input' });
  });

  it('with legal-rate interest from a tableRates source: a month the table lacks is rate_missing naming it', async () => {
    const rates = tableRates({ legalInterest: { '2026-10': '0.5', '2026-11': '0.5' } })._unsafeUnwrap();
    const h = await harness({ rates, lateCharges: { interestFromRates: true } });
    await h.seed([maria], [invoiceOf('j1', maria.id, '300.00', '2026-10-01')]);
    h.clock.set('2026-11-19T10:00:00-03:00');
    const owed = (await h.app.owedNow({ invoiceId: 'j1' }))._unsafeUnwrap();
    expect(owed.interest.cents).toBeGreaterThan(0);
    const missing = (await h.app.owedNow({ invoiceId: 'j1', on: '2026-12-10' }))._unsafeUnwrapErr();
    expect(missing.code).toBe('rate_missing');
    expect(missing.message).toContain('2026-12');
  });
});
