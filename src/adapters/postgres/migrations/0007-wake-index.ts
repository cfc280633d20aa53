/** The tables whose rows name a customer in `customer_id` (a write to any of them touches that customer). */
const CUSTOMER_TABLES = ['invoices', 'payments', 'accounts', 'agreements', 'negativations', 'protests', 'action_log'] as const;

/**
 * How a touch changes a customer's existing `wake` row: one more touch; the
 * transaction that wrote it (`tx`) and the count before that transaction's
 * first touch (`tx_base`); and, when this transaction already recorded the
 * customer's evaluation (its `tx` and `evaluated = touched`), `evaluated`
 * follows, so the transaction's own writes after `evaluated` do not wake it
 * either.
 */
const TOUCH = `ON CONFLICT (customer_id) DO UPDATE SET touched = w.touched + 1,
    evaluated = CASE WHEN w.tx = excluded.tx AND w.evaluated = w.touched THEN w.evaluated + 1 ELSE w.evaluated END,
    tx = excluded.tx, tx_base = CASE WHEN w.tx = excluded.tx THEN w.tx_base ELSE w.touched END`;

/**
 * A statement-level trigger function that touches the customers of one
 * transition table (`rows`, the customer in `column`): one upsert of the
 * statement's distinct customers in id order (so concurrent statements lock
 * wake rows in one order), whatever the number of rows written. `tx_base`
 * keeps the count before the writing transaction's first touch, for the
 * own-writes rule of `evaluated`.
 *
 * The body is one line per statement with no `;` at a line's end: `migrate`
 * splits a migration's text at `;` + newline.
 */
const touchFunction = (s: string, name: string, rows: 'new_rows' | 'old_rows', column: 'customer_id' | 'id'): string => `
CREATE FUNCTION ${s}.${name}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO ${s}.wake AS w (customer_id, touched, evaluated, tx, tx_base)
  SELECT DISTINCT ${column}, 1, 0, pg_current_xact_id(), 0 FROM ${rows} ORDER BY 1
  ${TOUCH}; RETURN NULL; END
$$;
`;

/** The statement-level triggers of one table (insert, update, delete), and the row-level one that touches a customer a row moved away from. */
const touchTriggers = (s: string, table: string, column: 'customer_id' | 'id'): string => {
  const fn = column === 'id' ? 'wake_touch_customer' : 'wake_touch';
  return `
CREATE TRIGGER wake_touch_insert AFTER INSERT ON ${s}.${table} REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ${s}.${fn}_new();
CREATE TRIGGER wake_touch_update AFTER UPDATE ON ${s}.${table} REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ${s}.${fn}_new();
CREATE TRIGGER wake_touch_delete AFTER DELETE ON ${s}.${table} REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION ${s}.${fn}_old();
CREATE TRIGGER wake_touch_moved AFTER UPDATE OF ${column} ON ${s}.${table} FOR EACH ROW WHEN (OLD.${column} IS DISTINCT FROM NEW.${column}) EXECUTE FUNCTION ${s}.wake_touch_moved('${column}');
`;
};

/**
 * Version 7: the customer wake index (`StoreTransaction.wakes`). `wake` holds
 * one row per customer: its touch count, the count its last evaluation read
 * (`evaluated`), the day it wakes without a write (`wake_on`), the plan
 * generation it was evaluated under (`plan`), the share bucket (as
 * `shareBucket` computes it) and, for the own-writes rule, the transaction
 * that last touched it (`tx`) and the count before that transaction's first
 * touch (`tx_base`). Every insert, update and delete of a customer or of a row
 * naming one (invoices, payments, accounts, agreements, negativations,
 * protests, the action log) touches it by trigger, so a host's own SQL writes
 * wake customers too. `wake_plan` holds the fingerprint of the ruler and
 * settings in force and its generation. Every customer already in the
 * database is due once.
 *
 * Only the primary key indexes `wake`: `due` walks it in customer-id order
 * (keyset), and the touch and evaluation updates change no indexed column,
 * so they are HOT updates in the free space `fillfactor` leaves.
 */
export const wakeIndex = (s: string): string => `
CREATE TABLE ${s}.wake (
  customer_id text COLLATE "C" PRIMARY KEY,
  bucket integer GENERATED ALWAYS AS (('x' || substr(md5(customer_id), 1, 4))::bit(16)::int) STORED,
  touched bigint NOT NULL,
  evaluated bigint NOT NULL,
  wake_on date,
  plan bigint NOT NULL DEFAULT 0,
  tx xid8,
  tx_base bigint
) WITH (fillfactor = 80);

CREATE TABLE ${s}.wake_plan (
  only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
  fingerprint text NOT NULL,
  generation bigint NOT NULL
);

INSERT INTO ${s}.wake (customer_id, touched, evaluated)
SELECT customer_id, 1, 0 FROM (
  SELECT id AS customer_id FROM ${s}.customers
  ${CUSTOMER_TABLES.map((table) => `UNION SELECT customer_id FROM ${s}.${table}`).join('\n  ')}
) AS known;
${touchFunction(s, 'wake_touch_new', 'new_rows', 'customer_id')}
${touchFunction(s, 'wake_touch_old', 'old_rows', 'customer_id')}
${touchFunction(s, 'wake_touch_customer_new', 'new_rows', 'id')}
${touchFunction(s, 'wake_touch_customer_old', 'old_rows', 'id')}
CREATE FUNCTION ${s}.wake_touch_moved() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO ${s}.wake AS w (customer_id, touched, evaluated, tx, tx_base) VALUES (to_jsonb(OLD) ->> TG_ARGV[0], 1, 0, pg_current_xact_id(), 0)
  ${TOUCH}; RETURN NULL; END
$$;
${touchTriggers(s, 'customers', 'id')}
${CUSTOMER_TABLES.map((table) => touchTriggers(s, table, 'customer_id')).join('')}`;
