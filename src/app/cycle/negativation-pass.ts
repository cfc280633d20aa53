import { addDays, type CivilDate } from '../../calendar/index.js';
import type { CobrancaError } from '../../errors.js';
import { earliestSubmissionOn, noticeCountsFrom, type Negativation, type NegativationEventInput } from '../../negativation/index.js';
import type { NegativationRecord } from '../../ports/index.js';
import { attempt } from '../command.js';
import type { AppContext } from '../dependencies.js';
import { applyNegativationEvent, negativationOf, statusOfRecord } from '../negativation/negativation-store.js';
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

/** The time-driven event a negativation is due today, if any. */
function dueEvent(record: NegativationRecord, today: CivilDate): NegativationEventInput | undefined {
  const negativation = negativationOf(record);
  const base = { on: today, actor: CYCLE_ACTOR };
  if (record.status === 'in_analysis') return { type: 'analysis_approved', ...base, reason: `automatic analysis: request guards passed; notice mode ${negativation.settings.noticeMode}` };
  const unread = unreadEmailSince(negativation, today);
  if (record.status === 'processing' && unread !== undefined) {
    return { type: 'bureau_notice_requested', ...base, reason: `notice mode email_then_bureau_letter: the e-mail of ${unread} was not read in ${negativation.settings.emailReadDays} days, the bureau posts the letter (seed 000)` };
  }
  if (record.status === 'processing' && negativation.noticePeriodElapsedOn === undefined) {
    const earliest = earliestSubmissionOn(negativation);
    if (earliest !== undefined && earliest <= today) return { type: 'notice_period_elapsed', ...base };
  }
  return undefined;
}

/**
 * Seed 000's fallback: in `email_then_bureau_letter` mode, the day the e-mail notice was sent when it stayed unread
 * for `emailReadDays` and the bureau has not been asked yet (so it is asked today); otherwise `undefined`.
 */
function unreadEmailSince(negativation: Negativation, today: CivilDate): CivilDate | undefined {
  const { noticeMode, emailReadDays } = negativation.settings;
  if (noticeMode !== 'email_then_bureau_letter' || negativation.bureauNoticeRequestedOn !== undefined || noticeCountsFrom(negativation) !== undefined) return undefined;
  const email = negativation.notices.find((notice) => notice.channel === 'email' && notice.sender === undefined);
  return email !== undefined && addDays(email.sentOn, emailReadDays) <= today ? email.sentOn : undefined;
}

/** The statuses in which time alone moves a negativation (the only ones {@link dueEvent} answers for). */
const TIME_DRIVEN = new Set<string>(['in_analysis', 'processing']);

/**
 * Moves negativations whose time has come: analysis approved, notice period
 * elapsed (CDC art. 43 §2). The stream is read page by page; only the
 * records in a status time moves (in analysis, processing) are read again in
 * a transaction and looked at, so a page of registrations at the bureau, removed
 * or recovered costs its read and nothing else (no transaction, no event).
 */
export async function negativationPass(context: AppContext, today: CivilDate): Promise<NegativationPassReport> {
  const approved: string[] = [];
  const submitted: string[] = [];
  const refused: { negativationId: string; event: string; error: CobrancaError }[] = [];
  const waitingForNotice: { negativationId: string; invoiceId: string; until?: CivilDate }[] = [];
  for await (const records of pagesOf(context, (tx) => tx.negativations, 500)) {
    const page = records.filter((r) => TIME_DRIVEN.has(statusOfRecord(r)));
    if (page.length === 0) continue;
    await context.store.transaction(async (tx) => {
      // The page's candidates re-read in this transaction, in one batch read.
      const current = new Map((await tx.negativations.getMany(page.map((r) => r.id))).map((r) => [r.id, r]));
      for (const stale of page) {
        const record = current.get(stale.id);
        const event = record ? dueEvent(record, today) : undefined;
        if (record && !event && record.status === 'processing' && negativationOf(record).noticePeriodElapsedOn === undefined) {
          const until = earliestSubmissionOn(negativationOf(record));
          waitingForNotice.push({ negativationId: record.id, invoiceId: record.invoiceId, ...(until !== undefined ? { until } : {}) });
        }
        if (!record || !event) continue;
        const result = await attempt(() => applyNegativationEvent(tx, context, record, { ...event, at: context.nowIso() }));
        if (!result.ok) refused.push({ negativationId: record.id, event: event.type, error: result.error });
        else if (event.type === 'analysis_approved') approved.push(record.id);
        else if (event.type === 'notice_period_elapsed') submitted.push(record.id);
      }
    });
  }
  return { approved, submitted, waitingForNotice, refused };
}
