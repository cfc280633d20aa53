import { assert, describe, it } from 'vitest';
import { isUnstorableValue } from '../../../src/adapters/postgres/index.js';
import { customer } from '../../../src/testing/conformance-fixtures.js';
import { pgliteDatabase, SERVER_SKIP_REASON, SERVER_URL, serverDatabase, type TestDatabase } from './databases.js';

/** The cases on one database (PGlite always; the server when `COBRANCA_TEST_DATABASE_URL` is set). */
function describeAuditBehind(database: TestDatabase): void {
  describe(`PostgresStore on ${database.name}: the audit lines written behind go out with COMMIT`, () => {
    const line = (id: string, at: string) => ({ id, at, actor: 'op', subjectType: 'customer' as const, subjectId: 'c1', action: 'created' });

    it('a transaction whose last audit insert the database refuses rejects with that typed error and writes nothing', async () => {
      const store = await database.freshStore();
      const failed = await store
        .transaction(async (tx) => {
          await tx.customers.insert(customer('c1'));
          await tx.audit.append(line('a1', 'not an instant')); // refused only by the database, at the insert
        })
        .then(() => undefined, (error: unknown) => error);
      assert.isTrue(isUnstorableValue(failed), String(failed));
      assert.isUndefined(await store.transaction((tx) => tx.customers.get('c1')));
      assert.deepEqual(await store.transaction((tx) => tx.audit.forSubject('customer', 'c1')), []);
    });

    it('a transaction that commits has its last audit lines stored, in order', async () => {
      const store = await database.freshStore();
      await store.transaction(async (tx) => {
        await tx.customers.insert(customer('c1'));
        await tx.audit.appendMany([line('a1', '2026-11-24T13:00:00.000Z'), line('a2', '2026-11-24T13:00:01.000Z')]);
      });
      assert.deepEqual((await store.transaction((tx) => tx.audit.forSubject('customer', 'c1'))).map((entry) => entry.id), ['a1', 'a2']);
      assert.equal((await store.transaction((tx) => tx.customers.get('c1')))?.id, 'c1');
    });
  });
}

describeAuditBehind(pgliteDatabase());
if (SERVER_URL !== undefined) describeAuditBehind(serverDatabase());
else {
  describe.skip(`audit written behind on a PostgreSQL server (${SERVER_SKIP_REASON})`, () => {
    it('runs the audit cases on the server', () => undefined);
  });
}
