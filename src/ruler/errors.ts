import type { CobrancaError } from '../errors.js';

/**
 * Error codes of the ruler module.
 * - `invalid_input`: an input failed its schema (the path names the field).
 * - `duplicate_step_id`: two steps of a ruler share an id.
 * - `conflicting_steps`: two steps of the same kind (channel) fall on the same day.
 * - `negativation_without_notice`: a negativation step has no notice step far enough before it (CDC art. 43 §2).
 * - `sms_too_long`: an SMS text exceeds 160 GSM-7 / 70 UCS-2 characters.
 */
export type RulerErrorCode = 'invalid_input' | 'duplicate_step_id' | 'conflicting_steps' | 'negativation_without_notice' | 'sms_too_long';

/** An error returned by the ruler module. */
export type RulerError = CobrancaError<RulerErrorCode>;
