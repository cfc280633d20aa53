import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../../../src/adapters/memory/index.js';
import type { CustomerRecord, InvoiceRecord, Store } from '../../../src/ports/index.js';
import { harness, invoiceOf, maria } from '../harness.js';
import { observedStore } from '../support/observed-store.js';

/** A store that counts the negativation ids the cycle reads again with `getMany`, and the pages of negativations it reads (the memory store does the work). */
function countingStore(inner: Store, counted: { negativationsReread: number; pages: number }): Store {
  return observedStore(inner, {
    before: (key, args) => {
      if (key === 'negativations.getMany') counted.negativationsReread += (args[0] as readonly string[]).length;
      if (key === 'negativations.page') counted.pages++;
    },
  });
}

function portfolio(count: number): { customers: CustomerRecord[]; invoices: InvoiceRecord[] } {
  const customers: CustomerRecord[] = [];
  const invoices: InvoiceRecord[] = [];
  for (let n = 0; n < count; n++) {
    customers.push({ ...maria, id: `c${n}`, taxId: '52998224725', email: `cliente${n}@example.com` });
    invoices.push(invoiceOf(`i${n}`, `c${n}`, '300.00', '2026-10-01'));
  }
  return { customers, invoices };
}

describe('the negativation pass reads again only the negativations time can move (counted, never timed)', () => {
  it('a day re-reads none of the registrations waiting out their notice, nor those at the bureau: only those due that day', async () => {
    const counted = { negativationsReread: 0, pages: 0 };
    // The full-scan path (a store without the negativation due index); with the index, the passes read only the due entries (test/app/cycle/negativation-due-model.test.ts).
    const memory = new MemoryStore({ negativationsDue: false });
    const h = await harness({ store: countingStore(memory, counted) });
    const { customers, invoices } = portfolio(6);
    await memory.transaction(async (tx) => {
      await tx.customers.insertMany(customers);
      await tx.invoices.insertMany(invoices);
    });
    await h.cycleOn('2026-10-16'); // requested, approved, noticed
    const all = await memory.transaction((tx) => tx.negativations.list());
    const waiting = all.filter((r) => r.status === 'processing').length;
    expect(waiting).toBe(6);
    counted.negativationsReread = 0;
    const day = await h.cycleOn('2026-10-20');
    expect(day.negativations.waitingForNotice).toHaveLength(6);
    expect(counted.negativationsReread).toBe(0); // still waiting: looked at as read in the stream, never read again

    await h.cycleOn('2026-10-26'); // the notice period elapsed: submitted and registered
    const statuses = (await memory.transaction((tx) => tx.negativations.list())).map((r) => r.status);
    expect(statuses).toEqual(Array.from({ length: 6 }, () => 'negativated'));
    counted.negativationsReread = 0;
    counted.pages = 0;
    const later = await h.cycleOn('2026-10-27');
    expect(later.negativations).toEqual({ totals: { approved: 0, submitted: 0, waitingForNotice: 0, refused: 0 }, approved: [], submitted: [], waitingForNotice: [], refused: [] });
    expect(counted.negativationsReread).toBe(0);
    expect(counted.pages).toBeGreaterThan(0); // the stream is still read (reconciliation too), page by page
  });
});
