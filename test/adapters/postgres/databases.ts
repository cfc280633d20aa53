import { afterAll, beforeAll } from 'vitest';
import { connectPostgres, createPostgresStore, openPglite, PostgresStore, type SqlDriver, type SqlSession } from '../../../src/adapters/postgres/index.js';

/** The real server the tests use when set (`.ci/run` sets it); without it the server tests are skipped, saying why. */
export const SERVER_URL = process.env.COBRANCA_TEST_DATABASE_URL || undefined;

/** Why the server tests did not run, for the skipped suite's name. */
export const SERVER_SKIP_REASON = 'skipped: COBRANCA_TEST_DATABASE_URL is not set (.ci/run starts a PostgreSQL server and sets it)';

/** One database of the test file: PGlite in memory, or the real server. */
export interface TestDatabase {
  readonly name: 'PGlite' | 'PostgreSQL server';
  /** The driver, opened on first use and closed after the file's tests. */
  driver(): Promise<SqlDriver>;
  /** A fresh migrated store in a schema of its own. */
  freshStore(): Promise<PostgresStore>;
  /** A new unique schema name. */
  freshSchema(): string;
}

let schemas = 0;

function database(name: TestDatabase['name'], open: () => Promise<SqlDriver>): TestDatabase {
  let opened: Promise<SqlDriver> | undefined;
  const created: string[] = [];
  const driver = (): Promise<SqlDriver> => (opened ??= open());
  const freshSchema = (): string => {
    const schema = `t${process.pid}_${Date.now().toString(36)}_${schemas++}`;
    created.push(schema);
    return schema;
  };
  // Opening PGlite (compiling its WebAssembly) takes seconds, minutes on a busy machine: not inside the first case's time limit.
  beforeAll(async () => {
    await (await driver()).query('SELECT 1');
  }, 600_000);
  afterAll(async () => {
    if (opened === undefined) return;
    const d = await opened;
    if (name === 'PostgreSQL server') for (const schema of created) await d.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await d.close();
  }, 600_000); // dropping a file's schemas (each with its tables, triggers and functions) takes more than 10 s on a busy machine
  return {
    name,
    driver,
    freshSchema,
    freshStore: async () => createPostgresStore({ driver: await driver(), schema: freshSchema() }),
  };
}

/** PGlite, always available (a dev dependency). */
export function pgliteDatabase(): TestDatabase {
  return database('PGlite', () => openPglite());
}

/** The real server at `COBRANCA_TEST_DATABASE_URL` (only call when it is set). */
export function serverDatabase(): TestDatabase {
  return database('PostgreSQL server', () => connectPostgres({ connectionString: SERVER_URL ?? '', max: 8 }));
}

/** A fresh store of `database` whose statements inside transactions are pushed into `sent` (their first `words` words). */
export async function countedStore(database: TestDatabase, words: number): Promise<{ store: PostgresStore; sent: string[] }> {
  const base = await database.freshStore();
  const driver: SqlDriver = base.driver;
  const sent: string[] = [];
  const counted: SqlDriver = {
    query: (text, params) => driver.query(text, params),
    transaction: (work) => driver.transaction((session: SqlSession) => work({ query: (text, params) => (sent.push(text.trim().split(/\s+/).slice(0, words).join(' ')), session.query(text, params)) })),
    close: () => driver.close(),
  };
  return { store: new PostgresStore({ driver: counted, schema: base.schema }), sent };
}
