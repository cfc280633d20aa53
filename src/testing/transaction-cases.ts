import assert from 'node:assert/strict';
import { civilDate } from '../calendar/index.js';
import { isVersionConflict } from '../ports/store.js';
import { customer, effect, expectConflict, invoice, rolledBack } from './conformance-fixtures.js';
import { caseCollector, type ConformanceCase, type StoreFactory } from './conformance-case.js';

/** Conformance cases of `Store.transaction`: all-or-nothing, and no update lost between concurrent or stale writers. */
export function transactionCases(makeStore: StoreFactory): ConformanceCase[] {
  const { cases, test } = caseCollector(makeStore);

  test('a transaction that throws leaves nothing behind, in any part of the store', async (store) => {
    await store.transaction((tx) => tx.customers.insert(customer('c1')));
    await rolledBack(store, async (tx) => {
      await tx.customers.update(customer('c1', { version: 2, name: 'Changed' }));
      await tx.invoices.insert(invoice('i1', 'c1'));
      await tx.actionLog.record({ key: 'k1', invoiceId: 'i1', customerId: 'c1', stepId: 's1', action: 'email', on: civilDate('2026-11-24'), at: '2026-11-24T10:00:00.000Z' });
      await tx.outbox.enqueue(effect('e1', 'k1'));
      await tx.audit.append({ id: 'a1', at: '2026-11-24T10:00:00.000Z', actor: 'test', subjectType: 'customer', subjectId: 'c1', action: 'changed' });
      await tx.idempotency.put({ key: 'cmd1', command: 'test', response: { ok: true }, at: '2026-11-24T10:00:00.000Z' });
    });
    await store.transaction(async (tx) => {
      assert.equal((await tx.customers.get('c1'))?.name, 'Customer c1');
      assert.equal(await tx.invoices.get('i1'), undefined);
      assert.equal(await tx.actionLog.has('k1'), false);
      assert.equal(await tx.outbox.byKey('k1'), undefined);
      assert.deepEqual(await tx.outbox.pending(10), []);
      assert.deepEqual(await tx.audit.forSubject('customer', 'c1'), []);
      assert.equal(await tx.idempotency.get('cmd1'), undefined);
    });
  });

  test('concurrent read-modify-write with retries loses no update', async (store) => {
    await store.transaction((tx) => tx.customers.insert(customer('c1', { tags: [] })));
    const increment = async (label: string): Promise<void> => {
      for (let attempt = 0; attempt < 50; attempt++) {
        try {
          await store.transaction(async (tx) => {
            const current = await tx.customers.get('c1');
            assert.ok(current);
            await Promise.resolve();
            await tx.customers.update({ ...current, version: current.version + 1, tags: [...(current.tags ?? []), label] });
          });
          return;
        } catch (error) {
          if (!isVersionConflict(error)) throw error;
        }
      }
      assert.fail('too many conflicts');
    };
    await Promise.all(['a', 'b', 'c', 'd', 'e'].map(increment));
    const final = await store.transaction((tx) => tx.customers.get('c1'));
    assert.equal(final?.version, 6);
    assert.deepEqual([...(final?.tags ?? [])].sort(), ['a', 'b', 'c', 'd', 'e']);
  });

  test('a write based on a read from an earlier transaction is refused once someone else wrote', async (store) => {
    await store.transaction((tx) => tx.customers.insert(customer('c1')));
    const readEarlier = await store.transaction((tx) => tx.customers.get('c1'));
    assert.ok(readEarlier);
    await store.transaction((tx) => tx.customers.update({ ...readEarlier, version: 2, name: 'First writer' }));
    await expectConflict(store.transaction((tx) => tx.customers.update({ ...readEarlier, version: 2, name: 'Second writer' })), 'lost update');
  });

  return cases;
}
