import { md5 } from '@noble/hashes/legacy.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

/**
 * One worker's share of the portfolio when N workers run one day's cycle
 * together: worker `index` of `count` (0 ≤ index < count). Shares split the
 * portfolio by customer, so everything about one customer is handled by one
 * worker, and the N shares together hold every record exactly once.
 */
export interface Share {
  /** This worker's place, 0 ≤ index < count. */
  readonly index: number;
  /** How many workers share the portfolio. */
  readonly count: number;
}

/**
 * The bucket (0–65535) of a customer: the first 16 bits of the MD5 of its id's
 * UTF-8 bytes. A SQL store computes the same value as
 * `('x' || substr(md5(customer_id), 1, 4))::bit(16)::int`.
 * @example
 * ```ts
 * import { shareBucket } from 'cobranca';
 *
 * const bucket = shareBucket('c-1');
 * console.log(bucket >= 0 && bucket < 65_536, bucket === shareBucket('c-1')); // stable across processes, and in SQL
 * // → true true
 * ```
 */
export function shareBucket(customerId: string): number {
  return Number.parseInt(bytesToHex(md5(utf8ToBytes(customerId))).slice(0, 4), 16);
}

/**
 * Whether a customer belongs to a share (its bucket modulo `count` is `index`).
 * @example
 * ```ts
 * import { inShare } from 'cobranca';
 *
 * // Three workers split one day's cycle: every customer falls in exactly one share.
 * const customers = ['c-1', 'c-2', 'c-3', 'c-4', 'c-5', 'c-6'];
 * const counts = [0, 1, 2].map((index) => customers.filter((id) => inShare(id, { index, count: 3 })).length);
 * console.log(counts.reduce((a, b) => a + b));
 * // → 6
 * ```
 */
export function inShare(customerId: string, share: Share): boolean {
  return share.count === 1 || shareBucket(customerId) % share.count === share.index;
}

/**
 * The customer a record is about: its `customerId`, or its own id for a customer record.
 * @example
 * ```ts
 * import { customerOf } from 'cobranca';
 *
 * console.log(customerOf({ id: 'inv-1', customerId: 'c-1' }), customerOf({ id: 'c-1' }));
 * // → c-1 c-1
 * ```
 */
export function customerOf(record: { readonly id: string; readonly customerId?: string }): string {
  return record.customerId ?? record.id;
}
