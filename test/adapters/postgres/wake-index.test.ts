import { describe, expect, it } from 'vitest';
import { migrate, PostgresStore, type SqlDriver } from '../../../src/adapters/postgres/index.js';
import type { CivilDate } from '../../../src/calendar/index.js';
import { inShare } from '../../../src/ports/share.js';
import type { WakeIndex } from '../../../src/ports/store.js';
import { pgliteDatabase, SERVER_SKIP_REASON, SERVER_URL, serverDatabase, type TestDatabase } from './databases.js';

const TODAY = '2026-11-24' as CivilDate;
const LATER = '2026-12-01' as CivilDate;

/** The store's wake index, which the PostgreSQL store always has. */
function wakesOf(tx: { readonly wakes?: WakeIndex }): WakeIndex {
  if (tx.wakes === undefined) throw new Error('the PostgreSQL store has a wake index');
  return tx.wakes;
}

async function dueIds(store: PostgresStore, day: CivilDate = TODAY): Promise<string[]> {
  return store.transaction(async (tx) => (await wakesOf(tx).due(day, 1000)).map((d) => d.customerId));
}

/** Evaluates every due customer with `wakeOn` (`null`: only a write wakes them), in one transaction that writes nothing else. */
async function evaluateAll(store: PostgresStore, wakeOn: CivilDate | null = LATER): Promise<void> {
  await store.transaction(async (tx) => {
    const due = await wakesOf(tx).due(TODAY, 1000);
    await wakesOf(tx).evaluated(due.map((d) => ({ customerId: d.customerId, touched: d.touched, wakeOn: wakeOn ?? undefined })));
  });
}

/** One row of each touching table for customer `c`, by the host's own SQL (the triggers, not the store's code, must touch). */
function directWrites(s: string, c: string): Record<string, string> {
  return {
    customers: `UPDATE ${s}.customers SET name = 'Outra' WHERE id = '${c}'`,
    invoices: `INSERT INTO ${s}.invoices (id, version, customer_id, amount_cents, due_date, status, paid_cents, body) VALUES ('i-${c}', 1, '${c}', 100, '2026-11-01', 'open', 0, '{}')`,
    payments: `INSERT INTO ${s}.payments (id, version, invoice_id, customer_id, amount_cents, paid_on, funds_available_on, body) VALUES ('p-${c}', 1, 'i-${c}', '${c}', 100, '2026-11-20', '2026-11-21', '{}')`,
    accounts: `INSERT INTO ${s}.accounts (id, version, customer_id, status, opened_on, body) VALUES ('a-${c}', 1, '${c}', 'open', '2026-11-20', '{}')`,
    agreements: `INSERT INTO ${s}.agreements (id, version, customer_id, status, body) VALUES ('g-${c}', 1, '${c}', 'active', '{}')`,
    negativations: `INSERT INTO ${s}.negativations (id, version, customer_id, invoice_id, unique_key, status, body) VALUES ('n-${c}', 1, '${c}', 'i-${c}', 'k-${c}', 'requested', '{}')`,
    protests: `INSERT INTO ${s}.protests (id, version, customer_id, invoice_id, unique_key, status, body) VALUES ('t-${c}', 1, '${c}', 'i-${c}', 'k-${c}', 'requested', '{}')`,
    action_log: `INSERT INTO ${s}.action_log (key, invoice_id, customer_id, step_id, action, on_date, at) VALUES ('k-${c}', 'i-${c}', '${c}', 's', 'email', '2026-11-24', now())`,
    'invoice deleted': `DELETE FROM ${s}.invoices WHERE id = 'i-${c}'`,
  };
}

const customer = (id: string) => ({ id, version: 1, name: 'Maria Souza', taxId: '52998224725', kind: 'person' as const });

