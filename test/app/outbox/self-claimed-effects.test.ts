import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../../../src/adapters/memory/index.js';
import type { OutboxEffect, Store } from '../../../src/ports/index.js';
import { harness, invoiceOf, maria } from '../harness.js';
import { countCall, observedStore } from '../support/observed-store.js';

/** Ten customers with an invoice 16 days late (an SMS and a registration on the first cycle) and ten due in three days (an e-mail). */
async function portfolio(failClaims: () => boolean) {
  const memory = new MemoryStore();
  const calls = new Map<string, number>();
  const enqueued: OutboxEffect[] = [];
  const store: Store = observedStore(memory, {
    before: (key, args) => {
      countCall(calls, key);
      if (key === 'outbox.claim' && failClaims()) throw new Error('connection lost');
      if (key === 'outbox.enqueue') enqueued.push(args[0] as OutboxEffect);
      if (key === 'outbox.enqueueMany') enqueued.push(...(args[0] as OutboxEffect[]));
    },
  });
  const h = await harness({ store });
  await memory.transaction(async (tx) => {
    for (let c = 0; c < 10; c++) {
      await tx.customers.insert({ ...maria, id: `c${c}`, email: `cliente${c}@example.com` });
      await tx.invoices.insert(invoiceOf(`late${c}`, `c${c}`, '300.00', '2026-10-22'));
      await tx.invoices.insert(invoiceOf(`soon${c}`, `c${c}`, '200.00', '2026-11-10'));
    }
  });
  const outbox = () => memory.transaction((tx) => tx.outbox.all());
  return { ...h, calls, enqueued, outbox };
}

const ASOF = '2026-11-07T13:00:00.000Z';
const LAPSES = '2026-11-07T13:10:00.000Z';

describe("a daily cycle's own effects are written claimed by its worker (decision 2 of session 12)", () => {
  it('the effects its pass performs are enqueued held by the cycle until its instant plus the lease; those for the host are not; all end done and unclaimed', async () => {
    const p = await portfolio(() => false);
    const report = await p.cycleOn('2026-11-07');
    const handled = p.enqueued.filter((e) => e.kind === 'notify' || e.kind === 'negativation_notice');
    expect(handled.length).toBeGreaterThanOrEqual(30); // 10 SMS, 10 e-mails, 10 prior notices
    expect(new Set(handled.map((e) => `${e.claimedBy} ${e.claimedUntil}`))).toEqual(new Set([`worker-1 ${LAPSES}`]));
    const forHost = p.enqueued.filter((e) => e.kind !== 'notify' && e.kind !== 'negativation_notice');
    expect(forHost.length).toBeGreaterThan(0);
    expect(forHost.every((e) => e.claimedBy === undefined && e.claimedUntil === undefined)).toBe(true);
    expect(report.effects.performed).toBe(handled.length);
    const stored = await p.outbox();
    expect(stored.filter((e) => e.claimedBy !== undefined)).toEqual([]);
    expect(stored.filter((e) => e.status === 'done').map((e) => e.key).sort()).toEqual(handled.map((e) => e.key).sort());
    // One claim finds the page (and one more finds nothing): the pass claimed, it did not enqueue anything of its own again.
    expect(p.calls.get('outbox.claim')).toBe(2);
  });

  it('a cycle that dies before its pass leaves its effects held until the lease lapses; then any pass performs them, once each', async () => {
    let down = true;
    const p = await portfolio(() => down);
    p.clock.set(ASOF);
    expect((await p.app.runDailyCycle()).isErr()).toBe(true);
    down = false;
    const held = (await p.outbox()).filter((e) => e.kind === 'notify' || e.kind === 'negativation_notice');
    expect(held.length).toBeGreaterThanOrEqual(30);
    expect(held.map((e) => [e.status, e.attempts, e.claimedBy, e.claimedUntil])).toEqual(held.map(() => ['pending', 0, 'worker-1', LAPSES]));
    p.clock.set('2026-11-07T13:09:59.999Z');
    const early = (await p.app.performEffects())._unsafeUnwrap();
    expect(early.counts.performed).toBe(0);
    expect(p.notifier.calls).toHaveLength(0);
    p.clock.set(LAPSES);
    const lapsed = (await p.app.performEffects())._unsafeUnwrap();
    expect(lapsed.counts.performed).toBe(held.length);
    expect(new Set(p.notifier.calls.map((m) => m.key)).size).toBe(p.notifier.calls.length);
    expect((await p.outbox()).filter((e) => e.status === 'pending')).toEqual((await p.outbox()).filter((e) => e.status === 'pending' && e.kind !== 'notify' && e.kind !== 'negativation_notice'));
  });

  it('a contact deferred to the contact window is enqueued unclaimed (its pass would not claim it yet)', async () => {
    const p = await portfolio(() => false);
    await p.cycleOn('2026-11-07', '06:00');
    const deferred = p.enqueued.filter((e) => e.notBefore !== undefined);
    expect(deferred.length).toBeGreaterThan(0);
    expect(deferred.every((e) => e.claimedBy === undefined)).toBe(true);
    expect((await p.outbox()).filter((e) => e.claimedBy !== undefined)).toEqual([]);
  });
});
