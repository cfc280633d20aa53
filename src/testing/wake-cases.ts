import assert from 'node:assert/strict';
import { civilDate, type CivilDate } from '../calendar/index.js';
import { NEGATIVATION_STATUSES } from '../lifecycle/index.js';
import { negativationUpdateWakes } from '../ports/negativation-wake.js';
import type { NegativationRecord, PaymentRecord, Versioned } from '../ports/records.js';
import { inShare } from '../ports/share.js';
import type { Collection, DueCustomer, Store, StoreTransaction, WakeIndex } from '../ports/store.js';
import { caseCollector, type ConformanceCase, type StoreFactory } from './conformance-case.js';
import { SAMPLES, customer, effect, invoice, rolledBack } from './conformance-fixtures.js';

const TODAY = civilDate('2026-11-24');
const LATER = civilDate('2026-11-30');

/** The store's wake index in a transaction (the cases run only on stores that have one). */
function wakes(tx: StoreTransaction): WakeIndex {
  assert.ok(tx.wakes, 'the store has no wake index');
  return tx.wakes;
}

/** Every due customer on `day` (one call, a generous limit). */
async function dueOn(store: Store, day: CivilDate = TODAY): Promise<DueCustomer[]> {
  return store.transaction((tx) => wakes(tx).due(day, 10_000));
}

async function dueIds(store: Store, day: CivilDate = TODAY): Promise<string[]> {
  return (await dueOn(store, day)).map((d) => d.customerId);
}

/** Evaluates every due customer of `day` in a transaction of its own: quiet until `wakeOn`. */
async function evaluateAll(store: Store, wakeOn: CivilDate | undefined, day: CivilDate = TODAY): Promise<void> {
  const due = await dueOn(store, day);
  await store.transaction((tx) => wakes(tx).evaluated(due.map((d) => ({ customerId: d.customerId, touched: d.touched, wakeOn }))));
}

/** A store with customer `c1` (one invoice) and customer `c2`, both evaluated with no wake day: nobody due. */
async function quietStore(makeStore: StoreFactory): Promise<Store | undefined> {
  const store = await makeStore();
  if (!(await store.transaction(async (tx) => tx.wakes !== undefined))) return undefined;
  await store.transaction(async (tx) => {
    await tx.customers.insert(customer('c1'));
    await tx.customers.insert(customer('c2'));
    await tx.invoices.insert(invoice('i1', 'c1'));
  });
  await evaluateAll(store, undefined);
  assert.deepEqual(await dueIds(store), [], 'evaluated customers with no wake day are quiet');
  return store;
}

type Write = [string, (tx: StoreTransaction) => Promise<unknown>];

/** One write of each kind that touches customer `c1`. */
const TOUCHING_WRITES: readonly Write[] = [
  ['a customer update', async (tx) => tx.customers.update({ ...customer('c1'), version: 2, name: 'Renamed' })],
  ['an invoice insert', async (tx) => tx.invoices.insert(invoice('i2', 'c1'))],
  ['an invoice update', async (tx) => tx.invoices.update({ ...invoice('i1', 'c1'), version: 2, disputed: true })],
  ...(['payments', 'accounts', 'agreements', 'negativations', 'protests'] as const).map((name): Write => [`a ${name} insert`, async (tx) => (tx[name] as unknown as Collection<Versioned>).insert(SAMPLES[name](`${name}-1`))]),
  ['an action-log entry', async (tx) => tx.actionLog.record({ key: 'k1', invoiceId: 'i1', customerId: 'c1', stepId: 's1', action: 'notify:email', on: TODAY, at: '2026-11-24T10:00:00.000Z' })],
];

/** A negativation of customer `customerId` in `status` (the record's and its value's), registered on `registeredOn` when given. */
function negativation(id: string, customerId: string, status: string, registeredOn: string | undefined, version = 1): NegativationRecord {
  const value = { status, history: [], ...(registeredOn === undefined ? {} : { registeredOn }) };
  return { id, version, customerId, invoiceId: `i-${customerId}`, uniqueKey: `12345678909|creditor|${id}|serasa`, status, negativation: value as unknown as NegativationRecord['negativation'] };
}

/** Every pair of (status, registration day) a negativation can be updated from and to, each for a customer of its own. */
function everyNegativationUpdate(): { readonly before: NegativationRecord; readonly after: NegativationRecord }[] {
  const states = NEGATIVATION_STATUSES.flatMap((status) => [undefined, '2026-11-20'].map((registeredOn) => ({ status, registeredOn })));
  return states.flatMap((from, f) =>
    states.map((to, t) => {
      const customerId = `cn-${String(f).padStart(2, '0')}-${String(t).padStart(2, '0')}`;
      return { before: negativation(`n-${customerId}`, customerId, from.status, from.registeredOn), after: negativation(`n-${customerId}`, customerId, to.status, to.registeredOn, 2) };
    }),
  );
}

