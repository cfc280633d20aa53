import { describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION, MIGRATIONS, migrate, PostgresStore, type SqlDriver } from '../../../src/adapters/postgres/index.js';
import { pgliteDatabase, SERVER_SKIP_REASON, SERVER_URL, serverDatabase, type TestDatabase } from './databases.js';

/** Everything about a schema's shape: columns with types, defaults, nullability and generation; indexes; constraints; triggers and their functions. */
async function shapeOf(driver: SqlDriver, schema: string): Promise<unknown> {
  const columns = await driver.query(
    `SELECT table_name, column_name, data_type, is_nullable, column_default, collation_name, is_identity, generation_expression FROM information_schema.columns WHERE table_schema = $1 ORDER BY table_name, ordinal_position`,
    [schema],
  );
  const indexes = await driver.query(`SELECT tablename, indexname, replace(indexdef, $1, 'S') AS def FROM pg_indexes WHERE schemaname = $2 ORDER BY tablename, indexname`, [`"${schema}"`, schema]);
  const constraints = await driver.query(
    `SELECT c.conrelid::regclass::text AS tbl, c.contype, pg_get_constraintdef(c.oid) AS def FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace WHERE n.nspname = $1 ORDER BY 1, 2, 3`,
    [schema],
  );
  const triggers = await driver.query<{ def: string }>(
    `SELECT pg_get_triggerdef(t.oid) AS def FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1 AND NOT t.tgisinternal ORDER BY c.relname, t.tgname`,
    [schema],
  );
  const functions = await driver.query<{ def: string }>(`SELECT pg_get_functiondef(p.oid) AS def FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = $1 ORDER BY p.proname`, [schema]);
  const storage = await driver.query(`SELECT c.relname, c.reloptions FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1 AND c.relkind = 'r' ORDER BY 1`, [schema]);
  return {
    columns: columns.rows,
    triggers: triggers.rows.map((r) => r.def.replaceAll(schema, 'S')),
    functions: functions.rows.map((r) => r.def.replaceAll(schema, 'S')),
    storage: storage.rows,
    indexes: indexes.rows.map((r) => ({ ...r, def: String((r as { def: string }).def).replaceAll(schema, 'S') })),
    constraints: constraints.rows.map((r) => ({ ...r, tbl: String((r as { tbl: string }).tbl).replace(/^.*\./, '') })),
  };
}

