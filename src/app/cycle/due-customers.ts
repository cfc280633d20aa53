import type { CivilDate } from '../../calendar/index.js';
import type { DueCustomer, InvoiceRecord } from '../../ports/index.js';
import type { AppContext } from '../dependencies.js';

/** Due customers per page read from the wake index. */
const CUSTOMERS_PER_PAGE = 500;

/** One page of due customers and all their invoices (in id order). */
export interface DuePage {
  readonly due: readonly DueCustomer[];
  readonly invoices: readonly InvoiceRecord[];
}

/**
 * Pages through the customers the store's wake index says are due today (in
 * customer-id order, the context's worker share only), each page read with
 * its customers' invoices in one short transaction: the touch counts first,
 * then the invoices, so a write in between is read and still keeps the
 * customer due. The store must have `wakes`.
 */
export async function* dueCustomerPages(context: AppContext, today: CivilDate, pageSize = CUSTOMERS_PER_PAGE): AsyncGenerator<DuePage> {
  let after: string | undefined;
  for (;;) {
    const cursor = after;
    const page = await context.store.transaction(async (tx) => {
      if (tx.wakes === undefined) throw new Error('dueCustomerPages: the store has no wake index');
      const due = await tx.wakes.due(today, pageSize, cursor, context.share);
      const invoices = due.length > 0 ? await tx.invoices.listFor('customerId', due.map((d) => d.customerId)) : [];
      return { due, invoices };
    });
    if (page.due.length === 0) return;
    yield page;
    after = page.due[page.due.length - 1]?.customerId;
  }
}
