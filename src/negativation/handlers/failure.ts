import { earliestSubmissionOn } from '../guards/index.js';
import { bureauNoticeEffect } from './notice.js';
import { illegal, requestRemoval, step, type Handler, type NegativationPatch } from './step.js';

/** Something went wrong: remember where, alert an operator. */
export const failure: Handler<'failure'> = (n, e) =>
  step('default', { failure: { reason: e.reason, on: e.on, from: n.status } }, [
    { type: 'alert_operator', negativationId: n.id, alert: 'failure', message: `negativation failed while ${n.status}: ${e.reason}` },
  ]);

const RETRY_VARIANTS: Readonly<Record<string, string>> = {
  in_analysis: 'failed in analysis',
  processing: 'failed while processing',
  awaiting_return: 'failed at submission',
  recovering: 'failed removing',
  cancelling: 'failed cancelling',
};

/** Goes back to where the failure happened and repeats that step's effect. */
export const retry: Handler<'retry'> = (n, e, calendar) => {
  const from = n.failure?.from;
  const variant = from === undefined ? undefined : RETRY_VARIANTS[from];
  if (from === undefined || variant === undefined) return illegal(n, e, 'nothing to retry');
  const patch: NegativationPatch = { failure: undefined };
  switch (from) {
    case 'processing':
      if (earliestSubmissionOn(n) !== undefined) return step(variant, patch);
      return step(variant, patch, [n.settings.noticeMode === 'bureau-sends' ? bureauNoticeEffect(n) : { type: 'send_notice', negativationId: n.id, channel: n.settings.noticeMode === 'email-then-bureau-letter' ? 'email' : n.settings.defaultNoticeChannel }]);
    case 'awaiting_return':
      return step(variant, { ...patch, submittedOn: e.on }, [{ type: 'submit_to_bureau', negativationId: n.id, bureau: n.bureau }]);
    case 'recovering':
    case 'cancelling': {
      const removal = n.removal ?? { reason: 'cancelled' as const, requestedOn: e.on };
      return step(variant, { ...patch, removal }, [requestRemoval(n, removal, calendar)]);
    }
    default:
      return step(variant, patch);
  }
};
