/**
 * `cobranca simulate` as a newcomer runs it, through the built command
 * (`dist/cli/main.js`): invoices per simulated day per second, i.e. the
 * invoices the daily cycle went through on each simulated day (summed over the
 * run) divided by the run's seconds (the simulation itself: portfolio, 120
 * cycles, customers' payments and agreements, the bureau simulators over HTTP;
 * not the process start nor the report). At the default size and store, and,
 * when asked (`SIMULATION_TEN_TIMES=1`: ten times the customers and invoices,
 * several minutes), at ten times it. Every sample is a fresh process; the seed
 * makes every run's figures equal, which the harness checks before it prints.
 * Each row's note gives the run's CPU seconds (user + system), the figure that
 * holds on a loaded machine. Figures only.
 * Run: npm run build && npx tsx bench/simulation.ts
 *      SIMULATION_TEN_TIMES=1 npx tsx bench/simulation.ts   (also 10×)
 *      SIZES=1000,3000 STORE=memory npx tsx bench/simulation.ts   (other sizes, the other store)
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { compare } from './harness/compare.js';
import { contenderArgument, reportOnce } from './harness/sample.js';
import { DEFAULT_SIMULATION } from '../src/cli/simulate/run.js';
import type { SimulationSummary } from '../src/cli/simulate/summary.js';

const DEFAULT_CUSTOMERS = DEFAULT_SIMULATION.customers;
const TEN_TIMES = process.env['SIMULATION_TEN_TIMES'] === '1';
const SIZES = (process.env['SIZES'] ?? (TEN_TIMES ? `${DEFAULT_CUSTOMERS},${DEFAULT_CUSTOMERS * 10}` : String(DEFAULT_CUSTOMERS))).split(',').map(Number);
const STORE = process.env['STORE'] ?? DEFAULT_SIMULATION.store;
const CLI = join(import.meta.dirname, '..', 'dist', 'cli', 'main.js');

function simulate(customers: number): void {
  const out = join(import.meta.dirname, '..', 'simulation', `bench-${customers}`);
  // the memory store holds everything: about 0.3 MB per customer, so 10× the default needs more than V8's default heap
  const heapMb = Math.max(4096, Math.ceil(customers / 2));
  const run = spawnSync(process.execPath, [`--max-old-space-size=${heapMb}`, CLI, 'simulate', '--json', '--no-progress', '--customers', String(customers), '--store', STORE, '--out', out], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, stdio: ['ignore', 'pipe', 'inherit'] });
  if (run.status !== 0) throw new Error(`cobranca simulate failed (exit ${run.status}); run npm run build first`);
  const { summary } = JSON.parse(run.stdout) as { summary: SimulationSummary };
  const invoiceDays = summary.invoicesPerDay.reduce((a, b) => a + b, 0);
  const check = `${summary.invoices} invoices, ${summary.recoveredCents} centavos recovered, ${summary.agreements.made} agreements, invariants ${summary.invariants.every((i) => i.holds) ? 'hold' : 'BROKEN'}`;
  const { cycle, acts, bureaus, portfolio, summary: summaryCpu } = summary.cpuByPhase;
  const note = `${summary.invoices.toLocaleString('en-US')} invoices, ${invoiceDays.toLocaleString('en-US')} invoice-days in ${summary.seconds.toFixed(1)} s wall, ${summary.cpuSeconds.toFixed(1)} s CPU (${Math.round(invoiceDays / summary.cpuSeconds).toLocaleString('en-US')} invoice-days per CPU second; daily cycles ${cycle.toFixed(1)} s, the simulation's own work ${(summary.cpuSeconds - cycle).toFixed(1)} s: acts ${acts.toFixed(1)}, bureaus' webhooks ${bureaus.toFixed(1)}, portfolio ${portfolio.toFixed(1)}, summary ${summaryCpu.toFixed(1)})`;
  reportOnce('simulate', check, invoiceDays, summary.seconds, note);
}

const name = contenderArgument();
if (name !== undefined) {
  simulate(Number(process.env['CUSTOMERS']));
} else {
  for (const customers of SIZES) {
    process.env['CUSTOMERS'] = String(customers);
    const label = customers === DEFAULT_CUSTOMERS ? 'default size' : `${customers / DEFAULT_CUSTOMERS}× the default`;
    compare({ work: `cobranca simulate, ${customers.toLocaleString('en-US')} customers × ${DEFAULT_SIMULATION.days} days (${label}, ${STORE} store): invoices per simulated day per second`, file: import.meta.filename, ours: 'simulate', processes: customers === DEFAULT_CUSTOMERS ? 3 : 1 });
  }
}
