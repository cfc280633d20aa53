/**
 * The PostgreSQL store: the `Store` port on a PostgreSQL server (through the
 * optional peer dependency `pg`) or on embedded PGlite (the optional peer
 * dependency `@electric-sql/pglite`: zero setup, in memory or in a directory),
 * with versioned migrations shipped in the package.
 * @module adapters/postgres
 */
export { PostgresStore, createPostgresStore, type PostgresStoreOptions } from './postgres-store.js';
export { migrate, LATEST_SCHEMA_VERSION, type MigrateOptions, type MigrationReport } from './migrate.js';
export { MIGRATIONS, type Migration } from './migrations/index.js';
export { type SqlDriver, type SqlSession, type SqlResult } from './driver.js';
export { pgDriver, connectPostgres, type PgPoolLike, type PgClientLike, type PgQueryable } from './pg-driver.js';
export { pgliteDriver, openPglite, type PgliteLike, type PgliteQueryable } from './pglite-driver.js';
export { UnstorableValueError, isUnstorableValue } from './errors.js';
