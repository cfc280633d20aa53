import type { CivilDate } from '../../calendar/index.js';
import type { AppContext } from '../dependencies.js';
import { AutomaticRequests, automaticRequestWakeDay, type AutomaticRequestReport } from './automatic-request-pass.js';
import { CustomerWakes, tomorrowOf } from './customer-wakes.js';
import { dueCustomerPages } from './due-customers.js';
import { invoicePages } from './portfolio.js';
import { spcControlCritiquesOn } from './reconcile-pass.js';
import type { OwedMemo } from './owed-memo.js';
import { RulerStream, type RulerPassReport } from './ruler-pass.js';
import type { OutcomeListing } from './outcome-listing.js';

/** What the cycle's one pass over the invoices did. */
export interface PortfolioPassReport {
  readonly ruler: RulerPassReport;
  readonly automaticRequests: AutomaticRequestReport;
  /** Paid invoices still in seed 004's internal SPC control (alerted). */
  readonly spcControlCritiques: readonly string[];
}

/**
 * The cycle's one read of the portfolio before the outbox: a single
 * keyset-paged stream that every invoice-driven pass shares, page by page:
 * the ruler, the automatic registration requests and the SPC-control
 * critiques. When the store has a wake index (`StoreTransaction.wakes`) the
 * stream holds only the due customers' invoices ({@link duePortfolioPass});
 * otherwise every invoice ({@link fullPortfolioPass}).
 */
export async function portfolioPass(context: AppContext, asOf: Date, today: CivilDate, owedToday: OwedMemo, listing: OutcomeListing): Promise<PortfolioPassReport> {
  // The plan in force first: a changed ruler or setting makes every customer due (all shares).
  const indexed = await context.store.transaction(async (tx) => {
    if (tx.wakes === undefined) return false;
    await tx.wakes.plan(context.policies.fingerprint);
    return true;
  });
  return indexed ? duePortfolioPass(context, asOf, today, owedToday, listing) : fullPortfolioPass(context, asOf, today, owedToday, listing);
}

/**
 * Every invoice of the store, page by page: the ruler (settings groups
 * discovered as they come, due actions applied a batch at a time), then the
 * automatic registration requests (reading the page's state afresh), then the
 * SPC-control critiques. Pages read: ⌈invoices ÷ page size⌉ + 1.
 */
export async function fullPortfolioPass(context: AppContext, asOf: Date, today: CivilDate, owedToday: OwedMemo, listing: OutcomeListing): Promise<PortfolioPassReport> {
  const ruler = RulerStream.open(context, asOf, today, owedToday, listing);
  const requests = new AutomaticRequests(context, today, listing);
  const spcControlCritiques: string[] = [];
  for await (const page of invoicePages(context)) {
    await ruler.page(page);
    await requests.page(page);
    spcControlCritiques.push(...(await spcControlCritiquesOn(context, page, today)));
  }
  return { ruler: await ruler.finish(), automaticRequests: requests.report, spcControlCritiques };
}

/**
 * The due customers only (the wake index's `due`, page by page with all their
 * invoices), through the same passes: each page's invoices are queued for the
 * ruler, the automatic requests and SPC-control critiques run, then the ruler's
 * full batches are applied. Each customer's evaluation is recorded
 * (`wakes.evaluated`) with the earliest day any pass can change it without a
 * write: in the transaction of the ruler batch that applied its last piece
 * (its own writes there do not wake it), or in a small transaction per page.
 */
export async function duePortfolioPass(context: AppContext, asOf: Date, today: CivilDate, owedToday: OwedMemo, listing: OutcomeListing): Promise<PortfolioPassReport> {
  const wakes = new CustomerWakes();
  const ruler = RulerStream.open(context, asOf, today, owedToday, listing, wakes);
  const requests = new AutomaticRequests(context, today, listing);
  const spcControlCritiques: string[] = [];
  for await (const { due, invoices } of dueCustomerPages(context, today)) {
    wakes.admit(due);
    await ruler.queue(invoices);
    const waiting = await requests.page(invoices);
    const critiques = new Set(await spcControlCritiquesOn(context, invoices, today));
    for (const invoice of invoices) {
      wakes.wakeOn(invoice.customerId, automaticRequestWakeDay(context, invoice, today, waiting.has(invoice.id)));
      // A paid invoice still in the SPC control is alerted every day until an operator removes it.
      if (critiques.has(invoice.id)) wakes.wakeOn(invoice.customerId, tomorrowOf(today));
    }
    spcControlCritiques.push(...critiques);
    wakes.pageDone(due);
    await ruler.applyFull();
    await wakes.record(context);
  }
  const report = await ruler.finish();
  await wakes.record(context);
  return { ruler: report, automaticRequests: requests.report, spcControlCritiques };
}
