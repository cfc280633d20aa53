/**
 * Error codes of the application layer (on top of the domain modules' own):
 * - `not_found`: a referenced customer, invoice, account, task … does not exist;
 * - `version_conflict`: someone else changed the record first; read again and retry;
 * - `idempotency_key_reused`: the key was used before for a different command or input;
 * - `invalid_state`: the command does not apply now (e.g. completing a cancelled task);
 * - `store_failure`: the store (or another port) failed; nothing was written.
 */
export type AppErrorCode = 'not_found' | 'version_conflict' | 'idempotency_key_reused' | 'invalid_state' | 'store_failure';
