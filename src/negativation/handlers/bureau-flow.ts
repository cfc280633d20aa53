import { appended } from '../appended.js';
import type { Notice } from '../negativation.js';
import { bureauNoticeEffect } from './notice.js';
import { confirmedRemoval, illegal, step, type Handler, type NegativationPatch } from './step.js';

/**
 * Internal approval: the prior notice goes out by the notice mode (the creditor's notice by `defaultNoticeChannel`,
 * the creditor's e-mail, or the bureau asked to post it), the updated invoice is issued and the portal banner shown (seed 000).
 */
export const analysisApproved: Handler<'analysis_approved'> = (n, e) => {
  const mode = n.settings.noticeMode;
  const invoice = { type: 'issue_updated_invoice', negativationId: n.id, titleId: n.title.id, outstanding: n.outstanding } as const;
  const banner = { type: 'show_portal_banner', negativationId: n.id, titleId: n.title.id } as const;
  if (mode === 'bureau_sends') return step(n.status, 'bureau sends the notice', { portalBannerShown: true, bureauNoticeRequestedOn: e.on }, [bureauNoticeEffect(n), invoice, banner]);
  const channel = mode === 'email_then_bureau_letter' ? 'email' : n.settings.defaultNoticeChannel;
  return step(n.status, 'default', { portalBannerShown: true }, [{ type: 'send_notice', negativationId: n.id, channel } as const, invoice, banner]);
};

/** Records a prior notice (CDC art. 43 §2) with its proof of posting. */
export const noticeSent: Handler<'notice_sent'> = (n, e) => {
  const notice: Notice = e.proofOfPosting !== undefined ? { channel: e.channel, sentOn: e.on, proofOfPosting: e.proofOfPosting } : { channel: e.channel, sentOn: e.on };
  return step(n.status, 'default', { notices: appended(n.notices, notice) });
};

/** The waiting period is over: ask the host to submit (the submission guards run first). */
export const noticePeriodElapsed: Handler<'notice_period_elapsed'> = (n, e) =>
  step(n.status, 'default', { noticePeriodElapsedOn: e.on }, [{ type: 'submit_to_bureau', negativationId: n.id, bureau: n.bureau }]);

/** The host sent the registration to the bureau. */
export const submitted: Handler<'submitted'> = (n, e) =>
  step(n.status, 'default', e.bureauReference !== undefined ? { submittedOn: e.on, bureauReference: e.bureauReference } : { submittedOn: e.on });

/** The bureau registered the debt (also while a cancellation is under way). */
export const bureauAccepted: Handler<'bureau_accepted'> = (n, e) => {
  const patch: NegativationPatch = e.bureauReference !== undefined ? { registeredOn: e.on, bureauReference: e.bureauReference } : { registeredOn: e.on };
  if (n.status === 'awaiting_return') return step(n.status, 'default', patch);
  if (n.submittedOn === undefined || n.registeredOn !== undefined) return illegal(n, e, 'no submission is waiting for the bureau');
  return step(n.status, 'accepted before the cancellation', patch);
};

/** The bureau refused: fail with an operator alert, or end a pending cancellation. */
export const bureauRejected: Handler<'bureau_rejected'> = (n, e) => {
  if (n.status === 'awaiting_return') {
    return step(n.status, 'default', { failure: { reason: e.reason, on: e.on, from: n.status } }, [
      {
        type: 'alert_operator',
        negativationId: n.id,
        alert: 'bureau_rejected',
        message: `the bureau rejected the registration: ${e.reason}`,
      },
    ]);
  }
  if (n.submittedOn === undefined || n.registeredOn !== undefined) return illegal(n, e, 'no submission is waiting for the bureau');
  return step(n.status, 'never registered', {
    removal: n.removal ? confirmedRemoval(n.removal, e.on) : undefined,
  });
};
