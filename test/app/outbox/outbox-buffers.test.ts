import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../../../src/adapters/memory/index.js';
import { bufferedOutbox } from '../../../src/app/outbox-buffers.js';
import type { OutboxEffect } from '../../../src/ports/index.js';

const effect = (id: string, key = `k-${id}`): OutboxEffect => ({ id, key, kind: 'notify', payload: { n: id }, status: 'pending', attempts: 0, createdAt: '2026-11-24T13:00:00.000Z' });

describe('bufferedOutbox: enqueues kept and written as one enqueueMany', () => {
  it("the view answers false for a key or id it kept already; queued effects are not indexed; the flush writes all in order and the store keeps a key's first", async () => {
    const store = new MemoryStore();
    const calls: number[] = [];
    const answers = await store.transaction(async (tx) => {
      const buffer = bufferedOutbox(Object.assign({}, tx, { outbox: { ...tx.outbox, enqueueMany: (effects: readonly OutboxEffect[]) => (calls.push(effects.length), tx.outbox.enqueueMany(effects)) } }));
      buffer.queue(effect('e1'));
      const first = await buffer.view.enqueue(effect('e2'));
      const sameKey = await buffer.view.enqueue(effect('e3', 'k-e2'));
      const sameId = await buffer.view.enqueue(effect('e2', 'k-other'));
      // A queued effect's key is not looked for: the view says true, the store keeps the first of the two.
      const overQueued = await buffer.view.enqueue(effect('e4', 'k-e1'));
      const many = [...(await buffer.view.enqueueMany([effect('e5'), effect('e6', 'k-e5'), effect('e7')]))];
      buffer.queue(effect('e8'));
      expect(calls).toEqual([]);
      await buffer.flush();
      return { first, sameKey, sameId, overQueued, many };
    });
    expect(answers).toEqual({ first: true, sameKey: false, sameId: false, overQueued: true, many: ['e5', 'e7'] });
    expect(calls).toEqual([6]); // e1, e2, e4, e5, e7, e8: one write
    const stored = await store.transaction((tx) => tx.outbox.all());
    expect(stored.map((e) => `${e.id} ${e.key}`)).toEqual(['e1 k-e1', 'e2 k-e2', 'e5 k-e5', 'e7 k-e7', 'e8 k-e8']);
  });
});
