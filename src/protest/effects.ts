import type { CivilDate } from '../calendar/index.js';

/** What an operator is alerted about. */
export type ProtestAlert = 'returned' | 'letter_of_consent_due' | 'registration_overdue' | 'paper_notice_due';

/**
 * Something the host must do because of a transition: the domain decides, the
 * application layer performs (the notary is reached through the host's
 * integration, e.g. the notaries' central, CENPROT).
 */
export type ProtestEffect =
  /** Send the title with its data to the notary. */
  | { readonly type: 'submit_to_notary'; readonly protestId: string; readonly notary: string }
  /** Ask the notary to withdraw the title before the protest (art. 16). */
  | { readonly type: 'request_withdrawal'; readonly protestId: string; readonly notary: string }
  /** Issue the letter of consent and deliver it to the debtor (STJ Tema 725) or present it to the notary (when the creditor cancels), by `dueBy`. */
  | { readonly type: 'issue_letter_of_consent'; readonly protestId: string; readonly deliverTo: 'debtor' | 'notary'; readonly dueBy: CivilDate }
  /** Ask the notary to cancel the protest (only when the creditor agreed to cancel it). */
  | { readonly type: 'request_cancellation'; readonly protestId: string; readonly notary: string }
  /** Tell an operator something needs a person. */
  | { readonly type: 'alert_operator'; readonly protestId: string; readonly alert: ProtestAlert; readonly message: string; readonly deadline?: CivilDate };

/** The `type` of an effect. */
export type ProtestEffectType = ProtestEffect['type'];
