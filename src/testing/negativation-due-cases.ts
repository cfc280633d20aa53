import assert from 'node:assert/strict';
import { civilDate, type CivilDate } from '../calendar/index.js';
import type { DueNegativation, NegativationDueIndex } from '../ports/negativation-due.js';
import type { NegativationRecord, PaymentRecord } from '../ports/records.js';
import { inShare } from '../ports/share.js';
import type { Store, StoreTransaction } from '../ports/store.js';
import { caseCollector, type ConformanceCase, type StoreFactory } from './conformance-case.js';
import { SAMPLES, customer, invoice, rolledBack } from './conformance-fixtures.js';

const TODAY = civilDate('2026-11-24');
const LATER = civilDate('2026-11-30');

/** The store's negativation due index in a transaction (the cases run only on stores that have one). */
function index(tx: StoreTransaction): NegativationDueIndex {
  assert.ok(tx.negativationsDue, 'the store has no negativation due index');
  return tx.negativationsDue;
}

/** A negativation of `customerId` on invoice `invoiceId`. */
function negativation(id: string, customerId = 'c1', invoiceId = 'i1'): NegativationRecord {
  return { ...(SAMPLES.negativations(id) as NegativationRecord), customerId, invoiceId };
}

async function dueOn(store: Store, day: CivilDate = TODAY): Promise<DueNegativation[]> {
  return store.transaction((tx) => index(tx).due(day, { limit: 10_000 }));
}

async function dueIds(store: Store, day: CivilDate = TODAY): Promise<string[]> {
  return (await dueOn(store, day)).map((d) => d.record.id);
}

/** Checks every due negativation of `day` with the same next due day. */
async function checkAll(store: Store, dueDay: CivilDate | undefined, day: CivilDate = TODAY): Promise<void> {
  const due = await dueOn(store, day);
  await store.transaction((tx) => index(tx).checked(due.map((d) => ({ id: d.record.id, touched: d.touched, dueOn: dueDay }))));
}

/** A store with customers `c1` (invoice `i1`, negativation `n1`) and `c2` (invoice `i2`, negativation `n2`), both checked with no due day: nothing due. */
async function quietStore(makeStore: StoreFactory): Promise<Store | undefined> {
  const store = await makeStore();
  if (!(await store.transaction(async (tx) => tx.negativationsDue !== undefined))) return undefined;
  await store.transaction(async (tx) => {
    await tx.customers.insert(customer('c1'));
    await tx.customers.insert(customer('c2'));
    await tx.invoices.insert(invoice('i1', 'c1'));
    await tx.invoices.insert(invoice('i2', 'c2'));
    await tx.negativations.insert(negativation('n1'));
    await tx.negativations.insert(negativation('n2', 'c2', 'i2'));
  });
  assert.deepEqual(await dueIds(store), ['n1', 'n2'], 'new negativations are due');
  await checkAll(store, undefined);
  assert.deepEqual(await dueIds(store), [], 'checked negativations with no due day are not due');
  return store;
}

/**
 * The conformance cases of the negativation due index
 * (`StoreTransaction.negativationsDue`): what is due, the writes that make a
 * negativation due again, a check racing a write, rollbacks, shares and
 * keyset paging. A store without the index passes them without running them
 * (it is optional).
 */
