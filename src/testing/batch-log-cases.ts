import assert from 'node:assert/strict';
import { civilDate } from '../calendar/index.js';
import type { ActionLogEntry, AuditEntry } from '../ports/records.js';
import { effect, rolledBack } from './conformance-fixtures.js';
import { caseCollector, type ConformanceCase, type StoreFactory } from './conformance-case.js';

const on = civilDate('2026-11-24');
const action = (key: string, invoiceId = 'i1', stepIds?: string[]): ActionLogEntry => ({ key, invoiceId, customerId: 'c1', stepId: 'd+1', action: 'notify', on, at: '2026-11-24T10:00:00.000Z', ...(stepIds ? { stepIds } : {}) });
const audit = (id: string, subjectId: string, details?: AuditEntry['details']): AuditEntry => ({ id, at: '2026-11-24T10:00:00.000Z', actor: 'cycle', subjectType: 'invoice', subjectId, action: 'ruler_notify', ...(details ? { details } : {}) });

/**
 * Conformance cases of the logs' batch writes (`actionLog.recordMany`,
 * `outbox.enqueueMany`, `audit.appendMany`): each answers what the one-row
 * method called once per item in order would, keeps the order, and holds
 * exactly once across concurrent transactions.
 */
export function batchLogCases(makeStore: StoreFactory): ConformanceCase[] {
  const { cases, test } = caseCollector(makeStore);

  test('recordMany records the keys not there yet, the first of a repeated key, and answers which it recorded', async (store) => {
    await store.transaction((tx) => tx.actionLog.record(action('k1')));
    const recorded = await store.transaction(async (tx) => {
      await tx.actionLog.record(action('k2'));
      return tx.actionLog.recordMany([action('k1'), action('k3', 'i2', ['a', 'b']), action('k2'), action('k4'), { ...action('k4'), stepId: 'second' }]);
    });
    assert.deepEqual([...recorded].sort(), ['k3', 'k4']);
    assert.deepEqual([...(await store.transaction((tx) => tx.actionLog.recordMany([])))], []);
    await store.transaction(async (tx) => {
      assert.deepEqual((await tx.actionLog.forInvoice('i1')).map((e) => [e.key, e.stepId]), [['k1', 'd+1'], ['k2', 'd+1'], ['k4', 'd+1']]);
      assert.deepEqual(await tx.actionLog.forInvoice('i2'), [action('k3', 'i2', ['a', 'b'])]);
      assert.deepEqual([...(await tx.actionLog.hasMany(['k1', 'k2', 'k3', 'k4', 'k5']))].sort(), ['k1', 'k2', 'k3', 'k4']);
    });
  });

  test('recordMany from concurrent transactions records each key once', async (store) => {
    const keys = ['k1', 'k2', 'k3', 'k4'];
    const answers = await Promise.all([0, 1, 2].map((n) => store.transaction((tx) => tx.actionLog.recordMany([...keys.slice(n), ...keys.slice(0, n)].map((k) => action(k))))));
    assert.deepEqual(answers.flatMap((a) => [...a]).sort(), keys, 'every key recorded by exactly one transaction');
  });

  test('recordMany, enqueueMany and appendMany write nothing when the transaction rolls back', async (store) => {
    await rolledBack(store, async (tx) => {
      await tx.actionLog.recordMany([action('k1')]);
      await tx.outbox.enqueueMany([effect('e1', 'x1')]);
      await tx.audit.appendMany([audit('a1', 'i1')]);
    });
    await store.transaction(async (tx) => {
      assert.equal(await tx.actionLog.has('k1'), false);
      assert.deepEqual(await tx.outbox.all(), []);
      assert.deepEqual(await tx.audit.forSubject('invoice', 'i1'), []);
    });
  });

  test('enqueueMany adds the effects whose key and id are new, in order, and answers their ids', async (store) => {
    await store.transaction((tx) => tx.outbox.enqueue(effect('e1', 'k1')));
    const added = await store.transaction(async (tx) => {
      await tx.outbox.enqueue(effect('e2', 'k2'));
      return tx.outbox.enqueueMany([effect('e3', 'k1'), effect('e4', 'k4'), effect('e2', 'k5'), effect('e5', 'k2'), effect('e6', 'k6'), effect('e7', 'k6'), { ...effect('e8', 'k8'), notBefore: '2026-11-24T11:00:00.000Z', payload: { to: "O'Brien \\ \"x\"" } }]);
    });
    assert.deepEqual([...added].sort(), ['e4', 'e6', 'e8']);
    assert.deepEqual([...(await store.transaction((tx) => tx.outbox.enqueueMany([])))], []);
    await store.transaction(async (tx) => {
      assert.deepEqual((await tx.outbox.pending(10)).map((e) => e.id), ['e1', 'e2', 'e4', 'e6', 'e8'], 'enqueue order kept');
      assert.deepEqual(await tx.outbox.byKey('k8'), { ...effect('e8', 'k8'), notBefore: '2026-11-24T11:00:00.000Z', payload: { to: "O'Brien \\ \"x\"" } });
    });
  });

  test('appendMany appends every entry in order, read per subject with the single appends', async (store) => {
    await store.transaction(async (tx) => {
      await tx.audit.append(audit('a1', 'i1'));
      await tx.audit.appendMany([audit('a2', 'i2'), audit('a3', 'i1', { stepId: 'd+1', n: 1 }), audit('a4', 'i1')]);
      assert.deepEqual((await tx.audit.forSubject('invoice', 'i1')).map((e) => e.id), ['a1', 'a3', 'a4'], 'the transaction reads its own appends');
      await tx.audit.append(audit('a5', 'i1'));
    });
    await store.transaction((tx) => tx.audit.appendMany([]));
    const entries = await store.transaction((tx) => tx.audit.forSubject('invoice', 'i1'));
    assert.deepEqual(entries.map((e) => e.id), ['a1', 'a3', 'a4', 'a5']);
    assert.deepEqual(entries[1], audit('a3', 'i1', { stepId: 'd+1', n: 1 }));
  });

  return cases;
}
