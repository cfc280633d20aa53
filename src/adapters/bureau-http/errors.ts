import type { BureauOperation } from './idempotency-key.js';

/** Why a bureau call failed. All but `bureau_request_refused` are worth retrying later (next cycle). */
export type BureauCallErrorCode =
  | 'bureau_timeout'
  | 'bureau_unavailable'
  | 'bureau_unreachable'
  | 'bureau_malformed_reply'
  | 'bureau_circuit_open'
  | 'bureau_request_refused';

/**
 * A bureau call that did not get an answer. The port's promise rejects with
 * it, so the outbox keeps the effect pending and retries it next cycle (its
 * message is what the cycle's report shows). It names the bureau, the
 * operation and the negativation id, never personal data.
 */
export class BureauCallError extends Error {
  override readonly name = 'BureauCallError';
  constructor(
    readonly code: BureauCallErrorCode,
    message: string,
    readonly details: { readonly bureau: string; readonly operation: BureauOperation | 'status'; readonly negativationId: string; readonly attempts: number; readonly status?: number; readonly retryAt?: string },
  ) {
    super(message);
  }

  /** Whether trying again later may succeed (everything but a request the bureau refused as malformed or unauthorised). */
  get retryable(): boolean {
    return this.code !== 'bureau_request_refused';
  }
}
