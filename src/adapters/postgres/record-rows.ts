import { parseCivilDate } from '../../calendar/index.js';
import { fromCents } from '../../money/index.js';
import type { Versioned } from '../../ports/records.js';
import { UnstorableValueError } from './errors.js';
import type { ColumnSpec, TableSpec } from './tables.js';

/** A row as read: `id`, `version`, the typed columns by column name, and `body` (its JSON text as the store selects it, or parsed). */
export type RecordRow = Record<string, unknown> & { readonly id: string; readonly version: number; readonly body: string | Record<string, unknown> };

function columnValue(spec: TableSpec, record: Versioned, column: ColumnSpec): unknown {
  const value = (record as unknown as Record<string, unknown>)[column.field];
  if (value === undefined || value === null) return null;
  const refuse = (what: string): never => {
    throw new UnstorableValueError(spec.table, record.id, column.field, `expected ${what}`);
  };
  switch (column.kind) {
    case 'text':
      return typeof value === 'string' ? value : refuse('text');
    case 'money': {
      const cents = (value as { cents?: unknown }).cents;
      return typeof cents === 'number' && Number.isSafeInteger(cents) ? String(cents) : refuse('money as { cents } with a whole number of centavos');
    }
    case 'date':
      return parseCivilDate(value).isOk() ? value : refuse('a civil date YYYY-MM-DD');
    case 'bool':
      return typeof value === 'boolean' ? value : refuse('a boolean');
    case 'int':
      return typeof value === 'number' && Number.isSafeInteger(value) ? value : refuse('a whole number');
  }
}

/**
 * The statement parameters of a record: `id`, `version`, one per typed column
 * (money as centavos text for `bigint`, never a float), then every other field
 * as the JSON text of `body`. A field of the wrong type is an
 * {@link UnstorableValueError}; nothing is sent.
 */
export function recordParams(spec: TableSpec, record: Versioned): unknown[] {
  if (typeof record.id !== 'string' || record.id.length === 0) throw new UnstorableValueError(spec.table, String(record.id), 'id', 'expected a non-empty text id');
  if (!Number.isSafeInteger(record.version)) throw new UnstorableValueError(spec.table, record.id, 'version', 'expected a whole number');
  const values: unknown[] = [record.id, record.version];
  for (const column of spec.columns) values.push(columnValue(spec, record, column));
  const typed = typedFields(spec);
  const body: Record<string, unknown> = {};
  for (const field in record) if (!typed.has(field)) body[field] = (record as unknown as Record<string, unknown>)[field];
  values.push(JSON.stringify(body));
  return values;
}

const TYPED = new WeakMap<TableSpec, ReadonlySet<string>>();

/** The fields of `spec`'s records kept outside `body` (`id`, `version`, the typed columns), made once per table. */
function typedFields(spec: TableSpec): ReadonlySet<string> {
  let typed = TYPED.get(spec);
  if (typed === undefined) TYPED.set(spec, (typed = new Set(['id', 'version', ...spec.columns.map((c) => c.field)])));
  return typed;
}

/** The record a row holds: body fields, then the typed columns (absent when NULL), money back from `bigint` centavos. */
export function rowRecord<T extends Versioned>(spec: TableSpec, row: RecordRow): T {
  const body = typeof row.body === 'string' ? (JSON.parse(row.body) as Record<string, unknown>) : row.body;
  // Object.assign, not a spread: a spread into a literal is several times slower on Node 20.
  const record: Record<string, unknown> = Object.assign({ id: row.id, version: row.version }, body);
  for (const column of spec.columns) {
    const value = row[column.column];
    if (value === null || value === undefined) continue;
    record[column.field] = column.kind === 'money' ? fromCents(value as bigint) : value;
  }
  return record as unknown as T;
}

/**
 * The row a write of `params` (see {@link recordParams}) leaves in the table, as a select reads it (money as `bigint`
 * centavos, the body as JSON text): what a transaction's cache keeps for a record it wrote.
 */
export function paramsRow(spec: TableSpec, params: readonly unknown[]): RecordRow {
  const row: Record<string, unknown> = { id: params[0], version: params[1], body: params[params.length - 1] };
  spec.columns.forEach((column, i) => {
    const value = params[i + 2];
    row[column.column] = column.kind === 'money' && value !== null ? BigInt(value as string) : value;
  });
  return row as RecordRow;
}

/** The column list of a select: as {@link columnList}, the body read as its JSON text (a row a cache may keep and rebuild records from). */
export function selectList(spec: TableSpec): string {
  return ['id', 'version', ...spec.columns.map((c) => c.column), 'body::text AS body'].join(', ');
}

/** The column list of a table, in parameter order. */
export function columnList(spec: TableSpec): string {
  return ['id', 'version', ...spec.columns.map((c) => c.column), 'body'].join(', ');
}
