import type { IdGenerator } from '../../ports/index.js';

/**
 * The production {@link IdGenerator}: `prefix-` followed by a random UUID (v4,
 * from the runtime's Web Crypto, present in Node 20 and every browser), unique
 * across processes and machines.
 *
 * @example
 * randomIds().next('agr'); // 'agr-3b241101-e2bb-4255-8caf-4136c566a962'
 */
export function randomIds(): IdGenerator {
  return { next: (prefix) => `${prefix}-${globalThis.crypto.randomUUID()}` };
}
