import assert from 'node:assert/strict';
import { caseCollector, type ConformanceCase, type StoreFactory } from './conformance-case.js';

/** Conformance cases of idempotency keys: one stored answer per key. */
export function idempotencyCases(makeStore: StoreFactory): ConformanceCase[] {
  const { cases, test } = caseCollector(makeStore);

  test('an idempotency key stores one answer', async (store) => {
    const record = { key: 'pay-123', command: 'recordPayment', response: { paymentId: 'p1' }, at: '2026-11-24T10:00:00.000Z' };
    assert.equal(await store.transaction((tx) => tx.idempotency.put(record)), true);
    assert.equal(await store.transaction((tx) => tx.idempotency.put({ ...record, response: { paymentId: 'p2' } })), false);
    assert.deepEqual(await store.transaction((tx) => tx.idempotency.get('pay-123')), record);
  });

  return cases;
}
