import { createHash } from 'node:crypto';

/** The operations a bureau gateway performs. */
export type BureauOperation = 'register' | 'remove';

/**
 * The idempotency key sent with a request, derived from the command: the
 * operation, the bureau, the negativation and the command's own key (the
 * outbox effect's key, the same on every retry and every cycle). Hashed, so no
 * personal data travels in it; the same command always gives the same key,
 * different commands different keys.
 * @example
 * ```ts
 * import { idempotencyKeyOf } from 'cobranca/adapters/bureau-http';
 *
 * const request = { key: 'register:negativation-1', negativationId: 'negativation-1', bureau: 'serasa' };
 * console.log(idempotencyKeyOf('register', request) === idempotencyKeyOf('register', request), idempotencyKeyOf('register', request) === idempotencyKeyOf('remove', request));
 * // → true false
 * ```
 */
export function idempotencyKeyOf(operation: BureauOperation, request: { readonly key: string; readonly negativationId: string; readonly bureau: string }): string {
  const digest = createHash('sha256').update(JSON.stringify([operation, request.bureau, request.negativationId, request.key])).digest('hex');
  return `cob-${operation}-${digest.slice(0, 40)}`;
}
