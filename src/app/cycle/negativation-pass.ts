import { addDays, type CivilDate } from '../../calendar/index.js';
import type { CobrancaError } from '../../errors.js';
import { earliestSubmissionOn, noticeCountsFrom, type Negativation, type NegativationEventInput } from '../../negativation/index.js';
import type { NegativationRecord } from '../../ports/index.js';
import { attempt } from '../command.js';
import type { AppContext } from '../dependencies.js';
import { applyNegativationEvent, negativationOf } from '../negativation/negativation-store.js';
import { CYCLE_ACTOR } from './apply-action.js';
import { pagesOf } from './paging.js';

/** What the negativation pass moved. */
export interface NegativationPassReport {
  /** Requests approved by the automatic analysis (guards passed again): the notice goes out. */
  readonly approved: readonly string[];
  /** Notice periods elapsed: the registration goes to the bureau. */
  readonly submitted: readonly string[];
  /** Registrations waiting out their prior notice (CDC art. 43 §2): submitted on `until` (absent while the notice is still to be sent). */
  readonly waitingForNotice: readonly { readonly negativationId: string; readonly invoiceId: string; readonly until?: CivilDate }[];
  /** Events the guards refused, with why (e.g. the debt reached its age limit during the notice period). */
  readonly refused: readonly { readonly negativationId: string; readonly event: string; readonly error: CobrancaError }[];
}

/**
 * When time alone moves a negativation, worked out once per negativation value
 * (stored values are immutable, so it is kept by identity, see {@link timeWakeOf}):
 * the days from which each time-driven event is due.
 */
interface TimeWake {
  /** In analysis: the automatic analysis is due on any day. */
  readonly analysis: boolean;
  /** Seed 000's fallback (`email_then_bureau_letter`): the day the unread e-mail notice was sent and the day the bureau is asked for its letter. */
  readonly unreadEmail?: { readonly sentOn: CivilDate; readonly askOn: CivilDate };
  /** Processing with the notice period not elapsed yet: waiting for its notice. */
  readonly waiting: boolean;
  /** While waiting: the day the notice period elapses (absent while the notice is still to be sent or counted). */
  readonly until?: CivilDate;
}

const NOT_MOVED_BY_TIME: TimeWake = { analysis: false, waiting: false };

/** The time wakes computed so far, by negativation value (values are never changed in place: a new version is a new value). */
const wakes = new WeakMap<Negativation, TimeWake>();

/** The statuses in which time alone moves a negativation. */
const TIME_DRIVEN = new Set<string>(['in_analysis', 'processing']);

/** {@link TimeWake} of a negativation, computed once per value. */
function timeWakeOf(negativation: Negativation): TimeWake {
  let wake = wakes.get(negativation);
  if (wake === undefined) {
    wake = timeWake(negativation);
    wakes.set(negativation, wake);
  }
  return wake;
}

function timeWake(negativation: Negativation): TimeWake {
  if (!TIME_DRIVEN.has(negativation.status)) return NOT_MOVED_BY_TIME;
  if (negativation.status === 'in_analysis') return { analysis: true, waiting: false };
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
  const email = negativation.notices.find((notice) => notice.channel === 'email' && notice.sender === undefined);
  return email === undefined ? undefined : { sentOn: email.sentOn, askOn: addDays(email.sentOn, emailReadDays) };
}

/** Which time-driven event a negativation's {@link TimeWake} makes due today, if any (no allocation: asked of every record of the stream). */
function dueKind(wake: TimeWake, today: CivilDate): 'analysis' | 'unread_email' | 'notice_elapsed' | undefined {
  if (wake.analysis) return 'analysis';
  if (wake.unreadEmail !== undefined && wake.unreadEmail.askOn <= today) return 'unread_email';
  if (wake.waiting && wake.until !== undefined && wake.until <= today) return 'notice_elapsed';
  return undefined;
}

/** The time-driven event a negativation is due today, if any. */
function dueEvent(record: NegativationRecord, today: CivilDate): NegativationEventInput | undefined {
  const negativation = negativationOf(record);
  const wake = timeWakeOf(negativation);
  const kind = dueKind(wake, today);
  if (kind === undefined) return undefined;
  const base = { on: today, actor: CYCLE_ACTOR };
  if (kind === 'analysis') return { type: 'analysis_approved', ...base, reason: `automatic analysis: request guards passed; notice mode ${negativation.settings.noticeMode}` };
  if (kind === 'unread_email') {
    return { type: 'bureau_notice_requested', ...base, reason: `notice mode email_then_bureau_letter: the e-mail of ${wake.unreadEmail?.sentOn ?? ''} was not read in ${negativation.settings.emailReadDays} days, the bureau posts the letter (seed 000)` };
  }
  return { type: 'notice_period_elapsed', ...base };
}

/**
 * Moves negativations whose time has come: analysis approved, notice period
 * elapsed (CDC art. 43 §2), the bureau asked for its letter when the e-mail
 * notice stayed unread. The stream is read page by page and each record is
 * looked at as read (the days time moves it are worked out once per stored
 * value); only the records due today are read again, in one batch read in a
 * transaction, checked again and moved. A page of registrations at the bureau,
 * removed, recovered or still waiting out their notice costs its read and
 * nothing else (no transaction, no event).
 */
export async function negativationPass(context: AppContext, today: CivilDate): Promise<NegativationPassReport> {
  const approved: string[] = [];
  const submitted: string[] = [];
  const refused: { negativationId: string; event: string; error: CobrancaError }[] = [];
  const waitingForNotice: { negativationId: string; invoiceId: string; until?: CivilDate }[] = [];
  const waiting = (record: NegativationRecord): void => {
    const { until } = timeWakeOf(negativationOf(record));
    waitingForNotice.push({ negativationId: record.id, invoiceId: record.invoiceId, ...(until !== undefined ? { until } : {}) });
  };
  for await (const records of pagesOf(context, (tx) => tx.negativations, 500)) {
    const due: NegativationRecord[] = [];
    for (const record of records) {
      const wake = timeWakeOf(negativationOf(record));
      if (dueKind(wake, today) !== undefined) due.push(record);
      else if (wake.waiting) waiting(record);
    }
    if (due.length === 0) continue;
    await context.store.transaction(async (tx) => {
      // The page's due records re-read in this transaction, in one batch read (one moved meanwhile is looked at as it is now).
      const current = new Map((await tx.negativations.getMany(due.map((r) => r.id))).map((r) => [r.id, r]));
      for (const stale of due) {
        const record = current.get(stale.id);
        if (!record) continue;
        const event = dueEvent(record, today);
        if (!event) {
          if (timeWakeOf(negativationOf(record)).waiting) waiting(record);
          continue;
        }
        const result = await attempt(() => applyNegativationEvent(tx, context, record, { ...event, at: context.nowIso() }));
        if (!result.ok) refused.push({ negativationId: record.id, event: event.type, error: result.error });
        else if (event.type === 'analysis_approved') approved.push(record.id);
        else if (event.type === 'notice_period_elapsed') submitted.push(record.id);
      }
    });
  }
  return { approved, submitted, waitingForNotice, refused };
}
