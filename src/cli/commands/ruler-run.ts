import { err, ok, type Result } from 'neverthrow';
import { SingleBar } from 'cli-progress';
import { addDays, brazilianCalendar, createCollections, parseCivilDate, todayIn, type CivilDate, type DailyCycleReport } from 'cobranca';
import { fakeBureau, manualClock, sequentialIds, staticRates } from 'cobranca/testing';
import { failure, flagFailure, type CliFailure } from '../failure.js';
import { readConfigurationFile } from '../config-file.js';
import { readPortfolioFile } from '../portfolio-file.js';
import { table, toJson, type Io } from '../output.js';
import { openStore, type StoreChoice } from '../simulate/stores.js';
import { countingNotifier } from '../simulate/notifier.js';
import { SimulationLedger } from '../simulate/ledger.js';
import { SIMULATION_CREDITOR } from '../simulate/configuration.js';

/** Flags of `cobranca ruler run`. */
export interface RulerRunFlags {
  readonly config: string;
  readonly portfolio: string;
  readonly from?: string;
  readonly to?: string;
  readonly store: string;
  readonly databaseUrl?: string;
  readonly json?: boolean;
}

/** One day of the run. */
interface DayRow {
  readonly day: CivilDate;
  /** Invoices in the portfolio. */
  readonly invoices: number;
  /** Invoices the ruler evaluated that day: with the store's wake index, only those of customers whose evaluation could change. */
  readonly evaluated: number;
  readonly actions: number;
  readonly waiting: number;
  readonly refused: number;
  readonly registrationsRequested: number;
  readonly effects: number;
}

/**
 * `cobranca ruler run`: a portfolio from CSV or JSON, on the embedded store (or
 * a PostgreSQL URL), through the daily cycle from `--from` to `--to`, as a dry
 * run: messages are counted, not sent, and registrations go to an in-process
 * bureau that accepts them.
 */
export async function rulerRunCommand(flags: RulerRunFlags, io: Io): Promise<Result<void, CliFailure>> {
  const config = readConfigurationFile(flags.config);
  if (config.isErr()) return err(config.error);
  const portfolio = readPortfolioFile(flags.portfolio);
  if (portfolio.isErr()) return err(portfolio.error);
  const today = todayIn({ now: () => new Date() });
  const from = parseCivilDate(flags.from ?? today);
  if (from.isErr()) return err(flagFailure('--from', from.error));
  const to = parseCivilDate(flags.to ?? from.value);
  if (to.isErr()) return err(flagFailure('--to', to.error));
  if (to.value < from.value) return err(failure(`--to: ${to.value} is before --from ${from.value}`));
  let choice: StoreChoice;
  if (flags.databaseUrl !== undefined) choice = { kind: 'postgres', url: flags.databaseUrl };
  else if (flags.store === 'memory' || flags.store === 'pglite') choice = { kind: flags.store };
  else return err(failure(`--store: expected 'memory' or 'pglite', got '${flags.store}'`));
  const opened = await openStore(choice, `ruler_${Date.now()}`);
  try {
    const { store } = opened;
    const options = config.value.options;
    const bureaus = Object.fromEntries(options.bureaus.map((name) => [name, fakeBureau()]));
    const clock = manualClock(`${from.value}T08:00:00-03:00`);
    const built = createCollections({
      store, clock, notifier: countingNotifier(new SimulationLedger()), bureaus, rates: staticRates(), calendar: brazilianCalendar(), ids: sequentialIds(),
      creditor: SIMULATION_CREDITOR, rulers: options.rulers, ...(options.settings !== undefined ? { settings: options.settings } : {}),
    });
    if (built.isErr()) return err(failure(`${flags.config}: ${built.error.message}`));
    await store.transaction(async (tx) => {
      for (const c of portfolio.value.customers) await tx.customers.insert(c);
      for (const i of portfolio.value.invoices) await tx.invoices.insert(i);
    });
    const days: DayRow[] = [];
    let total = 0;
    for (let day = from.value; day <= to.value; day = addDays(day, 1)) total++;
    const bar = io.interactive && flags.json !== true ? new SingleBar({ format: 'day {value}/{total} |{bar}| {date}', clearOnComplete: true, stream: process.stderr }) : undefined;
    bar?.start(total, 0, { date: from.value });
    let last: DailyCycleReport | undefined;
    for (let day = from.value; day <= to.value; day = addDays(day, 1)) {
      clock.set(`${day}T08:00:00-03:00`);
      const report = await built.value.runDailyCycle();
      if (report.isErr()) {
        bar?.stop();
        return err(failure(`daily cycle of ${day}: ${report.error.message} (${report.error.code})`, 2));
      }
      const r = report.value;
      last = r;
      days.push({ day, invoices: portfolio.value.invoices.length, evaluated: r.ruler.invoicesEvaluated, actions: r.ruler.totals.done, waiting: r.ruler.totals.waiting, refused: r.ruler.totals.refused, registrationsRequested: r.automaticRequests.totals.requested, effects: r.effects.performed });
      bar?.increment(1, { date: day });
    }
    bar?.stop();
    const panels = last ? Object.fromEntries(Object.entries(last.classification.panels).map(([name, p]) => [name, { invoices: p.invoices, customers: p.customers, owed: p.owed }])) : {};
    if (flags.json === true) io.out(toJson({ store: opened.description, days, panels }));
    else {
      io.out(table(['day', 'invoices', 'evaluated', 'actions', 'waiting', 'refused', 'automatic requests', 'effects'], days.map((d) => [d.day, d.invoices, d.evaluated, d.actions, d.waiting, d.refused, d.registrationsRequested, d.effects])));
      io.out(`${portfolio.value.invoices.length} invoices of ${portfolio.value.customers.length} customers on the ${opened.description}; messages counted, not sent.`);
    }
    return ok(undefined);
  } finally {
    await opened.close();
  }
}
