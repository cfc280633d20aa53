import type { CivilDate } from '../../calendar/index.js';
import type { DueNegativation, DueNegativationEntry, NegativationRecord } from '../../ports/index.js';
import type { AppContext } from '../dependencies.js';
import { pagesOf } from './paging.js';
import { DueListing } from './due-listing.js';

/** A page of negativations for the cycle's negativation and reconciliation passes. */
export interface NegativationPage {
  /** The records of the page. */
  readonly records: readonly NegativationRecord[];
  /** With the due index: the same records as the index gave them (their touch counts, for `checked`). */
  readonly due?: readonly DueNegativation[];
  /** The ids of the page's negativations the caller asked to leave out (not read, not in `records`), in page order. */
  readonly leftOut: readonly string[];
  /**
   * With the due index and a `known` test: the page's entries in index order, left-out ones excluded, those the
   * caller knows (not read, not in `records`) included.
   */
  readonly entries?: readonly DueNegativationEntry[];
}

const NONE: ReadonlySet<string> = new Set();
const NO_IDS: readonly string[] = [];

/** How many negativations a page holds. */
const PAGE_SIZE = 500;

/**
 * The negativations the cycle's negativation and reconciliation passes look at
 * on `today`, page by page (each page read in its own short transaction):
 * with the store's negativation due index only those due today, else every
 * negativation in id order; within the context's worker share either way.
 * With the index, the due entries (ids, keys, touch counts) are listed first,
 * before any page is worked on: a pass's own writes make a customer's other
 * negativations due again under a key before the cursor, so paging the index
 * while writing would skip them. The records are then read a page at a time.
 * `leaveOut`: negativations the caller has nothing to do with (the cycle's own
 * requests it approved already): with the index they are not read at all.
 * `known`: with the index, entries the caller already knows what it needs of
 * (see `ReconcileSummaries`): not read either, listed in the page's `entries`.
 */
export async function* negativationPages(context: AppContext, today: CivilDate, leaveOut: ReadonlySet<string> = NONE, known?: (entry: DueNegativationEntry) => boolean): AsyncGenerator<NegativationPage> {
  const indexed = await context.store.transaction(async (tx) => tx.negativationsDue !== undefined);
  if (!indexed) {
    for await (const page of pagesOf(context, (tx) => tx.negativations, PAGE_SIZE)) {
      if (leaveOut.size === 0) {
        yield { records: page, leftOut: NO_IDS };
        continue;
      }
      const records: NegativationRecord[] = [];
      const leftOut: string[] = [];
      for (const record of page) {
        if (leaveOut.has(record.id)) leftOut.push(record.id);
        else records.push(record);
      }
      yield { records, leftOut };
    }
    return;
  }
  // Held compactly (a first run's aftermath lists most of the share's registrations): see DueListing.
  const listed = new DueListing();
  let after: { key: DueNegativation['key']; id: string } | undefined;
  for (;;) {
    const cursor = after;
    const page = await context.store.transaction(async (tx) => {
      const index = tx.negativationsDue as NonNullable<typeof tx.negativationsDue>;
      const query = { limit: PAGE_SIZE, ...(cursor !== undefined ? { after: cursor } : {}), ...(context.share !== undefined ? { share: context.share } : {}) };
      // Only the entries are kept here (the records are read a page at a time below): a store that lists them without the records does.
      if (index.dueEntries !== undefined) return index.dueEntries(today, query);
      return (await index.due(today, query)).map((entry): DueNegativationEntry => ({ id: entry.record.id, key: entry.key, touched: entry.touched }));
    });
    if (page.length === 0) break;
    listed.push(page);
    const last = page[page.length - 1] as DueNegativationEntry;
    after = { key: last.key, id: last.id };
  }
  for (let start = 0; start < listed.length; start += PAGE_SIZE) {
    const page = listed.slice(start, start + PAGE_SIZE);
    let chunk = page;
    let leftOut = NO_IDS;
    if (leaveOut.size > 0) {
      const left: string[] = [];
      chunk = [];
      for (const entry of page) {
        if (leaveOut.has(entry.id)) left.push(entry.id);
        else chunk.push(entry);
      }
      leftOut = left;
    }
    const toRead = known === undefined ? chunk : chunk.filter((entry) => !known(entry));
    const records = new Map((toRead.length === 0 ? [] : await context.store.transaction((tx) => tx.negativations.getMany(toRead.map((entry) => entry.id)))).map((record) => [record.id, record]));
    const due: DueNegativation[] = [];
    for (const entry of chunk) {
      const record = records.get(entry.id);
      if (record !== undefined) due.push({ record, key: entry.key, touched: entry.touched });
    }
    yield known === undefined ? { records: due.map((entry) => entry.record), due, leftOut } : { records: due.map((entry) => entry.record), due, leftOut, entries: chunk };
  }
}
