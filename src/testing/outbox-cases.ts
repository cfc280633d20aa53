import assert from 'node:assert/strict';
import { effect, rolledBack } from './conformance-fixtures.js';
import { caseCollector, type ConformanceCase, type StoreFactory } from './conformance-case.js';

/** Conformance cases of the outbox: each key enqueued once, pending effects in enqueue order, cursors, and settles that commit or roll back. */
export function outboxCases(makeStore: StoreFactory): ConformanceCase[] {
  const { cases, test } = caseCollector(makeStore);

  test('the outbox enqueues each key once, lists pending oldest first, and settles', async (store) => {
    await store.transaction(async (tx) => {
      assert.equal(await tx.outbox.enqueue(effect('e1', 'k1')), true);
      assert.equal(await tx.outbox.enqueue(effect('e2', 'k2')), true);
      assert.equal(await tx.outbox.enqueue(effect('e3', 'k1')), false, 'same key');
    });
    assert.equal(await store.transaction((tx) => tx.outbox.enqueue(effect('e4', 'k2'))), false, 'same key in a later transaction');
    await store.transaction(async (tx) => {
      assert.deepEqual((await tx.outbox.pending(10)).map((e) => e.id), ['e1', 'e2']);
      assert.deepEqual((await tx.outbox.pending(1)).map((e) => e.id), ['e1']);
      assert.deepEqual((await tx.outbox.pending(10, 'e1')).map((e) => e.id), ['e2'], 'a cursor skips what came before');
      await tx.outbox.settle('e1', { status: 'done', attempts: 1, doneAt: '2026-11-24T10:01:00.000Z' });
      await tx.outbox.settle('e2', { status: 'pending', attempts: 1, lastError: 'timeout' });
    });
    await store.transaction(async (tx) => {
      assert.deepEqual((await tx.outbox.pending(10)).map((e) => [e.id, e.attempts, e.lastError]), [['e2', 1, 'timeout']]);
      const done = await tx.outbox.byKey('k1');
      assert.equal(done?.status, 'done');
      assert.equal(done?.doneAt, '2026-11-24T10:01:00.000Z');
      assert.equal((await tx.outbox.all()).length, 2);
    });
  });

  test('the outbox cursor may be an effect settled since: paging resumes after it, never from the start', async (store) => {
    for (const id of ['e1', 'e2', 'e3', 'e4']) await store.transaction((tx) => tx.outbox.enqueue(effect(id, `k-${id}`)).then(() => undefined));
    const firstPage = await store.transaction((tx) => tx.outbox.pending(2));
    assert.deepEqual(firstPage.map((e) => e.id), ['e1', 'e2']);
    await store.transaction((tx) => tx.outbox.settle('e1', { status: 'pending', attempts: 1, lastError: 'retry later' }));
    await store.transaction((tx) => tx.outbox.settle('e2', { status: 'done', attempts: 1, doneAt: '2026-11-24T10:01:00.000Z' }));
    assert.deepEqual((await store.transaction((tx) => tx.outbox.pending(10, 'e2'))).map((e) => e.id), ['e3', 'e4']);
  });

  test('an outbox settle rolled back leaves the effect as it was', async (store) => {
    await store.transaction((tx) => tx.outbox.enqueue(effect('e1', 'k1')).then(() => undefined));
    await rolledBack(store, (tx) => tx.outbox.settle('e1', { status: 'done', attempts: 1, doneAt: '2026-11-24T10:01:00.000Z' }).then(() => undefined));
    assert.equal((await store.transaction((tx) => tx.outbox.byKey('k1')))?.status, 'pending');
  });

  test('concurrent transactions enqueue one effect and store one answer per key', async (store) => {
    const enqueued = await Promise.all([1, 2, 3].map((n) => store.transaction((tx) => tx.outbox.enqueue(effect(`e${n}`, 'same-key')))));
    assert.equal(enqueued.filter(Boolean).length, 1);
    const answers = await Promise.all([1, 2, 3].map((n) => store.transaction((tx) => tx.idempotency.put({ key: 'cmd', command: 'c', response: n, at: '2026-11-24T10:00:00.000Z' }))));
    assert.equal(answers.filter(Boolean).length, 1);
  });

  test('pending effects keep their enqueue order across transactions and retries', async (store) => {
    for (const id of ['e1', 'e2', 'e3']) await store.transaction((tx) => tx.outbox.enqueue(effect(id, `k-${id}`)).then(() => undefined));
    await store.transaction((tx) => tx.outbox.settle('e1', { status: 'pending', attempts: 1, lastError: 'boom' }));
    await store.transaction(async (tx) => {
      await tx.outbox.enqueue(effect('e4', 'k-e4'));
      assert.deepEqual((await tx.outbox.pending(10)).map((e) => e.id), ['e1', 'e2', 'e3', 'e4']);
      assert.deepEqual((await tx.outbox.pending(2, 'e2')).map((e) => e.id), ['e3', 'e4']);
    });
  });

  return cases;
}
