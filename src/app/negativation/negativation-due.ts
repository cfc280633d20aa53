import { addDays, maxDate, minDate, type CivilDate } from '../../calendar/index.js';
import { earliestSubmissionOn, isRegistered, noticeCountsFrom, type Negativation } from '../../negativation/index.js';
import { isFinalStatus } from '../../lifecycle/index.js';

/**
 * When time alone moves a negativation in the cycle's negativation pass,
 * worked out once per negativation value (stored values are immutable, so it
 * is kept by identity, see {@link timeWakeOf}): the days from which each
 * time-driven event is due.
 */
export interface TimeWake {
  /** In analysis: the automatic analysis is due on any day. */
  readonly analysis: boolean;
  /** Seed 000's fallback (`email_then_bureau_letter`): the day the unread e-mail notice was sent and the day the bureau is asked for its letter. */
  readonly unreadEmail?: { readonly sentOn: CivilDate; readonly askOn: CivilDate };
  /** Processing with the notice period not elapsed yet: waiting for its notice (due on `until`, or `unreadEmail.askOn`, whichever comes first). */
  readonly waiting: boolean;
  /** While waiting: the day the notice period elapses (absent while the notice is still to be sent or counted). */
  readonly until?: CivilDate;
}

const NOT_MOVED_BY_TIME: TimeWake = { analysis: false, waiting: false };

/** The time wakes computed so far, by negativation value (values are never changed in place: a new version is a new value). */
const wakes = new WeakMap<Negativation, TimeWake>();

/** In analysis: the pass approves or refuses it, whatever the day. */
const IN_ANALYSIS: TimeWake = Object.freeze({ analysis: true, waiting: false });

/**
 * {@link TimeWake} of a negativation, computed once per value: a constant for every status but `processing` (no
 * entry kept for those: a day's requests are all in analysis), the wake of one processing kept by identity.
 */
export function timeWakeOf(negativation: Negativation): TimeWake {
  const { status } = negativation;
  if (status !== 'processing') return status === 'in_analysis' ? IN_ANALYSIS : NOT_MOVED_BY_TIME;
  let wake = wakes.get(negativation);
  if (wake === undefined) {
    wake = timeWake(negativation);
    wakes.set(negativation, wake);
  }
  return wake;
}

/** The wake of a negativation `processing` (see {@link timeWakeOf} for the others). */
function timeWake(negativation: Negativation): TimeWake {
  const unreadEmail = unreadEmailOf(negativation);
  if (negativation.noticePeriodElapsedOn !== undefined) return { analysis: false, waiting: false, ...(unreadEmail ? { unreadEmail } : {}) };
  const until = earliestSubmissionOn(negativation);
  return { analysis: false, waiting: true, ...(unreadEmail ? { unreadEmail } : {}), ...(until !== undefined ? { until } : {}) };
}

/**
 * Seed 000's fallback: in `email_then_bureau_letter` mode, while the e-mail
 * notice stays unread and the bureau has not been asked yet, the day the
 * e-mail was sent and the day (`emailReadDays` later) the bureau is asked to
 * post its letter; otherwise `undefined`.
 */
function unreadEmailOf(negativation: Negativation): TimeWake['unreadEmail'] {
  const { noticeMode, emailReadDays } = negativation.settings;
  if (noticeMode !== 'email_then_bureau_letter' || negativation.bureauNoticeRequestedOn !== undefined || noticeCountsFrom(negativation) !== undefined) return undefined;
  // An indexed loop, not `notices.find`: the stored notices are frozen (V8's slow path for Array builtins on Node 20).
  const { notices } = negativation;
  let email: (typeof notices)[number] | undefined;
  for (let i = 0; i < notices.length && email === undefined; i++) {
    const notice = notices[i] as (typeof notices)[number];
    if (notice.channel === 'email' && notice.sender === undefined) email = notice;
  }
  return email === undefined ? undefined : { sentOn: email.sentOn, askOn: addDays(email.sentOn, emailReadDays) };
}

/** Which time-driven event a negativation's {@link TimeWake} makes due today, if any (no allocation: asked of every record read). */
export function dueKind(wake: TimeWake, today: CivilDate): 'analysis' | 'unread_email' | 'notice_elapsed' | undefined {
  if (wake.analysis) return 'analysis';
  if (wake.unreadEmail !== undefined && wake.unreadEmail.askOn <= today) return 'unread_email';
  if (wake.waiting && wake.until !== undefined && wake.until <= today) return 'notice_elapsed';
  return undefined;
}

/** A day before every civil day: "from always" (due on any day). */
const ALWAYS = '0000-01-01' as CivilDate;

/** The earlier of two days, `undefined` being "never". */
function earlier(a: CivilDate | undefined, b: CivilDate | undefined): CivilDate | undefined {
  return a === undefined ? b : b === undefined ? a : minDate(a, b);
}

/**
 * The first day the negativation pass moves it without a write ({@link
 * ALWAYS}: every day), or `undefined`: in analysis, every day (it is approved
 * or refused); waiting out its notice, the day the period elapses (`until`,
 * CDC art. 43 §2: the submission guards, the age limit and the submission
 * cutoff among them, are checked then) or the day the bureau is asked for its
 * letter, whichever comes first; before that only a write (the notice sent,
 * read or posted, a payment, an agreement, a cancellation) changes anything
 * for it. A waiting registration whose day came and whose event was refused
 * stays due every day after it (its due day is then tomorrow).
 */
function negativationPassFrom(negativation: Negativation): CivilDate | undefined {
  const wake = timeWakeOf(negativation);
  if (wake.analysis) return ALWAYS;
  return earlier(wake.waiting ? wake.until : undefined, wake.unreadEmail?.askOn);
}

