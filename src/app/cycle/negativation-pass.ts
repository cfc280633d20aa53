import type { CivilDate } from '../../calendar/index.js';
import type { NegativationEventInput } from '../../negativation/index.js';
import type { NegativationRecord } from '../../ports/index.js';
import { attempt } from '../command.js';
import { bufferedAudit, bufferedOutbox } from '../outbox-buffers.js';
import type { AppContext } from '../dependencies.js';
import { applyNegativationEvent, negativationOf } from '../negativation/negativation-store.js';
import { dueKind, timeWakeOf } from '../negativation/negativation-due.js';
import { automaticAnalysisEvent, takeApprovedOnRequest } from './automatic-negativation.js';
import { CYCLE_ACTOR } from './apply-action.js';
import { negativationPages } from './negativation-pages.js';
import { LIST_EVERY_OUTCOME, OutcomeList, type CycleOutcome, type OutcomeListing, type WaitingForNotice } from './outcome-listing.js';
import { transactionWith } from '../transaction-view.js';
import type { ReconcileSummaries } from './reconcile-summaries.js';

/** How many of each outcome the negativation pass had (every one, whatever the listing cap). */
export interface NegativationPassTotals {
  /** Registrations approved for submission (requested → approved). */
  readonly approved: number;
  /** Registrations sent to their bureau. */
  readonly submitted: number;
  /** Registrations still waiting out their prior notice. */
  readonly waitingForNotice: number;
  /** Events the guards refused (listed in `refused` up to the listing limit). */
  readonly refused: number;
}

/**
 * What the negativation pass moved. Its lists hold the first `listOutcomes`
 * of each kind (1,000 by default), in negativation-id order; `totals` counts
 * them all; `onOutcome` receives each (`negativation.approved`, `.submitted`,
 * `.waiting`, `.refused`).
 */
export interface NegativationPassReport {
  /** Every outcome counted, listed or not. */
  readonly totals: NegativationPassTotals;
  /** Requests approved by the automatic analysis (guards passed again): the notice goes out. */
  readonly approved: readonly string[];
  /** Notice periods elapsed: the registration goes to the bureau. */
  readonly submitted: readonly string[];
  /**
   * Registrations waiting out their prior notice that the pass looked at
   * today (one the pass itself moved, e.g. the bureau asked for its letter,
   * included). With the store's negativation due index a waiting registration
   * is looked at on the cycle after something about it (or its customer's
   * invoices, payments, agreements) was written, so its wait is reported when
   * it begins or changes, and then not again until its day comes (it is then
   * submitted); without the index, every waiting registration every day.
   */
  readonly waitingForNotice: readonly WaitingForNotice[];
  /** Events the guards refused, with why (e.g. the debt reached its age limit during the notice period). */
  readonly refused: readonly Extract<CycleOutcome, { type: 'negativation.refused' }>['outcome'][];
}

/** The time-driven event a negativation is due today, if any (built as a literal: no object spread on this path). */
function dueEvent(record: NegativationRecord, today: CivilDate, at: string): NegativationEventInput | undefined {
  const negativation = negativationOf(record);
  const wake = timeWakeOf(negativation);
  const kind = dueKind(wake, today);
  if (kind === undefined) return undefined;
  if (kind === 'analysis') return automaticAnalysisEvent(negativation, today, at);
  if (kind === 'unread_email') {
    return {
      type: 'bureau_notice_requested',
      on: today,
      actor: CYCLE_ACTOR,
      at,
      reason: `notice mode email_then_bureau_letter: the e-mail of ${wake.unreadEmail?.sentOn ?? ''} was not read in ${negativation.settings.emailReadDays} days, the bureau posts the letter (seed 000)`,
    };
  }
  return { type: 'notice_period_elapsed', on: today, actor: CYCLE_ACTOR, at };
}

/** How a waiting registration is reported. */
function waitingOf(record: NegativationRecord): WaitingForNotice {
  const { until } = timeWakeOf(negativationOf(record));
  return until === undefined ? { negativationId: record.id, invoiceId: record.invoiceId } : { negativationId: record.id, invoiceId: record.invoiceId, until };
}

const byId = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Moves negativations whose time has come: analysis approved, notice period
 * elapsed (CDC art. 43 §2), the bureau asked for its letter when the e-mail
 * notice stayed unread. With the store's negativation due index only the
 * negativations due today are read (see `negativationDueOn`: a registration
 * waiting out its notice is due on the day its period elapses, not every
 * day), else every one, page by page; each record is looked at as read (the
 * days time moves it are worked out once per stored value); only the records
 * due an event today are read again, in one batch read in a transaction,
 * checked again and moved. Outcomes are counted, listed up to the listing's
 * cap and handed to its listener as they happen. With `summaries` (and the
 * index), each record read and not due an event is summarised for the
 * reconciliation pass that follows (see {@link ReconcileSummaries}).
 */
