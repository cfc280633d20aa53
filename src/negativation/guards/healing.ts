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

/** The kind of one guard's refusal. */
export function refusalKindOfGuard(guard: GuardName): RefusalKind {
  return KIND_OF[guard];
}

/** What a set of violations means for the request: the worst kind wins; for `waits`, the first day every waiting guard passes (when known). */
export interface RefusalVerdict {
  readonly kind: RefusalKind;
  readonly allowedFrom?: CivilDate;
  readonly guards: readonly GuardName[];
}

/** Classifies a refusal: any final violation makes it final; else missing data; else it waits. */
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
