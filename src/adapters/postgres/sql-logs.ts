import type { CivilDate } from '../../calendar/index.js';
import type { ActionLogEntry, AuditEntry, IdempotencyRecord, OutboxEffect } from '../../ports/records.js';
import type { ActionLog, AuditLog, IdempotencyKeys, Outbox } from '../../ports/store.js';
import type { SqlSession } from './driver.js';
import { VersionConflictError } from '../../ports/store.js';
import { UnstorableValueError, writing } from './errors.js';
import { HELD_WRITES_LIMIT, WriteBehind, type HeldWrites } from './write-behind.js';
import { jsonbElements, jsonBatch } from './json-batch.js';

interface ActionRow { key: string; invoice_id: string; customer_id: string; step_id: string; action: string; on_date: string; at: string; step_ids: string[] | null }
interface EffectRow { seq: bigint; id: string; key: string; kind: string; payload: Record<string, unknown>; status: OutboxEffect['status']; attempts: number; created_at: string; not_before: string | null; done_at: string | null; last_error: string | null; claimed_by: string | null; claimed_until: string | null }
interface AuditRow { id: string; at: string; actor: string; subject_type: AuditEntry['subjectType']; subject_id: string; action: string; details: Record<string, unknown> | null }

/** How a batch is named in an error: its first id and size (never a value). */
function batchName(ids: readonly string[]): string {
  return `${ids[0] ?? ''} (batch of ${ids.length})`;
}

/** JSON text for a jsonb column, NULL when absent. */
const jsonOrNull = (value: unknown): string | null => (value === undefined ? null : JSON.stringify(value));

const EFFECT_COLUMNS = 'seq, id, key, kind, payload, status, attempts, created_at, not_before, done_at, last_error, claimed_by, claimed_until';

function actionEntry(row: ActionRow): ActionLogEntry {
  return { key: row.key, invoiceId: row.invoice_id, customerId: row.customer_id, stepId: row.step_id, action: row.action, on: row.on_date as CivilDate, at: row.at, ...(row.step_ids !== null ? { stepIds: row.step_ids } : {}) };
}

/** An outbox effect from its row (optional fields absent when NULL). */
export function effectOf(row: EffectRow): OutboxEffect {
  return {
    id: row.id,
    key: row.key,
    kind: row.kind,
    payload: row.payload,
    status: row.status,
    attempts: row.attempts,
    createdAt: row.created_at,
    ...(row.not_before !== null ? { notBefore: row.not_before } : {}),
    ...(row.done_at !== null ? { doneAt: row.done_at } : {}),
    ...(row.last_error !== null ? { lastError: row.last_error } : {}),
    ...(row.claimed_by !== null ? { claimedBy: row.claimed_by } : {}),
    ...(row.claimed_until !== null ? { claimedUntil: row.claimed_until } : {}),
  };
}

/** The statement writing a batch of action-log entries (one array per column), answering the keys it inserted. */
function recordManyStatement(s: string): string {
  // The log's order (seq) is taken in the given order, but rows are inserted in key order (the first of a key wins),
  // so concurrent batches holding the same keys in different orders wait for each other instead of deadlocking.
  return `WITH v AS MATERIALIZED (
       SELECT u.*, nextval(pg_get_serial_sequence('${s}.action_log', 'seq')) AS seq
       FROM (SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::date[], $7::timestamptz[], $8::text[]) WITH ORDINALITY AS w(key, invoice_id, customer_id, step_id, action, on_date, at, step_ids, n) ORDER BY w.n) u
     )
     INSERT INTO ${s}.action_log (key, seq, invoice_id, customer_id, step_id, action, on_date, at, step_ids) OVERRIDING SYSTEM VALUE
     SELECT v.key, v.seq, v.invoice_id, v.customer_id, v.step_id, v.action, v.on_date, v.at, v.step_ids::jsonb
     FROM v ORDER BY v.key, v.n
     ON CONFLICT (key) DO NOTHING RETURNING key`;
}

/** A batch of entries as the parameters of {@link recordManyStatement}. */
function recordManyParams(entries: readonly ActionLogEntry[]): unknown[][] {
  return [entries.map((e) => e.key), entries.map((e) => e.invoiceId), entries.map((e) => e.customerId), entries.map((e) => e.stepId), entries.map((e) => e.action), entries.map((e) => e.on), entries.map((e) => e.at), entries.map((e) => jsonOrNull(e.stepIds))];
}

