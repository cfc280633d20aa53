import type { CivilDate } from '../../calendar/index.js';
import type { DueNegativation, DueNegativationEntry, NegativationCheck, NegativationDueIndex, NegativationDueKey, NegativationDueQuery } from '../../ports/negativation-due.js';
import type { NegativationRecord } from '../../ports/records.js';
import type { SqlSession } from './driver.js';
import { WRITTEN_DAY } from './migrations/0009-negativation-due.js';
import { columnList, rowRecord, type RecordRow } from './record-rows.js';
import { TABLES } from './tables.js';

/** The SQL text of the due index's statements, built once per store. */
export interface NegativationDueStatements {
  readonly due: string;
  readonly dueShare: string;
  readonly entries: string;
  readonly entriesShare: string;
  readonly checked: string;
}

/** Builds the due index's statements for schema `s` (already quoted). */
export function negativationDueStatements(s: string): NegativationDueStatements {
  const columns = columnList(TABLES.negativations)
    .split(', ')
    .map((c) => `n.${c}`)
    .join(', ');
  // Keyset by (due_on, id) on the partial index of the rows with a due day; the record joined by its primary key.
  const due = `SELECT ${columns}, d.due_on::text AS due_day, d.touched FROM ${s}.negativation_due AS d JOIN ${s}.negativations AS n ON n.id = d.id
    WHERE d.due_on <= $1::date AND (d.due_on, d.id) > ($2::date, $3::text)`;
  // The same rows without the record: the join only keeps to stored negativations (no body read).
  const entries = `SELECT d.id, d.due_on::text AS due_day, d.touched FROM ${s}.negativation_due AS d JOIN ${s}.negativations AS n ON n.id = d.id
    WHERE d.due_on <= $1::date AND (d.due_on, d.id) > ($2::date, $3::text)`;
  return {
    due: `${due} ORDER BY d.due_on, d.id LIMIT $4`,
    entries: `${entries} ORDER BY d.due_on, d.id LIMIT $4`,
    entriesShare: `${entries} AND d.bucket % $5 = $6 ORDER BY d.due_on, d.id LIMIT $4`,
    dueShare: `${due} AND d.bucket % $5 = $6 ORDER BY d.due_on, d.id LIMIT $4`,
    // Applied only where nothing touched the row since it was read (a touch in this transaction, before or after, keeps it due).
    checked: `UPDATE ${s}.negativation_due AS d SET due_on = v.due_on FROM unnest($1::text[], $2::bigint[], $3::date[]) AS v(id, touched, due_on)
      WHERE d.id = v.id AND d.touched = v.touched`,
  };
}

/** The key of a stored due day. */
function keyOf(day: string): NegativationDueKey {
  return day === WRITTEN_DAY ? { written: true } : { written: false, dueOn: day as CivilDate };
}

/** The stored due day of a key. */
function dayOf(key: NegativationDueKey): string {
  return key.written ? WRITTEN_DAY : key.dueOn;
}

/** The parameters of a `due` statement: without a cursor, from before the first written row (`0001-01-01` and any id). */
function dueParams(today: CivilDate, query: NegativationDueQuery): unknown[] {
  return [today, query.after === undefined ? WRITTEN_DAY : dayOf(query.after.key), query.after === undefined ? '' : query.after.id, query.limit];
}

/**
 * The negativation due index on the `negativation_due` table (migration 9),
 * inside one transaction's session: the touches are the database's
 * (triggers); this reads the due negativations (with their records, or only
 * their entries) and records checks, one statement each.
 */
export function sqlNegativationDue(sql: SqlSession, statements: NegativationDueStatements): NegativationDueIndex {
  return {
    due: async (today, query): Promise<DueNegativation[]> => {
      const params = dueParams(today, query);
      const { rows } =
        query.share !== undefined && query.share.count > 1
          ? await sql.query<RecordRow & { due_day: string; touched: bigint }>(statements.dueShare, [...params, query.share.count, query.share.index])
          : await sql.query<RecordRow & { due_day: string; touched: bigint }>(statements.due, params);
      return rows.map((row) => ({ record: rowRecord<NegativationRecord>(TABLES.negativations, row), key: keyOf(row.due_day), touched: Number(row.touched) }));
    },
    dueEntries: async (today, query): Promise<DueNegativationEntry[]> => {
      const params = dueParams(today, query);
      const { rows } =
        query.share !== undefined && query.share.count > 1
          ? await sql.query<{ id: string; due_day: string; touched: bigint }>(statements.entriesShare, [...params, query.share.count, query.share.index])
          : await sql.query<{ id: string; due_day: string; touched: bigint }>(statements.entries, params);
      return rows.map((row) => ({ id: row.id, key: keyOf(row.due_day), touched: Number(row.touched) }));
    },
    checked: async (checks: readonly NegativationCheck[]): Promise<void> => {
      if (checks.length === 0) return;
      const last = new Map(checks.map((c) => [c.id, c]));
      const ids = [...last.keys()].sort();
      const chosen = ids.map((id) => last.get(id) as NegativationCheck);
      await sql.query(statements.checked, [ids, chosen.map((c) => String(c.touched)), chosen.map((c) => c.dueOn ?? null)]);
    },
  };
}
