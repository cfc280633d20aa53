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
 * The defaults of `cobranca simulate`: 1,000 customers and 5,000 invoices over 120 days, on the memory
 * store, which finish in about a minute on a quiet 2-core machine (about 50 s of CPU measured);
 * 10,000 customers and 50,000 invoices (`--customers 10000`) take about ten times as long: the
 * daily cycle, not the simulation, is the cost (docs/cli.md).
 */
export const DEFAULT_SIMULATION: Omit<SimulationOptions, 'store'> & { readonly store: 'memory' | 'pglite' } = { seed: 2026, customers: 1_000, invoicesPerCustomer: 5, days: 120, start: '2026-08-03' as CivilDate, store: 'memory' };