/**
 * The action log on its table: the key is the primary key, so `record` of a key already there inserts nothing and answers `false`.
 * The keys the transaction asked about or wrote are kept for the rest of it (the log is append-only): a `has` or
 * `hasMany` of a key already answered (say, a page's `hasMany`, then one `has` per action) needs no round trip.
 *
 * A `record` of a key this transaction found absent is held ({@link WriteBehind}) and answers `true`: the held
 * entries are sent as one statement before the log's next statement and before COMMIT. Should another transaction
 * have recorded one of those keys in between, the transaction rejects with a `VersionConflictError` instead of
 * committing: a `true` it answered is never wrong in a transaction that commits. Other keys are recorded at once.
 */
export function sqlActionLog(sql: SqlSession, s: string, writes: WriteBehind = new WriteBehind(sql)): ActionLog {
  const known = new Map<string, boolean>();
  const statement = recordManyStatement(s);
  let held: ActionLogEntry[] = [];
  const holder: HeldWrites = {
    write: async () => {
      const entries = held;
      held = [];
      if (entries.length === 0) return;
      const keys = entries.map((e) => e.key);
      const { rows } = await writing('action_log', keys.length === 1 ? (keys[0] as string) : batchName(keys), () => sql.query<{ key: string }>(statement, recordManyParams(entries)));
      if (rows.length === entries.length) return;
      const recorded = new Set(rows.map((r) => r.key));
      throw new VersionConflictError('action_log', keys.find((key) => !recorded.has(key)) ?? '', 0, 1);
    },
  };
  /** Sends the held entries first, so the log's order (seq) is the order of the calls. */
  const flushed = (): Promise<void> => writes.flush(holder);
  return {
    has: async (key) => {
      const cached = known.get(key);
      if (cached !== undefined) return cached;
      const found = (await sql.query(`SELECT 1 FROM ${s}.action_log WHERE key = $1`, [key])).rowCount > 0;
      known.set(key, found);
      return found;
    },
    hasMany: async (keys) => {
      if (keys.length === 0) return new Set();
      const missing = [...new Set(keys)].filter((key) => !known.has(key));
      if (missing.length > 0) {
        const { rows } = await sql.query<{ key: string }>(`SELECT key FROM ${s}.action_log WHERE key = ANY($1::text[])`, [missing]);
        for (const key of missing) known.set(key, false);
        for (const row of rows) known.set(row.key, true);
      }
      return new Set(keys.filter((key) => known.get(key) === true));
    },
    record: async (entry) => {
      const before = known.get(entry.key);
      if (before === true) return false; // recorded already (by this transaction, or before it: the log only grows)
      if (before === false) {
        held.push(entry);
        writes.hold(holder);
        known.set(entry.key, true);
        if (held.length >= HELD_WRITES_LIMIT) await flushed();
        return true;
      }
      await flushed();
      const { rowCount } = await writing('action_log', entry.key, () =>
        sql.query(`INSERT INTO ${s}.action_log (key, invoice_id, customer_id, step_id, action, on_date, at, step_ids) VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb) ON CONFLICT (key) DO NOTHING`, [entry.key, entry.invoiceId, entry.customerId, entry.stepId, entry.action, entry.on, entry.at, entry.stepIds === undefined ? null : JSON.stringify(entry.stepIds)]),
      );
      known.set(entry.key, true);
      return rowCount > 0;
    },
    recordMany: async (entries) => {
      if (entries.length === 0) return new Set();
      await flushed();
      // One statement whatever the batch's size: one array per column.
      const { rows } = await writing('action_log', batchName(entries.map((e) => e.key)), () => sql.query<{ key: string }>(statement, recordManyParams(entries)));
      for (const entry of entries) known.set(entry.key, true);
      return new Set(rows.map((r) => r.key));
    },
    forInvoice: async (invoiceId) => {
      await flushed();
      const { rows } = await sql.query<ActionRow>(`SELECT key, invoice_id, customer_id, step_id, action, on_date, at, step_ids FROM ${s}.action_log WHERE invoice_id = $1 ORDER BY seq`, [invoiceId]);
      return rows.map(actionEntry);
    },
    forInvoices: async (invoiceIds) => {
      if (invoiceIds.length === 0) return [];
      await flushed();
      const { rows } = await sql.query<ActionRow>(`SELECT key, invoice_id, customer_id, step_id, action, on_date, at, step_ids FROM ${s}.action_log WHERE invoice_id = ANY($1::text[]) ORDER BY seq`, [[...new Set(invoiceIds)]]);
      return rows.map(actionEntry);
    },
  };
}

