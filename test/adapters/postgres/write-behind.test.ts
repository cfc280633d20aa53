import { assert, describe, it } from 'vitest';
import { PostgresStore } from '../../../src/adapters/postgres/index.js';
import { HELD_WRITES_LIMIT } from '../../../src/adapters/postgres/write-behind.js';
import type { CivilDate } from '../../../src/calendar/index.js';
import { isVersionConflict } from '../../../src/ports/store.js';
import { customer, invoice } from '../../../src/testing/conformance-fixtures.js';
import { countedStore, pgliteDatabase, SERVER_SKIP_REASON, SERVER_URL, serverDatabase, type TestDatabase } from './databases.js';

const entry = (key: string) => ({ key, invoiceId: 'i1', customerId: 'c1', stepId: 's', action: 'notify', on: '2026-11-24' as CivilDate, at: '2026-11-24T13:00:00.000Z' });

/** The cases on one database (PGlite always; the server when `COBRANCA_TEST_DATABASE_URL` is set). */
function describeWriteBehind(database: TestDatabase): void {
  describe(`PostgresStore on ${database.name}: inserts, updates and recorded actions are held and sent as multi-row statements`, () => {
    it('a page of inserts and updates of records, one call each, is sent as one insert and one update per table, and stored as written', async () => {
      const { store, sent } = await countedStore(database, 6);
      await store.transaction((tx) => tx.customers.insertMany([customer('c1'), customer('c2'), customer('c3')]));
      const before = sent.length;
      await store.transaction(async (tx) => {
        const read = await tx.customers.getMany(['c1', 'c2', 'c3']);
        for (const c of read) await tx.customers.update({ ...c, version: 2, name: `Novo ${c.id}` });
        // Written twice in the transaction: sent once, as its last version.
        await tx.customers.update({ ...(read[0] as (typeof read)[number]), version: 3, name: 'Terceiro' });
        for (const id of ['i1', 'i2', 'i3']) await tx.invoices.insert(invoice(id, 'c1'));
        await tx.invoices.update({ ...invoice('i2', 'c2'), version: 2 });
      });
      const writes = sent.slice(before).filter((text) => /^(INSERT|UPDATE|WITH)/.test(text));
      assert.equal(writes.length, 2, writes.join('; '));
      await store.transaction(async (tx) => {
        assert.deepEqual((await tx.customers.list()).map((c) => [c.id, c.version, c.name]), [['c1', 3, 'Terceiro'], ['c2', 2, 'Novo c2'], ['c3', 2, 'Novo c3']]);
        assert.deepEqual((await tx.invoices.list()).map((i) => [i.id, i.version, i.customerId]), [['i1', 1, 'c1'], ['i2', 2, 'c2'], ['i3', 1, 'c1']]);
      });
    });

    it(`a transaction holds at most ${HELD_WRITES_LIMIT} writes of a table: more are sent in statements of that many`, async () => {
      const { store, sent } = await countedStore(database, 6);
      const before = sent.length;
      await store.transaction(async (tx) => {
        for (let i = 0; i <= HELD_WRITES_LIMIT; i++) await tx.customers.insert(customer(`c${i}`));
      });
      assert.deepEqual(sent.slice(before).filter((text) => text.startsWith('INSERT')).length, 2);
      assert.equal((await store.transaction((tx) => tx.customers.page(HELD_WRITES_LIMIT + 10))).length, HELD_WRITES_LIMIT + 1);
    });

    it('held writes are sent before a list or page of their table, which sees them', async () => {
      const { store } = await countedStore(database, 6);
      await store.transaction(async (tx) => {
        await tx.customers.insert(customer('c1'));
        await tx.invoices.insert(invoice('i1', 'c1'));
        assert.deepEqual((await tx.invoices.page(10)).map((i) => i.id), ['i1']);
        assert.deepEqual((await tx.customers.list({ status: 'x' })).map((c) => c.id), []);
        assert.deepEqual((await tx.customers.page(10)).map((c) => c.id), ['c1']);
      });
    });

    it('a stale update found when the held writes are sent rejects the transaction, even when a caller swallowed the error, and nothing of it is written', async () => {
      const { store } = await countedStore(database, 6);
      await store.transaction((tx) => tx.customers.insert(customer('c1')));
      const error = await store
        .transaction(async (tx) => {
          await tx.customers.insert(customer('c2'));
          // Version 3 over the stored version 1: the database finds it when the writes are sent (here by the page).
          await tx.customers.update(customer('c1', { version: 3, name: 'Stale' }));
          const swallowed = await tx.customers.page(10).then(() => undefined, (e: unknown) => e);
          assert.isTrue(isVersionConflict(swallowed), String(swallowed));
          // A later statement of the doomed transaction is refused with the same error.
          const later = await tx.invoices.list().then(() => undefined, (e: unknown) => e);
          assert.strictEqual(later, swallowed);
        })
        .then(() => undefined, (e: unknown) => e);
      assert.isTrue(isVersionConflict(error), String(error));
      await store.transaction(async (tx) => {
        assert.isUndefined(await tx.customers.get('c2'));
        assert.equal((await tx.customers.get('c1'))?.version, 1);
      });
    });

    it('an insert of a taken id, held, rejects the transaction at its end with a version conflict, and nothing of it is written', async () => {
      const { store } = await countedStore(database, 6);
      await store.transaction((tx) => tx.customers.insert(customer('c1')));
      const error = await store
        .transaction(async (tx) => {
          await tx.invoices.insert(invoice('i1', 'c1'));
          await tx.customers.insert(customer('c1', { name: 'Again' }));
        })
        .then(() => undefined, (e: unknown) => e);
      assert.isTrue(isVersionConflict(error), String(error));
      await store.transaction(async (tx) => {
        assert.deepEqual(await tx.invoices.list(), []);
        assert.equal((await tx.customers.get('c1'))?.name, customer('c1').name);
      });
    });

    it('a record of a key the transaction found absent is held and sent once with the others; the log keeps the order of the calls', async () => {
      const { store, sent } = await countedStore(database, 6);
      const before = sent.length;
      await store.transaction(async (tx) => {
        await tx.actionLog.hasMany(['k2', 'k1', 'k3']);
        assert.isTrue(await tx.actionLog.record(entry('k2')));
        assert.isTrue(await tx.actionLog.record(entry('k1')));
        assert.isFalse(await tx.actionLog.record(entry('k2')), 'recorded already in this transaction');
        assert.isTrue(await tx.actionLog.record(entry('k3')));
      });
      const statements = sent.slice(before);
      assert.equal(statements.filter((text) => /action_log/.test(text) || text.startsWith('WITH v')).length, 2, statements.join('; '));
      await store.transaction(async (tx) => {
        assert.deepEqual((await tx.actionLog.forInvoice('i1')).map((e) => e.key), ['k2', 'k1', 'k3']);
        assert.isFalse(await tx.actionLog.record(entry('k1')));
      });
    });
  });
}

