import { addDays, daysBetween, type CivilDate } from '../../calendar/index.js';
import type { Guard, GuardFacts, GuardViolation } from './guard.js';

/**
 * The day a registration may first be submitted: `waitingDays` calendar days
 * after the earliest notice sent by a qualifying channel, or `undefined` when
 * there is none.
 */
export function earliestSubmissionOn(facts: Pick<GuardFacts, 'notices' | 'settings'>): CivilDate | undefined {
  let earliest: CivilDate | undefined;
  for (const notice of facts.notices) {
    if (!facts.settings.qualifyingNoticeChannels.includes(notice.channel)) continue;
    if (earliest === undefined || notice.sentOn < earliest) earliest = notice.sentOn;
  }
  return earliest === undefined ? undefined : addDays(earliest, facts.settings.noticeWaitingDays);
}

/**
 * Prior written notice (CDC art. 43 §2): a notice by a qualifying channel
 * (letter by default; proof of posting suffices, STJ Súmula 404) sent at least
 * `noticeWaitingDays` calendar days (10 by default) before the submission.
 * Notice on day 0 → day 9 refused, day 10 allowed.
 */
export const priorNoticeGuard: Guard = {
  name: 'prior_notice',
  basis: 'CDC art. 43 §2; STJ Súmulas 359 and 404',
  check: (facts): GuardViolation | undefined => {
    const allowedFrom = earliestSubmissionOn(facts);
    if (allowedFrom === undefined) {
      return {
        guard: 'prior_notice',
        basis: 'CDC art. 43 §2; STJ Súmulas 359 and 404',
        message: `no prior notice by ${facts.settings.qualifyingNoticeChannels.join(' or ')} has been sent`,
        details: { qualifyingChannels: facts.settings.qualifyingNoticeChannels },
      };
    }
    if (facts.asOf < allowedFrom) {
      const waited = facts.settings.noticeWaitingDays - daysBetween(facts.asOf, allowedFrom);
      return {
        guard: 'prior_notice',
        basis: 'CDC art. 43 §2; STJ Súmulas 359 and 404',
        message: `the notice waiting period runs until ${allowedFrom} (${waited} of ${facts.settings.noticeWaitingDays} days elapsed)`,
        details: { allowedFrom, daysElapsed: waited, waitingDays: facts.settings.noticeWaitingDays },
      };
    }
    return undefined;
  },
};
