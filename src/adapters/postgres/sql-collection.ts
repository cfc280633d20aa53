import type { Versioned } from '../../ports/records.js';
import { VersionConflictError, type Collection, type RecordFilter } from '../../ports/store.js';
import type { Share } from '../../ports/share.js';
import type { SqlSession } from './driver.js';
import { writing } from './errors.js';
import { jsonbElements, jsonBatch } from './json-batch.js';
import { columnList, paramsRow, recordParams, rowRecord, selectList, type RecordRow } from './record-rows.js';
import { byCodePoint, RowCache } from './row-cache.js';
import { filterColumn, type ColumnKind, type TableSpec } from './tables.js';
import { HELD_WRITES_LIMIT, WriteBehind, type HeldWrites } from './write-behind.js';

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
  readonly getMany: string;
  readonly insertMany: string;
  readonly lockVersions: string;
  readonly updateMany: string;
  readonly updateHeld: string;
  readonly deleteIds: string;
}

/** The array type a column's values are sent as (one array parameter per column: a batch is one statement whatever its size). */
const ARRAY_TYPE: Record<ColumnKind, string> = { text: 'text[]', money: 'bigint[]', date: 'date[]', bool: 'boolean[]', int: 'integer[]' };

/** Builds the statements of a table in schema `s` (already quoted). */
export function collectionStatements(s: string, spec: TableSpec): CollectionStatements {
  const table = `${s}.${spec.table}`;
  const columns = columnList(spec);
  const count = spec.columns.length + 3;
  const placeholders = Array.from({ length: count }, (_, i) => (i === count - 1 ? `$${i + 1}::jsonb` : `$${i + 1}`)).join(', ');
  const assignments = ['version = $2', ...spec.columns.map((c, i) => `${c.column} = $${i + 3}`), `body = $${count}::jsonb`].join(', ');
  const select = `SELECT ${selectList(spec)} FROM ${table}`;
  // A batch as columns: unnest($1::text[], $2::integer[], …) AS v(id, version, …, body) — the JSON body travels as text.
  const names = ['id', 'version', ...spec.columns.map((c) => c.column), 'body'];
  const types = ['text[]', 'integer[]', ...spec.columns.map((c) => ARRAY_TYPE[c.kind]), 'text[]'];
  // The bodies travel as one JSON array (see jsonBatch), turned back into a jsonb[] the unnest zips with the other columns.
  const argument = (t: string, i: number): string => (names[i] === 'body' ? jsonbElements(i + 1) : `$${i + 1}::${t}`);
  const unnest = `unnest(${types.map(argument).join(', ')}) AS v(${names.join(', ')})`;
  const values = names.map((n) => `v.${n}`).join(', ');
  return {
    getMany: `${select} WHERE id = ANY($1::text[]) ORDER BY id`,
    // Rows are inserted, and locked, in id order: concurrent batches sharing ids in different orders wait, never deadlock.
    insertMany: `INSERT INTO ${table} (${columns}) SELECT ${values} FROM ${unnest} ORDER BY v.id ON CONFLICT (id) DO NOTHING RETURNING id`,
    lockVersions: `SELECT id, version FROM ${table} WHERE id = ANY($1::text[]) ORDER BY id FOR UPDATE`,
    updateMany: `UPDATE ${table} AS t SET ${names.slice(1).map((n) => `${n} = v.${n}`).join(', ')} FROM ${unnest} WHERE t.id = v.id`,
    // Held updates: each row matched on the version the transaction expects it to hold (an update after an update of
    // the same row in one transaction is sent once, from the first one's version). The rows are locked in id order first.
    updateHeld: `WITH locked AS MATERIALIZED (SELECT id FROM ${table} WHERE id = ANY($1::text[]) ORDER BY id FOR UPDATE)
      UPDATE ${table} AS t SET ${names.slice(1).map((n) => `${n} = v.${n}`).join(', ')}
      FROM unnest(${[...types, 'integer[]'].map(argument).join(', ')}) AS v(${[...names, 'expected'].join(', ')})
      WHERE t.id = v.id AND t.version = v.expected AND t.id IN (SELECT id FROM locked) RETURNING t.id`,
    deleteIds: `DELETE FROM ${table} WHERE id = ANY($1::text[])`,
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

/** A write a transaction holds: an insert, or an update expecting the row at `expected`; `params` the record's latest. */
interface HeldWrite {
  readonly insert: boolean;
  readonly expected: number;
  params: unknown[];
}

/**
 * A collection of the port on one table, inside one transaction's session. A
 * write names the version it read: the `UPDATE … WHERE version = n − 1` matches
 * no row when someone else wrote first, and that is a `VersionConflictError`.
 * Under READ COMMITTED a concurrent writer waits for the row lock, then sees the
 * new version and matches nothing: no update is ever lost. Records read or
 * written by id, customer or invoice are kept for the rest of the transaction
 * ({@link RowCache}): a `get`, `getMany`, `list` or `listFor` of what the
 * transaction already read (a page's `getMany` or `listFor`, then one call per
 * record) or wrote is answered without a round trip. Pages are not kept.
 *
 * `insert` and `update` are held ({@link WriteBehind}): checked and kept in the
 * cache at once, sent as one multi-row insert and one multi-row update for all
 * the transaction held, before a list or page of the table, before a statement
 * on the indexes its triggers keep, and before COMMIT. Two writes of one record
 * in a transaction are sent as one. A conflict found when they are sent rejects
 * the transaction with the `VersionConflictError` (the port's contract: the
 * transaction that wrote a stale version does not commit).
 */
export class SqlCollection<T extends Versioned> implements Collection<T>, HeldWrites {
  private held = new Map<string, HeldWrite>();

  constructor(
    private readonly sql: SqlSession,
    private readonly spec: TableSpec,
    private readonly statements: CollectionStatements,
    private readonly writes: WriteBehind = new WriteBehind(sql),
    private readonly cache: RowCache = new RowCache(spec),
  ) {}

  private records(rows: RecordRow[]): T[] {
    return rows.map((row) => rowRecord<T>(this.spec, row));
  }

  private async storedVersion(id: string): Promise<number | undefined> {
    const { rows } = await this.sql.query<{ version: number }>(this.statements.version, [id]);
    return rows[0]?.version;
  }

  async get(id: string): Promise<T | undefined> {
    // Every held write is in the cache: an id it does not know has none, and the database answers for it.
    let row = this.cache.lookup(id);
    if (row === undefined) {
      const { rows } = await this.sql.query<RecordRow>(this.statements.get, [id]);
      this.cache.remember(rows, [id]);
      row = rows[0] ?? null;
    }
    return row === null ? undefined : rowRecord<T>(this.spec, row);
  }

  async insert(record: T): Promise<void> {
    const params = recordParams(this.spec, record);
    if (record.version !== 1) throw new VersionConflictError(this.spec.table, record.id, 0, record.version - 1);
    const known = this.cache.lookup(record.id);
    // Inserted or read in this transaction: the id is taken (the database would insert nothing).
    if (known !== undefined && known !== null) throw new VersionConflictError(this.spec.table, record.id, 0, known.version);
    this.held.set(record.id, { insert: true, expected: 0, params });
    this.writes.hold(this);
    this.cache.written(paramsRow(this.spec, params));
    if (this.held.size >= HELD_WRITES_LIMIT) await this.writes.flush(this);
  }

  async update(record: T): Promise<void> {
    const params = recordParams(this.spec, record);
    const held = this.held.get(record.id);
    if (held !== undefined) {
      // This transaction wrote the record and holds it: the version it holds is known.
      const holds = held.params[1] as number;
      if (holds !== record.version - 1) throw new VersionConflictError(this.spec.table, record.id, record.version - 1, holds);
      held.params = params;
    } else {
      this.held.set(record.id, { insert: false, expected: record.version - 1, params });
      this.writes.hold(this);
    }
    this.cache.written(paramsRow(this.spec, params));
    if (this.held.size >= HELD_WRITES_LIMIT) await this.writes.flush(this);
  }

  /** Sends the held writes: one insert of the new records, one update of the others (each in id order). */
  async write(): Promise<void> {
    const held = this.held;
    if (held.size === 0) return;
    this.held = new Map();
    const ids = [...held.keys()].sort(byCodePoint);
    const inserts = ids.filter((id) => (held.get(id) as HeldWrite).insert);
    const updates = ids.filter((id) => !(held.get(id) as HeldWrite).insert);
    const inserted = inserts.length === 0 ? undefined : this.send(this.statements.insertMany, inserts, held, false);
    const updated = updates.length === 0 ? undefined : this.send(this.statements.updateHeld, updates, held, true);
    const [insertedIds, updatedIds] = await Promise.all([inserted, updated]);
    const missing = (sent: readonly string[], done: readonly { id: string }[] | undefined): string | undefined => {
      if (done === undefined || done.length === sent.length) return undefined;
      const found = new Set(done.map((row) => row.id));
      return sent.find((id) => !found.has(id));
    };
    const taken = missing(inserts, insertedIds);
    const stale = missing(updates, updatedIds);
    if (taken === undefined && stale === undefined) return;
    this.cache.clear();
    const id = (taken ?? stale) as string;
    throw new VersionConflictError(this.spec.table, id, (held.get(id) as HeldWrite).expected, await this.storedVersion(id));
  }

  /** One multi-row statement for `ids`' held writes (one array per column, the expected versions last for an update). */
  private async send(statement: string, ids: readonly string[], held: ReadonlyMap<string, HeldWrite>, expected: boolean): Promise<{ id: string }[]> {
    const rows = ids.map((id) => (held.get(id) as HeldWrite).params);
    const columns = batchColumns((rows[0] as unknown[]).map((_, column) => rows.map((row) => row[column])));
    if (expected) columns.push(ids.map((id) => (held.get(id) as HeldWrite).expected));
    const name = ids.length === 1 ? (ids[0] as string) : `${ids[0] ?? ''} (batch of ${ids.length})`;
    return (await this.written(() => writing(this.spec.table, name, () => this.sql.query<{ id: string }>(statement, columns)))).rows;
  }

  /** Runs a write; when it throws, the cache forgets everything (what the table holds is no longer known). */
  private async written<R>(write: () => Promise<R>): Promise<R> {
    try {
      return await write();
    } catch (error) {
      this.cache.clear();
      throw error;
    }
  }

  async list(filter: RecordFilter = {}): Promise<T[]> {
    const cached = this.cache.list(filter);
    if (cached !== undefined) return this.records(cached);
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
    await this.writes.flush(this);
    const { rows } = await this.sql.query<RecordRow>(`${this.statements.select}${where} ORDER BY id`, params);
    const only = Object.keys(filter).filter((field) => filter[field as keyof RecordFilter] !== undefined);
    const [field] = only;
    if (only.length === 1 && (field === 'customerId' || field === 'invoiceId')) this.cache.completeFor(field, [filter[field] as string], rows);
    else this.cache.remember(rows);
    return this.records(rows);
  }

  async getMany(ids: readonly string[]): Promise<T[]> {
    if (ids.length === 0) return [];
    const unique = [...new Set(ids)];
    const missing = unique.filter((id) => this.cache.lookup(id) === undefined);
    if (missing.length > 0) this.cache.remember((await this.sql.query<RecordRow>(this.statements.getMany, [missing])).rows, missing);
    return this.records(unique.sort(byCodePoint).flatMap((id) => this.cache.lookup(id) ?? []));
  }

  async listFor(field: 'customerId' | 'invoiceId', values: readonly string[]): Promise<T[]> {
    const column = filterColumn(this.spec, field);
    if (column === undefined || values.length === 0) return [];
    const unique = [...new Set(values)];
    if (this.cache.isComplete(field, unique)) return this.records(this.cache.rowsFor(field, unique));
    const missing = unique.filter((value) => !this.cache.isComplete(field, [value]));
    await this.writes.flush(this);
    const { rows } = await this.sql.query<RecordRow>(`${this.statements.select} WHERE ${column} = ANY($1::text[]) ORDER BY id`, [missing]);
    this.cache.completeFor(field, missing, rows);
    return this.records(missing.length === unique.length ? rows : this.cache.rowsFor(field, unique));
  }

  async insertMany(records: readonly T[]): Promise<void> {
    if (records.length === 0) return;
    const columns = columnsOf(this.spec, records);
    const stale = records.find((r) => r.version !== 1);
    if (stale) throw new VersionConflictError(this.spec.table, stale.id, 0, stale.version - 1);
    await this.writes.flush(this);
    const { rows } = await this.written(() => writing(this.spec.table, batchName(records), () => this.sql.query<{ id: string }>(this.statements.insertMany, batchColumns(columns))));
    if (rows.length === records.length) {
      this.remember(columns);
      return;
    }
    this.cache.clear();
    // An id was taken (or given twice): undo the rows this statement did insert, so the batch is all or nothing.
    const inserted = new Set(rows.map((r) => r.id));
    if (inserted.size > 0) await this.sql.query(this.statements.deleteIds, [[...inserted]]);
    const taken = records.find((r) => !inserted.has(r.id)) ?? (records[0] as T);
    throw new VersionConflictError(this.spec.table, taken.id, 0, inserted.has(taken.id) ? 1 : await this.storedVersion(taken.id));
  }

  async updateMany(records: readonly T[]): Promise<void> {
    if (records.length === 0) return;
    const columns = columnsOf(this.spec, records);
    await this.writes.flush(this);
    // Lock the rows and check every version first, so the update either writes all of them or none.
    const { rows } = await this.sql.query<{ id: string; version: number }>(this.statements.lockVersions, [records.map((r) => r.id)]);
    const stored = new Map(rows.map((r) => [r.id, r.version]));
    const seen = new Set<string>();
    for (const record of records) {
      if (stored.get(record.id) !== record.version - 1 || seen.has(record.id)) {
        this.cache.clear();
        throw new VersionConflictError(this.spec.table, record.id, record.version - 1, stored.get(record.id));
      }
      seen.add(record.id);
    }
    await this.written(() => writing(this.spec.table, batchName(records), () => this.sql.query(this.statements.updateMany, batchColumns(columns))));
    this.remember(columns);
  }

  /** Keeps the rows a batch wrote (its parameters, one array per column) in the cache. */
  private remember(columns: readonly unknown[][]): void {
    const count = columns[0]?.length ?? 0;
    for (let i = 0; i < count; i++) this.cache.written(paramsRow(this.spec, columns.map((column) => column[i])));
  }

  async page(limit: number, after?: string, share?: Share): Promise<T[]> {
    await this.writes.flush(this);
    if (share !== undefined && share.count > 1) return this.records((await this.sql.query<RecordRow>(this.statements.pageShare, [limit, after ?? null, share.count, share.index])).rows);
    const { rows } = after === undefined ? await this.sql.query<RecordRow>(this.statements.page, [limit]) : await this.sql.query<RecordRow>(this.statements.pageAfter, [limit, after]);
    return this.records(rows);
  }
}

/** A batch's columns as the statements take them: the last (the bodies, JSON texts) as one JSON array ({@link jsonBatch}). */
function batchColumns(columns: readonly unknown[][]): unknown[] {
  return columns.map((column, i) => (i === columns.length - 1 ? jsonBatch(column as string[]) : column));
}

/** A batch's records as one array per column (`recordParams` of each, transposed): a bad field is refused before anything is sent. */
function columnsOf(spec: TableSpec, records: readonly Versioned[]): unknown[][] {
  const rows = records.map((record) => recordParams(spec, record));
  return (rows[0] ?? []).map((_, column) => rows.map((row) => row[column]));
}

/** How a batch is named in an error: its first id and size (never a value). */
function batchName(records: readonly Versioned[]): string {
  return `${records[0]?.id ?? ''} (batch of ${records.length})`;
}
