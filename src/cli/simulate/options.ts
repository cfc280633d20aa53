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
 * The defaults of `cobranca simulate`: 2,000 customers and about 10,500 invoices over 120 days on
 * the memory store, the largest run that finishes in about a minute on a 2-core machine (about
 * 53 s of CPU measured under load, 77 % of it in the daily cycles). The 10,000 customers
 * is not the default yet: the daily cycle reads and classifies the whole portfolio every day, so
 * 10,000 customers took 237 s of CPU on the memory store (188 s in the cycles), and PGlite costs
 * about 0.4 s of CPU per customer, about an hour (docs/cli.md).
 */
export const DEFAULT_SIMULATION: Omit<SimulationOptions, 'store'> & { readonly store: 'memory' | 'pglite' } = { seed: 2026, customers: 2_000, invoicesPerCustomer: 5, days: 120, start: '2026-08-03' as CivilDate, store: 'memory' };