function migrationCases(db: TestDatabase): void {
  it('an empty database migrates to the newest version, and a second run does nothing', async () => {
    const driver = await db.driver();
    const schema = db.freshSchema();
    const first = await migrate(driver, { schema });
    expect(first).toEqual({ fromVersion: 0, toVersion: LATEST_SCHEMA_VERSION, applied: MIGRATIONS.map((m) => m.version) });
    expect(await migrate(driver, { schema })).toEqual({ fromVersion: LATEST_SCHEMA_VERSION, toVersion: LATEST_SCHEMA_VERSION, applied: [] });
    const { rows } = await driver.query<{ version: number }>(`SELECT version FROM "${schema}".schema_version ORDER BY version`);
    expect(rows.map((r) => r.version)).toEqual(MIGRATIONS.map((m) => m.version));
  });

  it('a database at every earlier version migrates to the same schema as an empty one', async () => {
    const driver = await db.driver();
    const reference = db.freshSchema();
    await migrate(driver, { schema: reference });
    const expected = await shapeOf(driver, reference);
    for (let version = 0; version < LATEST_SCHEMA_VERSION; version++) {
      const schema = db.freshSchema();
      await migrate(driver, { schema, toVersion: version });
      const report = await migrate(driver, { schema });
      expect(report.fromVersion).toBe(version);
      expect(await shapeOf(driver, schema), `from version ${version}`).toEqual(expected);
    }
  });

  it('processes migrating at once all succeed, and the migrations are applied once', async () => {
    const driver = await db.driver();
    const schema = db.freshSchema();
    const reports = await Promise.all([1, 2, 3, 4].map(() => migrate(driver, { schema })));
    expect(reports.flatMap((r) => r.applied)).toEqual(MIGRATIONS.map((m) => m.version));
  });

  it('version 4 adds the registers table to a database at version 3 and keeps what was there', async () => {
    const driver = await db.driver();
    const schema = db.freshSchema();
    await migrate(driver, { schema, toVersion: 3 });
    const tables = async (): Promise<string[]> => (await driver.query<{ table_name: string }>(`SELECT table_name FROM information_schema.tables WHERE table_schema = $1 ORDER BY 1`, [schema])).rows.map((r) => r.table_name);
    expect(await tables()).not.toContain('registers');
    await driver.query(`INSERT INTO "${schema}".customers (id, version, name, tax_id, kind, body) VALUES ('c1', 1, 'Maria', '12345678909', 'person', '{}')`);
    expect((await migrate(driver, { schema, toVersion: 4 })).applied).toEqual([4]);
    expect(await tables()).toContain('registers');
    const store = new PostgresStore({ driver, schema });
    const register = { id: 'r1', version: 1, register: 'agreement_category' as const, name: 'Renegociação', active: true, createdBy: 'op', createdAt: '2026-11-24T10:00:00.000Z' };
    await store.transaction((tx) => tx.registers.insert(register));
    expect(await store.transaction((tx) => tx.registers.get('r1'))).toEqual(register);
    expect((await store.transaction((tx) => tx.customers.get('c1')))?.name).toBe('Maria');
    const indexes = await driver.query<{ indexname: string }>(`SELECT indexname FROM pg_indexes WHERE schemaname = $1 AND tablename = 'registers' ORDER BY 1`, [schema]);
    expect(indexes.rows.map((r) => r.indexname)).toEqual(['registers_pkey', 'registers_register']);
  });

  it('version 5 indexes pending effects by kind, and a claim for some kinds uses that index', async () => {
    const driver = await db.driver();
    const schema = db.freshSchema();
    await migrate(driver, { schema, toVersion: 4 });
    expect((await migrate(driver, { schema, toVersion: 5 })).applied).toEqual([5]);
    const indexes = await driver.query<{ indexname: string; indexdef: string }>(`SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = $1 AND tablename = 'outbox' AND indexname = 'outbox_pending_kind'`, [schema]);
    expect(indexes.rows[0]?.indexdef).toMatch(/\(kind, seq\) WHERE \(status = 'pending'::text\)/);
    const plan = await driver.transaction(async (sql) => {
      await sql.query(`SET LOCAL enable_seqscan = off`);
      return sql.query<Record<string, string>>(
        `EXPLAIN SELECT p.seq FROM unnest(ARRAY['notify']) AS k(kind) CROSS JOIN LATERAL (SELECT seq FROM "${schema}".outbox WHERE kind = k.kind AND status = 'pending' ORDER BY seq LIMIT 100) AS p ORDER BY p.seq LIMIT 100`,
      );
    });
    expect(plan.rows.map((r) => Object.values(r)[0]).join('\n')).toContain('outbox_pending_kind');
  });

  it('version 13 keeps the audit lines and effects of a database at version 12, in order, and the outbox is keyed by id', async () => {
    const driver = await db.driver();
    const schema = db.freshSchema();
    const s = `"${schema}"`;
    await migrate(driver, { schema, toVersion: 12 });
    await driver.query(
      `INSERT INTO ${s}.audit (id, at, actor, subject_type, subject_id, action, details) VALUES
         ('a1', '2026-11-24T10:00:00Z', 'op', 'invoice', 'i1', 'created', NULL),
         ('a2', '2026-11-24T10:00:01Z', 'op', 'invoice', 'i2', 'created', '{"n": 1}'),
         ('a3', '2026-11-24T10:00:02Z', 'system', 'invoice', 'i1', 'paid', '{"cents": 100}')`,
    );
    await driver.query(`INSERT INTO ${s}.outbox (id, key, kind, payload, status, attempts, created_at) VALUES ('e1', 'k1', 'notify', '{}', 'pending', 0, '2026-11-24T10:00:00Z'), ('e2', 'k2', 'notify', '{}', 'pending', 0, '2026-11-24T10:00:00Z')`);
    expect((await migrate(driver, { schema })).applied).toEqual([13]);
    const store = new PostgresStore({ driver, schema });
    await store.transaction((tx) => tx.audit.append({ id: 'a4', at: '2026-11-24T10:00:03.000Z', actor: 'op', subjectType: 'invoice', subjectId: 'i1', action: 'noted' }));
    expect(await store.transaction((tx) => tx.audit.forSubject('invoice', 'i1'))).toEqual([
      { id: 'a1', at: '2026-11-24T10:00:00.000Z', actor: 'op', subjectType: 'invoice', subjectId: 'i1', action: 'created' },
      { id: 'a3', at: '2026-11-24T10:00:02.000Z', actor: 'system', subjectType: 'invoice', subjectId: 'i1', action: 'paid', details: { cents: 100 } },
      { id: 'a4', at: '2026-11-24T10:00:03.000Z', actor: 'op', subjectType: 'invoice', subjectId: 'i1', action: 'noted' },
    ]);
    expect((await store.transaction((tx) => tx.audit.forSubject('invoice', 'i2'))).map((e) => e.details)).toEqual([{ n: 1 }]);
    const claimed = await store.transaction((tx) => tx.outbox.claim({ owner: 'w', now: '2026-11-24T10:00:00.000Z', until: '2026-11-24T10:05:00.000Z', limit: 10 }));
    expect(claimed.map((e) => e.id)).toEqual(['e1', 'e2']);
    expect(await store.transaction((tx) => tx.outbox.enqueue({ ...(claimed[0] as NonNullable<(typeof claimed)[0]>), key: 'k3' }))).toBe(false);
    const keys = await driver.query<{ def: string }>(`SELECT pg_get_constraintdef(c.oid) AS def FROM pg_constraint c WHERE c.conrelid = '${s}.outbox'::regclass AND c.contype IN ('p', 'u') ORDER BY 1`);
    expect(keys.rows.map((r) => r.def)).toEqual(['PRIMARY KEY (id)', 'UNIQUE (key)']);
  });

  it('refuses a database newer than the package', async () => {
    const driver = await db.driver();
    const schema = db.freshSchema();
    await migrate(driver, { schema });
    await driver.query(`INSERT INTO "${schema}".schema_version (version, name) VALUES ($1, 'from the future')`, [LATEST_SCHEMA_VERSION + 1]);
    await expect(migrate(driver, { schema })).rejects.toThrow(/newer than this package/);
  });

  it('refuses a schema name that would need quoting', async () => {
    await expect(migrate(await db.driver(), { schema: 'x"; DROP TABLE y; --' })).rejects.toThrow(RangeError);
  });
}

describe('migrations on PGlite', () => migrationCases(pgliteDatabase()));

if (SERVER_URL !== undefined) describe('migrations on a PostgreSQL server', () => migrationCases(serverDatabase()));
else describe.skip(`migrations on a PostgreSQL server (${SERVER_SKIP_REASON})`, () => it('migrates the server', () => undefined));