function wakeCases(db: TestDatabase): void {
  it('customers already in the database when version 7 is applied are each due once', async () => {
    const driver = await db.driver();
    const schema = db.freshSchema();
    await migrate(driver, { schema, toVersion: 6 });
    const s = `"${schema}"`;
    await driver.query(`INSERT INTO ${s}.customers (id, version, name, tax_id, kind, body) VALUES ('c1', 1, 'Maria', '12345678909', 'person', '{}')`);
    // An invoice whose customer has no record: its customer is known to the index all the same.
    await driver.query(`INSERT INTO ${s}.invoices (id, version, customer_id, amount_cents, due_date, status, paid_cents, body) VALUES ('i1', 1, 'c2', 100, '2026-11-01', 'open', 0, '{}')`);
    expect((await migrate(driver, { schema })).applied.slice(0, 2)).toEqual([7, 8]);
    const store = new PostgresStore({ driver, schema });
    expect(await dueIds(store)).toEqual(['c1', 'c2']);
    await evaluateAll(store);
    expect(await dueIds(store)).toEqual([]);
    expect(await dueIds(store, LATER)).toEqual(['c1', 'c2']);
  });

  it('a write by the host’s own SQL to any touching table wakes the customer; the outbox, audit and registers do not', async () => {
    const store = await db.freshStore();
    const driver = await db.driver();
    const s = `"${store.schema}"`;
    await store.transaction((tx) => tx.customers.insert(customer('c1')));
    for (const [table, statement] of Object.entries(directWrites(s, 'c1'))) {
      await evaluateAll(store);
      expect(await dueIds(store), `before the write to ${table}`).toEqual([]);
      await driver.query(statement);
      expect(await dueIds(store), `after the write to ${table}`).toEqual(['c1']);
    }
    await evaluateAll(store);
    await driver.query(`INSERT INTO ${s}.audit (subject_type, subject_id, ids, ats, actors, actions, details) VALUES ('customer', 'c1', '{a1}', ARRAY[now()], '{op}', '{edited}', ARRAY[NULL::jsonb])`);
    await driver.query(`INSERT INTO ${s}.outbox (id, key, kind, payload, status, attempts, created_at) VALUES ('e1', 'e1', 'notify', '{"customerId":"c1"}', 'pending', 0, now())`);
    await driver.query(`INSERT INTO ${s}.registers (id, version, register, name, active, body) VALUES ('r1', 1, 'agreement_category', 'x', true, '{}')`);
    expect(await dueIds(store)).toEqual([]);
  });

  it('a row moved to another customer wakes both', async () => {
    const store = await db.freshStore();
    const s = `"${store.schema}"`;
    await (await db.driver()).query(directWrites(s, 'c1')['invoices'] ?? '');
    await store.transaction((tx) => tx.customers.insertMany([customer('c1'), customer('c2')]));
    await evaluateAll(store);
    await (await db.driver()).query(`UPDATE ${s}.invoices SET customer_id = 'c2' WHERE id = 'i-c1'`);
    expect(await dueIds(store)).toEqual(['c1', 'c2']);
  });

  it('the evaluating transaction’s own writes (before and after evaluated) do not wake; a write committed between due and evaluated does; a rollback touches nothing', async () => {
    const store = await db.freshStore();
    await store.transaction((tx) => tx.customers.insertMany([customer('c1'), customer('c2')]));
    const due = await store.transaction((tx) => wakesOf(tx).due(TODAY, 10));
    await store.transaction((tx) => tx.customers.update({ ...customer('c2'), version: 2, name: 'Outra' })); // outside, after due
    await store.transaction(async (tx) => {
      await tx.actionLog.recordMany(due.map((d) => ({ key: `k-${d.customerId}`, invoiceId: `i-${d.customerId}`, customerId: d.customerId, stepId: 's', action: 'email', on: TODAY, at: '2026-11-24T13:00:00.000Z' })));
      await tx.customers.update({ ...customer('c1'), version: 2, name: 'Própria' });
      await wakesOf(tx).evaluated(due.map((d) => ({ customerId: d.customerId, touched: d.touched, wakeOn: LATER })));
      await tx.customers.update({ ...customer('c1'), version: 3, name: 'Própria depois' }); // after evaluated: still its own
    });
    expect(await dueIds(store)).toEqual(['c2']);
    await evaluateAll(store);
    await expect(store.transaction(async (tx) => {
      await tx.customers.update({ ...customer('c1'), version: 4, name: 'Desfeita' });
      throw new Error('rolled back');
    })).rejects.toThrow('rolled back');
    expect(await dueIds(store)).toEqual([]);
  });

  it('plan: a new fingerprint makes every customer due, the same one does not', async () => {
    const store = await db.freshStore();
    await store.transaction((tx) => tx.customers.insertMany([customer('c1'), customer('c2')]));
    expect(await store.transaction((tx) => wakesOf(tx).plan('a'))).toBe(true);
    await evaluateAll(store);
    expect(await store.transaction((tx) => wakesOf(tx).plan('a'))).toBe(false);
    expect(await dueIds(store)).toEqual([]);
    expect(await store.transaction((tx) => wakesOf(tx).plan('b'))).toBe(true);
    expect(await dueIds(store)).toEqual(['c1', 'c2']);
    await evaluateAll(store, null);
    expect(await dueIds(store, '2030-01-01' as CivilDate)).toEqual([]);
  });

  it('shares and keyset pages partition the due customers exactly, with the share bucket the port computes', async () => {
    const store = await db.freshStore();
    const ids = Array.from({ length: 60 }, (_, i) => `c-${String(i).padStart(3, '0')}`);
    await store.transaction((tx) => tx.customers.insertMany(ids.map(customer)));
    for (const count of [1, 3]) {
      for (let index = 0; index < count; index++) {
        const seen: string[] = [];
        let after: string | undefined;
        for (;;) {
          const page = await store.transaction((tx) => wakesOf(tx).due(TODAY, 7, after, { index, count }));
          if (page.length === 0) break;
          seen.push(...page.map((d) => d.customerId));
          after = page.at(-1)?.customerId;
        }
        expect(seen).toEqual(ids.filter((id) => inShare(id, { index, count })));
      }
    }
  });
}

describe('the wake index on PGlite', () => wakeCases(pgliteDatabase()));

if (SERVER_URL !== undefined) {
  const server = serverDatabase();
  describe('the wake index on a PostgreSQL server', () => {
    wakeCases(server);

    it('a touch committed by another transaction while the evaluating one runs keeps the customer due', async () => {
      const store = await server.freshStore();
      await store.transaction((tx) => tx.customers.insert(customer('c1')));
      let release: () => void = () => undefined;
      const outsideDone = new Promise<void>((resolve) => (release = resolve));
      await store.transaction(async (tx) => {
        const due = await wakesOf(tx).due(TODAY, 10);
        await tx.actionLog.record({ key: 'k1', invoiceId: 'i1', customerId: 'c1', stepId: 's', action: 'email', on: TODAY, at: '2026-11-24T13:00:00.000Z' });
        // Another connection writes the customer now: it waits for this transaction's lock on the wake row.
        const driver: SqlDriver = await server.driver();
        void driver.query(`UPDATE "${store.schema}".customers SET name = 'Outra' WHERE id = 'c1'`).then(() => release());
        await wakesOf(tx).evaluated(due.map((d) => ({ customerId: d.customerId, touched: d.touched, wakeOn: LATER })));
      });
      await outsideDone;
      expect(await dueIds(store)).toEqual(['c1']);
    });
  });
} else {
  describe.skip(`the wake index on a PostgreSQL server (${SERVER_SKIP_REASON})`, () => it('runs the wake cases on the server', () => undefined));
}
