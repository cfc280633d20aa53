import type { IdGenerator } from '../../ports/index.js';

/**
 * The production {@link IdGenerator}: `prefix-` followed by a random UUID (v4,
 * from the runtime's Web Crypto, present in Node 20 and every browser), unique
 * across processes and machines.
 * @example
 * ```ts
 * import { randomIds } from 'cobranca';
 *
 * const ids = randomIds(); // give it to createCollections as `ids`
 * console.log(/^agreement-[0-9a-f-]{36}$/.test(ids.next('agreement')));
 * // → true
 * ```
 */
export function randomIds(): IdGenerator {
  return { next: (prefix) => `${prefix}-${globalThis.crypto.randomUUID()}` };
}
