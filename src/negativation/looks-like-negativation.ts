import type { Negativation } from './negativation.js';
import { NEGATIVATION_STATUSES } from './status.js';

/**
 * A quick structural check of a negativation handed back by the host (it should be one this module
 * produced): what `transition` and `reconcile` ask before trusting it (`not_a_negativation` otherwise).
 * The full check of a stored one is `parseNegativation`.
 */
export function looksLikeNegativation(value: unknown): value is Negativation {
  if (typeof value !== 'object' || value === null) return false;
  const n = value as Partial<Negativation>;
  return (
    typeof n.id === 'string' &&
    typeof n.status === 'string' &&
    (NEGATIVATION_STATUSES as readonly string[]).includes(n.status) &&
    Number.isSafeInteger(n.version) &&
    Array.isArray(n.history) &&
    n.history.length === n.version &&
    Array.isArray(n.notices) &&
    Array.isArray(n.payments) &&
    typeof n.lastEventOn === 'string' &&
    typeof n.settings === 'object' &&
    typeof n.title === 'object'
  );
}
