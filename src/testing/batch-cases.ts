import assert from 'node:assert/strict';
import { civilDate } from '../calendar/index.js';
import { fromCents } from '../money/index.js';
import type { PaymentRecord, RegisterRecord } from '../ports/records.js';
import { isVersionConflict } from '../ports/store.js';
import { customer, expectConflict, invoice } from './conformance-fixtures.js';
import { caseCollector, type ConformanceCase, type StoreFactory } from './conformance-case.js';

const payment = (id: string, invoiceId: string): PaymentRecord => ({ id, version: 1, invoiceId, customerId: 'c1', amount: fromCents(100), paidOn: civilDate('2026-11-20'), fundsAvailableOn: civilDate('2026-11-20') });

/** Runs `work`, which must be refused with a version conflict, and carries on in the same transaction (as a caller that catches it would). */
async function conflictCaught(work: Promise<unknown>, what: string): Promise<void> {
  const error: unknown = await work.then(() => undefined, (e: unknown) => e);
  assert.ok(isVersionConflict(error), `${what}: expected a VersionConflictError, got ${String(error)}`);
}

/** Conformance cases of the batch methods: `getMany`, `listFor`, `insertMany`, `updateMany` (all or nothing) and `actionLog.forInvoices`. */
export function batchCases(makeStore: StoreFactory): ConformanceCase[] {
  const { cases, test } = caseCollector(makeStore);

  test('getMany returns the records that exist, in id order, and sees the transaction\'s own writes', async (store) => {
    await store.transaction((tx) => tx.customers.insertMany([customer('c3'), customer('c1')]));
    await store.transaction(async (tx) => {
      await tx.customers.insert(customer('c2'));
      assert.deepEqual((await tx.customers.getMany(['c3', 'nope', 'c2', 'c1', 'c3'])).map((c) => c.id), ['c1', 'c2', 'c3']);
      assert.deepEqual(await tx.customers.getMany([]), []);
      assert.deepEqual(await tx.customers.getMany(['c1']), [customer('c1')]);
    });
  });

  test('listFor equals list for each value, read at once, and forInvoices equals forInvoice for each', async (store) => {
    await store.transaction(async (tx) => {
      await tx.invoices.insertMany([invoice('i1', 'c1'), invoice('i2', 'c2'), invoice('i3', 'c1'), invoice('i4', 'c3')]);
      await tx.payments.insertMany([payment('p2', 'i2'), payment('p1', 'i1'), payment('p3', 'i1')]);
      for (const [key, invoiceId] of [['k1', 'i1'], ['k2', 'i2'], ['k3', 'i1']] as const) {
        await tx.actionLog.record({ key, invoiceId, customerId: 'c1', stepId: key, action: 'email', on: civilDate('2026-11-24'), at: '2026-11-24T10:00:00.000Z' });
      }
    });
    await store.transaction(async (tx) => {
      await tx.payments.insert(payment('p4', 'i3'));
      assert.deepEqual((await tx.invoices.listFor('customerId', ['c1', 'c3', 'c9'])).map((i) => i.id), ['i1', 'i3', 'i4']);
      assert.deepEqual((await tx.payments.listFor('invoiceId', ['i1', 'i3'])).map((p) => p.id), ['p1', 'p3', 'p4'], 'with the transaction\'s own insert');
      assert.deepEqual(await tx.payments.listFor('invoiceId', []), []);
      const entries = await tx.actionLog.forInvoices(['i1', 'i2', 'i9']);
      assert.deepEqual(entries.filter((e) => e.invoiceId === 'i1').map((e) => e.key), ['k1', 'k3'], 'each invoice\'s entries oldest first');
      assert.deepEqual(entries.filter((e) => e.invoiceId === 'i2').map((e) => e.key), ['k2']);
      assert.equal(entries.length, 3);
    });
  });

  test('insertMany is all or nothing: a taken id, an id given twice or a version other than 1 inserts none', async (store) => {
    await store.transaction((tx) => tx.customers.insert(customer('c2')));
    await store.transaction(async (tx) => {
      await conflictCaught(tx.customers.insertMany([customer('c1'), customer('c2'), customer('c3')]), 'a taken id');
      await conflictCaught(tx.customers.insertMany([customer('c4'), customer('c4')]), 'an id twice');
      await conflictCaught(tx.customers.insertMany([customer('c5'), customer('c6', { version: 2 })]), 'version 2');
      assert.deepEqual((await tx.customers.getMany(['c1', 'c3', 'c4', 'c5', 'c6'])).map((c) => c.id), [], 'nothing of a refused batch is there, even in the same transaction');
    });
    await store.transaction((tx) => tx.customers.insertMany([]));
    assert.deepEqual((await store.transaction((tx) => tx.customers.list())).map((c) => c.id), ['c2']);
  });

  test('updateMany is all or nothing: one stale version, a missing id or an id given twice updates none', async (store) => {
    await store.transaction((tx) => tx.customers.insertMany([customer('c1'), customer('c2')]));
    await store.transaction(async (tx) => {
      await conflictCaught(tx.customers.updateMany([customer('c1', { version: 2, name: 'New' }), customer('c2', { version: 3, name: 'New' })]), 'a stale version');
      await conflictCaught(tx.customers.updateMany([customer('c1', { version: 2, name: 'New' }), customer('zz', { version: 2 })]), 'a missing id');
      await conflictCaught(tx.customers.updateMany([customer('c1', { version: 2, name: 'New' }), customer('c1', { version: 2, name: 'Other' })]), 'an id twice');
      assert.deepEqual((await tx.customers.getMany(['c1', 'c2'])).map((c) => [c.version, c.name]), [[1, 'Customer c1'], [1, 'Customer c2']]);
    });
    await store.transaction((tx) => tx.customers.updateMany([customer('c1', { version: 2, name: 'Um' }), customer('c2', { version: 2, name: 'Dois', tags: ['x'] })]));
    assert.deepEqual(await store.transaction((tx) => tx.customers.getMany(['c1', 'c2'])), [customer('c1', { version: 2, name: 'Um' }), customer('c2', { version: 2, name: 'Dois', tags: ['x'] })]);
    await expectConflict(store.transaction((tx) => tx.customers.updateMany([customer('c1', { version: 2 })])), 'a stale batch in its own transaction');
  });

  test('registers round-trip one by one and in batches, the template body included', async (store) => {
    const register = (id: string, overrides: Partial<RegisterRecord> = {}): RegisterRecord => ({ id, version: 1, register: 'email_template', name: `Modelo ${id}`, active: true, subject: 'Fatura {{invoice}}', body: 'Olá {{name}}, "aspas" e \\ barra', createdBy: 'op', createdAt: '2026-11-24T10:00:00.000Z', ...overrides });
    await store.transaction((tx) => tx.registers.insertMany([register('r2'), register('r1', { register: 'agreement_category', active: false })]));
    await store.transaction((tx) => tx.registers.update(register('r2', { version: 2, active: false })));
    const stored = await store.transaction((tx) => tx.registers.list());
    assert.deepEqual(stored, [register('r1', { register: 'agreement_category', active: false }), register('r2', { version: 2, active: false })]);
    assert.deepEqual((await store.transaction((tx) => tx.registers.page(1, 'r1'))).map((r) => r.id), ['r2']);
  });

  return cases;
}
