import { describe, expect, it } from 'vitest';
import type { PostgresStore, SqlDriver, SqlSession } from '../../../src/adapters/postgres/index.js';
import { civilDate } from '../../../src/calendar/index.js';
import type { ActionLogEntry, CustomerRecord, OutboxEffect } from '../../../src/ports/records.js';
import type { StoreTransaction } from '../../../src/ports/store.js';
import { SERVER_SKIP_REASON, SERVER_URL, serverDatabase } from './databases.js';

/**
 * Multi-row writes take their locks in a deterministic order, whatever order
 * the caller gives. Each case forces, on the real server, the interleaving that
 * deadlocks when rows are locked in the given order: a blocker transaction
 * holds the middle key `m` uncommitted; batch one writes [a, m, z] and batch two
 * [z, m, a] in two more transactions, and both are seen waiting on a lock before
 * the blocker rolls back. In the given order, one has `a` and the other `z`
 * when both wake up for `m`: a deadlock (SQLSTATE 40P01) every time. In key
 * order both start with `a`: the second waits for the first and finishes.
 */

const KEYS = ['a', 'm', 'z'] as const;

/** One multi-row write under test: how the blocker holds the middle key, and the batch itself. */
interface Crossing<T> {
  /** Inserts, uncommitted, a row that holds key `m` (raw SQL in the store's schema `s`). */
  readonly block: (sql: SqlSession, s: string) => Promise<unknown>;
  /** Writes keys in the given order from batch `n` (1 or 2) inside one store transaction. */
  readonly write: (tx: StoreTransaction, keys: readonly string[], n: number) => Promise<T>;
}

const on = civilDate('2026-11-24');
const at = '2026-11-24T10:00:00.000Z';
const action = (key: string): ActionLogEntry => ({ key, invoiceId: `i-${key}`, customerId: 'c1', stepId: 'd+1', action: 'notify', on, at });
const effect = (key: string, n: number): OutboxEffect => ({ id: `e${n}-${key}`, key, kind: 'notify', payload: { n }, status: 'pending', attempts: 0, createdAt: at });
const customer = (id: string): CustomerRecord => ({ id, version: 1, name: 'Maria Souza', taxId: '52998224725', kind: 'person' });

/** Waits until `count` backends wait on a lock in a statement naming the schema (a third connection looks). */
async function untilWaiting(driver: SqlDriver, schema: string, count: number): Promise<void> {
  for (let tries = 0; tries < 600; tries++) {
    const { rows } = await driver.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND pid <> pg_backend_pid() AND position($1 in query) > 0`,
      [`"${schema}"`],
    );
    if ((rows[0]?.n ?? 0) >= count) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`${count} backends never waited on a lock`);
}

/** Runs the crossing: blocker holds m, the two batches start and wait, the blocker rolls back; resolves with each batch's outcome. */
async function cross<T>(store: PostgresStore, crossing: Crossing<T>): Promise<PromiseSettledResult<T>[]> {
  let release: () => void = () => undefined;
  const released = new Promise<void>((resolve) => (release = resolve));
  let held: () => void = () => undefined;
  const holding = new Promise<void>((resolve) => (held = resolve));
  const blocker = store.driver
    .transaction(async (sql) => {
      await crossing.block(sql, `"${store.schema}"`);
      held();
      await released;
      throw new Error('roll back');
    })
    .catch(() => undefined);
  await holding;
  const batches = Promise.allSettled([
    store.transaction((tx) => crossing.write(tx, KEYS, 1)),
    store.transaction((tx) => crossing.write(tx, [...KEYS].reverse(), 2)),
  ]);
  // Both batches wait: on the blocker's m (given order: one holds a, the other z), or the second on the first's a (key order).
  await untilWaiting(store.driver, store.schema, 2);
  release();
  await blocker;
  return batches;
}

/** The SQLSTATE of a rejected batch (a deadlock is 40P01), or its error name. */
function failure(result: PromiseSettledResult<unknown>): string | undefined {
  if (result.status === 'fulfilled') return undefined;
  const error = result.reason as { code?: unknown; name?: unknown };
  return typeof error.code === 'string' ? `SQLSTATE ${error.code}` : String(error.name);
}

if (SERVER_URL !== undefined) {
  const server = serverDatabase();
  describe('PostgreSQL server: multi-row writes lock in key order, so crossed concurrent batches never deadlock', () => {
    it('outbox.enqueueMany: both batches finish, each key enqueued once', async () => {
      const store = await server.freshStore();
      const results = await cross(store, {
        block: (sql, s) => sql.query(`INSERT INTO ${s}.outbox (id, key, kind, payload, status, attempts, created_at) VALUES ('blocker', 'm', 'notify', '{}', 'pending', 0, now())`),
        write: (tx, keys, n) => tx.outbox.enqueueMany(keys.map((key) => effect(key, n))),
      });
      expect(results.map(failure)).toEqual([undefined, undefined]);
      const answered = results.flatMap((r) => (r.status === 'fulfilled' ? [...r.value] : []));
      expect(answered.map((id) => id.slice(id.indexOf('-') + 1)).sort()).toEqual([...KEYS]);
      const stored = await store.transaction((tx) => tx.outbox.all());
      expect(stored.map((e) => e.key).sort()).toEqual([...KEYS]);
    }, 60_000);

    it('enqueueMany keeps the given order as the enqueue order (seq) while inserting in key order', async () => {
      const store = await server.freshStore();
      await store.transaction((tx) => tx.outbox.enqueueMany(['z', 'a', 'm'].map((key) => effect(key, 1))));
      expect((await store.transaction((tx) => tx.outbox.pending(10))).map((e) => e.key)).toEqual(['z', 'a', 'm']);
    });

    it('actionLog.recordMany: both batches finish, each key recorded once', async () => {
      const store = await server.freshStore();
      const results = await cross(store, {
        block: (sql, s) => sql.query(`INSERT INTO ${s}.action_log (key, invoice_id, customer_id, step_id, action, on_date, at) VALUES ('m', 'i-m', 'c1', 'd+1', 'notify', '2026-11-24', now())`),
        write: (tx, keys) => tx.actionLog.recordMany(keys.map(action)),
      });
      expect(results.map(failure)).toEqual([undefined, undefined]);
      expect(results.flatMap((r) => (r.status === 'fulfilled' ? [...r.value] : [])).sort()).toEqual([...KEYS]);
    }, 60_000);

    it('collection insertMany: one batch inserts all, the other is a version conflict (never a deadlock)', async () => {
      const store = await server.freshStore();
      const results = await cross(store, {
        block: (sql, s) => sql.query(`INSERT INTO ${s}.customers (id, version, name, tax_id, kind, body) VALUES ('m', 1, 'x', 'x', 'person', '{}')`),
        write: (tx, keys) => tx.customers.insertMany(keys.map(customer)),
      });
      expect(results.map(failure).sort()).toEqual(['VersionConflictError', undefined]);
      expect((await store.transaction((tx) => tx.customers.getMany([...KEYS]))).map((c) => c.id)).toEqual([...KEYS]);
    }, 60_000);
  });
} else {
  describe.skip(`PostgreSQL server: multi-row writes lock in key order (${SERVER_SKIP_REASON})`, () => {
    it('crossed concurrent batches never deadlock', () => undefined);
  });
}
