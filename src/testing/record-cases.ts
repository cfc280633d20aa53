import assert from 'node:assert/strict';
import { civilDate } from '../calendar/index.js';
import type { Versioned } from '../ports/records.js';
import type { Collection, StoreTransaction } from '../ports/store.js';
import { customer, expectConflict, SAMPLES } from './conformance-fixtures.js';
import { caseCollector, type ConformanceCase, type StoreFactory } from './conformance-case.js';

/** Conformance cases of one record: read back equal, insert and update under optimistic concurrency, and isolation from the caller's objects. */
export function recordCases(makeStore: StoreFactory): ConformanceCase[] {
  const { cases, test } = caseCollector(makeStore);

  test('a record inserted is read back equal, and a missing id reads as undefined', async (store) => {
    await store.transaction((tx) => tx.customers.insert(customer('c1', { tags: ['vip'], birthDate: civilDate('1980-02-29') })));
    await store.transaction(async (tx) => {
      assert.deepEqual(await tx.customers.get('c1'), customer('c1', { tags: ['vip'], birthDate: civilDate('1980-02-29') }));
      assert.equal(await tx.customers.get('nope'), undefined);
    });
  });

  for (const [name, sample] of Object.entries(SAMPLES) as [keyof StoreTransaction & keyof typeof SAMPLES, (id: string) => Versioned][]) {
    test(`${name}: insert, get, update and list round-trip`, async (store) => {
      const record = sample('r1');
      await store.transaction((tx) => (tx[name] as Collection<Versioned>).insert(record));
      await store.transaction(async (tx) => {
        const collection = tx[name] as Collection<Versioned>;
        assert.deepEqual(await collection.get('r1'), record);
        await collection.update({ ...record, version: 2 });
      });
      await store.transaction(async (tx) => {
        const collection = tx[name] as Collection<Versioned>;
        assert.equal((await collection.get('r1'))?.version, 2);
        assert.deepEqual((await collection.list({ customerId: 'c1' })).map((r) => r.id), ['r1']);
      });
    });
  }

  test('inserting a taken id, or a version other than 1, is a version conflict', async (store) => {
    await store.transaction((tx) => tx.customers.insert(customer('c1')));
    await expectConflict(store.transaction((tx) => tx.customers.insert(customer('c1'))), 'duplicate insert');
    await expectConflict(store.transaction((tx) => tx.customers.insert(customer('c2', { version: 2 }))), 'insert at version 2');
  });

  test('an update must name the next version: stale, skipped and missing records are conflicts', async (store) => {
    await store.transaction((tx) => tx.customers.insert(customer('c1')));
    await store.transaction((tx) => tx.customers.update(customer('c1', { version: 2, name: 'Renamed' })));
    await expectConflict(store.transaction((tx) => tx.customers.update(customer('c1', { version: 2, name: 'Stale' }))), 'stale update');
    await expectConflict(store.transaction((tx) => tx.customers.update(customer('c1', { version: 4 }))), 'skipped version');
    await expectConflict(store.transaction((tx) => tx.customers.update(customer('zz', { version: 2 }))), 'update of a missing record');
    const stored = await store.transaction((tx) => tx.customers.get('c1'));
    assert.equal(stored?.name, 'Renamed');
  });

  test('changing a record read, or one passed in, changes nothing stored (a change may also throw)', async (store) => {
    const passed = customer('c1', { tags: ['a'] });
    await store.transaction((tx) => tx.customers.insert(passed));
    try {
      (passed as unknown as { name: string }).name = 'changed after insert';
    } catch {
      // a store that freezes what it keeps refuses the change
    }
    await store.transaction(async (tx) => {
      const read = (await tx.customers.get('c1')) as unknown as { name: string; tags: string[] };
      try {
        read.name = 'mutated';
        read.tags.push('b');
      } catch {
        // frozen records refuse the change: just as good
      }
    });
    const again = await store.transaction((tx) => tx.customers.get('c1'));
    assert.deepEqual(again, customer('c1', { tags: ['a'] }));
  });

  return cases;
}