/**
 * The first day reconciliation reports it without a write ({@link ALWAYS}:
 * every day), or `undefined`: a paid debt still pending or at the bureau
 * (every day), a registration within its age-limit warning (from `expiresOn −
 * ageLimitWarningDays`), a submission stuck at the bureau (from `submittedOn +
 * stuckSubmissionDays + 1`), as `reconcile` checks them.
 */
function reconcileFrom(negativation: Negativation, invoicePaid: boolean): CivilDate | undefined {
  if (isFinalStatus(negativation.status)) return undefined;
  if ((invoicePaid || negativation.settlement?.kind === 'paid') && reconciledDailyWhenPaid(negativation)) return ALWAYS;
  return reconcileDatesFrom(negativation);
}

/** Whether a paid debt's registration is reported every day: still pending or at the bureau (see {@link reconcileFrom}). */
function reconciledDailyWhenPaid(negativation: Negativation): boolean {
  const status = negativation.status;
  return isRegistered(negativation) || status === 'awaiting_return' || status === 'in_analysis' || status === 'processing' || status === 'failed';
}

/** The first day a dated check of `reconcile` reports it (age-limit warning, stuck submission), paid or not (see {@link reconcileFrom}). */
function reconcileDatesFrom(negativation: Negativation): CivilDate | undefined {
  let from: CivilDate | undefined;
  if (isRegistered(negativation) && negativation.removal === undefined) from = addDays(negativation.expiresOn, -negativation.settings.ageLimitWarningDays);
  if (negativation.status === 'awaiting_return' && negativation.submittedOn !== undefined) from = earlier(from, addDays(negativation.submittedOn, negativation.settings.stuckSubmissionDays + 1));
  return from;
}

/**
 * Whether reconciliation can report anything about this negativation on
 * `today` (`invoicePaid`: its invoice is paid as reconciliation sees it): when
 * not, the reconciliation pass leaves it out of `reconcile`.
 */
export function reconcileDueOn(negativation: Negativation, invoicePaid: boolean, today: CivilDate): boolean {
  return reconcilesBy(reconcileFrom(negativation, invoicePaid), today);
}

/** Whether reconciliation, reporting from `from` (`undefined`: never), reports on `today`. */
function reconcilesBy(from: CivilDate | undefined, today: CivilDate): boolean {
  return from !== undefined && from <= today;
}

/**
 * The negativation due day (the one rule of the due index): the first day
 * after `today` on which the daily cycle's negativation pass or reconciliation
 * has something to do for this negativation without any write, or
 * `undefined` when only a write can give it something to do. `invoicePaid`:
 * its invoice is paid as reconciliation sees it (paid, or its agreement
 * fulfilled). Derived from what the passes check: the negativation pass moves
 * a registration in analysis (every day), submits one waiting out its notice
 * on the day the period elapses, and asks the bureau for its letter once an
 * e-mail notice stayed unread (`askOn`); reconciliation as {@link
 * reconcileDueOn} says. Recovered
 * and cancelled registrations are never due.
 */
export function negativationDueOn(negativation: Negativation, invoicePaid: boolean, today: CivilDate): CivilDate | undefined {
  if (isFinalStatus(negativation.status)) return undefined;
  return dueDayFrom(negativationPassFrom(negativation), reconcileFrom(negativation, invoicePaid), today);
}

/** The due day from the two passes' first days: the earlier, but never before the day after `today` (`tomorrow`, when the caller has it; see {@link negativationDueOn}). */
function dueDayFrom(passFrom: CivilDate | undefined, reconcileFrom: CivilDate | undefined, today: CivilDate, tomorrow?: CivilDate): CivilDate | undefined {
  const from = earlier(passFrom, reconcileFrom);
  return from === undefined ? undefined : maxDate(from, tomorrow ?? addDays(today, 1));
}

/**
 * {@link reconcileDueOn} and {@link negativationDueOn} for both states of the
 * invoice, worked out together: for a holder that answers later, once it knows
 * whether the invoice is paid (the cycle's reconcile summaries). Each day the
 * rule depends on is computed once, not once per question.
 */
export interface NegativationDueDays {
  /** Recovered or cancelled. */
  readonly final: boolean;
  readonly reconcileIfUnpaid: boolean;
  readonly reconcileIfPaid: boolean;
  readonly dueOnIfUnpaid: CivilDate | undefined;
  readonly dueOnIfPaid: CivilDate | undefined;
}

const FINAL_DUE_DAYS: NegativationDueDays = Object.freeze({ final: true, reconcileIfUnpaid: false, reconcileIfPaid: false, dueOnIfUnpaid: undefined, dueOnIfPaid: undefined });

/** {@link NegativationDueDays} of a negativation on `today` (`tomorrow`: the day after it, when the caller has it). */
export function negativationDueDays(negativation: Negativation, today: CivilDate, tomorrow?: CivilDate): NegativationDueDays {
  if (isFinalStatus(negativation.status)) return FINAL_DUE_DAYS;
  const dated = reconcileDatesFrom(negativation);
  const dailyWhenPaid = reconciledDailyWhenPaid(negativation);
  const ifPaid = dailyWhenPaid ? ALWAYS : dated;
  const ifUnpaid = dailyWhenPaid && negativation.settlement?.kind === 'paid' ? ALWAYS : dated;
  const passFrom = negativationPassFrom(negativation);
  return {
    final: false,
    reconcileIfUnpaid: reconcilesBy(ifUnpaid, today),
    reconcileIfPaid: reconcilesBy(ifPaid, today),
    dueOnIfUnpaid: dueDayFrom(passFrom, ifUnpaid, today, tomorrow),
    dueOnIfPaid: dueDayFrom(passFrom, ifPaid, today, tomorrow),
  };
}