/**
 * The kinds of the pending effects, as an array: a loose scan of the pending index by kind (one probe per kind, the
 * next kind after the last), so a read of all pending effects in enqueue order (one range per kind, merged by
 * `seq`) needs no index of its own on `seq`, which every enqueue would write.
 */
const pendingKinds = (s: string): string => `ARRAY(WITH RECURSIVE k(kind) AS (
     (SELECT kind FROM ${s}.outbox WHERE status = 'pending' ORDER BY kind LIMIT 1)
     UNION ALL
     SELECT (SELECT o.kind FROM ${s}.outbox AS o WHERE o.status = 'pending' AND o.kind > k.kind ORDER BY o.kind LIMIT 1) FROM k WHERE k.kind IS NOT NULL
   ) SELECT kind FROM k WHERE kind IS NOT NULL)`;

/** The outbox on its table: unique id and key (a repeat inserts nothing), `seq` for the enqueue order. */
export function sqlOutbox(sql: SqlSession, s: string): Outbox {
  return {
    enqueue: async (effect) => {
      const { rowCount } = await writing('outbox', effect.id, () =>
        sql.query(`INSERT INTO ${s}.outbox (id, key, kind, payload, status, attempts, created_at, not_before, done_at, last_error, claimed_by, claimed_until) VALUES ($1, $2, $3, $4::jsonb, $5, $6, $7, $8, $9, $10, $11, $12) ON CONFLICT DO NOTHING`, [
          effect.id, effect.key, effect.kind, JSON.stringify(effect.payload), effect.status, effect.attempts, effect.createdAt, effect.notBefore ?? null, effect.doneAt ?? null, effect.lastError ?? null, effect.claimedBy ?? null, effect.claimedUntil ?? null,
        ]),
      );
      return rowCount > 0;
    },
    enqueueMany: async (effects) => {
      if (effects.length === 0) return new Set();
      // As recordMany: the enqueue order (seq) is taken in the given order, but rows are inserted in key order, so
      // concurrent batches holding the same keys in different orders wait for each other instead of deadlocking.
      const { rows } = await writing('outbox', batchName(effects.map((e) => e.id)), () =>
        sql.query<{ id: string }>(
          `WITH v AS MATERIALIZED (
             SELECT u.*, nextval(pg_get_serial_sequence('${s}.outbox', 'seq')) AS seq
             FROM (SELECT * FROM unnest($1::text[], $2::text[], $3::text[], ${jsonbElements(4)}, $5::text[], $6::integer[], $7::timestamptz[], $8::timestamptz[], $9::timestamptz[], $10::text[], $11::text[], $12::timestamptz[]) WITH ORDINALITY AS w(id, key, kind, payload, status, attempts, created_at, not_before, done_at, last_error, claimed_by, claimed_until, n) ORDER BY w.n) u
           )
           INSERT INTO ${s}.outbox (seq, id, key, kind, payload, status, attempts, created_at, not_before, done_at, last_error, claimed_by, claimed_until) OVERRIDING SYSTEM VALUE
           SELECT v.seq, v.id, v.key, v.kind, v.payload, v.status, v.attempts, v.created_at, v.not_before, v.done_at, v.last_error, v.claimed_by, v.claimed_until
           FROM v ORDER BY v.key, v.id, v.n
           ON CONFLICT DO NOTHING RETURNING id`,
          [
            // The payloads as one JSON array (jsonBatch): no array-literal escaping of each one.
            effects.map((e) => e.id), effects.map((e) => e.key), effects.map((e) => e.kind), jsonBatch(effects.map((e) => JSON.stringify(e.payload))), effects.map((e) => e.status), effects.map((e) => e.attempts),
            effects.map((e) => e.createdAt), effects.map((e) => e.notBefore ?? null), effects.map((e) => e.doneAt ?? null), effects.map((e) => e.lastError ?? null),
            // Enqueued already claimed (a daily cycle's effects for its own pass): the claim as given.
            effects.map((e) => e.claimedBy ?? null), effects.map((e) => e.claimedUntil ?? null),
          ],
        ),
      );
      return new Set(rows.map((r) => r.id));
    },
    pending: async (limit, after) => {
      // One range of the pending index by kind per pending kind, merged by seq (as a claim for some kinds reads them).
      const { rows } = await sql.query<EffectRow>(
        `SELECT p.* FROM unnest(${pendingKinds(s)}) AS k(kind)
         CROSS JOIN LATERAL (SELECT ${EFFECT_COLUMNS} FROM ${s}.outbox WHERE kind >= k.kind AND kind <= k.kind AND status = 'pending' AND seq > coalesce((SELECT seq FROM ${s}.outbox WHERE id = $2), 0) ORDER BY kind, seq LIMIT $1) AS p
         ORDER BY p.seq LIMIT $1`,
        [limit, after ?? null],
      );
      return rows.map(effectOf);
    },
    claim: async ({ owner, now, until, limit, after, kinds }) => {
      // One statement: pick claimable rows in enqueue order, skipping rows another claimer has locked, and stamp them.
      // One range of the (kind, seq) index per kind, merged by seq: effects of other kinds are never read.
      // The kind is matched as a range (>= and <=, the same rows as =) and the range ordered by (kind, seq): with `=` the
      // planner takes the kind as fixed, sees an index in seq order (the primary key, up to schema version 12) as just as good, and at a million effects
      // walked the primary key from the cursor, reading every effect of every kind, done or claimed, on the way
      // (405,106 rows read for 100 claimed: 10.7 s; through the (kind, seq) index: 0.8 s). No order but (kind, seq) is
      // given by that index alone, so the plan cannot drift back.
      const claimable = `status = 'pending'
               AND seq > coalesce((SELECT seq FROM ${s}.outbox WHERE id = $5), 0)
               AND (not_before IS NULL OR not_before <= $2)
               AND (claimed_by IS NULL OR claimed_by = $1 OR claimed_until IS NULL OR claimed_until <= $2)`;
      // A row held already by this owner until this very instant (enqueued claimed by a daily cycle for its own pass)
      // is locked and returned as the lock read it, not written again: no new row version for it.
      const held = `${EFFECT_COLUMNS}, coalesce(claimed_by = $1 AND claimed_until = $3::timestamptz, false) AS held`;
      // Without kinds, the kinds of all pending effects (read only then: the array's subquery runs when $6 is NULL).
      const picked = `SELECT p.* FROM unnest(coalesce($6::text[], ${pendingKinds(s)})) AS k(kind)
             CROSS JOIN LATERAL (SELECT ${held} FROM ${s}.outbox WHERE kind >= k.kind AND kind <= k.kind AND ${claimable} ORDER BY kind, seq LIMIT $4 FOR UPDATE SKIP LOCKED) AS p
             ORDER BY p.seq LIMIT $4`;
      const { rows } = await writing('outbox', owner, () =>
        sql.query<EffectRow>(
          `WITH picked AS MATERIALIZED (${picked}),
           stamped AS (UPDATE ${s}.outbox AS o SET claimed_by = $1, claimed_until = $3 FROM picked WHERE o.id = picked.id AND NOT picked.held RETURNING ${EFFECT_COLUMNS.split(', ').map((c) => `o.${c}`).join(', ')})
           SELECT * FROM stamped
           UNION ALL
           SELECT ${EFFECT_COLUMNS} FROM picked WHERE picked.held`,
          [owner, now, until, limit, after ?? null, kinds === undefined ? null : [...new Set(kinds)]],
        ),
      );
      return rows.sort((a, b) => (a.seq < b.seq ? -1 : 1)).map(effectOf);
    },
    settle: async (id, { owner, ...outcome }) => {
      const params = [id, outcome.status, outcome.attempts, outcome.doneAt ?? null, outcome.lastError ?? null];
      const fence = owner === undefined ? '' : ` AND status = 'pending' AND claimed_by = $6`;
      const { rowCount } = await writing('outbox', id, () =>
        sql.query(`UPDATE ${s}.outbox SET status = $2, attempts = $3, done_at = $4, last_error = $5, claimed_by = NULL, claimed_until = NULL WHERE id = $1${fence}`, owner === undefined ? params : [...params, owner]),
      );
      if (rowCount > 0) return true;
      if ((await sql.query(`SELECT 1 FROM ${s}.outbox WHERE id = $1`, [id])).rowCount === 0) throw new Error(`outbox: no effect ${id}`);
      return false;
    },
    settleMany: async (settlements) => {
      if (settlements.length === 0) return new Set();
      const ids = settlements.map((e) => e.id);
      if (new Set(ids).size !== ids.length) throw new RangeError(`outbox: an effect given twice to settleMany: ${batchName(ids)}`);
      // The rows locked first, in id order (the UPDATE's join would lock them in whatever order its plan reads them):
      // concurrent batches sharing effects wait for each other instead of deadlocking.
      await sql.query(`SELECT id FROM ${s}.outbox WHERE id = ANY($1::text[]) ORDER BY id FOR UPDATE`, [ids]);
      // One statement for the batch, each row fenced by its own owner (NULL: no fence), as settle does row by row.
      const { rows } = await writing('outbox', batchName(ids), () =>
        sql.query<{ id: string }>(
          `UPDATE ${s}.outbox AS o SET status = v.status, attempts = v.attempts, done_at = v.done_at, last_error = v.last_error, claimed_by = NULL, claimed_until = NULL
           FROM unnest($1::text[], $2::text[], $3::integer[], $4::timestamptz[], $5::text[], $6::text[]) AS v(id, status, attempts, done_at, last_error, owner)
           WHERE o.id = v.id AND (v.owner IS NULL OR (o.status = 'pending' AND o.claimed_by = v.owner))
           RETURNING o.id`,
          [ids, settlements.map((e) => e.outcome.status), settlements.map((e) => e.outcome.attempts), settlements.map((e) => e.outcome.doneAt ?? null), settlements.map((e) => e.outcome.lastError ?? null), settlements.map((e) => e.outcome.owner ?? null)],
        ),
      );
      const settled = new Set(rows.map((r) => r.id));
      if (settled.size < ids.length) {
        const unsettled = ids.filter((id) => !settled.has(id));
        const { rows: known } = await sql.query<{ id: string }>(`SELECT id FROM ${s}.outbox WHERE id = ANY($1::text[])`, [unsettled]);
        if (known.length < unsettled.length) {
          const found = new Set(known.map((r) => r.id));
          throw new Error(`outbox: no effect ${unsettled.find((id) => !found.has(id)) ?? ''}`);
        }
      }
      return settled;
    },
    countPending: async ({ kinds, now }) => {
      // Two counts on the pending index by kind: no effect is handed over, those waiting for the host are only counted.
      const { rows } = await sql.query<{ awaiting_host: string | number | bigint; scheduled: string | number | bigint }>(
        `SELECT (SELECT count(*) FROM ${s}.outbox WHERE status = 'pending' AND kind <> ALL($1::text[])) AS awaiting_host,
                (SELECT count(*) FROM ${s}.outbox WHERE status = 'pending' AND kind = ANY($1::text[]) AND not_before > $2) AS scheduled`,
        [[...new Set(kinds)], now],
      );
      return { awaitingHost: Number(rows[0]?.awaiting_host ?? 0), scheduled: Number(rows[0]?.scheduled ?? 0) };
    },
    byKey: async (key) => {
      const { rows } = await sql.query<EffectRow>(`SELECT ${EFFECT_COLUMNS} FROM ${s}.outbox WHERE key = $1`, [key]);
      return rows[0] === undefined ? undefined : effectOf(rows[0]);
    },
    all: async () => (await sql.query<EffectRow>(`SELECT ${EFFECT_COLUMNS} FROM ${s}.outbox ORDER BY seq`)).rows.map(effectOf),
  };
}

