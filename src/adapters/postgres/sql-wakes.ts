import type { CivilDate } from '../../calendar/index.js';
import type { Share } from '../../ports/share.js';
import type { CustomerEvaluation, DueCustomer, WakeIndex } from '../../ports/store.js';
import type { SqlSession } from './driver.js';

/** The SQL text of the wake index's statements, built once per store. */
export interface WakeStatements {
  readonly due: string;
  readonly dueShare: string;
  readonly evaluated: string;
  readonly plan: string;
}

/** Builds the wake index's statements for schema `s` (already quoted). */
export function wakeStatements(s: string): WakeStatements {
  // The plan generation in force (0 before the first `plan`): a customer evaluated under an older one is due.
  const generation = `(SELECT coalesce(max(generation), 0) FROM ${s}.wake_plan)`;
  const due = `SELECT customer_id, touched FROM ${s}.wake
    WHERE customer_id > coalesce($2, '') AND (wake_on <= $1 OR touched > evaluated OR plan < ${generation})`;
  return {
    // Keyset by the primary key: one walk of it per day, its rows filtered, whatever the number of pages.
    due: `${due} ORDER BY customer_id LIMIT $3`,
    // The share's bucket is stored (the port's shareBucket(), as the collections' pageShare computes it).
    dueShare: `${due} AND bucket % $4 = $5 ORDER BY customer_id LIMIT $3`,
    // Own writes do not wake: a row this transaction touched is compared by the count before its first touch; the
    // row is marked as this transaction's (tx), so that its later touches in it move `evaluated` along (migration 7).
    evaluated: `UPDATE ${s}.wake AS w SET evaluated = w.touched, wake_on = v.wake_on, plan = ${generation},
        tx = pg_current_xact_id(), tx_base = CASE WHEN w.tx = pg_current_xact_id() THEN w.tx_base ELSE w.touched END
      FROM unnest($1::text[], $2::bigint[], $3::date[]) AS v(customer_id, touched, wake_on)
      WHERE w.customer_id = v.customer_id AND (CASE WHEN w.tx = pg_current_xact_id() THEN w.tx_base ELSE w.touched END) = v.touched`,
    // A new fingerprint starts a new generation (every customer due at once, no row written); the same one changes nothing.
    plan: `INSERT INTO ${s}.wake_plan AS p (only_row, fingerprint, generation) VALUES (true, $1, 1)
      ON CONFLICT (only_row) DO UPDATE SET fingerprint = excluded.fingerprint, generation = p.generation + 1
      WHERE p.fingerprint IS DISTINCT FROM excluded.fingerprint RETURNING generation`,
  };
}

/**
 * The wake index on the `wake` table, inside one transaction's session. The
 * touches are the database's (triggers on the customer tables, see migration
 * 7); this reads the due customers and records evaluations, one statement each.
 */
export function sqlWakes(sql: SqlSession, statements: WakeStatements): WakeIndex {
  return {
    due: async (today: CivilDate, limit: number, after?: string, share?: Share): Promise<DueCustomer[]> => {
      const { rows } =
        share !== undefined && share.count > 1
          ? await sql.query<{ customer_id: string; touched: bigint }>(statements.dueShare, [today, after ?? null, limit, share.count, share.index])
          : await sql.query<{ customer_id: string; touched: bigint }>(statements.due, [today, after ?? null, limit]);
      return rows.map((row) => ({ customerId: row.customer_id, touched: Number(row.touched) }));
    },
    evaluated: async (evaluations: readonly CustomerEvaluation[]): Promise<void> => {
      if (evaluations.length === 0) return;
      // Of two evaluations of one customer the last counts; sent in id order (the join then meets the rows in that order).
      const last = new Map(evaluations.map((e) => [e.customerId, e]));
      const ids = [...last.keys()].sort();
      const chosen = ids.map((id) => last.get(id) as CustomerEvaluation);
      await sql.query(statements.evaluated, [ids, chosen.map((e) => String(e.touched)), chosen.map((e) => e.wakeOn ?? null)]);
    },
    plan: async (fingerprint: string): Promise<boolean> => (await sql.query(statements.plan, [fingerprint])).rowCount > 0,
  };
}
