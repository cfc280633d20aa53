import assert from 'node:assert/strict';
import { civilDate } from '../calendar/index.js';
import { fromCents } from '../money/index.js';
import type { CustomerRecord, InvoiceRecord, OutboxEffect, Versioned } from '../ports/records.js';
import { isVersionConflict, type Collection, type Store, type StoreTransaction } from '../ports/store.js';
import { outboxClaimCases } from './outbox-claim-cases.js';
import { shareCases } from './share-cases.js';

/** One check of the storage conformance suite. */
export interface ConformanceCase {
  readonly name: string;
  run(): Promise<void>;
}

/** Makes a fresh, empty store for each case. */
export type StoreFactory = () => Store | Promise<Store>;

/** The `describe`/`it` of the host's test runner (vitest, node:test and jest all fit). */
export interface TestRunner {
  describe(name: string, body: () => void): unknown;
  it(name: string, body: () => Promise<void>): unknown;
}

class Rollback extends Error {}

function customer(id: string, overrides: Partial<CustomerRecord> = {}): CustomerRecord {
  return { id, version: 1, name: `Customer ${id}`, taxId: '12345678909', kind: 'person', ...overrides };
}

function invoice(id: string, customerId: string, overrides: Partial<InvoiceRecord> = {}): InvoiceRecord {
  return { id, version: 1, customerId, amount: fromCents(10_000), dueDate: civilDate('2026-11-10'), status: 'open', paid: fromCents(0), ...overrides };
}

function effect(id: string, key: string): OutboxEffect {
  return { id, key, kind: 'notify', payload: { channel: 'email' }, status: 'pending', attempts: 0, createdAt: '2026-11-24T10:00:00.000Z' };
}

async function expectConflict(work: Promise<unknown>, what: string): Promise<void> {
  try {
    await work;
  } catch (error) {
    assert.ok(isVersionConflict(error), `${what}: expected a VersionConflictError, got ${String(error)}`);
    return;
  }
  assert.fail(`${what}: expected a VersionConflictError, but the write was accepted`);
}

async function rolledBack(store: Store, work: (tx: StoreTransaction) => Promise<void>): Promise<void> {
  await assert.rejects(store.transaction(async (tx) => {
    await work(tx);
    throw new Rollback('roll back');
  }), Rollback);
}

const SAMPLES: { readonly [K in 'invoices' | 'payments' | 'accounts' | 'agreements' | 'negativations' | 'protests']: (id: string) => Versioned } = {
  invoices: (id) => invoice(id, 'c1'),
  payments: (id) => ({ id, version: 1, invoiceId: 'i1', customerId: 'c1', amount: fromCents(500), paidOn: civilDate('2026-11-20'), fundsAvailableOn: civilDate('2026-11-23') }),
  accounts: (id) => ({ id, version: 1, customerId: 'c1', status: 'pending', openedOn: civilDate('2026-11-24'), invoiceIds: ['i1'], comments: [], attachments: [], messages: [], tasks: [] }),
  agreements: (id) => ({ id, version: 1, customerId: 'c1', status: 'active', installmentInvoices: [{ number: 1, invoiceId: 'i9' }], agreement: { installments: [{ number: 1, amount: { cents: 100 } }] } }),
  negativations: (id) => ({ id, version: 1, customerId: 'c1', invoiceId: 'i1', uniqueKey: `12345678909|creditor|${id}|serasa`, status: 'in_analysis', negativation: { history: [] } }),
  protests: (id) => ({ id, version: 1, customerId: 'c1', invoiceId: 'i1', uniqueKey: `12345678909|creditor|${id}`, status: 'requested', protest: { history: [] } }),
};

/**
 * The storage conformance suite as plain async cases: every port method,
 * transactions (commit and rollback), optimistic concurrency, and the
 * exactly-once rules of the action log, outbox and idempotency keys. Each
 * case makes its own store with `makeStore`. A case fails by throwing.
 */