describeWriteBehind(pgliteDatabase());
if (SERVER_URL !== undefined) {
  const server = serverDatabase();
  describeWriteBehind(server);
  describe('PostgresStore on a PostgreSQL server: a held record races another transaction', () => {
    it('a key recorded by another transaction after this one found it absent: this one rejects with a version conflict, the key is recorded once', async () => {
      const store = await server.freshStore();
      // A second store on the same pool: its transaction runs on another connection while the first is open.
      const other = new PostgresStore({ driver: store.driver, schema: store.schema });
      const error = await store
        .transaction(async (tx) => {
          assert.isFalse(await tx.actionLog.has('k1'));
          assert.isTrue(await tx.actionLog.record(entry('k1')));
          // Another transaction (another connection) records the key and commits first.
          assert.isTrue(await other.transaction((tx2) => tx2.actionLog.record({ ...entry('k1'), action: 'email' })));
        })
        .then(() => undefined, (e: unknown) => e);
      assert.isTrue(isVersionConflict(error), String(error));
      await store.transaction(async (tx) => {
        assert.deepEqual((await tx.actionLog.forInvoice('i1')).map((e) => e.action), ['email']);
      });
    });
  });
} else {
  describe.skip(`write-behind on a PostgreSQL server (${SERVER_SKIP_REASON})`, () => {
    it('runs the write-behind cases on the server', () => undefined);
  });
}
