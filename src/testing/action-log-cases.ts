import assert from 'node:assert/strict';
import { civilDate } from '../calendar/index.js';
import { caseCollector, type ConformanceCase, type StoreFactory } from './conformance-case.js';

/** Conformance cases of the action log: each key recorded once, even from concurrent transactions. */
export function actionLogCases(makeStore: StoreFactory): ConformanceCase[] {
  const { cases, test } = caseCollector(makeStore);

  test('the action log records each key once, even from concurrent transactions', async (store) => {
    const entry = { key: 'inv1:d+1:sms', invoiceId: 'i1', customerId: 'c1', stepId: 'd+1', action: 'sms', on: civilDate('2026-11-24'), at: '2026-11-24T10:00:00.000Z' };
    const results = await Promise.all([1, 2, 3].map(() => store.transaction((tx) => tx.actionLog.record(entry))));
    assert.deepEqual(results.filter(Boolean).length, 1);
    await store.transaction(async (tx) => {
      assert.equal(await tx.actionLog.has(entry.key), true);
      assert.deepEqual([...(await tx.actionLog.hasMany([entry.key, 'other']))], [entry.key]);
      assert.deepEqual(await tx.actionLog.forInvoice('i1'), [entry]);
      assert.deepEqual(await tx.actionLog.forInvoice('i2'), []);
    });
  });

  return cases;
}
