import { NEGATIVATION_SIGNIFICANCE, isRegistered, occupiesKey, type NegativationStatus } from '../lifecycle/index.js';
import type { NegativationRecord } from './records.js';

/*
 * The one rule of which negativation updates wake their customer in the wake
 * index (`WakeIndex`). The daily evaluation the index gates (the ruler, the
 * automatic registration requests, the SPC-control critiques) reads of a
 * negativation only its invoice and customer, its status and its registration
 * day, and the status only through: whether it occupies the invoice's key
 * (`occupiesKey`: the ruler's `negativate` step is skipped, no automatic
 * request is made), whether it is `negativated` (after-registration steps
 * count from `registeredOn`), whether it holds a registration (`isRegistered`:
 * the ruler's `remove_negativation` step) and its rank in
 * `NEGATIVATION_SIGNIFICANCE` (the invoice's most significant negativation is
 * the one read). So an update that moves a negativation between two statuses
 * the evaluation cannot tell apart, or changes only its other fields (notices,
 * history, bureau protocol), cannot change any evaluation and does not wake:
 * the negativation pass's approvals (`in_analysis` → `processing`) and the
 * outbox's notices and submissions on a first run. Inserts and deletes always
 * wake. The PostgreSQL store's touch trigger on `negativations` (migration 8)
 * mirrors this rule; the conformance cases (`wake-cases.ts`) check every
 * status pair on both stores. A change here needs a new migration.
 */

/** A day to probe `isRegistered` with a registration day set (any day: only whether it is set matters). */
const SOME_DAY = '2000-01-01';

/** Whether the evaluation reads two statuses adjacent in significance alike (see the rule above). */
function readAlike(a: NegativationStatus, b: NegativationStatus): boolean {
  if (a === 'negativated' || b === 'negativated' || occupiesKey(a) !== occupiesKey(b)) return false;
  return [undefined, SOME_DAY].every((registeredOn) => isRegistered({ status: a, registeredOn }) === isRegistered({ status: b, registeredOn }));
}

/**
 * Each negativation status mapped to the first status of its run of statuses
 * the evaluation reads alike, in `NEGATIVATION_SIGNIFICANCE` order (adjacent
 * only, so an invoice's most significant negativation reads the same whichever
 * of them it moves to): `in_analysis` reads as `processing`, `cancelled` as
 * `recovered`; every other status as itself.
 */
export const STATUS_AS_EVALUATED: ReadonlyMap<string, NegativationStatus> = (() => {
  const out = new Map<string, NegativationStatus>();
  let previous: NegativationStatus | undefined;
  for (const status of NEGATIVATION_SIGNIFICANCE) {
    out.set(status, previous !== undefined && readAlike(previous, status) ? (out.get(previous) as NegativationStatus) : status);
    previous = status;
  }
  return out;
})();

/** A status as the evaluation tells it apart (an unknown text as itself). */
function asEvaluated(status: string | undefined): string | undefined {
  return status === undefined ? undefined : (STATUS_AS_EVALUATED.get(status) ?? status);
}

/**
 * Whether updating a stored negativation from `before` to `after` can change
 * the daily evaluation of its customer, so the wake index must be touched: its
 * customer or invoice, its status (the record's own and its negativation's)
 * as the evaluation tells statuses apart, or its registration day changed.
 *
 * @example
 * ```ts
 * import { negativationUpdateWakes, type NegativationRecord } from 'cobranca';
 *
 * // Only the fields the rule reads are filled in here (a host's store passes its stored records).
 * const stored = (status: string, registeredOn?: string) =>
 *   ({ id: 'n-1', customerId: 'c-1', invoiceId: 'i-1', status, negativation: { status, registeredOn } }) as unknown as NegativationRecord;
 *
 * console.log(negativationUpdateWakes(stored('in_analysis'), stored('processing'))); // an approval: evaluated alike
 * console.log(negativationUpdateWakes(stored('processing'), stored('negativated', '2026-12-02'))); // registered
 * // → false
 * // → true
 * ```
 */
export function negativationUpdateWakes(before: NegativationRecord, after: NegativationRecord): boolean {
  // Stored records come from hosts too: read the nested value defensively (a record with no negativation reads as none).
  const was = (before as { negativation?: Partial<NegativationRecord['negativation']> }).negativation;
  const now = (after as { negativation?: Partial<NegativationRecord['negativation']> }).negativation;
  return (
    before.customerId !== after.customerId ||
    before.invoiceId !== after.invoiceId ||
    asEvaluated(before.status) !== asEvaluated(after.status) ||
    asEvaluated(was?.status) !== asEvaluated(now?.status) ||
    was?.registeredOn !== now?.registeredOn
  );
}
