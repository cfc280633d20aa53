import type { Versioned } from '../../ports/records.js';
import { VersionConflictError, type Collection, type RecordFilter } from '../../ports/store.js';
import type { Share } from '../../ports/share.js';
import type { SqlSession } from './driver.js';
import { writing } from './errors.js';
import { columnList, recordParams, rowRecord, type RecordRow } from './record-rows.js';
import { filterColumn, type TableSpec } from './tables.js';

/** The SQL text of one table's statements, built once per store. */
export interface CollectionStatements {
  readonly get: string;
  readonly insert: string;
  readonly update: string;
  readonly version: string;
  readonly page: string;
  readonly pageAfter: string;
  readonly pageShare: string;
  readonly select: string;
}

/** Builds the statements of a table in schema `s` (already quoted). */
export function collectionStatements(s: string, spec: TableSpec): CollectionStatements {
  const table = `${s}.${spec.table}`;
  const columns = columnList(spec);
  const count = spec.columns.length + 3;
  const placeholders = Array.from({ length: count }, (_, i) => (i === count - 1 ? `$${i + 1}::jsonb` : `$${i + 1}`)).join(', ');
  const assignments = ['version = $2', ...spec.columns.map((c, i) => `${c.column} = $${i + 3}`), `body = $${count}::jsonb`].join(', ');
  const select = `SELECT ${columns} FROM ${table}`;
  return {
    get: `${select} WHERE id = $1`,
    insert: `INSERT INTO ${table} (${columns}) VALUES (${placeholders}) ON CONFLICT (id) DO NOTHING`,
    update: `UPDATE ${table} SET ${assignments} WHERE id = $1 AND version = $2 - 1`,
    version: `SELECT version FROM ${table} WHERE id = $1`,
    page: `${select} ORDER BY id LIMIT $1`,
    pageAfter: `${select} WHERE id > $2 ORDER BY id LIMIT $1`,
    // The same bucket as the port's shareBucket(): the first 16 bits of md5(customer id).
    pageShare: `${select} WHERE id > coalesce($2, '') AND ('x' || substr(md5(${spec.columns.some((c) => c.column === 'customer_id') ? 'customer_id' : 'id'}), 1, 4))::bit(16)::int % $3 = $4 ORDER BY id LIMIT $1`,
    select,
  };
}

/**
 * A collection of the port on one table, inside one transaction's session. A
 * write names the version it read: the `UPDATE … WHERE version = n − 1` matches
 * no row when someone else wrote first, and that is a `VersionConflictError`.
 * Under READ COMMITTED a concurrent writer waits for the row lock, then sees the
 * new version and matches nothing: no update is ever lost.
 */
export class SqlCollection<T extends Versioned> implements Collection<T> {
  constructor(
    private readonly sql: SqlSession,
    private readonly spec: TableSpec,
    private readonly statements: CollectionStatements,
  ) {}

  private records(rows: RecordRow[]): T[] {
    return rows.map((row) => rowRecord<T>(this.spec, row));
  }

  private async storedVersion(id: string): Promise<number | undefined> {
    const { rows } = await this.sql.query<{ version: number }>(this.statements.version, [id]);
    return rows[0]?.version;
  }

  async get(id: string): Promise<T | undefined> {
    const { rows } = await this.sql.query<RecordRow>(this.statements.get, [id]);
    return rows[0] === undefined ? undefined : rowRecord<T>(this.spec, rows[0]);
  }

  async insert(record: T): Promise<void> {
    const params = recordParams(this.spec, record);
    if (record.version !== 1) throw new VersionConflictError(this.spec.table, record.id, 0, record.version - 1);
    const { rowCount } = await writing(this.spec.table, record.id, () => this.sql.query(this.statements.insert, params));
    if (rowCount === 0) throw new VersionConflictError(this.spec.table, record.id, 0, await this.storedVersion(record.id));
  }

  async update(record: T): Promise<void> {
    const params = recordParams(this.spec, record);
    const { rowCount } = await writing(this.spec.table, record.id, () => this.sql.query(this.statements.update, params));
    if (rowCount === 0) throw new VersionConflictError(this.spec.table, record.id, record.version - 1, await this.storedVersion(record.id));
  }

  async list(filter: RecordFilter = {}): Promise<T[]> {
    const conditions: string[] = [];
    const params: unknown[] = [];
    for (const field of ['customerId', 'invoiceId', 'status'] as const) {
      const value = filter[field];
      if (value === undefined) continue;
      const column = filterColumn(this.spec, field);
      if (column === undefined) return []; // the records have no such field: none matches
      params.push(value);
      conditions.push(`${column} = $${params.length}`);
    }
    const where = conditions.length > 0 ? ` WHERE ${conditions.join(' AND ')}` : '';
    const { rows } = await this.sql.query<RecordRow>(`${this.statements.select}${where} ORDER BY id`, params);
    return this.records(rows);
  }

  async page(limit: number, after?: string, share?: Share): Promise<T[]> {
    if (share !== undefined && share.count > 1) return this.records((await this.sql.query<RecordRow>(this.statements.pageShare, [limit, after ?? null, share.count, share.index])).rows);
    const { rows } = after === undefined ? await this.sql.query<RecordRow>(this.statements.page, [limit]) : await this.sql.query<RecordRow>(this.statements.pageAfter, [limit, after]);
    return this.records(rows);
  }
}
