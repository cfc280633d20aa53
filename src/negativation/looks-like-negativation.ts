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
    isDate(n.lastEventOn) &&
    isRecord(n.settings) &&
    isRecord(n.title) &&
    typeof n.title.id === 'string' &&
    isDate(n.title.dueDate) &&
    isMoneyLike(n.title.amount) &&
    isMoneyLike(n.outstanding) &&
    isRecord(n.creditor) &&
    isRecord(n.debtor) &&
    REQUIRED_DATES.every((key) => isDate(n[key])) &&
    OPTIONAL_DATES.every((key) => n[key] === undefined || isDate(n[key])) &&
    n.notices.every((notice) => isRecord(notice) && isDate(notice.sentOn) && (notice.readOn === undefined || isDate(notice.readOn))) &&
    n.payments.every((payment) => isRecord(payment) && isMoneyLike(payment.amount) && isDate(payment.paidOn) && isDate(payment.fundsAvailableOn)) &&
    (n.settlement === undefined || (isRecord(n.settlement) && isDate(n.settlement.paidOn) && isDate(n.settlement.fundsAvailableOn) && isDate(n.settlement.removalDeadline))) &&
    (n.removal === undefined || (isRecord(n.removal) && isDate(n.removal.requestedOn) && (n.removal.deadline === undefined || isDate(n.removal.deadline)) && (n.removal.confirmedOn === undefined || isDate(n.removal.confirmedOn)))) &&
    (n.failure === undefined || (isRecord(n.failure) && isDate(n.failure.on)))
  );
}

/** The dates every negativation holds, and those it holds once something happened: a junk value in one made the date arithmetic throw (issue 12). */
const REQUIRED_DATES = ['requestedOn', 'ageLimitOn', 'prescribesOn', 'expiresOn', 'submissionCutoffOn'] as const;
const OPTIONAL_DATES = ['bureauNoticeRequestedOn', 'noticePeriodElapsedOn', 'submittedOn', 'registeredOn'] as const;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** A civil date as this module writes it (YYYY-MM-DD); the full check (a real day in range) is `parseNegativation`'s. */
function isDate(value: unknown): boolean {
  return typeof value === 'string' && value.length === 10 && /^\d{4}-\d{2}-\d{2}$/.test(value);
}

function isMoneyLike(value: unknown): boolean {
  return isRecord(value) && Number.isSafeInteger(value.cents);
}
