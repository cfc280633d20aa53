import { earliestSubmissionOn } from '../guards/index.js';
import { bureauNoticeEffect } from './notice.js';
import { illegal, requestRemoval, step, type Handler, type NegativationPatch } from './step.js';

/** Something went wrong: remember where, alert an operator. */
export const failure: Handler<'failure'> = (n, e) =>
  step(n.status, 'default', { failure: { reason: e.reason, on: e.on, from: n.status } }, [
    {
      type: 'alert_operator',
      negativationId: n.id,
      alert: 'failure',
      message: `negativation failed while ${n.status}: ${e.reason}`,
    },
  ]);

/** Goes back to where the failure happened and repeats that step's effect (each case is its own row of the table). */
export const retry: Handler<'retry'> = (n, e, calendar) => {
  const patch: NegativationPatch = { failure: undefined };
  switch (n.failure?.from) {
    case 'in_analysis':
      return step(n.status, 'failed in analysis', patch);
    case 'processing':
      if (earliestSubmissionOn(n) !== undefined) return step(n.status, 'failed while processing', patch);
      if (n.settings.noticeMode === 'bureau_sends') return step(n.status, 'failed while processing', patch, [bureauNoticeEffect(n)]);
      return step(n.status, 'failed while processing', patch, [
        { type: 'send_notice', negativationId: n.id, channel: n.settings.noticeMode === 'email_then_bureau_letter' ? 'email' : n.settings.defaultNoticeChannel } as const,
      ]);
    case 'awaiting_return':
      return step(n.status, 'failed at submission', { ...patch, submittedOn: e.on }, [{ type: 'submit_to_bureau', negativationId: n.id, bureau: n.bureau }]);
    case 'recovering':
    case 'cancelling': {
      const removal = n.removal ?? {
        reason: 'cancelled' as const,
        requestedOn: e.on,
      };
      const effects = [requestRemoval(n, removal, calendar)];
      return n.failure.from === 'recovering' ? step(n.status, 'failed removing', { ...patch, removal }, effects) : step(n.status, 'failed cancelling', { ...patch, removal }, effects);
    }
    default:
      return illegal(n, e, 'nothing to retry');
  }
};
