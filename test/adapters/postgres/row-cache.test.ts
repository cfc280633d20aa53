import * as fc from 'fast-check';
import type { CivilDate } from '../../../src/calendar/index.js';
import { assert, describe, it } from 'vitest';
import { byCodePoint } from '../../../src/adapters/postgres/row-cache.js';
import { VersionConflictError } from '../../../src/ports/store.js';
import { customer, invoice } from '../../../src/testing/conformance-fixtures.js';
import { countedStore, pgliteDatabase, SERVER_SKIP_REASON, SERVER_URL, serverDatabase, type TestDatabase } from './databases.js';

/** The cases on one database (PGlite always; the server when `COBRANCA_TEST_DATABASE_URL` is set). */
function describeRowCache(database: TestDatabase): void {
  describe(`PostgresStore on ${database.name}: what a transaction read or wrote is not asked for again`, () => {
    it('a get, list or listFor of records read by getMany or listFor in the transaction sends no statement and returns a record of its own', async () => {
      const { store, sent } = await countedStore(database, 4);
      await store.transaction(async (tx) => {
        await tx.customers.insertMany([customer('c1', { tags: ['a'] }), customer('c2')]);
        await tx.invoices.insertMany([invoice('i1', 'c1'), invoice('i2', 'c1'), invoice('i3', 'c2')]);
      });
      await store.transaction(async (tx) => {
        const [first] = await tx.customers.getMany(['c1', 'c9']);
        await tx.invoices.listFor('customerId', ['c1', 'c2']);
        const before = sent.length;
        const again = (await tx.customers.get('c1')) as unknown as { tags: string[] };
        assert.deepEqual(again as unknown, first);
        assert.notStrictEqual(again as unknown, first);
        again.tags.push('changed');
        assert.deepEqual((await tx.customers.get('c1')) as unknown, first);
        assert.isUndefined(await tx.customers.get('c9'));
        assert.deepEqual((await tx.invoices.list({ customerId: 'c1' })).map((i) => i.id), ['i1', 'i2']);
        assert.deepEqual((await tx.invoices.list({ customerId: 'c1', status: 'paid' })).map((i) => i.id), []);
        assert.deepEqual((await tx.invoices.listFor('customerId', ['c2', 'c1'])).map((i) => i.id), ['i1', 'i2', 'i3']);
        assert.equal(sent.length, before, sent.slice(before).join('; '));
      });
    });

    it("the transaction's own writes are what later reads answer: an insert joins its customer's list, an update moves a record to another customer", async () => {
      const { store } = await countedStore(database, 4);
      await store.transaction(async (tx) => {
        await tx.customers.insertMany([customer('c1'), customer('c2')]);
        await tx.invoices.insertMany([invoice('i1', 'c1'), invoice('i2', 'c2')]);
      });
      await store.transaction(async (tx) => {
        await tx.invoices.listFor('customerId', ['c1', 'c2']);
        await tx.invoices.insert(invoice('i0', 'c1'));
        const moved = { ...((await tx.invoices.get('i1')) ?? invoice('i1', 'c1')), customerId: 'c2', version: 2 };
        await tx.invoices.update(moved);
        assert.deepEqual((await tx.invoices.list({ customerId: 'c1' })).map((i) => i.id), ['i0']);
        assert.deepEqual((await tx.invoices.list({ customerId: 'c2' })).map((i) => i.id), ['i1', 'i2']);
        assert.deepEqual(await tx.invoices.get('i1'), moved);
      });
      // What the database holds is what the transaction answered.
      await store.transaction(async (tx) => {
        assert.deepEqual((await tx.invoices.list({ customerId: 'c2' })).map((i) => i.id), ['i1', 'i2']);
      });
    });

    it('after a write that fails, the next read asks the database again', async () => {
      const { store, sent } = await countedStore(database, 4);
      await store.transaction((tx) => tx.customers.insert(customer('c1')));
      await store.transaction(async (tx) => {
        const read = await tx.customers.get('c1');
        if (read === undefined) throw new Error('c1 not stored');
        // A write the transaction can tell is stale (its batch names c1 twice) fails at once. (Not a write by someone
        // else: PGlite has one connection, so a statement outside this transaction would wait for it to end, forever.)
        const stale = await tx.customers.updateMany([{ ...read, version: 2 }, { ...read, version: 2 }]).then(() => undefined, (error: unknown) => error);
        assert.instanceOf(stale, VersionConflictError);
        const before = sent.length;
        assert.deepEqual(await tx.customers.get('c1'), read);
        assert.isAbove(sent.length, before);
      });
    });

    it('has and hasMany of keys the transaction asked about or recorded send no statement', async () => {
      const { store, sent } = await countedStore(database, 4);
      const entry = (key: string) => ({ key, invoiceId: 'i1', customerId: 'c1', stepId: 's', action: 'notify', on: '2026-11-24' as CivilDate, at: '2026-11-24T13:00:00.000Z' });
      await store.transaction((tx) => tx.actionLog.record(entry('k1')));
      await store.transaction(async (tx) => {
        assert.deepEqual([...(await tx.actionLog.hasMany(['k1', 'k2']))], ['k1']);
        await tx.actionLog.record(entry('k3'));
        const before = sent.length;
        assert.isTrue(await tx.actionLog.has('k1'));
        assert.isFalse(await tx.actionLog.has('k2'));
        assert.isTrue(await tx.actionLog.has('k3'));
        assert.deepEqual([...(await tx.actionLog.hasMany(['k3', 'k2', 'k1']))], ['k3', 'k1']);
        assert.equal(sent.length, before);
      });
    });
  });
}

describeRowCache(pgliteDatabase());
if (SERVER_URL !== undefined) describeRowCache(serverDatabase());
else {
  describe.skip(`row cache on a PostgreSQL server (${SERVER_SKIP_REASON})`, () => {
    it('runs the row-cache cases on the server', () => undefined);
  });
}

describe('byCodePoint', () => {
  it('orders ids as PostgreSQL orders COLLATE "C" text: by their UTF-8 bytes', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' }), (a, b) => {
        const bytes = Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
        assert.equal(Math.sign(byCodePoint(a, b)), bytes);
      }),
      { numRuns: 2000 },
    );
  });
});
