import type { CivilDate } from '../../calendar/index.js';
import type { GuardName, GuardViolation } from './guard.js';

/**
 * How a refusal can come right:
 * - `waits`: time alone heals it (minimum days overdue, the notice waiting
 *   period); ask again each day, it happens once it passes;
 * - `needs_data`: the debtor's record is incomplete (seed 000 asks the operator
 *   to fill it); ask again once the record changes;
 * - `final`: nothing will (too old, prescribed, a duplicate, disputed, paid,
 *   in an agreement, below the minimum amount).
 */
export type RefusalKind = 'waits' | 'needs_data' | 'final';

const KIND_OF: Readonly<Record<GuardName, RefusalKind>> = {
  minimum_days_overdue: 'waits',
  prior_notice: 'waits',
  debtor_data: 'needs_data',
  minimum_amount: 'final',
  age_limit: 'final',
  prescription: 'final',
  no_duplicate: 'final',
  not_in_agreement: 'final',
  not_disputed: 'final',
  not_paid: 'final',
};

/**
 * The kind of one guard's refusal.
 * @example
 * ```ts
 * import { refusalKindOfGuard } from 'cobranca/negativation';
 *
 * // Whether a refused request may pass later by itself, after the operator fills data, or never.
 * console.log(refusalKindOfGuard('prior_notice'), refusalKindOfGuard('debtor_data'), refusalKindOfGuard('age_limit'));
 * // → waits needs_data final
 * ```
 */
export function refusalKindOfGuard(guard: GuardName): RefusalKind {
  return KIND_OF[guard];
}

/** What a set of violations means for the request: the worst kind wins; for `waits`, the first day every waiting guard passes (when known). */
export interface RefusalVerdict {
  readonly kind: RefusalKind;
  readonly allowedFrom?: CivilDate;
  readonly guards: readonly GuardName[];
}

/**
 * Classifies a refusal: any final violation makes it final; else missing data; else it waits.
 * @example
 * ```ts
 * import { checkNegativationGuards, refusalVerdict } from 'cobranca/negativation';
 *
 * const report = checkNegativationGuards({ stage: 'request', asOf: '2026-10-12', title: { id: 'inv-1', amount: '373.52', dueDate: '2026-10-10' } });
 * if (report.isOk()) {
 *   const verdict = refusalVerdict(report.value.violations);
 *   console.log(verdict.kind, verdict.allowedFrom, verdict.guards);
 * }
 * // → waits 2026-11-09 [ 'minimum_days_overdue' ]
 * ```
 */
export function refusalVerdict(violations: readonly GuardViolation[]): RefusalVerdict {
  const kinds = violations.map((v) => KIND_OF[v.guard]);
  const guards = violations.map((v) => v.guard);
  if (kinds.includes('final')) return { kind: 'final', guards };
  if (kinds.includes('needs_data')) return { kind: 'needs_data', guards };
  let allowedFrom: CivilDate | undefined;
  for (const violation of violations) {
    const day = violation.details?.['allowedFrom'];
    if (typeof day === 'string' && (allowedFrom === undefined || day > allowedFrom)) allowedFrom = day as CivilDate;
  }
  return { kind: 'waits', guards, ...(allowedFrom !== undefined ? { allowedFrom } : {}) };
}
