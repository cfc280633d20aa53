import type { BusinessCalendar } from '../../calendar/index.js';
import { transition, type Negativation, type NegativationEventInput } from '../../negativation/index.js';
import type { BureauAnswer, BureauStatusReport } from '../../ports/index.js';

/** When and by whom a bureau's event is recorded. */
export interface BureauEventBase {
  /** The civil date the event is recorded on (today). */
  readonly on: string;
  /** Who reported it: the bureau. */
  readonly actor: string;
  /** The instant it was recorded (ISO text with an offset). */
  readonly at: string;
}

/**
 * Whether the negativation machine takes `event` now: the one source of truth is the transition
 * table and its handlers (`transition`), not a list of statuses restated here. Only an event that
 * does not apply (`illegal_transition`) is left out; any other refusal is for the caller to see.
 */
function takes(negativation: Negativation, event: NegativationEventInput, calendar: BusinessCalendar): boolean {
  const result = transition(negativation, event, { calendar });
  return result.isOk() || result.error.code !== 'illegal_transition';
}

/**
 * The event a bureau's status report means for a negativation, or `undefined` when it no longer
 * applies (already recorded, or not applicable in its status): `registered` → `bureau_accepted`
 * (once), `rejected` → `bureau_rejected`, `removed` → `bureau_removed`, `notice_posted` →
 * `bureau_notice_posted` (once per proof of posting); `pending` means nothing yet.
 */
export function bureauReportEvent(negativation: Negativation, report: BureauStatusReport, base: BureauEventBase, calendar: BusinessCalendar): NegativationEventInput | undefined {
  const event = candidateEvent(negativation, report, base);
  return event !== undefined && takes(negativation, event, calendar) ? event : undefined;
}

function candidateEvent(negativation: Negativation, report: BureauStatusReport, base: BureauEventBase): NegativationEventInput | undefined {
  switch (report.status) {
    case 'registered':
      return negativation.registeredOn === undefined ? { type: 'bureau_accepted', ...base, ...(report.protocol ? { bureauReference: report.protocol } : {}) } : undefined;
    case 'rejected':
      return { type: 'bureau_rejected', ...base, reason: report.reason ?? 'rejected by the bureau' };
    case 'removed':
      return { type: 'bureau_removed', ...base };
    case 'notice_posted':
      return report.proofOfPosting !== undefined && !negativation.notices.some((n) => n.proofOfPosting === report.proofOfPosting) ? { type: 'bureau_notice_posted', ...base, proofOfPosting: report.proofOfPosting } : undefined;
    case 'pending':
      return undefined;
  }
}

/** The event the bureau's answer to a submission means (`bureau_accepted` / `bureau_rejected`), when it still applies. */
export function bureauAnswerEvent(negativation: Negativation, answer: BureauAnswer, base: BureauEventBase, calendar: BusinessCalendar): NegativationEventInput | undefined {
  const event: NegativationEventInput | undefined =
    answer.outcome === 'accepted' ? { type: 'bureau_accepted', ...base, bureauReference: answer.protocol } : answer.outcome === 'rejected' ? { type: 'bureau_rejected', ...base, reason: answer.reason } : undefined;
  return event !== undefined && takes(negativation, event, calendar) ? event : undefined;
}
