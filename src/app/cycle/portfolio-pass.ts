import type { CivilDate } from '../../calendar/index.js';
import type { AppContext } from '../dependencies.js';
import { AutomaticRequests, type AutomaticRequestReport } from './automatic-request-pass.js';
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
 * The cycle's one read of the invoice table before the outbox: a single
 * keyset-paged stream that every invoice-driven pass shares, page by page.
 * On each page: the ruler (settings groups discovered as they come, due
 * actions applied a batch at a time), then the automatic registration
 * requests (reading the page's state afresh, after the ruler's writes), then
 * the SPC-control critiques. Pages read: ⌈invoices ÷ page size⌉ + 1.
 */
export async function portfolioPass(context: AppContext, asOf: Date, today: CivilDate, owedToday: OwedMemo, listing: OutcomeListing): Promise<PortfolioPassReport> {
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
