import { WRITTEN_DAY } from './0009-negativation-due.js';

/**
 * A negativation's status as the daily evaluation tells statuses apart (as
 * migration 8 froze it: `in_analysis` reads as `processing`, `cancelled` as
 * `recovered`).
 */
const asEvaluated = (status: string): string => `CASE ${status} WHEN 'in_analysis' THEN 'processing' WHEN 'cancelled' THEN 'recovered' ELSE ${status} END`;

/** What the daily evaluation reads of a `negativations` row, from columns only (no body read, so nothing decompressed). */
const evaluatedView = (row: string): string =>
  `(${row}.customer_id, ${row}.invoice_id, ${asEvaluated(`${row}.status`)}, ${asEvaluated(`${row}.negativation_status`)}, ${row}.registered_on)`;

/**
 * The touch of migration 7 (one more touch; `tx`, `tx_base`; `evaluated`
 * following when this transaction already recorded the evaluation), applied
 * to `customers` (a select of distinct customer ids in a column `id`) that this
 * transaction has not touched yet: a customer it already touched (`tx` is this
 * transaction and the count moved past `tx_base`) stays as it is.
 */
const touchOnce = (s: string, customers: string): string => `INSERT INTO ${s}.wake AS w (customer_id, touched, evaluated, tx, tx_base)
  SELECT c.id, 1, 0, pg_current_xact_id(), 0 FROM (${customers}) AS c
  WHERE (SELECT t.tx = pg_current_xact_id() AND t.touched > t.tx_base FROM ${s}.wake AS t WHERE t.customer_id = c.id) IS NOT TRUE ORDER BY 1
  ON CONFLICT (customer_id) DO UPDATE SET touched = w.touched + 1,
    evaluated = CASE WHEN w.tx = excluded.tx AND w.evaluated = w.touched THEN w.evaluated + 1 ELSE w.evaluated END,
    tx = excluded.tx, tx_base = CASE WHEN w.tx = excluded.tx THEN w.tx_base ELSE w.touched END`;

const touchFunction = (s: string, name: string, rows: 'new_rows' | 'old_rows', column: 'customer_id' | 'id'): string => `
CREATE OR REPLACE FUNCTION ${s}.${name}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  ${touchOnce(s, `SELECT DISTINCT ${column} COLLATE "C" AS id FROM ${rows}`)}; RETURN NULL; END
$$;
`;

/** The customers of the written rows, as an array the `negativation_due` index by customer can be probed with. */
const CUSTOMERS = `ARRAY(SELECT DISTINCT customer_id COLLATE "C" FROM new_rows)`;

/**
 * Version 12: lighter writes, the same contents.
 *
 * - The wake index is touched once per customer and transaction: a statement
 *   of a transaction that already touched the customer (`tx` is it and the
 *   count moved past `tx_base`) leaves the row alone. A page of the daily cycle
 *   writes the action log, invoices and negativations of its customers in one
 *   transaction, so each statement's trigger used to write a new version of
 *   every customer's row. Whether a customer is due is unchanged: its count
 *   still moves past any count read before the transaction (a stale
 *   evaluation is still refused), its own evaluation and own writes still
 *   leave it not due; only the count grows by one per transaction instead of
 *   one per statement.
 * - Negativations: `negativation_status`, the body's negativation status, kept
 *   by PostgreSQL in a column (like `registered_on`, migration 10), so the
 *   wake trigger on updates compares columns and never decompresses the two
 *   bodies of each updated row (the same rule as migration 8). The bodies
 *   (about 2.4 KB of JSON: over the TOAST threshold, so compressed on every
 *   write) are compressed with lz4 where the server has it (much cheaper than
 *   the default pglz; a server built without lz4 keeps pglz). The index on
 *   `unique_key` goes: no statement of the store reads it (it is not unique)
 *   and every insert and update paid for it.
 * - The audit log's primary key on `seq` goes: the log is append-only, read
 *   only per subject (its `audit_subject` index, in `seq` order), and that
 *   index was written for each of the 6.4 lines per invoice of a first run.
 *   `seq` stays (the order), with its identity default.
 * - The negativation due triggers probe `negativation_due` by customer through
 *   its index (an array of the written rows' customers, in the column's
 *   collation) instead of planning a scan of the whole table per statement.
 *
 * The function bodies are one line per statement with no `;` at a line's end
 * (`migrate` splits a migration's text at `;` + newline).
 */
export const lighterWrites = (s: string): string => `
${touchFunction(s, 'wake_touch_new', 'new_rows', 'customer_id')}
${touchFunction(s, 'wake_touch_old', 'old_rows', 'customer_id')}
${touchFunction(s, 'wake_touch_customer_new', 'new_rows', 'id')}
${touchFunction(s, 'wake_touch_customer_old', 'old_rows', 'id')}

ALTER TABLE ${s}.negativations ADD COLUMN negativation_status text GENERATED ALWAYS AS (body #>> '{negativation,status}') STORED;

DROP INDEX ${s}.negativations_unique_key;

ALTER TABLE ${s}.audit DROP CONSTRAINT audit_pkey;

DO $$ BEGIN ALTER TABLE ${s}.negativations ALTER COLUMN body SET COMPRESSION lz4; EXCEPTION WHEN feature_not_supported THEN NULL; END $$;

CREATE OR REPLACE FUNCTION ${s}.wake_touch_negativation_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  ${touchOnce(s, `SELECT DISTINCT n.customer_id COLLATE "C" AS id FROM new_rows AS n LEFT JOIN old_rows AS o ON o.id = n.id WHERE o.id IS NULL OR ${evaluatedView('o')} IS DISTINCT FROM ${evaluatedView('n')}`)}; RETURN NULL; END
$$;

CREATE OR REPLACE FUNCTION ${s}.negativation_due_touch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE ${s}.negativation_due SET touched = touched + 1, due_on = DATE '${WRITTEN_DAY}' WHERE customer_id = ANY (${CUSTOMERS}); RETURN NULL; END
$$;

CREATE OR REPLACE FUNCTION ${s}.negativation_due_written() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO ${s}.negativation_due AS d (id, customer_id, touched, due_on) SELECT id, customer_id, 1, DATE '${WRITTEN_DAY}' FROM new_rows ORDER BY id
    ON CONFLICT (id) DO UPDATE SET customer_id = excluded.customer_id, touched = d.touched + 1, due_on = DATE '${WRITTEN_DAY}'
  ; UPDATE ${s}.negativation_due AS d SET touched = d.touched + 1, due_on = DATE '${WRITTEN_DAY}' WHERE d.customer_id = ANY (${CUSTOMERS})
    AND d.id <> ALL (ARRAY(SELECT id COLLATE "C" FROM new_rows)); RETURN NULL; END
$$;
`;
