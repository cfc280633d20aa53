/**
 * A negativation's status as the daily evaluation tells statuses apart
 * (`STATUS_AS_EVALUATED` in `src/ports/negativation-wake.ts`, frozen here as
 * it stood when this migration was written: `in_analysis` reads as
 * `processing`, `cancelled` as `recovered`).
 */
const asEvaluated = (status: string): string => `CASE ${status} WHEN 'in_analysis' THEN 'processing' WHEN 'cancelled' THEN 'recovered' ELSE ${status} END`;

/** What the daily evaluation reads of a `negativations` row (`negativationUpdateWakes` compares the same): customer, invoice, both statuses as evaluated, registration day. */
const evaluatedView = (row: string): string =>
  `(${row}.customer_id, ${row}.invoice_id, ${asEvaluated(`${row}.status`)}, ${asEvaluated(`${row}.body -> 'negativation' ->> 'status'`)}, ${row}.body -> 'negativation' ->> 'registeredOn')`;

/**
 * Version 8: an update of a negativation touches its customer in the wake
 * index only when it changes what the daily evaluation reads of it (the rule
 * of `negativationUpdateWakes` in `src/ports/negativation-wake.ts`): its
 * customer, its invoice, its status as the evaluation tells statuses apart,
 * its registration day. The negativation pass's approvals and the outbox's
 * notices and submissions of a first run no longer make their customers due the
 * next day. Inserts, deletes and a row moved to another customer touch as in
 * version 7 (same `tx`/`tx_base` bookkeeping for the own-writes rule).
 *
 * The function body is one line per statement with no `;` at a line's end
 * (`migrate` splits a migration's text at `;` + newline).
 */
export const wakeQuietNegativationUpdates = (s: string): string => `
CREATE FUNCTION ${s}.wake_touch_negativation_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO ${s}.wake AS w (customer_id, touched, evaluated, tx, tx_base)
  SELECT DISTINCT n.customer_id, 1, 0, pg_current_xact_id(), 0 FROM new_rows AS n LEFT JOIN old_rows AS o ON o.id = n.id
  WHERE o.id IS NULL OR ${evaluatedView('o')} IS DISTINCT FROM ${evaluatedView('n')} ORDER BY 1
  ON CONFLICT (customer_id) DO UPDATE SET touched = w.touched + 1,
    evaluated = CASE WHEN w.tx = excluded.tx AND w.evaluated = w.touched THEN w.evaluated + 1 ELSE w.evaluated END,
    tx = excluded.tx, tx_base = CASE WHEN w.tx = excluded.tx THEN w.tx_base ELSE w.touched END; RETURN NULL; END
$$;

DROP TRIGGER wake_touch_update ON ${s}.negativations;
CREATE TRIGGER wake_touch_update AFTER UPDATE ON ${s}.negativations REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ${s}.wake_touch_negativation_update();
`;
