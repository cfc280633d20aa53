import type { Negativation, Notice } from '../negativation.js';
import { illegal, step, type EffectOf, type Handler } from './step.js';

/** The effect that asks the bureau to post the notice letter (STJ Súmula 359). */
export function bureauNoticeEffect(n: Negativation): EffectOf<'request_bureau_notice'> {
  return { type: 'request_bureau_notice', negativationId: n.id, bureau: n.bureau, titleId: n.title.id };
}

/** The e-mail was read (seed 000: "se ele visualizar a mensagem, considera-se que está ciente"): the notice counts from today. */
export const noticeRead: Handler<'notice_read'> = (n, e) => {
  const index = unreadEmailIndex(n.notices, e.proofOfPosting);
  if (index < 0) return illegal(n, e, e.proofOfPosting !== undefined ? `no unread e-mail notice ${e.proofOfPosting}` : 'no unread e-mail notice was sent');
  const notices = n.notices.map((notice, i): Notice => (i === index ? { ...notice, readOn: e.on } : notice));
  return step(n.status, 'default', { notices });
};

function unreadEmailIndex(notices: readonly Notice[], proof: string | undefined): number {
  for (let i = notices.length - 1; i >= 0; i--) {
    const notice = notices[i] as Notice;
    if (notice.channel === 'email' && notice.readOn === undefined && (proof === undefined || notice.proofOfPosting === proof)) return i;
  }
  return -1;
}

/** Asks the bureau to post the letter: in `bureau_sends` mode, or when the e-mail of `email_then_bureau_letter` went unread. */
export const bureauNoticeRequested: Handler<'bureau_notice_requested'> = (n, e) => {
  if (n.settings.noticeMode === 'creditor_letter') return illegal(n, e, 'the notice mode is creditor_letter: the creditor sends the notice');
  if (n.bureauNoticeRequestedOn !== undefined) return illegal(n, e, `the bureau was already asked on ${n.bureauNoticeRequestedOn}`);
  return step(n.status, 'default', { bureauNoticeRequestedOn: e.on }, [bureauNoticeEffect(n)]);
};

/** The bureau posted its notice letter (proof of posting suffices, STJ Súmula 404): the wait counts from its posting. */
export const bureauNoticePosted: Handler<'bureau_notice_posted'> = (n, e) => {
  if (n.notices.some((notice) => notice.sender === 'bureau' && notice.proofOfPosting === e.proofOfPosting)) return illegal(n, e, `the posting ${e.proofOfPosting} is already recorded`);
  return step(n.status, 'default', { notices: [...n.notices, { channel: 'letter', sentOn: e.on, proofOfPosting: e.proofOfPosting, sender: 'bureau' }] });
};