/** An audit entry as the statement's parameters, taken when it is appended (a caller changing its details afterwards changes nothing). */
type AuditParams = readonly [id: string, at: string, actor: string, subjectType: string, subjectId: string, action: string, details: string | null];

const AUDIT_FIELDS = ['id', 'at', 'actor', 'subjectType', 'subjectId', 'action', 'details'] as const;

/** JSON text holding an escaped NUL (`\u0000` after an even number of backslashes), which jsonb refuses. */
const JSON_NUL = /(?:^|[^\\])(?:\\\\)*\\u0000/;

function auditParams(entry: AuditEntry): AuditParams {
  const params: AuditParams = [entry.id, entry.at, entry.actor, entry.subjectType, entry.subjectId, entry.action, jsonOrNull(entry.details)];
  // PostgreSQL refuses a NUL byte in text and jsonb: refused now, naming the entry, rather than when the batch is written.
  const nul = params.findIndex((value, i) => typeof value === 'string' && (i === 6 ? JSON_NUL.test(value) : value.includes('\u0000')));
  if (nul >= 0) throw new UnstorableValueError('audit', String(entry.id), AUDIT_FIELDS[nul], 'PostgreSQL cannot store a NUL byte in text');
  return params;
}

/** The audit log of one transaction, with a flush the store calls before it commits. */
export interface BufferedAuditLog extends AuditLog {
  /** Writes the entries appended since the last flush, as one statement. */
  flush(): Promise<void>;
}

