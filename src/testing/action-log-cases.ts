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

  test('an entry recording several steps at once keeps their ids, in order', async (store) => {
    const on = civilDate('2026-11-24');
    const plain = { key: 'r|i1|d+1', invoiceId: 'i1', customerId: 'c1', stepId: 'd+1', action: 'notify', on, at: '2026-11-24T10:00:00.000Z' };
    const grouped = { key: 'r|i1|d+9#superseded@2026-11-24', invoiceId: 'i1', customerId: 'c1', stepId: 'd+9#superseded', action: 'skipped:superseded', on, at: '2026-11-24T10:00:00.000Z', stepIds: ['d+2', 'd+3', 'd+8'] };
    assert.equal(await store.transaction(async (tx) => (await tx.actionLog.record(plain)) && tx.actionLog.record(grouped)), true);
    assert.equal(await store.transaction((tx) => tx.actionLog.record({ ...grouped, stepIds: ['d+4'] })), false, 'the key is taken: nothing changes');
    await store.transaction(async (tx) => {
      assert.deepEqual(await tx.actionLog.forInvoice('i1'), [plain, grouped]);
      assert.deepEqual(await tx.actionLog.forInvoices(['i1', 'i2']), [plain, grouped]);
    });
  });

  return cases;
}
