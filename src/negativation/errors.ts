import type { CobrancaError } from '../errors.js';

/**
 * Stable error codes of the negativation module.
 *
 * - `invalid_input`: an input failed its schema (the `path` names the field).
 * - `unknown_event`: an event `type` this machine does not know.
 * - `illegal_transition`: the event does not apply in the negativation's current status.
 * - `event_out_of_order`: the event is dated before the last applied event.
 * - `guard_failed`: a legal or policy guard refused the step; `details.violations` lists every failed guard.
 * - `removal_not_allowed`: a removal was asked for a registration that is neither paid nor covered by an agreement (cancel instead).
 * - `not_a_negativation`: the value handed to `transition` or `reconcile` is not a negativation this module produced (hand-made or damaged data).
 * - `invalid_stored_negativation`: a negativation read back from storage (`parseNegativation`) fails its schema or its history does not add up.
 * - `history_full`: the negativation already holds `MAX_HISTORY_EVENTS` events and this one would not change its status (events that move it, such as a removal, are always taken).
 */
export type NegativationErrorCode =
  | 'invalid_input'
  | 'unknown_event'
  | 'illegal_transition'
  | 'event_out_of_order'
  | 'guard_failed'
  | 'removal_not_allowed'
  | 'not_a_negativation'
  | 'invalid_stored_negativation'
  | 'history_full';

/** Every error the negativation module returns. */
export type NegativationError = CobrancaError<NegativationErrorCode>;
