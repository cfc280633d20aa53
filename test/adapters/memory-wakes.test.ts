import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../../src/adapters/memory/index.js';
import { civilDate } from '../../src/calendar/index.js';
import { fromCents } from '../../src/money/index.js';

const today = civilDate('2026-11-24');

describe('the memory store wake index', () => {
  it('is not kept with { wakes: false } (the daily cycle then reads every invoice)', async () => {
    const store = new MemoryStore({ wakes: false });
    expect(await store.transaction(async (tx) => tx.wakes)).toBeUndefined();
  });

  it('is not in a snapshot: a loaded store has every customer of its records due once', async () => {
    const store = new MemoryStore();
    await store.transaction(async (tx) => {
      await tx.customers.insert({ id: 'c1', version: 1, name: 'Maria', taxId: '52998224725', kind: 'person' });
      await tx.invoices.insert({ id: 'i2', version: 1, customerId: 'c2', amount: fromCents(100), dueDate: today, status: 'open', paid: fromCents(0) });
    });
    const due = await store.transaction(async (tx) => (await tx.wakes?.due(today, 10)) ?? []);
    await store.transaction(async (tx) => tx.wakes?.evaluated(due.map((d) => ({ ...d, wakeOn: undefined }))));
    expect(await store.transaction(async (tx) => tx.wakes?.due(today, 10))).toEqual([]);
    const loaded = MemoryStore.fromSnapshot(store.snapshot());
    expect((await loaded.transaction(async (tx) => tx.wakes?.due(today, 10)))?.map((d) => d.customerId)).toEqual(['c1', 'c2']);
  });
});