export function storeConformanceCases(makeStore: StoreFactory): ConformanceCase[] {
  const cases: ConformanceCase[] = [];
  const test = (name: string, run: (store: Store) => Promise<void>): void => {
    cases.push({ name, run: async () => run(await makeStore()) });
  };

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

  test('list filters by customer and status, in id order, and sees changed fields', async (store) => {
    await store.transaction(async (tx) => {
      await tx.invoices.insert(invoice('i3', 'c1'));
      await tx.invoices.insert(invoice('i1', 'c1', { status: 'paid' }));
      await tx.invoices.insert(invoice('i2', 'c2'));
    });
    await store.transaction(async (tx) => {
      assert.deepEqual((await tx.invoices.list({ customerId: 'c1' })).map((i) => i.id), ['i1', 'i3']);
      assert.deepEqual((await tx.invoices.list({ status: 'open' })).map((i) => i.id), ['i2', 'i3']);
      assert.deepEqual((await tx.invoices.list({ customerId: 'c1', status: 'open' })).map((i) => i.id), ['i3']);
      assert.deepEqual((await tx.invoices.list()).map((i) => i.id), ['i1', 'i2', 'i3']);
      await tx.invoices.update(invoice('i2', 'c1', { version: 2 }));
      assert.deepEqual((await tx.invoices.list({ customerId: 'c1' })).map((i) => i.id), ['i1', 'i2', 'i3'], 'a transaction sees its own writes');
    });
    await store.transaction(async (tx) => {
      assert.deepEqual((await tx.invoices.list({ customerId: 'c2' })).map((i) => i.id), [], 'a record that moved customer leaves the old one');
    });
  });

  test('page walks every record once, in id order, by keyset', async (store) => {
    const ids = Array.from({ length: 23 }, (_, i) => `i${String(i).padStart(3, '0')}`);
    await store.transaction(async (tx) => {
      for (const id of [...ids].reverse()) await tx.invoices.insert(invoice(id, 'c1'));
    });
    const seen: string[] = [];
    let after: string | undefined;
    for (;;) {
      const cursor = after;
      const page = await store.transaction((tx) => tx.invoices.page(5, cursor));
      if (page.length === 0) break;
      assert.ok(page.length <= 5, `a page of at most 5, got ${page.length}`);
      seen.push(...page.map((i) => i.id));
      after = page[page.length - 1]?.id;
      if (seen.length === 10) await store.transaction((tx) => tx.invoices.insert(invoice('i005x', 'c1')));
    }
    assert.deepEqual(seen, [...ids.slice(0, 10), ...ids.slice(10)], 'a record inserted behind the cursor is not returned');
    await store.transaction(async (tx) => {
      await tx.invoices.insert(invoice('i999', 'c1'));
      assert.deepEqual((await tx.invoices.page(2, 'i021')).map((i) => i.id), ['i022', 'i999'], 'a transaction pages over its own inserts too');
    });
  });

  test('a transaction that throws leaves nothing behind, in any part of the store', async (store) => {
    await store.transaction((tx) => tx.customers.insert(customer('c1')));
    await rolledBack(store, async (tx) => {
      await tx.customers.update(customer('c1', { version: 2, name: 'Changed' }));
      await tx.invoices.insert(invoice('i1', 'c1'));
      await tx.actionLog.record({ key: 'k1', invoiceId: 'i1', customerId: 'c1', stepId: 's1', action: 'email', on: civilDate('2026-11-24'), at: '2026-11-24T10:00:00.000Z' });
      await tx.outbox.enqueue(effect('e1', 'k1'));
      await tx.audit.append({ id: 'a1', at: '2026-11-24T10:00:00.000Z', actor: 'test', subjectType: 'customer', subjectId: 'c1', action: 'changed' });
      await tx.idempotency.put({ key: 'cmd1', command: 'test', response: { ok: true }, at: '2026-11-24T10:00:00.000Z' });
    });
    await store.transaction(async (tx) => {
      assert.equal((await tx.customers.get('c1'))?.name, 'Customer c1');
      assert.equal(await tx.invoices.get('i1'), undefined);
      assert.equal(await tx.actionLog.has('k1'), false);
      assert.equal(await tx.outbox.byKey('k1'), undefined);
      assert.deepEqual(await tx.outbox.pending(10), []);
      assert.deepEqual(await tx.audit.forSubject('customer', 'c1'), []);
      assert.equal(await tx.idempotency.get('cmd1'), undefined);
    });
  });

  test('concurrent read-modify-write with retries loses no update', async (store) => {
    await store.transaction((tx) => tx.customers.insert(customer('c1', { tags: [] })));
    const increment = async (label: string): Promise<void> => {
      for (let attempt = 0; attempt < 50; attempt++) {
        try {
          await store.transaction(async (tx) => {
            const current = await tx.customers.get('c1');
            assert.ok(current);
            await Promise.resolve();
            await tx.customers.update({ ...current, version: current.version + 1, tags: [...(current.tags ?? []), label] });
          });
          return;
        } catch (error) {
          if (!isVersionConflict(error)) throw error;
        }
      }
      assert.fail('too many conflicts');
    };
    await Promise.all(['a', 'b', 'c', 'd', 'e'].map(increment));
    const final = await store.transaction((tx) => tx.customers.get('c1'));
    assert.equal(final?.version, 6);
    assert.deepEqual([...(final?.tags ?? [])].sort(), ['a', 'b', 'c', 'd', 'e']);
  });

  test('a write based on a read from an earlier transaction is refused once someone else wrote', async (store) => {
    await store.transaction((tx) => tx.customers.insert(customer('c1')));
    const readEarlier = await store.transaction((tx) => tx.customers.get('c1'));
    assert.ok(readEarlier);
    await store.transaction((tx) => tx.customers.update({ ...readEarlier, version: 2, name: 'First writer' }));
    await expectConflict(store.transaction((tx) => tx.customers.update({ ...readEarlier, version: 2, name: 'Second writer' })), 'lost update');
  });

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

  test('list filters by invoice too, and a transaction sees its own writes in the action log and by invoice', async (store) => {
    const payment = (id: string, invoiceId: string) => ({ id, version: 1, invoiceId, customerId: 'c1', amount: fromCents(100), paidOn: civilDate('2026-11-20'), fundsAvailableOn: civilDate('2026-11-20') });
    await store.transaction(async (tx) => {
      await tx.payments.insert(payment('p1', 'i1'));
      await tx.payments.insert(payment('p2', 'i2'));
    });
    await store.transaction(async (tx) => {
      await tx.payments.insert(payment('p3', 'i1'));
      assert.deepEqual((await tx.payments.list({ invoiceId: 'i1' })).map((p) => p.id), ['p1', 'p3']);
      assert.deepEqual((await tx.payments.list({ invoiceId: 'i9' })).map((p) => p.id), []);
      const entry = { key: 'k-own', invoiceId: 'i1', customerId: 'c1', stepId: 's', action: 'email', on: civilDate('2026-11-24'), at: '2026-11-24T10:00:00.000Z' };
      await tx.actionLog.record(entry);
      assert.deepEqual(await tx.actionLog.forInvoice('i1'), [entry], 'forInvoice sees this transaction\'s own entries');
      assert.equal(await tx.actionLog.has('k-own'), true);
    });
  });

  test('page works on every collection', async (store) => {
    await store.transaction(async (tx) => {
      for (const [name, sample] of Object.entries(SAMPLES) as [keyof typeof SAMPLES, (id: string) => Versioned][]) {
        for (const id of ['b', 'a', 'c']) await (tx[name] as Collection<Versioned>).insert(sample(id));
      }
    });
    for (const name of Object.keys(SAMPLES) as (keyof typeof SAMPLES)[]) {
      const first = await store.transaction((tx) => (tx[name] as Collection<Versioned>).page(2));
      const rest = await store.transaction((tx) => (tx[name] as Collection<Versioned>).page(2, first[first.length - 1]?.id));
      assert.deepEqual([...first, ...rest].map((r) => r.id), ['a', 'b', 'c'], name);
    }
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

  test('an idempotency key stores one answer', async (store) => {
    const record = { key: 'pay-123', command: 'recordPayment', response: { paymentId: 'p1' }, at: '2026-11-24T10:00:00.000Z' };
    assert.equal(await store.transaction((tx) => tx.idempotency.put(record)), true);
    assert.equal(await store.transaction((tx) => tx.idempotency.put({ ...record, response: { paymentId: 'p2' } })), false);
    assert.deepEqual(await store.transaction((tx) => tx.idempotency.get('pay-123')), record);
  });

  for (const c of outboxClaimCases(makeStore)) cases.push(c);
  for (const c of shareCases(makeStore)) cases.push(c);
  return cases;
}

/**
 * Registers the conformance suite with the host's test runner:
 * `describeStoreConformance('my store', () => new MyStore(), { describe, it })`.
 */
export function describeStoreConformance(name: string, makeStore: StoreFactory, runner: TestRunner): void {
  runner.describe(`store conformance: ${name}`, () => {
    for (const c of storeConformanceCases(makeStore)) runner.it(c.name, () => c.run());
  });
}
