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
 */
export function shareBucket(customerId: string): number {
  return Number.parseInt(bytesToHex(md5(utf8ToBytes(customerId))).slice(0, 4), 16);
}

/** Whether a customer belongs to a share (its bucket modulo `count` is `index`). */
export function inShare(customerId: string, share: Share): boolean {
  return share.count === 1 || shareBucket(customerId) % share.count === share.index;
}

/** The customer a record is about: its `customerId`, or its own id for a customer record. */
export function customerOf(record: { readonly id: string; readonly customerId?: string }): string {
  return record.customerId ?? record.id;
}
