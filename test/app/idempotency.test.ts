import { describe, expect, it } from 'vitest';
import { harness, invoiceOf, maria } from './harness.js';

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
