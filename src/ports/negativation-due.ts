import type { CivilDate } from '../calendar/index.js';
import type { NegativationRecord } from './records.js';
import type { Share } from './share.js';

/**
 * Where a negativation stands in the due index: `written` when a write
 * touched it since its last check (due on any day), else the day it is due.
 * Keyset order: every `written` entry first, then by day; within one, by id.
 */
export type NegativationDueKey = { readonly written: true } | { readonly written: false; readonly dueOn: CivilDate };

/** A due negativation as the index saw it. */
export interface DueNegativation {
  /** The stored record, as committed. */
  readonly record: NegativationRecord;
  /** Its place in the index (pass `{ key, id: record.id }` as `after` for the next page). */
  readonly key: NegativationDueKey;
  /** How many committed writes touched it so far: pass it back in {@link NegativationCheck.touched}. */
  readonly touched: number;
}

/** A due negativation's place in the index without its record (see {@link NegativationDueIndex.dueEntries}). */
export interface DueNegativationEntry {
  /** The negativation's id. */
  readonly id: string;
  /** Its place in the index (pass `{ key, id }` as `after` for the next page). */
  readonly key: NegativationDueKey;
  /** How many committed writes touched it so far: pass it back in {@link NegativationCheck.touched}. */
  readonly touched: number;
}

/** What a check of a due negativation concluded: recorded by {@link NegativationDueIndex.checked}. */
export interface NegativationCheck {
  /** The negativation's id. */
  readonly id: string;
  /** The touch count {@link NegativationDueIndex.due} returned for it. */
  readonly touched: number;
  /** The next day the daily cycle has something to do for it without a write; `undefined`: only a write makes it due. */
  readonly dueOn: CivilDate | undefined;
}

/** Options of {@link NegativationDueIndex.due}. */
export interface NegativationDueQuery {
  /** At most this many. */
  readonly limit: number;
  /** Keyset pagination: only entries after this key and id. */
  readonly after?: { readonly key: NegativationDueKey; readonly id: string };
  /** Only that worker's customers (as `Collection.page`). */
  readonly share?: Share;
}

/**
 * The negativation due index: which negativations the daily cycle's
 * negativation and reconciliation passes have something to do for today, so
 * they read those and not every negativation stored. A negativation is due
 * when its due day has come, or when a write touched it since its last check.
 * The store touches every negativation of a customer itself, on every
 * committed insert or update of that customer's invoices, payments,
 * agreements or negativations (what the passes read); a negativation the index
 * never saw is due. Optional in the port (`StoreTransaction.negativationsDue`):
 * without it the passes read every negativation.
 */
export interface NegativationDueIndex {
  /** Due negativations on `today`, in key then id order, after `after`, at most `limit`, within `share`. */
  due(today: CivilDate, query: NegativationDueQuery): Promise<DueNegativation[]>;
  /**
   * What {@link NegativationDueIndex.due} answers, each entry without its
   * record: for a caller that reads the records later (a page at a time), so
   * a store answers from the index alone. Optional: without it, callers take
   * the entries from `due`.
   */
  dueEntries?(today: CivilDate, query: NegativationDueQuery): Promise<DueNegativationEntry[]>;
  /**
   * Records checks: a negativation is due next on `dueOn` only if no write
   * outside this transaction touched it since `touched` was read (otherwise
   * it stays due); this transaction's own touches still make it due.
   */
  checked(checks: readonly NegativationCheck[]): Promise<void>;
}

/**
 * The keyset order of two due keys: negative when `a` comes first (a key
 * written since its last check before any dated key; dated keys by day).
 *
 * @example
 * ```ts
 * import { civilDate, compareDueKeys, type NegativationDueKey } from 'cobranca';
 *
 * const keys: NegativationDueKey[] = [
 *   { written: false, dueOn: civilDate('2026-12-09') },
 *   { written: true },
 *   { written: false, dueOn: civilDate('2026-12-03') },
 * ];
 * console.log(keys.sort(compareDueKeys).map((key) => (key.written ? 'written' : key.dueOn)).join(' '));
 * // → written 2026-12-03 2026-12-09
 * ```
 */
export function compareDueKeys(a: NegativationDueKey, b: NegativationDueKey): number {
  if (a.written || b.written) return a.written === b.written ? 0 : a.written ? -1 : 1;
  return a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : 0;
}
