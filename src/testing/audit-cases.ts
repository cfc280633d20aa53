import assert from 'node:assert/strict';
import { caseCollector, type ConformanceCase, type StoreFactory } from './conformance-case.js';

/** Conformance cases of the audit log: append-only, read per subject in order. */
export function auditCases(makeStore: StoreFactory): ConformanceCase[] {
  const { cases, test } = caseCollector(makeStore);

  test('the audit log is append-only and read per subject in order', async (store) => {
    const at = (n: number): string => `2026-11-24T10:0${n}:00.000Z`;
    await store.transaction(async (tx) => {
      await tx.audit.append({ id: 'a1', at: at(1), actor: 'op', subjectType: 'invoice', subjectId: 'i1', action: 'created' });
      await tx.audit.append({ id: 'a2', at: at(2), actor: 'op', subjectType: 'invoice', subjectId: 'i2', action: 'created' });
    });
    await store.transaction((tx) => tx.audit.append({ id: 'a3', at: at(3), actor: 'op', subjectType: 'invoice', subjectId: 'i1', action: 'paid', details: { cents: 100 } }));
    const entries = await store.transaction((tx) => tx.audit.forSubject('invoice', 'i1'));
    assert.deepEqual(entries.map((e) => e.id), ['a1', 'a3']);
    assert.deepEqual(entries[1]?.details, { cents: 100 });
  });

  return cases;
}
