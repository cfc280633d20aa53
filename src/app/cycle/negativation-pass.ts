import type { CivilDate } from '../../calendar/index.js';
import type { CobrancaError } from '../../errors.js';
import type { NegativationEventInput } from '../../negativation/index.js';
import type { NegativationRecord } from '../../ports/index.js';
import { attempt } from '../command.js';
import type { AppContext } from '../dependencies.js';
import { applyNegativationEvent, negativationOf } from '../negativation/negativation-store.js';
import { dueKind, timeWakeOf } from '../negativation/negativation-due.js';
import { CYCLE_ACTOR } from './apply-action.js';
import { negativationPages } from './negativation-pages.js';

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
 * notice stayed unread. With the store's negativation due index only the
 * negativations due today are read (see `negativationDueOn`), else every one,
 * page by page; each record is looked at as read (the days time moves it are
 * worked out once per stored value); only the records due an event today are
 * read again, in one batch read in a transaction, checked again and moved.
 * The report's lists are in negativation-id order either way.
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
  for await (const { records } of negativationPages(context, today)) {
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
  const byId = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
  approved.sort(byId);
  submitted.sort(byId);
  waitingForNotice.sort((a, b) => byId(a.negativationId, b.negativationId));
  refused.sort((a, b) => byId(a.negativationId, b.negativationId));
  return { approved, submitted, waitingForNotice, refused };
}
