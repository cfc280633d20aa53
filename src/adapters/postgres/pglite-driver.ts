import { parseSqlValue, TYPE_OIDS, type SqlDriver, type SqlResult, type SqlSession } from './driver.js';

/** How PGlite is told to read each column type the store uses. */
const PARSERS = Object.fromEntries(Object.values(TYPE_OIDS).map((oid) => [oid, (text: string) => parseSqlValue(oid, text)]));

/** The part of a PGlite transaction the driver uses. */
export interface PgliteQueryable {
  /** PGlite's parameterised query, with per-query type parsers. */
  query<Row>(text: string, params?: unknown[], options?: { parsers?: Record<number, (text: string, typeId: number) => unknown> }): Promise<{ rows: Row[]; affectedRows?: number }>;
}

/** The part of a `PGlite` instance the driver uses (`new PGlite()` or `await PGlite.create()` fits). */
export interface PgliteLike extends PgliteQueryable {
  /** PGlite's transaction: commits when `work` resolves, rolls back when it throws. */
  transaction<T>(work: (tx: PgliteQueryable) => Promise<T>): Promise<T>;
  /** Closes the embedded database. */
  close(): Promise<void>;
}

function session(db: PgliteQueryable): SqlSession {
  return {
    query: async <Row>(text: string, params: readonly unknown[] = []): Promise<SqlResult<Row>> => {
      const result = await db.query<Row>(text, [...params], { parsers: PARSERS });
      return { rows: result.rows, rowCount: result.rows.length > 0 ? result.rows.length : (result.affectedRows ?? 0) };
    },
  };
}

/**
 * A driver over embedded PGlite (PostgreSQL compiled to WebAssembly, in this
 * process). PGlite has one connection: transactions run one at a time. `close()`
 * closes the database only when `ownsDatabase` is set (as {@link openPglite} does).
 * @example
 * ```ts no-run
 * import { PGlite } from '@electric-sql/pglite';
 * import { createPostgresStore, pgliteDriver } from 'cobranca/adapters/postgres';
 *
 * const db = await PGlite.create('./data/cobranca'); // embedded PostgreSQL in a directory
 * const store = await createPostgresStore({ driver: pgliteDriver(db) });
 * ```
 */
export function pgliteDriver(db: PgliteLike, options: { readonly ownsDatabase?: boolean } = {}): SqlDriver {
  return {
    ...session(db),
    transaction: <T>(work: (s: SqlSession) => Promise<T>): Promise<T> => db.transaction((tx) => work(session(tx))),
    close: async () => {
      if (options.ownsDatabase === true) await db.close();
    },
  };
}

/**
 * Opens an embedded PGlite database (the optional peer dependency
 * `@electric-sql/pglite` must be installed): in memory by default, or kept in
 * `dataDir` between runs. The zero-setup store for demos, tests and small hosts.
 * @example
 * ```ts no-run
 * import { createPostgresStore, openPglite } from 'cobranca/adapters/postgres';
 *
 * const store = await createPostgresStore({ driver: await openPglite() }); // in memory; openPglite('./data') keeps it on disk
 * await store.transaction((tx) => tx.customers.insert({ id: 'c-1', version: 1, name: 'Maria Souza', taxId: '52998224725', kind: 'person' }));
 * console.log((await store.transaction((tx) => tx.customers.get('c-1')))?.name);
 * ```
 */
export async function openPglite(dataDir?: string): Promise<SqlDriver> {
  const { PGlite } = await import('@electric-sql/pglite');
  const db = await PGlite.create(dataDir === undefined ? {} : { dataDir });
  return pgliteDriver(db as unknown as PgliteLike, { ownsDatabase: true });
}