/**
 * The audit log: append-only, read per subject in insertion order. Appends are
 * written behind: kept in the transaction and written as one multi-row
 * statement before the transaction's next read of the audit and before it
 * commits, so a page whose actions each append a line writes them in one round
 * trip. Nothing else reads the audit table inside a transaction. A write
 * stores one row per subject (its lines as parallel arrays, in order: schema
 * version 13), so a read unnests them, rows by `seq` then lines in order.
 */
export function sqlAuditLog(sql: SqlSession, s: string): BufferedAuditLog {
  let queued: AuditParams[] = [];
  const write = async (rows: readonly AuditParams[]): Promise<void> => {
    if (rows.length === 0) return;
    const column = (i: number): unknown[] => rows.map((row) => row[i]);
    // One row per subject, its lines in the order appended (the rows in the order of each subject's first line).
    await writing('audit', batchName(rows.map((row) => row[0])), () =>
      sql.query(
        `INSERT INTO ${s}.audit (subject_type, subject_id, ids, ats, actors, actions, details)
         SELECT v.subject_type, v.subject_id, array_agg(v.id ORDER BY v.n), array_agg(v.at ORDER BY v.n), array_agg(v.actor ORDER BY v.n), array_agg(v.action ORDER BY v.n), array_agg(v.details::jsonb ORDER BY v.n)
         FROM unnest($1::text[], $2::timestamptz[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[]) WITH ORDINALITY AS v(id, at, actor, subject_type, subject_id, action, details, n)
         GROUP BY v.subject_type, v.subject_id
         ORDER BY min(v.n)`,
        [column(0), column(1), column(2), column(3), column(4), column(5), column(6)],
      ),
    );
  };
  const flush = async (): Promise<void> => {
    const rows = queued;
    queued = [];
    await write(rows);
  };
  return {
    append: async (entry) => {
      queued.push(auditParams(entry));
    },
    appendMany: async (entries) => {
      queued.push(...entries.map(auditParams));
    },
    forSubject: async (subjectType, subjectId) => {
      await flush();
      const { rows } = await sql.query<AuditRow>(`SELECT l.id, l.at, l.actor, a.subject_type, a.subject_id, l.action, l.details
         FROM ${s}.audit AS a CROSS JOIN LATERAL unnest(a.ids, a.ats, a.actors, a.actions, a.details) WITH ORDINALITY AS l(id, at, actor, action, details, n)
         WHERE a.subject_type = $1 AND a.subject_id = $2 ORDER BY a.seq, l.n`, [subjectType, subjectId]);
      return rows.map((row) => ({ id: row.id, at: row.at, actor: row.actor, subjectType: row.subject_type, subjectId: row.subject_id, action: row.action, ...(row.details !== null ? { details: row.details } : {}) }));
    },
    flush,
  };
}

/** Idempotency keys: the key is the primary key, so a second `put` of a key answers `false`. */
export function sqlIdempotencyKeys(sql: SqlSession, s: string): IdempotencyKeys {
  return {
    get: async (key) => {
      const { rows } = await sql.query<IdempotencyRecord>(`SELECT key, command, response, at FROM ${s}.idempotency WHERE key = $1`, [key]);
      return rows[0];
    },
    put: async (record) => {
      const { rowCount } = await writing('idempotency', record.key, () =>
        sql.query(`INSERT INTO ${s}.idempotency (key, command, response, at) VALUES ($1, $2, $3::jsonb, $4) ON CONFLICT (key) DO NOTHING`, [record.key, record.command, JSON.stringify(record.response), record.at]),
      );
      return rowCount > 0;
    },
  };
}
