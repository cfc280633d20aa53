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
  if (typeof n.id !== 'string' || typeof n.status !== 'string' || !STATUSES.has(n.status) || !Number.isSafeInteger(n.version)) return false;
  if (!Array.isArray(n.history) || n.history.length !== n.version || !Array.isArray(n.notices) || !Array.isArray(n.payments)) return false;
  if (!isDate(n.lastEventOn) || !isRecord(n.settings) || !isRecord(n.title) || typeof n.title.id !== 'string' || !isDate(n.title.dueDate)) return false;
  if (!isMoneyLike(n.title.amount) || !isMoneyLike(n.outstanding) || !isRecord(n.creditor) || !isRecord(n.debtor)) return false;
  // every date by name (a junk value in one made the date arithmetic throw, issue 12); read by name, not in a loop over key names (keyed, megamorphic reads)
  if (!isDate(n.requestedOn) || !isDate(n.ageLimitOn) || !isDate(n.prescribesOn) || !isDate(n.expiresOn) || !isDate(n.submissionCutoffOn)) return false;
  if (!isOptionalDate(n.bureauNoticeRequestedOn) || !isOptionalDate(n.noticePeriodElapsedOn) || !isOptionalDate(n.submittedOn) || !isOptionalDate(n.registeredOn)) return false;
  const notices = n.notices as readonly unknown[];
  for (let i = 0; i < notices.length; i++) {
    const notice = notices[i];
    if (!(i in notices)) continue; // a hole, skipped as \`every\` skips it
    if (!isRecord(notice) || !isDate(notice.sentOn) || (notice.readOn !== undefined && !isDate(notice.readOn))) return false;
  }
  const payments = n.payments as readonly unknown[];
  for (let i = 0; i < payments.length; i++) {
    const payment = payments[i];
    if (!(i in payments)) continue;
    if (!isRecord(payment) || !isMoneyLike(payment.amount) || !isDate(payment.paidOn) || !isDate(payment.fundsAvailableOn)) return false;
  }
  return (
    (n.settlement === undefined || (isRecord(n.settlement) && isDate(n.settlement.paidOn) && isDate(n.settlement.fundsAvailableOn) && isDate(n.settlement.removalDeadline))) &&
    (n.removal === undefined || (isRecord(n.removal) && isDate(n.removal.requestedOn) && (n.removal.deadline === undefined || isDate(n.removal.deadline)) && (n.removal.confirmedOn === undefined || isDate(n.removal.confirmedOn)))) &&
    (n.failure === undefined || (isRecord(n.failure) && isDate(n.failure.on)))
  );
}

const STATUSES: ReadonlySet<string> = new Set(NEGATIVATION_STATUSES);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** A civil date as this module writes it (YYYY-MM-DD); the full check (a real day in range) is `parseNegativation`'s. */
function isDate(value: unknown): boolean {
  if (typeof value !== 'string' || value.length !== 10) return false;
  for (let i = 0; i < 10; i++) {
    const code = value.charCodeAt(i);
    if (i === 4 || i === 7 ? code !== 45 : code < 48 || code > 57) return false; // '-' at 4 and 7, digits elsewhere
  }
  return true;
}

/** A date field a negativation holds once something happened (absent until then). */
function isOptionalDate(value: unknown): boolean {
  return value === undefined || isDate(value);
}

function isMoneyLike(value: unknown): boolean {
  return isRecord(value) && Number.isSafeInteger(value.cents);
}
