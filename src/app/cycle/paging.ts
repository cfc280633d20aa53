import type { Collection, StoreTransaction, Versioned } from '../../ports/index.js';
import type { AppContext } from '../dependencies.js';

/**
 * Walks a whole collection page by page in id order (keyset pagination), each
 * page read in its own short transaction, so the cycle can write between pages
 * and memory stays bounded by the page size. When the context has a worker
 * share, only the records of that share (by customer).
 */
export async function* pagesOf<T extends Versioned>(context: AppContext, collection: (tx: StoreTransaction) => Collection<T>, pageSize: number): AsyncGenerator<T[]> {
  let after: string | undefined;
  for (;;) {
    const cursor = after;
    const page = await context.store.transaction((tx) => collection(tx).page(pageSize, cursor, context.share));
    if (page.length === 0) return;
    yield page;
    after = page[page.length - 1]?.id;
  }
}
