import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../../../src/adapters/memory/index.js';
import type { OutboxEffect, Store } from '../../../src/ports/index.js';
import { harness } from '../harness.js';
import { countCall, observedStore } from '../support/observed-store.js';

/** Port calls by `part.method`, and how many transactions were opened. */
interface Tally {
  calls: Map<string, number>;
  transactions: number;
}

/** A store that counts transactions and port calls (the memory store underneath does the work); `failSettle` makes `settleMany` throw while it is true. */
function countingStore(inner: Store, tally: Tally, faults: { failSettle: boolean } = { failSettle: false }): Store {
  return observedStore(inner, {
    transaction: () => tally.transactions++,
    before: (key) => {
      countCall(tally.calls, key);
      if (key === 'outbox.settleMany' && faults.failSettle) throw new Error('connection lost while settling');
    },
  });
}

const NOW = '2026-11-24T13:00:00.000Z';

function effect(n: number, kind = 'send_invoice'): OutboxEffect {
  return { id: `e${String(n).padStart(4, '0')}`, key: `k-${n}`, kind, payload: { n }, status: 'pending', attempts: 0, createdAt: NOW };
}

/** An app over a counting memory store whose host performs `send_invoice` (each call recorded by key); `portal_banner` has no handler. */
async function outboxApp(faults?: { failSettle: boolean }, fail: (key: string) => boolean = () => false) {
  const memory = new MemoryStore();
  const tally: Tally = { calls: new Map(), transactions: 0 };
  const performedKeys: string[] = [];
  const h = await harness(
    {
      store: countingStore(memory, tally, faults),
      effectHandlers: {
        send_invoice: async (e) => {
          performedKeys.push(e.key);
          if (fail(e.key)) throw new Error('printer jammed');
        },
      },
    },
    NOW,
  );
  const enqueue = (effects: readonly OutboxEffect[]) => memory.transaction((tx) => tx.outbox.enqueueMany(effects));
  const statuses = async () => new Map((await memory.transaction((tx) => tx.outbox.all())).map((e) => [e.key, e.status]));
  return { ...h, memory, tally, performedKeys, enqueue, statuses };
}

describe('the outbox settles a batch in one transaction, not one per effect (counted, never timed)', () => {
  it('250 effects of a plain handler: 3 claims, 3 batch settles, and the transactions do not grow with the effects', async () => {
    const app = await outboxApp();
    await app.enqueue(Array.from({ length: 250 }, (_, n) => effect(n)));
    const pass = (await app.app.performEffects())._unsafeUnwrap();
    expect(pass.counts.performed).toBe(250);
    expect(app.performedKeys).toHaveLength(250);
    expect(app.tally.calls.get('outbox.settleMany')).toBe(3);
    expect(app.tally.calls.get('outbox.settle') ?? 0).toBe(0);
    // Claims: 3 batches and the empty claim that ends them; settles: 3; then the listing of what could not be claimed.
    expect(app.tally.calls.get('outbox.claim')).toBe(4);
    expect(app.tally.transactions).toBeLessThan(12);
    expect([...(await app.statuses()).values()].every((s) => s === 'done')).toBe(true);
  });

  it('a failed handler leaves its effect pending with the error, settled in the same batch as the others', async () => {
    const app = await outboxApp(undefined, (key) => key === 'k-3');
    await app.enqueue(Array.from({ length: 5 }, (_, n) => effect(n)));
    const pass = (await app.app.performEffects())._unsafeUnwrap();
    expect(pass.counts.performed).toBe(4);
    expect(pass.failed.map((f) => [f.effect.key, f.error, f.gaveUp])).toEqual([['k-3', 'printer jammed', false]]);
    expect(app.tally.calls.get('outbox.settleMany')).toBe(1);
    const failed = await app.memory.transaction((tx) => tx.outbox.byKey('k-3'));
    expect([failed?.status, failed?.attempts, failed?.lastError, failed?.claimedBy]).toEqual(['pending', 1, 'printer jammed', undefined]);
  });
});

describe('exactly once', () => {
  it('four passes at once perform each of 300 effects once', async () => {
    const app = await outboxApp();
    await app.enqueue(Array.from({ length: 300 }, (_, n) => effect(n)));
    const passes = await Promise.all([1, 2, 3, 4].map(() => app.app.performEffects()));
    expect(passes.reduce((sum, p) => sum + p._unsafeUnwrap().counts.performed, 0)).toBe(300);
    expect(new Set(app.performedKeys).size).toBe(300);
    expect(app.performedKeys).toHaveLength(300);
  });

  it('a crashed worker\'s claims come back once its lease lapses, and are performed once', async () => {
    const app = await outboxApp();
    await app.enqueue(Array.from({ length: 10 }, (_, n) => effect(n)));
    // A worker claims everything and dies before performing anything.
    await app.memory.transaction((tx) => tx.outbox.claim({ owner: 'dead-worker', now: NOW, until: '2026-11-24T13:10:00.000Z', limit: 100 }));
    const held = (await app.app.performEffects())._unsafeUnwrap();
    expect(held.counts.performed).toBe(0);
    expect(app.performedKeys).toEqual([]);
    app.clock.set('2026-11-24T13:10:00.000Z');
    const lapsed = (await app.app.performEffects())._unsafeUnwrap();
    expect(lapsed.counts.performed).toBe(10);
    expect((await app.app.performEffects())._unsafeUnwrap().counts.performed).toBe(0);
    expect(app.performedKeys).toHaveLength(10);
  });

  it('a batch whose settle fails is not half settled: every effect of it stays pending under its claim, and comes back when the lease lapses', async () => {
    const faults = { failSettle: true };
    const app = await outboxApp(faults);
    await app.enqueue(Array.from({ length: 5 }, (_, n) => effect(n)));
    expect((await app.app.performEffects()).isErr()).toBe(true);
    const after = await app.memory.transaction((tx) => tx.outbox.all());
    expect(after.map((e) => e.status)).toEqual(['pending', 'pending', 'pending', 'pending', 'pending']);
    expect(after.every((e) => e.claimedBy !== undefined)).toBe(true);
    faults.failSettle = false;
    expect((await app.app.performEffects())._unsafeUnwrap().counts.performed).toBe(0);
    app.clock.set('2026-11-24T13:10:00.000Z');
    expect((await app.app.performEffects())._unsafeUnwrap().counts.performed).toBe(5);
    // The port got each key twice (the first calls were never settled): a port that honours keys drops the repeats.
    expect(app.performedKeys.filter((k) => k === 'k-0')).toHaveLength(2);
    expect([...(await app.statuses()).values()].every((s) => s === 'done')).toBe(true);
  });
});

describe('effects that wait for the host stay out of the passes', () => {
  it('the daily cycle counts them through the store and never reads them', async () => {
    const app = await outboxApp();
    await app.enqueue([...Array.from({ length: 40 }, (_, n) => effect(n, 'portal_banner')), effect(100)]);
    const report = await app.cycleOn('2026-11-24');
    expect([report.effects.performed, report.effects.awaitingHost]).toEqual([1, 40]);
    expect(app.tally.calls.get('outbox.pending') ?? 0).toBe(0);
    expect(app.tally.calls.get('outbox.countPending')).toBe(1);
    const listed = (await app.app.performEffects())._unsafeUnwrap();
    expect([listed.counts.awaitingHost, listed.awaitingHost.length]).toEqual([40, 40]);
  });
});
