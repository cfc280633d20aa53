/**
 * Version 13: fewer rows and index entries per write, the same contents.
 *
 * - The outbox's primary key is its `id` (unique already) instead of `seq`:
 *   the index on `seq` goes. Every enqueue wrote an entry in it, and every
 *   settle (never a HOT update: `status` is in the pending indexes'
 *   predicates) a new one; no statement looks an effect up by `seq` (the
 *   enqueue order is read through the pending indexes, and `all` sorts).
 *   `seq` stays (the order), with its identity default.
 * - The index of pending effects by `seq` goes too: the pending effects in
 *   enqueue order (`pending`, a claim of every kind) are read as a claim for
 *   some kinds reads them, one range of the index by kind (`kind`, `seq`) per
 *   pending kind, merged by `seq` (the kinds found by a loose scan of that
 *   index). Each enqueue wrote an entry in both.
 * - The audit log holds one row per subject and write: the lines a
 *   transaction appends about one subject, in order, as parallel arrays (`ids`,
 *   `ats`, `actors`, `actions`, `details`; element n of each is line n). A
 *   first run appends 6.4 lines per invoice, a few per subject in each
 *   transaction: each line was a row and an entry in `audit_subject`. The
 *   lines of a subject read back in the same order (the rows by `seq`, each
 *   row's lines in array order) with the same values (the arrays keep the
 *   columns' types). The lines already there are moved, one row each, in
 *   their order.
 */
export const fewerIndexEntries = (s: string): string => `
ALTER TABLE ${s}.outbox DROP CONSTRAINT outbox_pkey;

ALTER TABLE ${s}.outbox DROP CONSTRAINT outbox_id_key;

ALTER TABLE ${s}.outbox ADD CONSTRAINT outbox_pkey PRIMARY KEY (id);

DROP INDEX ${s}.outbox_pending;

ALTER TABLE ${s}.audit RENAME TO audit_lines_v12;

ALTER INDEX ${s}.audit_subject RENAME TO audit_lines_v12_subject;

CREATE TABLE ${s}.audit (
  seq bigint GENERATED ALWAYS AS IDENTITY,
  subject_type text NOT NULL,
  subject_id text NOT NULL,
  ids text[] NOT NULL,
  ats timestamptz[] NOT NULL,
  actors text[] NOT NULL,
  actions text[] NOT NULL,
  details jsonb[] NOT NULL
);

INSERT INTO ${s}.audit (subject_type, subject_id, ids, ats, actors, actions, details)
  SELECT subject_type, subject_id, ARRAY[id], ARRAY[at], ARRAY[actor], ARRAY[action], ARRAY[details] FROM ${s}.audit_lines_v12 ORDER BY seq;

DROP TABLE ${s}.audit_lines_v12;

CREATE INDEX audit_subject ON ${s}.audit (subject_type, subject_id, seq);
`;
