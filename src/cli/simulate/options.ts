import type { CivilDate } from 'cobranca';
import type { StoreChoice } from './stores.js';

/** What to simulate. */
export interface SimulationOptions {
  readonly seed: number;
  readonly customers: number;
  readonly invoicesPerCustomer: number;
  readonly days: number;
  readonly start: CivilDate;
  readonly store: StoreChoice;
}

/**
 * The defaults of `cobranca simulate`: 10,000 customers and about 53,000 invoices over 120 days
 * on the memory store (issue 16's size), about a minute on a quiet 2-core machine once a
 * steady day's cycle works only on what is due (docs/cli.md). PGlite costs about 0.4 s of CPU
 * per customer, so it stays an option (`--store pglite`).
 */
export const DEFAULT_SIMULATION: Omit<SimulationOptions, 'store'> & { readonly store: 'memory' | 'pglite' } = { seed: 2026, customers: 10_000, invoicesPerCustomer: 5, days: 120, start: '2026-08-03' as CivilDate, store: 'memory' };
