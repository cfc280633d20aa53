import type { CivilDate } from '../calendar/index.js';
import type { Money } from '../money/index.js';
import type { NoticeChannel } from './settings.js';

/** Why a removal (or cancellation) is requested from the bureau. */
export type RemovalReason = 'paid' | 'agreement_installment' | 'agreement' | 'cancelled' | 'age_limit';

/** What an operator is alerted about. */
export type OperatorAlert =
  | 'remove_manually'
  | 'removal_deadline_near'
  | 'removal_deadline_passed'
  | 'bureau_rejected'
  | 'failure'
  | 'age_limit'
  | 'stuck_submission'
  | 'paid_while_pending';

/**
 * Something the host must do because of a transition. Effects are data: the
 * domain decides, the application layer performs (and records that it did).
 */
export type NegativationEffect =
  /** Send the prior written notice (CDC art. 43 §2) by `channel`. */
  | { readonly type: 'send_notice'; readonly negativationId: string; readonly channel: NoticeChannel }
  /** Ask the bureau to post the prior notice letter (STJ Súmula 359); it reports the posting (`bureau_notice_posted`). */
  | { readonly type: 'request_bureau_notice'; readonly negativationId: string; readonly bureau: string; readonly titleId: string }
  /** Send the registration to the bureau. */
  | { readonly type: 'submit_to_bureau'; readonly negativationId: string; readonly bureau: string }
  /** Ask the bureau to remove (or cancel) the registration, now; `deadline` is the legal limit (STJ Súmula 548), `alarmOn` when to alarm if not confirmed. */
  | {
      readonly type: 'request_removal';
      readonly negativationId: string;
      readonly bureau: string;
      readonly reason: RemovalReason;
      readonly deadline?: CivilDate;
      readonly alarmOn?: CivilDate;
    }
  /** Show the customer-portal banner about the negativation (seed 000). */
  | { readonly type: 'show_portal_banner'; readonly negativationId: string; readonly titleId: string }
  /** Take the banner down. */
  | { readonly type: 'hide_portal_banner'; readonly negativationId: string; readonly titleId: string }
  /** Issue a new invoice with the updated amount, fine and interest (seed 000); the figures are the host's (agreements module). */
  | { readonly type: 'issue_updated_invoice'; readonly negativationId: string; readonly titleId: string; readonly outstanding: Money }
  /** Tell an operator something needs a person. */
  | {
      readonly type: 'alert_operator';
      readonly negativationId: string;
      readonly alert: OperatorAlert;
      readonly message: string;
      readonly deadline?: CivilDate;
    };

/** The `type` of an effect. */
export type NegativationEffectType = NegativationEffect['type'];
