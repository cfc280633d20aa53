import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../../../src/adapters/memory/index.js';
import { batchedTransaction } from '../../../src/app/cycle/batched-writes.js';
import { civilDate } from '../../../src/calendar/index.js';
import { fromCents } from '../../../src/money/index.js';
import type { ActionLogEntry, OutboxEffect, Store, StoreTransaction } from '../../../src/ports/index.js';

/** A store counting every port call (`part.method`) made through it. */
function counting(inner: Store, calls: Map<string, number>): Store {
  const wrap = (name: string, part: object): object =>
    new Proxy(part, {
      get(target, method: string) {
        const value = (target as Record<string, unknown>)[method];
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          calls.set(`${name}.${method}`, (calls.get(`${name}.${method}`) ?? 0) + 1);
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      },
    });
  return { transaction: (work) => inner.transaction((tx) => work(Object.fromEntries(Object.entries(tx).map(([name, part]) => [name, wrap(name, part as object)])) as unknown as StoreTransaction)) };
}

const on = civilDate('2026-11-24');
const entry = (n: number): ActionLogEntry => ({ key: `k${n}`, invoiceId: `i${n}`, customerId: `c${n}`, stepId: 'd+1', action: 'notify', on, at: '2026-11-24T13:00:00.000Z' });
const effect = (n: number): OutboxEffect => ({ id: `e${n}`, key: `ruler:k${n}:notify`, kind: 'notify', payload: { n }, status: 'pending', attempts: 0, createdAt: '2026-11-24T13:00:00.000Z' });

/** A batch of `size` actions as the ruler pass applies them: record, read the invoice and customer, update the invoice, enqueue, ask a key. */
async function batchOf(size: number): Promise<{ calls: Map<string, number>; answers: boolean[]; store: MemoryStore }> {
  const store = new MemoryStore();
  await store.transaction(async (tx) => {
    for (let n = 0; n < size; n++) {
      await tx.customers.insert({ id: `c${n}`, version: 1, name: `Cliente ${n}`, taxId: '12345678909', kind: 'person' });
      await tx.invoices.insert({ id: `i${n}`, version: 1, customerId: `c${n}`, amount: fromCents(100), dueDate: on, status: 'open', paid: fromCents(0) });
    }
    await tx.actionLog.record(entry(0)); // done by an earlier run
    await tx.actionLog.record({ ...entry(1), key: 'asked-1' });
  });
  const calls = new Map<string, number>();
  const answers: boolean[] = [];
  const ids = Array.from({ length: size }, (_, n) => n);
  await counting(store, calls).transaction(async (inner) => {
    const { tx, flush } = await batchedTransaction(inner, { entries: ids.map(entry), askedKeys: ['asked-1', 'asked-2'], invoiceIds: ids.map((n) => `i${n}`), customerIds: ids.map((n) => `c${n}`) });
    for (const n of ids) {
      const fresh = await tx.actionLog.record(entry(n));
      answers.push(fresh, await tx.actionLog.record(entry(n)));
      if (!fresh) continue;
      const invoice = await tx.invoices.get(`i${n}`);
      expect(await tx.customers.get(`c${n}`)).toMatchObject({ id: `c${n}` });
      if (invoice) await tx.invoices.update({ ...invoice, version: invoice.version + 1, forwardedOn: on });
      expect(await tx.invoices.get(`i${n}`), 'a read after the batch\'s own write sees it').toMatchObject({ version: 2, forwardedOn: on });
      await tx.outbox.enqueue(effect(n));
    }
    answers.push(await tx.actionLog.has('asked-1'), await tx.actionLog.has('asked-2'), await tx.actionLog.record({ ...entry(2), key: 'asked-2' }), await tx.actionLog.has('asked-2'));
    await flush();
  });
  return { calls, answers, store };
}

describe('a ruler batch writes and reads at once (batched-writes.ts), answering as the one-by-one calls would', () => {
  it('the store calls per batch do not grow with the batch, and the answers, log and outbox are what one-by-one writes give', async () => {
    const small = await batchOf(3);
    const large = await batchOf(30);
    const perRecord = (calls: Map<string, number>): number => ['actionLog.record', 'actionLog.has', 'invoices.get', 'customers.get', 'outbox.enqueue'].reduce((sum, key) => sum + (calls.get(key) ?? 0), 0);
    expect(perRecord(large.calls), JSON.stringify([...large.calls])).toBe(perRecord(small.calls));
    expect(large.calls.get('actionLog.recordMany')).toBe(1);
    expect(large.calls.get('outbox.enqueueMany')).toBe(1);
    expect(large.calls.get('invoices.getMany')).toBe(1);
    // k0 was logged by an earlier run: already done; every other key is fresh once, then already there.
    expect(large.answers.slice(0, 60)).toEqual([false, false, ...Array.from({ length: 29 }, () => [true, false]).flat()]);
    expect(large.answers.slice(60), 'has answers, before and after the batch records a key').toEqual([true, false, true, true]);
    await large.store.transaction(async (tx) => {
      expect((await tx.outbox.all()).map((e) => e.id)).toEqual(Array.from({ length: 29 }, (_, i) => `e${i + 1}`));
      expect((await tx.invoices.get('i5'))?.version).toBe(2);
      expect(await tx.actionLog.has('k29')).toBe(true);
      expect(await tx.actionLog.has('asked-2')).toBe(true);
    });
  });
});
