import type { RecordFilter } from '../../ports/store.js';
import type { RecordRow } from './record-rows.js';
import { filterColumn, type TableSpec } from './tables.js';

/** The fields a list can be served from the cache by: the customer's and the invoice's (when the table has them). */
type ListField = 'customerId' | 'invoiceId';
const LIST_FIELDS: readonly ListField[] = ['customerId', 'invoiceId'];

/** Ids in the order `ORDER BY id` gives on the store's `COLLATE "C"` ids: by code point (UTF-16 order differs above U+FFFF). */
export function byCodePoint(a: string, b: string): number {
  if (a === b) return 0;
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a.codePointAt(i) as number;
    const y = b.codePointAt(i) as number;
    if (x !== y) return x < y ? -1 : 1;
    if (x > 0xffff) i++;
  }
  return a.length < b.length ? -1 : 1;
}

/**
 * What one transaction has read and written of one table, so it does not ask
 * the database again for a record it already holds: rows by id (`null` for an
 * id known to be absent) and, per customer or invoice, the complete set of the
 * table's ids for it (from a `listFor` or a `list` by that field alone). Writes
 * that succeed go through it; a write that fails forgets everything. It lives
 * as long as the transaction, so a repeated read inside one transaction answers
 * what the first read (or the transaction's own write) saw, as if nothing
 * committed in between. Rows are kept as read, the body as JSON text: every hit
 * builds a new record, so callers never share an object with the cache.
 */
export class RowCache {
  private rows = new Map<string, RecordRow | null>();
  private complete = new Map<ListField, Map<string, Set<string>>>();
  private readonly columns: ReadonlyMap<ListField, string>;

  constructor(spec: TableSpec) {
    this.columns = new Map(LIST_FIELDS.flatMap((field) => {
      const column = filterColumn(spec, field);
      return column === undefined ? [] : [[field, column] as const];
    }));
  }

  /** The row of `id` (`null`: known absent), or `undefined` when this transaction has not seen it. */
  lookup(id: string): RecordRow | null | undefined {
    return this.rows.get(id);
  }

  /** Remembers rows read from the database, and the asked ids that were not among them as absent. */
  remember(rows: readonly RecordRow[], asked: readonly string[] = []): void {
    for (const row of rows) this.put(row);
    if (asked.length === 0) return;
    const found = new Set(rows.map((row) => row.id));
    for (const id of asked) if (!found.has(id)) this.forgetId(id, null);
  }

  /** Remembers that `rows` are all the table holds for each of `values` of `field`. */
  completeFor(field: ListField, values: readonly string[], rows: readonly RecordRow[]): void {
    const column = this.columns.get(field);
    if (column === undefined) return;
    this.remember(rows);
    let sets = this.complete.get(field);
    if (sets === undefined) this.complete.set(field, (sets = new Map()));
    for (const value of values) sets.set(value, new Set());
    for (const row of rows) sets.get(row[column] as string)?.add(row.id);
  }

  /** Whether every one of `values` has a complete set for `field`. */
  isComplete(field: ListField, values: readonly string[]): boolean {
    const sets = this.complete.get(field);
    return sets !== undefined && values.every((value) => sets.has(value));
  }

  /** The rows of `values` of `field` (each complete, see {@link isComplete}), in id order. */
  rowsFor(field: ListField, values: readonly string[]): RecordRow[] {
    const sets = this.complete.get(field);
    const ids = new Set(values.flatMap((value) => [...(sets?.get(value) ?? [])]));
    return [...ids].sort(byCodePoint).map((id) => this.rows.get(id) as RecordRow);
  }

  /** The rows `list(filter)` returns, when a complete set answers it; `undefined` when the database must. */
  list(filter: RecordFilter): RecordRow[] | undefined {
    const field = LIST_FIELDS.find((f) => filter[f] !== undefined && this.columns.has(f));
    if (field === undefined) return undefined;
    const value = filter[field] as string;
    if (!this.isComplete(field, [value])) return undefined;
    return this.rowsFor(field, [value]).filter((row) => this.matches(row, filter));
  }

  /** A row the transaction wrote (inserted or updated): it is what the database now holds for its id. */
  written(row: RecordRow): void {
    this.put(row);
  }

  /** After a write that failed: nothing remembered may be trusted any more. */
  clear(): void {
    this.rows = new Map();
    this.complete = new Map();
  }

  private matches(row: RecordRow, filter: RecordFilter): boolean {
    for (const field of ['customerId', 'invoiceId', 'status'] as const) {
      const value = filter[field];
      if (value === undefined) continue;
      const column = field === 'status' ? 'status' : this.columns.get(field);
      if (column === undefined || row[column] !== value) return false;
    }
    return true;
  }

  /** Keeps `row`, moving its id between the complete sets when its customer or invoice changed. */
  private put(row: RecordRow): void {
    this.forgetId(row.id, row);
  }

  private forgetId(id: string, next: RecordRow | null): void {
    const before = this.rows.get(id);
    this.rows.set(id, next);
    for (const [field, column] of this.columns) {
      const sets = this.complete.get(field);
      if (sets === undefined) continue;
      const was = before ? (before[column] as string | null) : undefined;
      const now = next ? (next[column] as string | null) : undefined;
      if (was === now && before !== undefined) continue;
      if (was !== undefined && was !== null) sets.get(was)?.delete(id);
      if (now !== undefined && now !== null) sets.get(now)?.add(id);
    }
  }
}
