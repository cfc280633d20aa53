import { addDays, daysBetween, type CivilDate } from '../../calendar/index.js';
import type { Notice } from '../negativation.js';
import type { NoticeMode } from '../settings.js';
import { defineGuard, type Guard, type GuardFacts } from './guard.js';

/**
 * The day the debtor counts as told, by the notice mode (see `NOTICE_MODES`):
 * - `creditor_letter`: the earliest notice by a qualifying channel was sent;
 * - `email_then_bureau_letter`: the e-mail was read (`notice_read`) or the bureau posted its letter, whichever came first;
 * - `bureau_sends`: the bureau posted its letter (`bureau_notice_posted`).
 * `undefined` while that has not happened.
 * @example
 * ```ts
 * import { noticeCountsFrom, startNegativation, transition } from 'cobranca/negativation';
 *
 * const started = startNegativation({
 *   id: 'neg-1', origin: 'negativation_menu', bureau: 'serasa', on: '2026-10-20', actor: 'operator.ana',
 *   creditor: { id: 'acme', name: 'ACME Telecom Ltda', document: '11.222.333/0001-81' },
 *   debtor: { document: '529.982.247-25', name: 'Maria Souza', address: { street: 'Rua das Flores', number: '100', city: 'São Paulo', state: 'SP', cep: '01001-000' } },
 *   title: { id: 'inv-1', amount: '373.52', dueDate: '2026-09-10' },
 * });
 * if (started.isErr()) throw new Error(started.error.message);
 * const { negativation } = started.value;
 * console.log(noticeCountsFrom(negativation)); // no notice yet
 * const noticed = transition(negativation, { type: 'analysis_approved', on: '2026-10-20', actor: 'operator.ana' })
 *   .andThen((step) => transition(step.negativation, { type: 'notice_sent', on: '2026-10-21', actor: 'system', channel: 'letter', proofOfPosting: 'AR-123456' }));
 * if (noticed.isOk()) console.log(noticeCountsFrom(noticed.value.negativation)); // the letter's posting (STJ Súmula 404)
 * // → undefined
 * // → 2026-10-21
 * ```
 */
export function noticeCountsFrom(facts: Pick<GuardFacts, 'notices' | 'settings'>): CivilDate | undefined {
  let earliest: CivilDate | undefined;
  for (const notice of facts.notices) {
    const day = countingDay(notice, facts.settings.noticeMode, facts.settings.qualifyingNoticeChannels);
    if (day !== undefined && (earliest === undefined || day < earliest)) earliest = day;
  }
  return earliest;
}

function countingDay(notice: Notice, mode: NoticeMode, qualifying: readonly string[]): CivilDate | undefined {
  if (notice.sender === 'bureau') return notice.sentOn;
  switch (mode) {
    case 'creditor_letter':
      return qualifying.includes(notice.channel) ? notice.sentOn : undefined;
    case 'email_then_bureau_letter':
      return notice.readOn;
    case 'bureau_sends':
      return undefined;
  }
}

/**
 * The day a registration may first be submitted: `noticeWaitingDays` calendar
 * days after the day the debtor counts as told ({@link noticeCountsFrom}), or
 * `undefined` when that has not happened yet.
 * @example
 * ```ts
 * import { earliestSubmissionOn, startNegativation, transition } from 'cobranca/negativation';
 *
 * const started = startNegativation({
 *   id: 'neg-1', origin: 'negativation_menu', bureau: 'serasa', on: '2026-10-20', actor: 'operator.ana',
 *   creditor: { id: 'acme', name: 'ACME Telecom Ltda', document: '11.222.333/0001-81' },
 *   debtor: { document: '529.982.247-25', name: 'Maria Souza', address: { street: 'Rua das Flores', number: '100', city: 'São Paulo', state: 'SP', cep: '01001-000' } },
 *   title: { id: 'inv-1', amount: '373.52', dueDate: '2026-09-10' },
 * });
 * if (started.isErr()) throw new Error(started.error.message);
 * const { negativation } = started.value;
 * const noticed = transition(negativation, { type: 'analysis_approved', on: '2026-10-20', actor: 'operator.ana' })
 *   .andThen((step) => transition(step.negativation, { type: 'notice_sent', on: '2026-10-21', actor: 'system', channel: 'letter', proofOfPosting: 'AR-123456' }));
 * if (noticed.isOk()) console.log(earliestSubmissionOn(noticed.value.negativation)); // 10 days after the notice (CDC art. 43 §2)
 * // → 2026-10-31
 * ```
 */
export function earliestSubmissionOn(facts: Pick<GuardFacts, 'notices' | 'settings'>): CivilDate | undefined {
  const from = noticeCountsFrom(facts);
  return from === undefined ? undefined : addDays(from, facts.settings.noticeWaitingDays);
}

const MISSING: Readonly<Record<NoticeMode, (facts: GuardFacts) => string>> = {
  'creditor_letter': (facts) => `no prior notice by ${facts.settings.qualifyingNoticeChannels.join(' or ')} has been sent`,
  'email_then_bureau_letter': () => 'the e-mail notice has not been read and the bureau has not posted its letter',
  'bureau_sends': () => 'the bureau has not posted the notice letter',
};

/**
 * Prior written notice (CDC art. 43 §2), counted from the event the notice mode
 * names: a creditor's notice by a qualifying channel (letter by default; proof
 * of posting suffices, STJ Súmula 404), the reading of the e-mail, or the
 * bureau's posting (STJ Súmula 359), at least `noticeWaitingDays` calendar days
 * (10 by default) before the submission. Notice on day 0 → day 9 refused, day 10 allowed.
 */
export const priorNoticeGuard: Guard = defineGuard('prior_notice', 'CDC art. 43 §2; STJ Súmulas 359 and 404', (facts) => {
  const mode = facts.settings.noticeMode;
  const allowedFrom = earliestSubmissionOn(facts);
  if (allowedFrom === undefined) {
    return { message: MISSING[mode](facts), details: { noticeMode: mode, qualifyingChannels: facts.settings.qualifyingNoticeChannels } };
  }
  if (facts.asOf < allowedFrom) {
    const waited = facts.settings.noticeWaitingDays - daysBetween(facts.asOf, allowedFrom);
    return {
      message: `the notice waiting period runs until ${allowedFrom} (${waited} of ${facts.settings.noticeWaitingDays} days elapsed)`,
      details: { allowedFrom, daysElapsed: waited, waitingDays: facts.settings.noticeWaitingDays, noticeMode: mode },
    };
  }
  return undefined;
});
