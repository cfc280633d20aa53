import assert from 'node:assert/strict';
import type { OutboxEffect } from '../ports/records.js';
import { isVersionConflict, type ClaimRequest, type Store } from '../ports/store.js';
import type { ConformanceCase, StoreFactory } from './conformance-case.js';
import { keyedEffect as effect, T0, T1, T2, T3 } from './conformance-fixtures.js';

async function enqueueAll(store: Store, effects: readonly OutboxEffect[]): Promise<void> {
  for (const e of effects) await store.transaction((tx) => tx.outbox.enqueue(e).then(() => undefined));
}

function claim(store: Store, request: Partial<ClaimRequest> & { owner: string }): Promise<OutboxEffect[]> {
  return store.transaction((tx) => tx.outbox.claim({ now: T0, until: T2, limit: 100, ...request }));
}

const ids = (effects: readonly OutboxEffect[]): string[] => effects.map((e) => e.id);

/**
 * The conformance cases of `Outbox.claim` and the owner fence of
 * `Outbox.settle`: what lets several workers perform each effect exactly once.
 */
export function outboxClaimCases(makeStore: StoreFactory): ConformanceCase[] {
  const cases: ConformanceCase[] = [];
  const test = (name: string, run: (store: Store) => Promise<void>): void => {
    cases.push({ name, run: async () => run(await makeStore()) });
  };

  test('claim hands out due pending effects in enqueue order, marked with the owner and lease', async (store) => {
    await enqueueAll(store, [effect('e1'), effect('e2', { notBefore: T1 }), effect('e3'), effect('e4', { kind: 'protest' })]);
    await store.transaction((tx) => tx.outbox.settle('e3', { status: 'done', attempts: 1, doneAt: T0 }).then(() => undefined));
    const claimed = await claim(store, { owner: 'w1' });
    assert.deepEqual(ids(claimed), ['e1', 'e4'], 'e2 is not due yet, e3 is done');
    assert.deepEqual(claimed.map((e) => [e.claimedBy, e.claimedUntil]), [['w1', T2], ['w1', T2]]);
    const stored = await store.transaction((tx) => tx.outbox.byKey('k-e1'));
    assert.equal(stored?.claimedBy, 'w1', 'the claim is stored');
    assert.equal(stored?.claimedUntil, T2);
    assert.deepEqual(ids(await claim(store, { owner: 'w2', now: T1 })), ['e2'], 'e2 is due at T1; e1 and e4 are held by w1');
  });

  test('claim takes a limit, a cursor and kinds', async (store) => {
    await enqueueAll(store, ['e1', 'e2', 'e3', 'e4'].map((id) => effect(id, id === 'e3' ? { kind: 'protest' } : {})));
    assert.deepEqual(ids(await claim(store, { owner: 'w1', limit: 1 })), ['e1']);
    assert.deepEqual(ids(await claim(store, { owner: 'w1', after: 'e1', kinds: ['notify'] })), ['e2', 'e4']);
    assert.deepEqual(ids(await claim(store, { owner: 'w2' })), ['e3']);
  });

  test('a claim for some kinds takes them in enqueue order across the kinds, past effects of the others (those waiting for the host)', async (store) => {
    const kinds = ['host', 'notify', 'host', 'protest', 'host', 'host', 'notify', 'protest', 'host'];
    await enqueueAll(store, kinds.map((kind, i) => effect(`e${i}`, { kind })));
    assert.deepEqual(ids(await claim(store, { owner: 'w1', limit: 3, kinds: ['protest', 'notify'] })), ['e1', 'e3', 'e6']);
    assert.deepEqual(ids(await claim(store, { owner: 'w1', after: 'e6', kinds: ['protest', 'notify'] })), ['e7']);
    // Settled back to pending (a failed attempt): claimable again, in its place.
    await store.transaction((tx) => tx.outbox.settle('e3', { status: 'pending', attempts: 1, lastError: 'timeout', owner: 'w1' }).then(() => undefined));
    await store.transaction(async (tx) => {
      await tx.outbox.enqueue(effect('e9', { kind: 'notify' }));
      assert.deepEqual(ids(await tx.outbox.claim({ owner: 'w2', now: T0, until: T2, limit: 100, kinds: ['notify', 'protest'] })), ['e3', 'e9'], 'held ones skipped; one enqueued in this transaction included');
    });
    assert.deepEqual(ids(await claim(store, { owner: 'w3', now: T2, kinds: ['host'] })), ['e0', 'e2', 'e4', 'e5', 'e8']);
  });

  test('a claim held by another owner is skipped until it lapses, then it may be taken over', async (store) => {
    await enqueueAll(store, [effect('e1')]);
    assert.deepEqual(ids(await claim(store, { owner: 'w1', until: T2 })), ['e1']);
    assert.deepEqual(ids(await claim(store, { owner: 'w2', now: T1, until: T3 })), [], 'held until T2');
    const taken = await claim(store, { owner: 'w2', now: T2, until: T3 });
    assert.deepEqual(taken.map((e) => [e.id, e.claimedBy, e.claimedUntil]), [['e1', 'w2', T3]], 'lapsed at T2: w2 takes it over');
  });

  test('an effect enqueued already claimed is held as claimed: other owners skip it until it lapses; its owner claims it on the same terms as it is', async (store) => {
    const held = { claimedBy: 'w1', claimedUntil: T2 };
    await store.transaction(async (tx) => {
      await tx.outbox.enqueue(effect('e1', held));
      await tx.outbox.enqueueMany([effect('e2'), effect('e3', held)]);
    });
    const stored = await store.transaction((tx) => tx.outbox.all());
    assert.deepEqual(stored.map((e) => [e.id, e.claimedBy, e.claimedUntil]), [['e1', 'w1', T2], ['e2', undefined, undefined], ['e3', 'w1', T2]], 'stored with the claim given');
    assert.deepEqual(ids(await claim(store, { owner: 'w2', now: T1, until: T3 })), ['e2'], 'e1 and e3 are held by w1 until T2');
    const own = await claim(store, { owner: 'w1', now: T0, until: T2 });
    assert.deepEqual(own.map((e) => [e.id, e.claimedBy, e.claimedUntil]), [['e1', 'w1', T2], ['e3', 'w1', T2]], 'w1 claims its own on the terms it holds them');
    assert.deepEqual(await store.transaction((tx) => tx.outbox.all()), stored.map((e) => (e.id === 'e2' ? { ...e, claimedBy: 'w2', claimedUntil: T3 } : e)), 'nothing else changed');
    assert.deepEqual([...(await store.transaction((tx) => tx.outbox.settleMany([{ id: 'e1', outcome: { status: 'done', attempts: 1, doneAt: T1, owner: 'w1' } }])))], ['e1'], 'the owner fence holds');
    const taken = await claim(store, { owner: 'w3', now: T2, until: T3 });
    assert.deepEqual(taken.map((e) => [e.id, e.claimedBy, e.claimedUntil]), [['e3', 'w3', T3]], 'lapsed at T2: taken over (e2 is held by w2 until T3)');
  });

  test('concurrent claims never hand one effect to two owners', async (store) => {
    const all = Array.from({ length: 12 }, (_, i) => effect(`e${String(i).padStart(2, '0')}`));
    await enqueueAll(store, all);
    const owners = ['w1', 'w2', 'w3', 'w4'];
    const claimed = await Promise.all(owners.map((owner) => claim(store, { owner, limit: 5 }).catch((error: unknown) => {
      if (isVersionConflict(error)) return [];
      throw error;
    })));
    const seen = claimed.flatMap(ids);
    assert.equal(new Set(seen).size, seen.length, `an effect went to two owners: ${seen.join(', ')}`);
    const stored = await store.transaction((tx) => tx.outbox.all());
    for (const [index, owner] of owners.entries()) {
      for (const e of claimed[index] ?? []) assert.equal(stored.find((s) => s.id === e.id)?.claimedBy, owner, `${e.id} is stored as ${owner}'s`);
    }
  });

  test('settle with the owner releases the claim; a settle by an owner who lost the claim changes nothing', async (store) => {
    await enqueueAll(store, [effect('e1'), effect('e2')]);
    await claim(store, { owner: 'w1', until: T1 });
    await claim(store, { owner: 'w2', now: T1, until: T3 });
    assert.equal(await store.transaction((tx) => tx.outbox.settle('e1', { status: 'done', attempts: 1, doneAt: T2, owner: 'w1' })), false, 'w1 lost the claim to w2');
    const e1 = await store.transaction((tx) => tx.outbox.byKey('k-e1'));
    assert.equal(e1?.status, 'pending');
    assert.equal(e1?.claimedBy, 'w2');
    assert.equal(await store.transaction((tx) => tx.outbox.settle('e1', { status: 'done', attempts: 1, doneAt: T2, owner: 'w2' })), true);
    const done = await store.transaction((tx) => tx.outbox.byKey('k-e1'));
    assert.equal(done?.status, 'done');
    assert.equal(done?.claimedBy, undefined, 'settling clears the claim');
    assert.equal(done?.claimedUntil, undefined);
    assert.equal(await store.transaction((tx) => tx.outbox.settle('e1', { status: 'done', attempts: 2, doneAt: T3, owner: 'w2' })), false, 'a done effect is not settled again');
    assert.equal(await store.transaction((tx) => tx.outbox.settle('e2', { status: 'pending', attempts: 1, lastError: 'timeout', owner: 'w2' })), true, 'a failure releases the claim too');
    assert.deepEqual(ids(await claim(store, { owner: 'w3', now: T1 })), ['e2'], 'released: anyone may claim it again');
  });

  test('a claim rolled back leaves the effects unclaimed', async (store) => {
    await enqueueAll(store, [effect('e1')]);
    await assert.rejects(store.transaction(async (tx) => {
      await tx.outbox.claim({ owner: 'w1', now: T0, until: T2, limit: 10 });
      throw new Error('roll back');
    }), /roll back/);
    assert.equal((await store.transaction((tx) => tx.outbox.byKey('k-e1')))?.claimedBy, undefined);
    assert.deepEqual(ids(await claim(store, { owner: 'w2' })), ['e1']);
  });

  test('a cancelled effect is no longer pending nor claimable', async (store) => {
    await enqueueAll(store, [effect('e1')]);
    await claim(store, { owner: 'w1' });
    assert.equal(await store.transaction((tx) => tx.outbox.settle('e1', { status: 'cancelled', attempts: 0, lastError: 'invoice paid', owner: 'w1' })), true);
    assert.deepEqual(await store.transaction((tx) => tx.outbox.pending(10)), []);
    assert.deepEqual(await claim(store, { owner: 'w2', now: T3, until: T3 }), []);
    assert.equal((await store.transaction((tx) => tx.outbox.byKey('k-e1')))?.lastError, 'invoice paid');
  });

  return cases;
}
