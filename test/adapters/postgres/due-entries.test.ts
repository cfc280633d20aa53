import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { civilDate, type CivilDate } from '../../../src/calendar/index.js';
import type { DueNegativationEntry, NegativationDueIndex, NegativationDueQuery } from '../../../src/ports/negativation-due.js';
import type { NegativationRecord } from '../../../src/ports/records.js';
import type { StoreTransaction } from '../../../src/ports/store.js';
import { customer, invoice, SAMPLES } from '../../../src/testing/conformance-fixtures.js';
import { pgliteDatabase, SERVER_SKIP_REASON, SERVER_URL, serverDatabase, type TestDatabase } from './databases.js';

/**
 * `NegativationDueIndex.dueEntries` lists what `due` lists (ids, keys, touch
 * counts, in the same order, with the same cursors and shares) without reading
 * any record: the daily cycle lists the due negativations with it and reads the
 * records a page at a time.
 */

function index(tx: StoreTransaction): NegativationDueIndex {
  if (tx.negativationsDue === undefined) throw new Error('the PostgreSQL store has a negativation due index');
  return tx.negativationsDue;
}

/** The index's pages from the start with `query` (limit, share), each read by `due` and by `dueEntries`. */
async function walk(tx: StoreTransaction, query: Omit<NegativationDueQuery, 'after'>, day: CivilDate): Promise<{ due: DueNegativationEntry[][]; entries: DueNegativationEntry[][] }> {
  const due: DueNegativationEntry[][] = [];
  const entries: DueNegativationEntry[][] = [];
  let after: NegativationDueQuery['after'];
  for (;;) {
    const cursor = after === undefined ? {} : { after };
    const page = (await index(tx).due(day, { ...query, ...cursor })).map((d) => ({ id: d.record.id, key: d.key, touched: d.touched }));
    const listed = await (index(tx).dueEntries as NonNullable<NegativationDueIndex['dueEntries']>)(day, { ...query, ...cursor });
    due.push(page);
    entries.push(listed);
    if (page.length === 0) return { due, entries };
    const last = page[page.length - 1] as DueNegativationEntry;
    after = { key: last.key, id: last.id };
  }
}

function dueEntriesCases(db: TestDatabase): void {
  it('dueEntries answers due’s entries page by page, for every share, cursor and day', async () => {
    const store = await db.freshStore();
    let runs = 0;
    let listed = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(fc.record({ id: fc.integer({ min: 0, max: 60 }), customer: fc.integer({ min: 0, max: 7 }), checkedOn: fc.option(fc.integer({ min: 20, max: 29 }), { nil: undefined }), checked: fc.boolean() }), { selector: (r) => r.id, maxLength: 25 }),
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 20, max: 29 }),
        async (rows, limit, count, day) => {
          const prefix = `d${runs++}-`;
          const ids = (n: number): string => `${prefix}n${String(n).padStart(2, '0')}`;
          await store.transaction(async (tx) => {
            const customers = [...new Set(rows.map((r) => r.customer))];
            await tx.customers.insertMany(customers.map((c) => customer(`${prefix}c${c}`)));
            await tx.invoices.insertMany(customers.map((c) => invoice(`${prefix}i${c}`, `${prefix}c${c}`)));
            await tx.negativations.insertMany(rows.map((r) => ({ ...(SAMPLES.negativations(ids(r.id)) as NegativationRecord), customerId: `${prefix}c${r.customer}`, invoiceId: `${prefix}i${r.customer}` })));
          });
          // Some checked with a due day (or none), the others left written: both kinds of key, in several orders.
          await store.transaction(async (tx) => {
            const all = await index(tx).due(civilDate('2026-12-31'), { limit: 10_000 });
            const mine = new Map(rows.map((r) => [ids(r.id), r]));
            const checks = all.flatMap((d) => {
              const row = mine.get(d.record.id);
              return row?.checked ? [{ id: d.record.id, touched: d.touched, dueOn: row.checkedOn === undefined ? undefined : civilDate(`2026-11-${row.checkedOn}`) }] : [];
            });
            await index(tx).checked(checks);
          });
          const asOf = civilDate(`2026-11-${day}`);
          for (let shareIndex = 0; shareIndex < count; shareIndex++) {
            const read = await store.transaction((tx) => walk(tx, { limit, ...(count > 1 ? { share: { index: shareIndex, count } } : {}) }, asOf));
            expect(read.entries).toEqual(read.due);
            listed += read.due.flat().length;
          }
        },
      ),
      { numRuns: 25 },
    );
    // Not vacuous: entries were listed.
    expect(listed).toBeGreaterThan(50);
  });
}

describe('the negativation due index’s entries on PGlite', () => dueEntriesCases(pgliteDatabase()));

if (SERVER_URL !== undefined) describe('the negativation due index’s entries on the PostgreSQL server', () => dueEntriesCases(serverDatabase()));
else describe.skip(`the negativation due index’s entries on the PostgreSQL server (${SERVER_SKIP_REASON})`, () => undefined);
