import assert from 'node:assert/strict';
import type { OutboxEffect } from '../ports/records.js';
import type { Store } from '../ports/store.js';
import { caseCollector, type ConformanceCase, type StoreFactory } from './conformance-case.js';
import { keyedEffect as effect, rolledBack, T0, T1, T2 } from './conformance-fixtures.js';

async function enqueueAll(store: Store, effects: readonly OutboxEffect[]): Promise<void> {
  await store.transaction((tx) => tx.outbox.enqueueMany(effects).then(() => undefined));
}

const statuses = async (store: Store, ids: readonly string[]): Promise<(string | undefined)[]> =>
  store.transaction(async (tx) => Promise.all(ids.map(async (id) => (await tx.outbox.byKey(`k-${id}`))?.status)));

/**
 * Conformance cases of the outbox's batch methods: `settleMany` settles as
 * `settle` would, each row behind its own owner's fence, all or nothing; and
 * `countPending` counts what waits for the host and what is scheduled.
 */
export function outboxBatchCases(makeStore: StoreFactory): ConformanceCase[] {
  const { cases, test } = caseCollector(makeStore);

  test('settleMany settles a batch as settle would, each effect behind its own owner fence', async (store) => {
    await enqueueAll(store, [effect('e1'), effect('e2'), effect('e3'), effect('e4')]);
    await store.transaction((tx) => tx.outbox.claim({ owner: 'w1', now: T0, until: T2, limit: 3 }).then(() => undefined));
    const settled = await store.transaction((tx) =>
      tx.outbox.settleMany([
        { id: 'e1', outcome: { status: 'done', attempts: 1, doneAt: T1, owner: 'w1' } },
        { id: 'e2', outcome: { status: 'pending', attempts: 1, lastError: 'timeout', owner: 'w1' } },
        { id: 'e3', outcome: { status: 'done', attempts: 1, doneAt: T1, owner: 'w2' } },
        { id: 'e4', outcome: { status: 'cancelled', attempts: 0, lastError: 'paid' } },
      ]),
    );
    assert.deepEqual([...settled].sort(), ['e1', 'e2', 'e4'], 'e3 is held by w1, not w2: its fence fails and it is not settled');
    assert.deepEqual(await statuses(store, ['e1', 'e2', 'e3', 'e4']), ['done', 'pending', 'pending', 'cancelled']);
    const [e1, e2, e3] = await store.transaction(async (tx) => Promise.all(['k-e1', 'k-e2', 'k-e3'].map((k) => tx.outbox.byKey(k))));
    assert.equal(e1?.doneAt, T1);
    assert.deepEqual([e2?.attempts, e2?.lastError, e2?.claimedBy], [1, 'timeout', undefined], 'pending again: the error kept, the claim released');
    assert.equal(e3?.claimedBy, 'w1', 'the failed fence changed nothing');
    assert.equal(
      (await store.transaction((tx) => tx.outbox.settleMany([{ id: 'e1', outcome: { status: 'done', attempts: 2, doneAt: T2, owner: 'w1' } }]))).size,
      0,
      'an effect already done is not settled again through the fence',
    );
    assert.equal((await store.transaction((tx) => tx.outbox.settleMany([]))).size, 0, 'an empty batch settles nothing');
  });

  test('settleMany is all or nothing: an unknown or repeated id, or a rollback, leaves every effect as it was', async (store) => {
    await enqueueAll(store, [effect('e1'), effect('e2')]);
    const done = { status: 'done', attempts: 1, doneAt: T1 } as const;
    await assert.rejects(store.transaction((tx) => tx.outbox.settleMany([{ id: 'e1', outcome: done }, { id: 'missing', outcome: done }])), 'an unknown id');
    await assert.rejects(store.transaction((tx) => tx.outbox.settleMany([{ id: 'e1', outcome: done }, { id: 'e1', outcome: done }])), 'an id twice');
    await rolledBack(store, (tx) => tx.outbox.settleMany([{ id: 'e1', outcome: done }, { id: 'e2', outcome: done }]).then(() => undefined));
    assert.deepEqual(await statuses(store, ['e1', 'e2']), ['pending', 'pending']);
  });

  test('countPending counts the effects waiting for the host and those scheduled, including the transaction\'s own writes', async (store) => {
    await enqueueAll(store, [
      effect('e1'),
      effect('e2', { kind: 'portal_banner' }),
      effect('e3', { kind: 'issue_updated_invoice' }),
      effect('e4', { notBefore: T2 }),
      effect('e5', { notBefore: T0 }),
      effect('e6', { kind: 'portal_banner', notBefore: T2 }),
    ]);
    const request = { kinds: ['notify'], now: T1 };
    assert.deepEqual(await store.transaction((tx) => tx.outbox.countPending(request)), { awaitingHost: 3, scheduled: 1 }, 'e2, e3, e6 wait for the host; e4 is not due; e1 and e5 are due');
    await store.transaction((tx) => tx.outbox.settleMany([{ id: 'e2', outcome: { status: 'done', attempts: 1, doneAt: T1 } }, { id: 'e4', outcome: { status: 'cancelled', attempts: 0 } }]).then(() => undefined));
    await store.transaction(async (tx) => {
      assert.deepEqual(await tx.outbox.countPending(request), { awaitingHost: 2, scheduled: 0 }, 'settled effects are not pending');
      await tx.outbox.enqueue(effect('e7', { kind: 'portal_banner' }));
      await tx.outbox.enqueue(effect('e8', { notBefore: T2 }));
      await tx.outbox.settle('e3', { status: 'done', attempts: 1, doneAt: T1 });
      assert.deepEqual(await tx.outbox.countPending(request), { awaitingHost: 2, scheduled: 1 }, 'the transaction sees its own enqueues and settles');
    });
    assert.deepEqual(await store.transaction((tx) => tx.outbox.countPending({ kinds: ['notify', 'portal_banner', 'issue_updated_invoice'], now: T1 })), { awaitingHost: 0, scheduled: 2 }, 'with every kind handled, nothing waits for the host; e6 and e8 are scheduled');
  });

  return cases;
}
