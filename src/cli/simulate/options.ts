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
 * 44 s of CPU measured under heavy load, three quarters of it in the daily cycles). The issue's
 * 10,000 customers is not the default yet: the daily cycles are still most of a run, so 10,000
 * customers took 185 s of CPU on the memory store under the same load (139 s in the cycles, about
 * 95–100 s of wall clock on a quiet machine), and PGlite costs
 * about 0.4 s of CPU per customer, about an hour (docs/cli.md).
 */
export const DEFAULT_SIMULATION: Omit<SimulationOptions, 'store'> & { readonly store: 'memory' | 'pglite' } = { seed: 2026, customers: 2_000, invoicesPerCustomer: 5, days: 120, start: '2026-08-03' as CivilDate, store: 'memory' };
