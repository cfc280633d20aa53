import type { CivilDate } from '../../calendar/index.js';
import type { DueNegativation, NegativationRecord } from '../../ports/index.js';
import type { AppContext } from '../dependencies.js';
import { pagesOf } from './paging.js';

/** A page of negativations for the cycle's negativation and reconciliation passes. */
export interface NegativationPage {
  /** The records of the page. */
  readonly records: readonly NegativationRecord[];
  /** With the due index: the same records as the index gave them (their touch counts, for `checked`). */
  readonly due?: readonly DueNegativation[];
}

/** How many negativations a page holds. */
const PAGE_SIZE = 500;

/**
 * The negativations the cycle's negativation and reconciliation passes look at
 * on `today`, page by page (each page read in its own short transaction):
 * with the store's negativation due index only those due today (keyset by due
 * key and id), else every negativation in id order; within the context's
 * worker share either way.
 */
export async function* negativationPages(context: AppContext, today: CivilDate): AsyncGenerator<NegativationPage> {
  const indexed = await context.store.transaction(async (tx) => tx.negativationsDue !== undefined);
  if (!indexed) {
    for await (const records of pagesOf(context, (tx) => tx.negativations, PAGE_SIZE)) yield { records };
    return;
  }
  let after: DueNegativation | undefined;
  for (;;) {
    const cursor = after;
    const page = await context.store.transaction(async (tx) =>
      (tx.negativationsDue as NonNullable<typeof tx.negativationsDue>).due(today, {
        limit: PAGE_SIZE,
        ...(cursor !== undefined ? { after: { key: cursor.key, id: cursor.record.id } } : {}),
        ...(context.share !== undefined ? { share: context.share } : {}),
      }),
    );
    if (page.length === 0) return;
    yield { records: page.map((entry) => entry.record), due: page };
    after = page[page.length - 1];
  }
}
