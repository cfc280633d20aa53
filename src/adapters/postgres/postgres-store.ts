import { AsyncLocalStorage } from 'node:async_hooks';
import type { Versioned } from '../../ports/records.js';
import type { AuditLog, Store, StoreTransaction } from '../../ports/store.js';
import type { SqlDriver } from './driver.js';
import { migrate } from './migrate.js';
import { collectionStatements, SqlCollection, type CollectionStatements } from './sql-collection.js';
import { sqlActionLog, sqlAuditLog, sqlIdempotencyKeys, sqlOutbox } from './sql-logs.js';
import { sqlWakes, wakeStatements, type WakeStatements } from './sql-wakes.js';
import { negativationDueStatements, sqlNegativationDue, type NegativationDueStatements } from './sql-negativation-due.js';
import { registrationsStatement, sqlRegistrations } from './sql-registrations.js';
import { quoteSchema, TABLES, type CollectionName } from './tables.js';
import { WriteBehind } from './write-behind.js';

/** Options of {@link PostgresStore} and {@link createPostgresStore}. */
export interface PostgresStoreOptions {
  /** The database: `await connectPostgres(url)`, `await openPglite()`, or `pgDriver(pool)` / `pgliteDriver(db)`. */
  readonly driver: SqlDriver;
  /** The PostgreSQL schema that holds the store's tables (default `cobranca`). */
  readonly schema?: string;
}

/**
 * The `Store` port on PostgreSQL (a server through `pg`, or embedded PGlite).
 * Each `transaction` is a database transaction on one connection (READ
 * COMMITTED): committed when `work` resolves, rolled back when it throws.
 * Optimistic concurrency by a version column; exactly-once by unique keys on
 * the action log, the outbox and idempotency keys; every statement
 * parameterised. Records' inserts and updates are held and sent as multi-row
 * statements ({@link WriteBehind}): before a list or page of their table, before
 * a statement on the wake or negativation-due index, and before COMMIT; a
 * conflict found then rejects the transaction. Audit lines are written behind: one multi-row statement
 * before the transaction's next audit read, and at the end one sent just ahead
 * of COMMIT without waiting for its answer in between. The wake
 * index (`wakes`) is kept by triggers: every write of a customer's records,
 * by the store or by a host's own SQL, touches that customer. Run {@link migrate} (or use {@link createPostgresStore}) first.
 */
export class PostgresStore implements Store {
  readonly driver: SqlDriver;
  readonly schema: string;
  private readonly quoted: string;
  private readonly statements: Record<CollectionName, CollectionStatements>;
  private readonly wakeStatements: WakeStatements;
  private readonly negativationDueStatements: NegativationDueStatements;
  private readonly registrationsStatement: string;
  private readonly inside = new AsyncLocalStorage<true>();

  constructor(options: PostgresStoreOptions) {
    this.driver = options.driver;
    this.schema = options.schema ?? 'cobranca';
    this.quoted = quoteSchema(this.schema);
    this.statements = Object.fromEntries(Object.entries(TABLES).map(([name, spec]) => [name, collectionStatements(this.quoted, spec)])) as Record<CollectionName, CollectionStatements>;
    this.wakeStatements = wakeStatements(this.quoted);
    this.negativationDueStatements = negativationDueStatements(this.quoted);
    this.registrationsStatement = registrationsStatement(this.quoted);
  }

  /** Runs `work` in one database transaction, as {@link Store.transaction} says: committed when it resolves, rolled back when it throws. */
  async transaction<T>(work: (tx: StoreTransaction) => Promise<T>): Promise<T> {
    // A transaction inside another would hold two connections (PGlite: wait for itself forever): refuse it, as the memory store does.
    if (this.inside.getStore()) throw new Error('PostgresStore: a transaction may not start inside another one');
    return this.inside.run(true, async () => {
      let flushed: Promise<void> | undefined;
      try {
        const result = await this.driver.transaction(async (raw) => {
          const writes = new WriteBehind(raw);
          const sql = writes.session;
          const audit = sqlAuditLog(sql, this.quoted);
          const result = await work(this.views(writes, audit));
          // The records' held writes, then (ahead of COMMIT) the audit lines; a held write that failed rejects here.
          await writes.flushAll();
          // The audit lines written behind go out with COMMIT, not a round trip before it: the driver sends COMMIT
          // behind this statement on the same connection (on a pipelined one, together). If the insert fails, the
          // database turns the COMMIT into a rollback, and its error is what the transaction rejects with.
          flushed = audit.flush();
          flushed.catch(() => undefined);
          return result;
        });
        await flushed;
        return result;
      } catch (error) {
        await flushed; // the audit insert's own error rather than the rolled-back COMMIT's
        throw error;
      }
    });
  }

  private views(writes: WriteBehind, audit: AuditLog): StoreTransaction {
    const sql = writes.session;
    const collection = <T extends Versioned>(name: CollectionName): SqlCollection<T> => new SqlCollection<T>(sql, TABLES[name], this.statements[name], writes);
    const s = this.quoted;
    return {
      customers: collection('customers'),
      invoices: collection('invoices'),
      payments: collection('payments'),
      accounts: collection('accounts'),
      agreements: collection('agreements'),
      negativations: collection('negativations'),
      protests: collection('protests'),
      registers: collection('registers'),
      actionLog: sqlActionLog(sql, s, writes),
      outbox: sqlOutbox(sql, s),
      audit,
      idempotency: sqlIdempotencyKeys(sql, s),
      // Triggers keep these indexes from the records' writes: every held write is sent before their statements.
      wakes: sqlWakes(writes.flushingSession, this.wakeStatements),
      negativationsDue: sqlNegativationDue(writes.flushingSession, this.negativationDueStatements),
      registrations: sqlRegistrations(writes.flushingSession, this.registrationsStatement),
    };
  }

  /** Closes the driver (the pool or embedded database it owns). */
  close(): Promise<void> {
    return this.driver.close();
  }
}

/**
 * A {@link PostgresStore} over a database migrated to the package's newest schema (see {@link migrate}).
 * @example
 * ```ts no-run
 * import { connectPostgres, createPostgresStore } from 'cobranca/adapters/postgres';
 *
 * const store = await createPostgresStore({ driver: await connectPostgres(process.env['DATABASE_URL'] ?? 'postgres://localhost/cobranca') }); // migrates first
 * // then createCollections({ store, bureau, notifier, clock, rates, calendar, ids, creditor, ruler })
 * ```
 */
export async function createPostgresStore(options: PostgresStoreOptions): Promise<PostgresStore> {
  await migrate(options.driver, options.schema === undefined ? {} : { schema: options.schema });
  return new PostgresStore(options);
}
