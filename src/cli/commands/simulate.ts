import { err, ok, type Result } from 'neverthrow';
import { SingleBar } from 'cli-progress';
import { formatBrl, fromCents, parseCivilDate } from 'cobranca';
import { failure, flagFailure, type CliFailure } from '../failure.js';
import { table, toJson, type Io } from '../output.js';
import { DEFAULT_SIMULATION, runSimulation, type SimulationOptions } from '../simulate/run.js';
import type { StoreChoice } from '../simulate/stores.js';
import type { SimulationSummary } from '../simulate/summary.js';
import { writeReport } from '../report/write-report.js';

/** Flags of `cobranca simulate`. */
export interface SimulateFlags {
  readonly seed: string;
  readonly customers: string;
  readonly invoicesPerCustomer: string;
  readonly days: string;
  readonly start: string;
  readonly store: string;
  readonly databaseUrl?: string;
  readonly out: string;
  readonly json?: boolean;
  readonly progress?: boolean;
}

function positiveInteger(flag: string, value: string, max: number): Result<number, CliFailure> {
  const n = Number(value);
  return Number.isSafeInteger(n) && n >= 1 && n <= max ? ok(n) : err(failure(`${flag}: expected a whole number from 1 to ${max.toLocaleString('en-US')}, got '${value}'`));
}

/** Reads the flags into simulation options; a bad flag is one line naming it. */
export function simulationOptionsOf(flags: SimulateFlags): Result<SimulationOptions, CliFailure> {
  const seed = positiveInteger('--seed', flags.seed, 2 ** 31 - 1);
  const customers = positiveInteger('--customers', flags.customers, 1_000_000);
  const perCustomer = positiveInteger('--invoices-per-customer', flags.invoicesPerCustomer, 24);
  const days = positiveInteger('--days', flags.days, 3_650);
  const start = parseCivilDate(flags.start);
  if (seed.isErr()) return err(seed.error);
  if (customers.isErr()) return err(customers.error);
  if (perCustomer.isErr()) return err(perCustomer.error);
  if (days.isErr()) return err(days.error);
  if (start.isErr()) return err(flagFailure('--start', start.error));
  let store: StoreChoice;
  if (flags.databaseUrl !== undefined) store = { kind: 'postgres', url: flags.databaseUrl };
  else if (flags.store === 'memory' || flags.store === 'pglite') store = { kind: flags.store };
  else return err(failure(`--store: expected 'memory' or 'pglite' (or --database-url for a PostgreSQL server), got '${flags.store}'`));
  return ok({ seed: seed.value, customers: customers.value, invoicesPerCustomer: perCustomer.value, days: days.value, start: start.value, store });
}

const brl = (cents: number): string => formatBrl(fromCents(cents));

/** The summary as printed after a run. */
export function printSummary(summary: SimulationSummary, reportPath: string, io: Io): void {
  const s = summary;
  io.out(`\nSimulated ${s.days} days (${s.from} → ${s.to}) of ${s.customers.toLocaleString('en-US')} customers and ${s.invoices.toLocaleString('en-US')} invoices on the ${s.store}, seed ${s.seed}, in ${s.seconds.toFixed(1)} s (${s.cpuSeconds.toFixed(1)} s of CPU, ${s.cpuByPhase.cycle.toFixed(1)} s of it in the daily cycles).`);
  io.out(table(['channel', 'messages sent'], Object.entries(s.messagesByChannel)));
  io.out(table(['ruler action', 'done'], Object.entries(s.rulerActions)));
  io.out(table(['agreements', 'count'], Object.entries(s.agreements)));
  io.out(table(['registration status', 'count'], Object.entries(s.registrationsByStatus)));
  const r = s.removals;
  io.out(`Removals: ${r.requested} requested, ${r.confirmed} confirmed by the bureau; ${r.withinDeadline} within the Súmula 548 deadline, ${r.pastDeadline} past it${r.pastDeadline === 0 ? ' — every deadline met' : ''}.`);
  io.out(table(['month', 'recovered'], Object.entries(s.recoveredByMonth).map(([m, c]) => [m, brl(c)])));
  io.out(`Recovered in all: ${brl(s.recoveredCents)}. Disputes: ${s.disputes}.`);
  const refusals = Object.entries(s.refusals);
  if (refusals.length > 0) io.out(`Commands refused: ${refusals.map(([k, n]) => `${k} ×${n}`).join(', ')}`);
  io.out('Invariants:');
  for (const check of s.invariants) io.out(`  ${check.holds ? 'ok  ' : 'FAIL'} ${check.name} (${check.detail})`);
  io.out(`Report: ${reportPath}`);
}

/** `cobranca simulate`: runs the simulation, prints the summary and writes the HTML report; exit 2 when an invariant fails. */
export async function simulateCommand(flags: SimulateFlags, io: Io): Promise<Result<void, CliFailure>> {
  const options = simulationOptionsOf(flags);
  if (options.isErr()) return err(options.error);
  const bar = flags.progress !== false && io.interactive && flags.json !== true
    ? new SingleBar({ format: 'day {value}/{total} |{bar}| {date} · {invoices} invoices · {rate} invoices/s', hideCursor: true, clearOnComplete: true, stream: process.stderr })
    : undefined;
  const began = performance.now();
  let processed = 0;
  bar?.start(options.value.days, 0, { date: options.value.start, invoices: 0, rate: 0 });
  const outcome = await runSimulation(options.value, (p) => {
    processed += p.invoices;
    const rate = Math.round(processed / ((performance.now() - began) / 1000));
    bar?.update(p.done, { date: p.day, invoices: p.invoices.toLocaleString('en-US'), rate: rate.toLocaleString('en-US') });
  });
  bar?.stop();
  if (outcome.isErr()) return err(failure(`${outcome.error.message} (${outcome.error.code})`, 2));
  const written = await writeReport(outcome.value, flags.out);
  if (written.isErr()) return err(written.error);
  if (flags.json === true) io.out(toJson({ report: written.value.html, summary: outcome.value }));
  else printSummary(outcome.value, written.value.html, io);
  const broken = outcome.value.invariants.filter((c) => !c.holds);
  return broken.length === 0 ? ok(undefined) : err(failure(`invariant broken: ${broken.map((c) => c.name).join('; ')}`, 2));
}

export { DEFAULT_SIMULATION };