export function negativationDueCases(makeStore: StoreFactory): ConformanceCase[] {
  const { cases } = caseCollector(makeStore);
  const test = (name: string, run: (store: Store) => Promise<void>): void => {
    cases.push({
      name: `negativation due index: ${name}`,
      run: async () => {
        const store = await quietStore(makeStore);
        if (store) await run(store);
      },
    });
  };

  test('a negativation checked with a due day is not due before it, and due on it and after', async (store) => {
    await store.transaction((tx) => tx.negativations.update({ ...negativation('n1'), version: 2 }));
    const [read] = await dueOn(store);
    assert.deepEqual(read?.key, { written: true }, 'a written negativation is due on any day');
    await checkAll(store, LATER);
    assert.deepEqual(await dueIds(store), []);
    assert.deepEqual(await dueIds(store, civilDate('2026-11-29')), []);
    const [due] = await dueOn(store, LATER);
    assert.equal(due?.record.id, 'n1', 'due on its day');
    assert.deepEqual(due?.key, { written: false, dueOn: LATER });
    assert.equal(due?.record.version, 2, 'the record as committed');
    assert.deepEqual(await dueIds(store, civilDate('2026-12-05')), ['n1'], 'and after it (a day the cycle did not run)');
  });

  for (const [what, write] of [
    ['an invoice update', (tx: StoreTransaction) => tx.invoices.update({ ...invoice('i1', 'c1'), version: 2, status: 'paid' })],
    ['an invoice insert', (tx: StoreTransaction) => tx.invoices.insert(invoice('i3', 'c1'))],
    ['a payment insert', (tx: StoreTransaction) => tx.payments.insert(SAMPLES.payments('p1') as PaymentRecord)],
    ['an agreement insert', (tx: StoreTransaction) => tx.agreements.insert(SAMPLES.agreements('a1') as never)],
    ['a negativation update', (tx: StoreTransaction) => tx.negativations.update({ ...negativation('n1'), version: 2 })],
  ] as const) {
    test(`${what} of a customer makes its negativations due (only those)`, async (store) => {
      await store.transaction(write);
      assert.deepEqual(await dueIds(store), ['n1']);
    });
  }

  test('a customer or protest write makes no negativation due', async (store) => {
    await store.transaction(async (tx) => {
      await tx.customers.update({ ...customer('c1'), version: 2, name: 'Renamed' });
      await tx.protests.insert(SAMPLES.protests('pr1') as never);
    });
    assert.deepEqual(await dueIds(store), []);
  });

  test('a write between due and checked keeps the negativation due; a check that read it makes it quiet', async (store) => {
    await store.transaction((tx) => tx.invoices.update({ ...invoice('i1', 'c1'), version: 2 }));
    const [read] = await dueOn(store);
    assert.ok(read);
    await store.transaction((tx) => tx.payments.insert(SAMPLES.payments('p-outside') as PaymentRecord));
    await store.transaction((tx) => index(tx).checked([{ id: 'n1', touched: read.touched, dueOn: undefined }]));
    assert.deepEqual(await dueIds(store), ['n1'], 'the write was not read by the check');
    await checkAll(store, undefined);
    assert.deepEqual(await dueIds(store), []);
  });

  test("a checking transaction's own writes still make the negativation due", async (store) => {
    await store.transaction((tx) => tx.invoices.update({ ...invoice('i1', 'c1'), version: 2 }));
    const [read] = await dueOn(store);
    assert.ok(read);
    await store.transaction(async (tx) => {
      await index(tx).checked([{ id: 'n1', touched: read.touched, dueOn: undefined }]);
      await tx.negativations.update({ ...negativation('n1'), version: 2 });
    });
    assert.deepEqual(await dueIds(store), ['n1']);
  });

  test('a rolled-back transaction makes nothing due and records no check', async (store) => {
    await rolledBack(store, (tx) => tx.invoices.update({ ...invoice('i1', 'c1'), version: 2 }));
    assert.deepEqual(await dueIds(store), []);
    await store.transaction((tx) => tx.invoices.update({ ...invoice('i2', 'c2'), version: 2 }));
    const due = await dueOn(store);
    await rolledBack(store, (tx) => index(tx).checked(due.map((d) => ({ id: d.record.id, touched: d.touched, dueOn: undefined }))));
    assert.deepEqual(await dueIds(store), ['n2']);
  });

  test('keyset paging (written first, then by day, by id within) and shares partition the due set exactly', async (store) => {
    await store.transaction(async (tx) => {
      for (let c = 3; c < 23; c++) {
        await tx.customers.insert(customer(`c${c}`));
        await tx.invoices.insert(invoice(`i${c}`, `c${c}`));
        await tx.negativations.insert(negativation(`n${c}`, `c${c}`, `i${c}`));
      }
    });
    const all = await dueOn(store);
    // Half of them checked with due days spread over the week: written ones come first, then by day.
    await store.transaction((tx) => index(tx).checked(all.filter((_, i) => i % 2 === 0).map((d, i) => ({ id: d.record.id, touched: d.touched, dueOn: civilDate(`2026-11-2${i % 5}`) }))));
    const expected = await dueOn(store);
    assert.equal(expected.length, 20);
    const order = expected.map((d) => (d.key.written ? `0|${d.record.id}` : `1${d.key.dueOn}|${d.record.id}`));
    assert.deepEqual(order, [...order].sort(), 'in key then id order');
    for (const count of [1, 3]) {
      const seen: string[] = [];
      for (let shareIndex = 0; shareIndex < count; shareIndex++) {
        const share = { index: shareIndex, count };
        let after: DueNegativation | undefined;
        for (;;) {
          const cursor = after;
          const page = await store.transaction((tx) => index(tx).due(TODAY, { limit: 3, share, ...(cursor ? { after: { key: cursor.key, id: cursor.record.id } } : {}) }));
          if (page.length === 0) break;
          for (const d of page) assert.ok(inShare(d.record.customerId, share), 'only the share');
          seen.push(...page.map((d) => d.record.id));
          after = page[page.length - 1];
        }
      }
      assert.deepEqual([...seen].sort(), expected.map((d) => d.record.id).sort(), `${count} share(s): every due negativation once`);
    }
  });

  return cases;
}
