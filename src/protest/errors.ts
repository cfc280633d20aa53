import type { CobrancaError } from '../errors.js';

/**
 * Stable error codes of the protest module.
 *
 * - `invalid_input`: an input failed its schema (the `path` names the field).
 * - `illegal_transition`: the event does not apply in the protest's current status.
 * - `event_out_of_order`: the event is dated before the last applied event.
 * - `guard_failed`: a legal or policy guard refused the step; `details.violations` lists every failed guard.
 * - `invalid_protest`: the protest passed in is not one this module produced.
 */
export type ProtestErrorCode = 'invalid_input' | 'illegal_transition' | 'event_out_of_order' | 'guard_failed' | 'invalid_protest';

/** Every error the protest module returns. */
export type ProtestError = CobrancaError<ProtestErrorCode>;
