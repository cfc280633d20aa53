import assert from 'node:assert/strict';
import { civilDate } from '../calendar/index.js';
import { fromCents } from '../money/index.js';
import type { Versioned } from '../ports/records.js';
import type { Collection } from '../ports/store.js';
import { invoice, SAMPLES } from './conformance-fixtures.js';
import { caseCollector, type ConformanceCase, type StoreFactory } from './conformance-case.js';

/** Conformance cases of `list` and `page`: filters, id order, keyset paging on every collection, and a transaction seeing its own writes. */
export function listingCases(makeStore: StoreFactory): ConformanceCase[] {
  const { cases, test } = caseCollector(makeStore);

  test('list filters by customer and status, in id order, and sees changed fields', async (store) => {
    await store.transaction(async (tx) => {
      await tx.invoices.insert(invoice('i3', 'c1'));
      await tx.invoices.insert(invoice('i1', 'c1', { status: 'paid' }));
      await tx.invoices.insert(invoice('i2', 'c2'));
    });
    await store.transaction(async (tx) => {
      assert.deepEqual((await tx.invoices.list({ customerId: 'c1' })).map((i) => i.id), ['i1', 'i3']);
      assert.deepEqual((await tx.invoices.list({ status: 'open' })).map((i) => i.id), ['i2', 'i3']);
      assert.deepEqual((await tx.invoices.list({ customerId: 'c1', status: 'open' })).map((i) => i.id), ['i3']);
      assert.deepEqual((await tx.invoices.list()).map((i) => i.id), ['i1', 'i2', 'i3']);
      await tx.invoices.update(invoice('i2', 'c1', { version: 2 }));
      assert.deepEqual((await tx.invoices.list({ customerId: 'c1' })).map((i) => i.id), ['i1', 'i2', 'i3'], 'a transaction sees its own writes');
    });
    await store.transaction(async (tx) => {
      assert.deepEqual((await tx.invoices.list({ customerId: 'c2' })).map((i) => i.id), [], 'a record that moved customer leaves the old one');
    });
  });

  test('page walks every record once, in id order, by keyset', async (store) => {
    const ids = Array.from({ length: 23 }, (_, i) => `i${String(i).padStart(3, '0')}`);
    await store.transaction(async (tx) => {
      for (const id of [...ids].reverse()) await tx.invoices.insert(invoice(id, 'c1'));
    });
    const seen: string[] = [];
    let after: string | undefined;
    for (;;) {
      const cursor = after;
      const page = await store.transaction((tx) => tx.invoices.page(5, cursor));
      if (page.length === 0) break;
      assert.ok(page.length <= 5, `a page of at most 5, got ${page.length}`);
      seen.push(...page.map((i) => i.id));
      after = page[page.length - 1]?.id;
      if (seen.length === 10) await store.transaction((tx) => tx.invoices.insert(invoice('i005x', 'c1')));
    }
    assert.deepEqual(seen, [...ids.slice(0, 10), ...ids.slice(10)], 'a record inserted behind the cursor is not returned');
    await store.transaction(async (tx) => {
      await tx.invoices.insert(invoice('i999', 'c1'));
      assert.deepEqual((await tx.invoices.page(2, 'i021')).map((i) => i.id), ['i022', 'i999'], 'a transaction pages over its own inserts too');
    });
  });

  test('list filters by invoice too, and a transaction sees its own writes in the action log and by invoice', async (store) => {
    const payment = (id: string, invoiceId: string) => ({ id, version: 1, invoiceId, customerId: 'c1', amount: fromCents(100), paidOn: civilDate('2026-11-20'), fundsAvailableOn: civilDate('2026-11-20') });
    await store.transaction(async (tx) => {
      await tx.payments.insert(payment('p1', 'i1'));
      await tx.payments.insert(payment('p2', 'i2'));
    });
    await store.transaction(async (tx) => {
      await tx.payments.insert(payment('p3', 'i1'));
      assert.deepEqual((await tx.payments.list({ invoiceId: 'i1' })).map((p) => p.id), ['p1', 'p3']);
      assert.deepEqual((await tx.payments.list({ invoiceId: 'i9' })).map((p) => p.id), []);
      const entry = { key: 'k-own', invoiceId: 'i1', customerId: 'c1', stepId: 's', action: 'email', on: civilDate('2026-11-24'), at: '2026-11-24T10:00:00.000Z' };
      await tx.actionLog.record(entry);
      assert.deepEqual(await tx.actionLog.forInvoice('i1'), [entry], 'forInvoice sees this transaction\'s own entries');
      assert.equal(await tx.actionLog.has('k-own'), true);
    });
  });

  test('page works on every collection', async (store) => {
    await store.transaction(async (tx) => {
      for (const [name, sample] of Object.entries(SAMPLES) as [keyof typeof SAMPLES, (id: string) => Versioned][]) {
        for (const id of ['b', 'a', 'c']) await (tx[name] as Collection<Versioned>).insert(sample(id));
      }
    });
    for (const name of Object.keys(SAMPLES) as (keyof typeof SAMPLES)[]) {
      const first = await store.transaction((tx) => (tx[name] as Collection<Versioned>).page(2));
      const rest = await store.transaction((tx) => (tx[name] as Collection<Versioned>).page(2, first[first.length - 1]?.id));
      assert.deepEqual([...first, ...rest].map((r) => r.id), ['a', 'b', 'c'], name);
    }
  });

  return cases;
}