/**
 * The conformance cases of the customer wake index (`StoreTransaction.wakes`):
 * what is due, the own-writes rule, rollbacks, plans, shares and paging. A
 * store without a wake index passes them without running them (it is optional).
 */
export function wakeCases(makeStore: StoreFactory): ConformanceCase[] {
  const { cases } = caseCollector(makeStore);
  const test = (name: string, run: (store: Store) => Promise<void>): void => {
    cases.push({
      name: `wake index: ${name}`,
      run: async () => {
        const store = await quietStore(makeStore);
        if (store) await run(store);
      },
    });
  };

  test('a new customer is due; a customer evaluated with a wake day is quiet until that day and due from it on', async (store) => {
    await store.transaction((tx) => tx.customers.insert(customer('c3')));
    const due = await dueOn(store);
    assert.deepEqual(due.map((d) => d.customerId), ['c3']);
    assert.ok((due[0] as DueCustomer).touched > 0, 'a touched customer has a positive touch count');
    await evaluateAll(store, LATER);
    assert.deepEqual(await dueIds(store), [], 'quiet before its wake day');
    assert.deepEqual(await dueIds(store, civilDate('2026-11-29')), []);
    assert.deepEqual(await dueIds(store, LATER), ['c3'], 'due on its wake day');
    assert.deepEqual(await dueIds(store, civilDate('2026-12-05')), ['c3'], 'and after it (a day the cycle did not run)');
  });

  for (const [what, write] of TOUCHING_WRITES) {
    test(`${what} wakes its customer (only that one)`, async (store) => {
      await store.transaction(write);
      assert.deepEqual(await dueIds(store), ['c1']);
    });
  }

  test('a negativation update wakes its customer exactly when it changes what the evaluation reads (negativationUpdateWakes), for every pair of statuses and registration days', async (store) => {
    const updates = everyNegativationUpdate();
    await store.transaction((tx) => tx.negativations.insertMany(updates.map((u) => u.before)));
    await evaluateAll(store, undefined);
    assert.deepEqual(await dueIds(store), [], 'evaluated after the inserts: quiet');
    await store.transaction((tx) => tx.negativations.updateMany(updates.map((u) => u.after)));
    const waking = updates.filter((u) => negativationUpdateWakes(u.before, u.after)).map((u) => u.before.customerId);
    assert.deepEqual(await dueIds(store), waking.sort());
    const quiet = (from: string, to: string, registeredOn?: string) => !negativationUpdateWakes(negativation('n', 'c', from, registeredOn), negativation('n', 'c', to, registeredOn, 2));
    assert.ok(quiet('in_analysis', 'processing') && quiet('processing', 'processing'), "the negativation pass's approval and the outbox's notices are quiet");
    assert.ok(!quiet('awaiting_return', 'negativated', '2026-11-20') && !quiet('processing', 'failed'), 'a registration taking effect or failing wakes');
  });

  test("a negativation update that changes only what the evaluation does not read (its history) is quiet; moving it to another customer wakes both", async (store) => {
    await store.transaction((tx) => tx.negativations.insert(negativation('n1', 'c1', 'processing', undefined)));
    await evaluateAll(store, undefined);
    const noted = negativation('n1', 'c1', 'processing', undefined, 2);
    await store.transaction((tx) => tx.negativations.update({ ...noted, negativation: { ...noted.negativation, history: [{ note: 'notice sent' }] } as unknown as NegativationRecord['negativation'] }));
    assert.deepEqual(await dueIds(store), []);
    await store.transaction((tx) => tx.negativations.update({ ...negativation('n1', 'c2', 'processing', undefined, 3), invoiceId: 'i-c1' }));
    assert.deepEqual(await dueIds(store), ['c1', 'c2']);
  });

  test('the outbox, audit, registers and idempotency keys touch nobody', async (store) => {
    await store.transaction(async (tx) => {
      await tx.outbox.enqueue({ ...effect('e1', 'k-e1'), payload: { customerId: 'c1' } });
      await tx.audit.append({ id: 'a1', at: '2026-11-24T10:00:00.000Z', actor: 'system', subjectType: 'invoice', subjectId: 'i1', action: 'noted', details: { customerId: 'c1' } });
      await tx.registers.insert({ id: 'r1', version: 1, register: 'agreement_category', name: 'Category', active: true, createdBy: 'system', createdAt: '2026-11-24T10:00:00.000Z' });
      await tx.idempotency.put({ key: 'idem-1', command: 'noop', response: { customerId: 'c1' }, at: '2026-11-24T10:00:00.000Z' });
    });
    assert.deepEqual(await dueIds(store), []);
  });

  test("a write by someone else between due and evaluated keeps the customer due", async (store) => {
    await store.transaction((tx) => tx.customers.update({ ...customer('c1'), version: 2, name: 'Renamed' }));
    const [read] = await dueOn(store);
    assert.ok(read);
    await store.transaction((tx) => tx.payments.insert(SAMPLES.payments('p-outside') as PaymentRecord));
    await store.transaction((tx) => wakes(tx).evaluated([{ customerId: 'c1', touched: read.touched, wakeOn: undefined }]));
    assert.deepEqual(await dueIds(store), ['c1'], 'the outside write was not read by the evaluation');
    await evaluateAll(store, undefined);
    assert.deepEqual(await dueIds(store), [], 'a second evaluation that read it quiets it');
  });

  test("the evaluating transaction's own writes do not wake the customer, before or after evaluated", async (store) => {
    await store.transaction((tx) => tx.customers.update({ ...customer('c1'), version: 2, name: 'Renamed' }));
    const [read] = await dueOn(store);
    assert.ok(read);
    await store.transaction(async (tx) => {
      await tx.actionLog.record({ key: 'k-own', invoiceId: 'i1', customerId: 'c1', stepId: 's1', action: 'notify:email', on: TODAY, at: '2026-11-24T10:00:00.000Z' });
      await tx.invoices.update({ ...invoice('i1', 'c1'), version: 2, disputed: true });
      await wakes(tx).evaluated([{ customerId: 'c1', touched: read.touched, wakeOn: LATER }]);
      await tx.payments.insert(SAMPLES.payments('p-own') as PaymentRecord);
    });
    assert.deepEqual(await dueIds(store), [], 'quiet: it wrote only what its evaluation decided');
    assert.deepEqual(await dueIds(store, LATER), ['c1']);
    await store.transaction((tx) => tx.invoices.update({ ...invoice('i1', 'c1'), version: 3 }));
    assert.deepEqual(await dueIds(store), ['c1'], 'a later write wakes it again');
  });

  test('a rolled-back transaction touches nothing and records no evaluation', async (store) => {
    await rolledBack(store, async (tx) => {
      await tx.invoices.insert(invoice('i2', 'c1'));
      await tx.customers.update({ ...customer('c2'), version: 2, name: 'Renamed' });
    });
    assert.deepEqual(await dueIds(store), []);
    await store.transaction((tx) => tx.customers.update({ ...customer('c2'), version: 2, name: 'Renamed' }));
    const due = await dueOn(store);
    await rolledBack(store, (tx) => wakes(tx).evaluated(due.map((d) => ({ customerId: d.customerId, touched: d.touched, wakeOn: undefined }))));
    assert.deepEqual(await dueIds(store), ['c2']);
  });

  test('plan: a new fingerprint makes every customer due once; the same one changes nothing', async (store) => {
    assert.equal(await store.transaction((tx) => wakes(tx).plan('ruler-a')), true, 'the first fingerprint is new');
    assert.deepEqual(await dueIds(store), ['c1', 'c2']);
    await evaluateAll(store, undefined);
    assert.equal(await store.transaction((tx) => wakes(tx).plan('ruler-a')), false);
    assert.deepEqual(await dueIds(store), []);
    await rolledBack(store, async (tx) => {
      await wakes(tx).plan('ruler-b');
    });
    assert.deepEqual(await dueIds(store), [], 'a rolled-back plan changes nothing');
    assert.equal(await store.transaction((tx) => wakes(tx).plan('ruler-b')), true);
    assert.deepEqual(await dueIds(store), ['c1', 'c2']);
  });

  test('keyset paging (after, limit) and shares partition the due customers exactly', async (store) => {
    const ids = Array.from({ length: 30 }, (_, n) => (n % 3 === 0 ? `cliente-ção-${n}` : `c-${String(n).padStart(2, '0')}`));
    await store.transaction(async (tx) => {
      for (const id of ids) await tx.customers.insert(customer(id));
    });
    // Quiet every third of them: the pages must skip quiet customers, not stop at them.
    const quiet = ids.filter((_, n) => n % 3 === 1);
    const read = (await dueOn(store)).filter((d) => quiet.includes(d.customerId));
    await store.transaction((tx) => wakes(tx).evaluated(read.map((d) => ({ customerId: d.customerId, touched: d.touched, wakeOn: undefined }))));
    const expected = ids.filter((id) => !quiet.includes(id)).sort();
    assert.deepEqual(await dueIds(store), expected);
    for (const count of [1, 3, 4]) {
      const seen: string[] = [];
      for (let index = 0; index < count; index++) {
        let after: string | undefined;
        for (;;) {
          const cursor = after;
          const page = await store.transaction((tx) => wakes(tx).due(TODAY, 4, cursor, { index, count }));
          if (page.length === 0) break;
          assert.ok(page.length <= 4, 'at most limit');
          const pageIds = page.map((d) => d.customerId);
          assert.deepEqual(pageIds, [...pageIds].sort(), 'in customer-id order');
          for (const id of pageIds) assert.ok(inShare(id, { index, count }), `${id} is not in share ${index}/${count}`);
          seen.push(...pageIds);
          after = pageIds[pageIds.length - 1];
        }
      }
      assert.deepEqual(seen.sort(), expected, `the ${count} shares hold every due customer exactly once`);
    }
  });

  return cases;
}
