/** The tables whose writes make their customer's negativations due (what the negativation and reconciliation passes read). */
const DUE_TABLES = ['invoices', 'payments', 'agreements'] as const;

/** The due day that stands for "written since its last check" (due on any day; before every civil day). */
export const WRITTEN_DAY = '0001-01-01';

/**
 * Version 9: the negativation due index (`StoreTransaction.negativationsDue`).
 * `negativation_due` holds one row per negativation: its customer, the share
 * bucket (as `shareBucket` computes it), its touch count and the day it is due
 * (`0001-01-01`: written since its last check, due on any day; NULL: only a
 * write makes it due). Statement-level triggers: a write of invoices,
 * payments or agreements makes every negativation of their customers due; an
 * insert or update of negativations adds their rows and makes every
 * negativation of their customers due. So a host's own SQL writes count too.
 * Every negativation already in the database is due once. `due` reads the
 * partial index on (due_on, id) of the rows with a due day.
 *
 * The function bodies are one line per statement with no `;` at a line's end
 * (`migrate` splits a migration's text at `;` + newline).
 */
export const negativationDue = (s: string): string => `
CREATE TABLE ${s}.negativation_due (
  id text COLLATE "C" PRIMARY KEY,
  customer_id text COLLATE "C" NOT NULL,
  bucket integer GENERATED ALWAYS AS (('x' || substr(md5(customer_id), 1, 4))::bit(16)::int) STORED,
  touched bigint NOT NULL,
  due_on date
);

CREATE INDEX negativation_due_by_day ON ${s}.negativation_due (due_on, id) WHERE due_on IS NOT NULL;

CREATE INDEX negativation_due_by_customer ON ${s}.negativation_due (customer_id);

INSERT INTO ${s}.negativation_due (id, customer_id, touched, due_on) SELECT id, customer_id, 1, DATE '${WRITTEN_DAY}' FROM ${s}.negativations;

CREATE FUNCTION ${s}.negativation_due_touch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE ${s}.negativation_due SET touched = touched + 1, due_on = DATE '${WRITTEN_DAY}' WHERE customer_id IN (SELECT DISTINCT customer_id FROM new_rows); RETURN NULL; END
$$;

CREATE FUNCTION ${s}.negativation_due_written() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO ${s}.negativation_due (id, customer_id, touched, due_on) SELECT id, customer_id, 0, DATE '${WRITTEN_DAY}' FROM new_rows ORDER BY id ON CONFLICT (id) DO UPDATE SET customer_id = excluded.customer_id
  ; UPDATE ${s}.negativation_due SET touched = touched + 1, due_on = DATE '${WRITTEN_DAY}' WHERE customer_id IN (SELECT DISTINCT customer_id FROM new_rows); RETURN NULL; END
$$;
${DUE_TABLES.map(
  (table) => `
CREATE TRIGGER negativation_due_insert AFTER INSERT ON ${s}.${table} REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ${s}.negativation_due_touch();
CREATE TRIGGER negativation_due_update AFTER UPDATE ON ${s}.${table} REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ${s}.negativation_due_touch();
`,
).join('')}
CREATE TRIGGER negativation_due_insert AFTER INSERT ON ${s}.negativations REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ${s}.negativation_due_written();
CREATE TRIGGER negativation_due_update AFTER UPDATE ON ${s}.negativations REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ${s}.negativation_due_written();
`;
