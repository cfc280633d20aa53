import { WRITTEN_DAY } from './0009-negativation-due.js';

/**
 * Version 11: an insert or update of negativations writes each of their due
 * rows once. Version 9's trigger upserted the written rows (a conflict
 * rewrote the row even when nothing changed) and then touched every row of
 * their customers, the written ones again: two row versions per negativation
 * written. Now the upsert touches the written rows itself (count + 1, due as
 * written, customer as written) and the update touches only their customers'
 * other rows: the same counts, due days and customers as version 9, half the
 * due-row writes of a negativation write.
 *
 * The function body is one line per statement with no `;` at a line's end
 * (`migrate` splits a migration's text at `;` + newline).
 */
export const negativationDueWrittenOnce = (s: string): string => `
CREATE OR REPLACE FUNCTION ${s}.negativation_due_written() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO ${s}.negativation_due AS d (id, customer_id, touched, due_on) SELECT id, customer_id, 1, DATE '${WRITTEN_DAY}' FROM new_rows ORDER BY id
    ON CONFLICT (id) DO UPDATE SET customer_id = excluded.customer_id, touched = d.touched + 1, due_on = DATE '${WRITTEN_DAY}'
  ; UPDATE ${s}.negativation_due AS d SET touched = d.touched + 1, due_on = DATE '${WRITTEN_DAY}' WHERE d.customer_id IN (SELECT DISTINCT customer_id FROM new_rows)
    AND NOT EXISTS (SELECT 1 FROM new_rows AS n WHERE n.id = d.id); RETURN NULL; END
$$;
`;
