import type { SqlDriver, SqlSession } from './driver.js';
import { MIGRATIONS, type Migration } from './migrations/index.js';
import { quoteSchema } from './tables.js';

/** Options of {@link migrate}. */
export interface MigrateOptions {
  /** The PostgreSQL schema that holds the store's tables (default `cobranca`). */
  readonly schema?: string;
  /** Stop at this version (tests of upgrades); the latest by default. */
  readonly toVersion?: number;
}

/** What {@link migrate} did. */
export interface MigrationReport {
  readonly fromVersion: number;
  readonly toVersion: number;
  readonly applied: readonly number[];
}

/** The version the package's newest migration brings a database to. */
export const LATEST_SCHEMA_VERSION = MIGRATIONS.length;

/** Advisory-lock namespace of the store's migrations (the second key is the schema's hash). */
const LOCK_NAMESPACE = 7_262_001;

function statements(sql: string): string[] {
  return sql.split(/;\s*\n/).map((s) => s.trim()).filter((s) => s.replace(/--[^\n]*/g, '').trim().length > 0);
}

/** The schema's version, 0 when the version table is empty. */
async function currentVersion(sql: SqlSession, s: string): Promise<number> {
  const { rows } = await sql.query<{ version: number | null }>(`SELECT max(version) AS version FROM ${s}.schema_version`);
  return rows[0]?.version ?? 0;
}

async function apply(sql: SqlSession, s: string, migration: Migration): Promise<void> {
  for (const statement of statements(migration.sql(s))) await sql.query(statement);
  await sql.query(`INSERT INTO ${s}.schema_version (version, name) VALUES ($1, $2)`, [migration.version, migration.name]);
}

/**
 * Brings the store's schema to the newest version the package ships, applying
 * each missing migration in order, all in one transaction. Idempotent: a
 * database already at the newest version is left alone. Safe when several
 * processes start at once: a transaction-scoped advisory lock lets one migrate
 * while the others wait, then find nothing to do. A database at a newer version
 * than this package knows is refused (run the newer package).
 * @example
 * ```ts no-run
 * import { migrate, openPglite } from 'cobranca/adapters/postgres';
 *
 * const driver = await openPglite(); // or connectPostgres(url) for a server
 * const report = await migrate(driver, { schema: 'cobranca' }); // safe to run on every start: applies only what is missing
 * console.log(report.fromVersion, report.toVersion, report.applied);
 * ```
 */
export async function migrate(driver: SqlDriver, options: MigrateOptions = {}): Promise<MigrationReport> {
  const s = quoteSchema(options.schema ?? 'cobranca');
  const target = options.toVersion ?? LATEST_SCHEMA_VERSION;
  if (!Number.isInteger(target) || target < 0 || target > LATEST_SCHEMA_VERSION) throw new RangeError(`toVersion must be 0..${LATEST_SCHEMA_VERSION}, got ${target}`);
  return driver.transaction(async (sql) => {
    await sql.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [LOCK_NAMESPACE, s]);
    await sql.query(`CREATE SCHEMA IF NOT EXISTS ${s}`);
    await sql.query(`CREATE TABLE IF NOT EXISTS ${s}.schema_version (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
    const fromVersion = await currentVersion(sql, s);
    if (fromVersion > LATEST_SCHEMA_VERSION) {
      throw new Error(`the database schema ${s} is at version ${fromVersion}, newer than this package's ${LATEST_SCHEMA_VERSION}: upgrade cobranca`);
    }
    const applied: number[] = [];
    for (const migration of MIGRATIONS) {
      if (migration.version <= fromVersion || migration.version > target) continue;
      await apply(sql, s, migration);
      applied.push(migration.version);
    }
    return { fromVersion, toVersion: Math.max(fromVersion, target), applied };
  });
}