export async function negativationPass(context: AppContext, today: CivilDate, listing: OutcomeListing = LIST_EVERY_OUTCOME, summaries?: ReconcileSummaries): Promise<NegativationPassReport> {
  const approved = new OutcomeList<Extract<CycleOutcome, { type: 'negativation.approved' }>>('negativation.approved', listing);
  const submitted = new OutcomeList<Extract<CycleOutcome, { type: 'negativation.submitted' }>>('negativation.submitted', listing);
  const waiting = new OutcomeList<Extract<CycleOutcome, { type: 'negativation.waiting' }>>('negativation.waiting', listing);
  const refused = new OutcomeList<Extract<CycleOutcome, { type: 'negativation.refused' }>>('negativation.refused', listing);
  // The cycle's own requests it approved as it made them: approvals of today, not read again (the page leaves them out).
  const approvedOnRequest = takeApprovedOnRequest(context);
  const reported = new Set<string>();
  for await (const { records, due: entries, leftOut } of negativationPages(context, today, approvedOnRequest)) {
    for (const id of leftOut) {
      reported.add(id);
      approved.add(id);
    }
    const due: NegativationRecord[] = [];
    for (let i = 0; i < records.length; i++) {
      const record = records[i] as NegativationRecord;
      const wake = timeWakeOf(negativationOf(record));
      if (dueKind(wake, today) !== undefined) {
        due.push(record);
        continue;
      }
      if (wake.waiting) waiting.add(waitingOf(record));
      // With the index, `entries` are the records' due entries, in the same order.
      const entry = entries?.[i];
      if (summaries !== undefined && entry !== undefined) summaries.keep(record, entry.touched);
    }
    if (due.length === 0) continue;
    await context.store.transaction(async (store) => {
      // The page's effects and audit lines kept and written at once, before the page commits (one write each: one
      // statement on PostgreSQL, one promise in memory; not one per registration moved or per line).
      const outbox = bufferedOutbox(store);
      const audit = bufferedAudit(store);
      const tx = transactionWith(store, { outbox: outbox.view, audit: audit.view });
      // The page's due records re-read in this transaction, in one batch read (one moved meanwhile is looked at as it is now).
      const current = new Map((await tx.negativations.getMany(due.map((r) => r.id))).map((r) => [r.id, r]));
      // What the steps' effects read of their titles (an updated invoice's figures: the invoice and its payments), read
      // for the whole page at once: a store that keeps a transaction's reads (PostgreSQL) then answers each one itself.
      const titleIds = due.map((r) => r.invoiceId);
      await Promise.all([tx.invoices.getMany(titleIds), tx.payments.listFor('invoiceId', titleIds)]);
      for (const stale of due) {
        const record = current.get(stale.id);
        if (!record) continue;
        const event = dueEvent(record, today, context.nowIso());
        if (!event) {
          if (timeWakeOf(negativationOf(record)).waiting) waiting.add(waitingOf(record));
          continue;
        }
        const result = await attempt(() => applyNegativationEvent(tx, context, record, event));
        if (!result.ok) refused.add({ negativationId: record.id, event: event.type, error: result.error });
        else if (event.type === 'analysis_approved') approved.add(record.id);
        else if (event.type === 'notice_period_elapsed') submitted.add(record.id);
        // The bureau asked for its letter: the wait changed (it now waits for the posting), reported as it now stands.
        else if (timeWakeOf(negativationOf(result.value)).waiting) waiting.add(waitingOf(result.value));
      }
      await outbox.flush();
      await audit.flush();
    });
  }
  // Approvals of today all the same when no page listed them (none is expected: each is new, so written, so due today).
  for (const id of approvedOnRequest) if (!reported.has(id)) approved.add(id);
  approved.listed.sort(byId);
  submitted.listed.sort(byId);
  waiting.listed.sort((a, b) => byId(a.negativationId, b.negativationId));
  refused.listed.sort((a, b) => byId(a.negativationId, b.negativationId));
  return {
    totals: { approved: approved.total, submitted: submitted.total, waitingForNotice: waiting.total, refused: refused.total },
    approved: approved.listed,
    submitted: submitted.listed,
    waitingForNotice: waiting.listed,
    refused: refused.listed,
  };
}
