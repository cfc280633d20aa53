import { createHash } from 'node:crypto';
import { parseSqlValue, TYPE_OIDS, type SqlDriver, type SqlResult, type SqlSession } from './driver.js';

/** One parser per type the store reads, made once (`pg` asks for a column's parser on every result). */
const PARSERS = new Map<number, (text: string) => unknown>(Object.values(TYPE_OIDS).map((oid) => [oid, (text: string) => parseSqlValue(oid, text)]));
const asText = (text: string): unknown => text;

/** How `pg` is told to read each column type (per query: the global `pg.types` are left alone). */
const TYPES = { getTypeParser: (oid: number) => PARSERS.get(oid) ?? asText };

/** At most this many statement texts get a name (a host sending ever new texts through the driver gets unnamed ones past it). */
const MAX_NAMED = 2_000;
const names = new Map<string, string>();

/**
 * The name a parameterised statement is prepared under on each connection (a hash of its text, so one text has one
 * name and two texts never share one): the server parses and plans it once per connection, not on every call, and
 * the client sends its text once. A statement without parameters (`BEGIN`, DDL, a script of several statements,
 * which the extended protocol cannot prepare) stays unnamed.
 */
export function statementName(text: string, params: readonly unknown[]): string | undefined {
  if (params.length === 0) return undefined;
  let name = names.get(text);
  if (name === undefined && names.size < MAX_NAMED) names.set(text, (name = `cobranca_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`));
  return name;
}

/** The part of a `pg` client (or pool) the driver uses. */
export interface PgQueryable {
  /** `pg`'s query with a config object. */
  query(config: { text: string; name?: string; values?: unknown[]; types?: typeof TYPES }): Promise<{ rows: unknown[]; rowCount: number | null }>;
}

/** The part of a `pg` `PoolClient` the driver uses. */
export interface PgClientLike extends PgQueryable {
  /** Returns the connection to the pool (or destroys it, after an error). */
  release(destroy?: boolean | Error): void;
}

/** The part of a `pg` `Pool` the driver uses (a `new Pool(...)` fits). */
export interface PgPoolLike extends PgQueryable {
  /** Takes a connection from the pool. */
  connect(): Promise<PgClientLike>;
  /** Closes every connection of the pool. */
  end(): Promise<void>;
}

function session(client: PgQueryable, named: boolean): SqlSession {
  return {
    query: async <Row>(text: string, params: readonly unknown[] = []): Promise<SqlResult<Row>> => {
      const name = named ? statementName(text, params) : undefined;
      const result = await client.query(name === undefined ? { text, values: [...params], types: TYPES } : { text, name, values: [...params], types: TYPES });
      return { rows: result.rows as Row[], rowCount: result.rowCount ?? 0 };
    },
  };
}

/**
 * A driver over a PostgreSQL server through a `pg` `Pool`: each transaction
 * takes one connection from the pool. `close()` ends the pool only when
 * `ownsPool` is set (as {@link connectPostgres} does).
 * @example
 * ```ts no-run
 * import pg from 'pg';
 * import { createPostgresStore, pgDriver } from 'cobranca/adapters/postgres';
 *
 * // Your own pool (shared with the rest of your app): the store does not end it.
 * const pool = new pg.Pool({ connectionString: process.env['DATABASE_URL'], max: 10 });
 * const store = await createPostgresStore({ driver: pgDriver(pool), schema: 'cobranca' });
 * ```
 */
export function pgDriver(
  pool: PgPoolLike,
  options: {
    /** Whether `close()` ends the pool (default: no; {@link connectPostgres} sets it). */
    readonly ownsPool?: boolean;
    /**
     * Whether the store's parameterised statements are prepared once per connection under a name (default: yes: the
     * server parses and plans each text once per connection, not on every call). Turn it off behind a pooler that
     * hands one client's statements to several server connections (PgBouncer in transaction mode without
     * `max_prepared_statements`).
     */
    readonly preparedStatements?: boolean;
  } = {},
): SqlDriver {
  const named = options.preparedStatements !== false;
  return {
    ...session(pool, named),
    transaction: async <T>(work: (s: SqlSession) => Promise<T>): Promise<T> => {
      const client = await pool.connect();
      const inside = session(client, named);
      // BEGIN is sent with the transaction's first statement, not before it: on a pipelined connection (as
      // connectPostgres opens) both go out together, one round trip instead of two; a transaction that ran no
      // statement sends neither BEGIN nor COMMIT.
      let begun: Promise<unknown> | undefined;
      const lazy: SqlSession = {
        query: async <Row>(text: string, params?: readonly unknown[]): Promise<SqlResult<Row>> => {
          if (begun !== undefined) return inside.query<Row>(text, params);
          begun = inside.query('BEGIN');
          const [, result] = await Promise.all([begun, inside.query<Row>(text, params)]);
          return result;
        },
      };
      let result: T;
      try {
        result = await work(lazy);
        if (begun !== undefined) await inside.query('COMMIT');
      } catch (error) {
        try {
          if (begun !== undefined) await inside.query('ROLLBACK');
          client.release();
        } catch (rollbackError) {
          client.release(rollbackError instanceof Error ? rollbackError : true); // the connection is broken: drop it
        }
        throw error;
      }
      client.release();
      return result;
    },
    close: async () => {
      if (options.ownsPool === true) await pool.end();
    },
  };
}

/**
 * Connects to a PostgreSQL server with a new `pg` `Pool` (the optional peer
 * dependency `pg` must be installed): `connectPostgres('postgres://…')` or a
 * pool configuration. The driver owns the pool: `close()` ends it. Its
 * connections are pipelined (`pipeline: true`, unless the configuration says
 * otherwise): a transaction's `BEGIN` travels with its first statement.
 * `preparedStatements: false` sends every statement unnamed (see {@link pgDriver}).
 * @example
 * ```ts no-run
 * import { connectPostgres, createPostgresStore } from 'cobranca/adapters/postgres';
 *
 * const driver = await connectPostgres({ connectionString: process.env['DATABASE_URL'], max: 10 }); // a pool the store owns
 * const store = await createPostgresStore({ driver });
 * ```
 */
export async function connectPostgres(config: string | { readonly connectionString?: string; readonly max?: number; readonly preparedStatements?: boolean; readonly [option: string]: unknown }): Promise<SqlDriver> {
  const { default: pg } = await import('pg');
  const { preparedStatements, ...poolConfig } = typeof config === 'string' ? { connectionString: config, preparedStatements: undefined } : config;
  // Pipelined connections: statements issued together (a transaction's BEGIN and its first statement) share one round trip.
  const pool = new pg.Pool({ pipeline: true, ...poolConfig });
  return pgDriver(pool as unknown as PgPoolLike, { ownsPool: true, ...(preparedStatements === undefined ? {} : { preparedStatements }) });
}
