import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../../src/adapters/memory/index.js';
import type { Store } from '../../src/ports/index.js';
import { harness, invoiceOf, maria } from './harness.js';

const op = (key: string) => ({ idempotencyKey: key, actor: 'operator.ana' });

/** A store that runs `hook` once, right after the first transaction that claimed outbox effects commits (a payment landing mid-cycle). */
function storeWithHookAfterClaim(inner: MemoryStore, hook: () => Promise<void>): Store & { fired: boolean } {
  const wrapper = {
    fired: false,
    async transaction<T>(work: Parameters<Store['transaction']>[0] extends (tx: infer X) => Promise<unknown> ? (tx: X) => Promise<T> : never): Promise<T> {
      let claimed = false;
      const result = await inner.transaction((tx) => work({ ...tx, outbox: { ...tx.outbox, claim: async (request) => {
        const effects = await tx.outbox.claim(request);
        claimed ||= effects.length > 0;
        return effects;
      } } }));
      if (claimed && !wrapper.fired) {
        wrapper.fired = true;
        await hook();
      }
      return result;
    },
  };
  return wrapper as Store & { fired: boolean };
}

describe('a dunning message never goes out after the invoice was paid (issue 12, defect 4)', () => {
  it('an SMS deferred to the contact window is cancelled when the invoice is paid in full before the window opens', async () => {
    const { app, notifier, store, seed, cycleOn, clock } = await harness();
    await seed([maria], [invoiceOf('i1', maria.id, '500.00', '2026-11-10')]);
    const night = await cycleOn('2026-11-11', '21:00');
    expect(night.ruler.deferred).toBeGreaterThan(0);
    expect(notifier.calls.filter((m) => m.channel === 'sms')).toEqual([]);

    clock.set('2026-11-11T22:00:00-03:00');
    expect((await app.recordPayment({ ...op('pay-1'), invoiceId: 'i1', amount: '510.17' }))._unsafeUnwrap().settled).toBe(true);

    const morning = await cycleOn('2026-11-12', '10:00');
    expect(notifier.calls.filter((m) => m.channel === 'sms'), 'the SMS went out after full payment').toEqual([]);
    expect(morning.effects.cancelled).toBeGreaterThanOrEqual(1);
    expect(notifier.calls, 'no dunning contact at all after full payment').toEqual([]);
    const sms = (await store.transaction((tx) => tx.outbox.all())).find((e) => e.payload.channel === 'sms');
    expect(sms?.status).toBe('cancelled');
    expect(sms?.lastError).toMatch(/paid/);
  });

  it('a payment that lands during the cycle, after the SMS was queued and before it is sent, stops it', async () => {
    const inner = new MemoryStore();
    let pay: () => Promise<void> = async () => undefined;
    const store = storeWithHookAfterClaim(inner, () => pay());
    const { app, notifier, clock, cycleOn } = await harness({ store });
    await inner.transaction(async (tx) => {
      await tx.customers.insert(maria);
      await tx.invoices.insert(invoiceOf('i1', maria.id, '500.00', '2026-11-10'));
    });
    pay = async () => {
      clock.set('2026-11-11T10:00:01-03:00');
      // 500.00 + the 2 % fine + one day of 1 % a month interest: paid in full.
      expect((await app.recordPayment({ ...op('pay-1'), invoiceId: 'i1', amount: '510.17' }))._unsafeUnwrap().settled).toBe(true);
    };
    const report = await cycleOn('2026-11-11', '10:00');
    expect(store.fired).toBe(true);
    expect(report.ruler.done.map((a) => a.kind)).toContain('notify');
    expect(notifier.calls.filter((m) => m.channel === 'sms'), 'the SMS went out after full payment').toEqual([]);
    expect(report.effects.cancelled).toBeGreaterThanOrEqual(1);
    expect(notifier.calls).toEqual([]);
  });

  it('an unpaid invoice still gets its deferred SMS when the window opens (the check is not too eager)', async () => {
    const { notifier, seed, cycleOn } = await harness();
    await seed([maria], [invoiceOf('i1', maria.id, '500.00', '2026-11-10')]);
    await cycleOn('2026-11-11', '21:00');
    await cycleOn('2026-11-12', '10:00');
    expect(notifier.calls.filter((m) => m.channel === 'sms')).toHaveLength(1);
  });
});
