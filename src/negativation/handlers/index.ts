import type { NegativationEventType } from '../events.js';
import { analysisApproved, bureauAccepted, bureauRejected, noticePeriodElapsed, noticeSent, submitted } from './bureau-flow.js';
import { failure, retry } from './failure.js';
import { bureauNoticePosted, bureauNoticeRequested, noticeRead } from './notice.js';
import { paymentReceived } from './payment.js';
import { agreementMade, bureauRemoved, cancelConfirmed, cancelRequested, removalRequested } from './removal.js';
import { illegal, step, type Handler } from './step.js';

export type { NegativationPatch, PatchableField, Step, Handler, Refusal } from './step.js';
export { isRefusal } from './step.js';

/** The handler of each event type (the request is applied by `startNegativation`). */
export const HANDLERS: { readonly [T in NegativationEventType]: Handler<T> } = {
  request: (n, e) => illegal(n, e, 'a request starts a negativation (startNegativation), it is not applied to one'),
  analysis_approved: analysisApproved,
  analysis_rejected: (n) => step(n.status, 'default'),
  notice_sent: noticeSent,
  notice_read: noticeRead,
  bureau_notice_requested: bureauNoticeRequested,
  bureau_notice_posted: bureauNoticePosted,
  notice_period_elapsed: noticePeriodElapsed,
  submitted,
  bureau_accepted: bureauAccepted,
  bureau_rejected: bureauRejected,
  payment_received: paymentReceived,
  agreement_made: agreementMade,
  removal_requested: removalRequested,
  bureau_removed: bureauRemoved,
  cancel_requested: cancelRequested,
  cancel_confirmed: cancelConfirmed,
  failure,
  retry,
};
