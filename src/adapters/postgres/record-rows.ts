import { parseCivilDate } from '../../calendar/index.js';
import { fromCents } from '../../money/index.js';
import type { Versioned } from '../../ports/records.js';
import { UnstorableValueError } from './errors.js';
import type { ColumnSpec, TableSpec } from './tables.js';

/** A row as read: `id`, `version`, the typed columns by column name, and `body`. */
export type RecordRow = Record<string, unknown> & { readonly id: string; readonly version: number; readonly body: Record<string, unknown> };

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
  const typed = new Set(['id', 'version', ...spec.columns.map((c) => c.field)]);
  const body = Object.fromEntries(Object.entries(record).filter(([field]) => !typed.has(field)));
  values.push(JSON.stringify(body));
  return values;
}

/** The record a row holds: body fields, then the typed columns (absent when NULL), money back from `bigint` centavos. */
export function rowRecord<T extends Versioned>(spec: TableSpec, row: RecordRow): T {
  const record: Record<string, unknown> = { id: row.id, version: row.version, ...row.body };
  for (const column of spec.columns) {
    const value = row[column.column];
    if (value === null || value === undefined) continue;
    record[column.field] = column.kind === 'money' ? fromCents(value as bigint) : value;
  }
  return record as unknown as T;
}

/** The column list of a table, in parameter order. */
export function columnList(spec: TableSpec): string {
  return ['id', 'version', ...spec.columns.map((c) => c.column), 'body'].join(', ');
}
