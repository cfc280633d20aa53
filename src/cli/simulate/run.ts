import { err, ok, type Result } from 'neverthrow';
import { addDays, brazilianCalendar, createCollections, formatPath, type CivilDate, type CobrancaError, type CycleOutcome, type DailyCycleReport } from 'cobranca';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { bureauWebhookListener, createHttpBureauGateway, startBureauSimulator, type BureauSimulator, type HttpBureauGateway } from 'cobranca/adapters/bureau-http';
import { manualClock, sequentialIds, staticRates } from 'cobranca/testing';
import { Agenda, scheduleCustomer } from './agenda.js';
import { perform, type ActContext } from './acts.js';
import { SIMULATION_BUREAUS, SIMULATION_CREDITOR, SIMULATION_RULERS, SIMULATION_SETTINGS } from './configuration.js';
import { dice } from './dice.js';
import { SimulationLedger } from './ledger.js';
import { countingNotifier } from './notifier.js';
import { issuedOn, syntheticPortfolio, type Behaviour } from './portfolio.js';
import { localFetch } from './local-fetch.js';
import { PhaseClock } from './phases.js';
import { openStore, type OpenedStore } from './stores.js';
import { summarize, type SimulationSummary } from './summary.js';
import type { SimulationOptions } from './options.js';

export { DEFAULT_SIMULATION, type SimulationOptions } from './options.js';

/** Progress after each simulated day. */
export interface DayProgress {
  readonly day: CivilDate;
  readonly done: number;
  readonly total: number;
  /** Invoices in the store (the portfolio the day's cycle went through). */
  readonly invoices: number;
}

const WEBHOOK_SECRET = 'simulation-webhook-secret';

async function startBureaus(seed: number, now: () => number): Promise<Record<string, BureauSimulator>> {
  const out: Record<string, BureauSimulator> = {};
  for (const [i, name] of SIMULATION_BUREAUS.entries()) out[name] = await startBureauSimulator({ webhookSecret: WEBHOOK_SECRET, seed: seed + i, now });
  return out;
}

/** The host's webhook endpoint for one bureau on 127.0.0.1: verified by the gateway, applied by the app. */
async function webhookEndpoint(gateway: HttpBureauGateway, apply: Parameters<typeof bureauWebhookListener>[1]): Promise<{ readonly url: string; readonly server: Server }> {
  const server = createServer(bureauWebhookListener(gateway, apply));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks/bureau`, server };
}

async function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}

/** The error of a failed cycle, as one line. */
function cycleError(day: CivilDate, error: CobrancaError): CobrancaError {
  return { ...error, message: `daily cycle of ${day} failed: ${error.path ? `${formatPath(error.path)}: ` : ''}${error.message}` };
}

/**
 * Runs the simulation: a synthetic portfolio from the seed, the daily cycle
 * through `createCollections` over the chosen store and two bureau simulators
 * on 127.0.0.1, customers acting each day before the cycle, and at the end the
 * summary with its invariants checked.
 */
export async function runSimulation(options: SimulationOptions, onDay: (progress: DayProgress) => void = () => undefined): Promise<Result<SimulationSummary, CobrancaError>> {
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  const phases = new PhaseClock();
  const d = dice(options.seed);
  const { portfolio, agenda, issuing } = await phases.time('portfolio', () => {
    const portfolio = syntheticPortfolio(d, { customers: options.customers, invoicesPerCustomer: options.invoicesPerCustomer, start: options.start });
    const agenda = new Agenda();
    for (const customer of portfolio) scheduleCustomer(agenda, d, customer, options.start);
    const issuing = new Map<CivilDate, { customers: typeof portfolio; invoices: (typeof portfolio)[number]['invoices'][number][] }>();
    for (const customer of portfolio) {
      for (const [k, invoice] of customer.invoices.entries()) {
        const day = issuedOn(invoice, options.start);
        const batch = issuing.get(day) ?? { customers: [], invoices: [] };
        if (k === 0) batch.customers.push(customer);
        batch.invoices.push(invoice);
        issuing.set(day, batch);
      }
    }
    return { portfolio, agenda, issuing };
  });
  const behaviours = new Map<string, Behaviour>(portfolio.map((c) => [c.record.id, c.behaviour]));
  const branchOf = new Map<string, string>(portfolio.map((c) => [c.record.id, c.record.branchId ?? '']));
  const ledger = new SimulationLedger();
  const clock = manualClock(`${options.start}T08:00:00-03:00`);
  const now = () => clock.now().getTime();
  const bureaus = await startBureaus(options.seed, now);
  // the gateway's calls to the simulators on 127.0.0.1 go through a lighter transport than the global fetch (same requests and answers)
  const transport = localFetch();
  const servers: Server[] = [];
  let opened: OpenedStore | undefined;
  try {
    opened = await openStore(options.store, `${options.seed}_${Date.now()}`);
    const { store } = opened;
    const gateways: Record<string, HttpBureauGateway> = {};
    for (const [name, sim] of Object.entries(bureaus)) {
      const gateway = createHttpBureauGateway({ baseUrl: sim.url, webhookSecret: WEBHOOK_SECRET, timeoutMs: 30_000, now, fetch: transport.fetch });
      if (gateway.isErr()) return err(gateway.error);
      gateways[name] = gateway.value;
    }
    const built = createCollections({
      store, clock, notifier: countingNotifier(ledger), bureaus: gateways, rates: staticRates(), calendar: brazilianCalendar(), ids: sequentialIds(),
      creditor: SIMULATION_CREDITOR, rulers: SIMULATION_RULERS, settings: SIMULATION_SETTINGS,
      effectHandlers: { alert_operator: async () => undefined, issue_updated_invoice: async () => undefined, portal_banner: async () => undefined },
    });
    if (built.isErr()) return err(built.error);
    const app = built.value;
    for (const [name, sim] of Object.entries(bureaus)) {
      const gateway = gateways[name];
      if (!gateway) continue;
      const endpoint = await webhookEndpoint(gateway, (report) => app.applyBureauReport(report));
      servers.push(endpoint.server);
      sim.setWebhookUrl(endpoint.url);
    }
    const category = await app.createAgreementCategory({ idempotencyKey: 'category', actor: 'simulation', name: 'Renegociação' });
    if (category.isErr()) return err(category.error);
    const ctx: ActContext = { app, store, ledger, agenda, behaviours, categoryId: category.value.id, branchOf };
    let invoices = 0;
    let last: DailyCycleReport | undefined;
    // only the last day's report is kept (its classification is the report's panels and charts): the others are per-day garbage
    const invoicesPerDay: number[] = [];
    for (let i = 0; i < options.days; i++) {
      const day = addDays(options.start, i);
      clock.set(`${day}T08:00:00-03:00`);
      const batch = issuing.get(day);
      if (batch) {
        await phases.time('portfolio', () => store.transaction(async (tx) => {
          await tx.customers.insertMany(batch.customers.map((c) => c.record));
          await tx.invoices.insertMany(batch.invoices);
        }));
        invoices += batch.invoices.length;
      }
      await phases.time('acts', async () => {
        for (const act of agenda.on(day)) await perform(ctx, act, day);
      });
      // every ruler action is tallied as it happens (the report lists only the first ones of a large day)
      const report = await phases.time('cycle', () => app.runDailyCycle({ onOutcome: (outcome) => tallyOutcome(ledger, outcome) }));
      if (report.isErr()) return err(cycleError(day, report.error));
      // the bureaus answer by webhook after the cycle sent them its registrations and removals
      await phases.time('bureaus', async () => {
        for (const sim of Object.values(bureaus)) await sim.deliverCallbacks();
      });
      tally(ledger, report.value);
      last = report.value;
      invoicesPerDay.push(invoices);
      onDay({ day, done: i + 1, total: options.days, invoices });
    }
    if (!last) return err({ code: 'invalid_input', message: '--days: simulate at least one day', path: ['days'] });
    const storeDescription = opened.description;
    const summary = await phases.time('summary', () => summarize({ options, store, ledger, last, bureaus, storeDescription, invoicesPerDay }));
    return ok({ ...summary, seconds: (performance.now() - started) / 1000, cpuSeconds: cpuSecondsSince(cpuStarted), cpuByPhase: phases.seconds() });
  } finally {
    for (const server of servers) await closeServer(server);
    await opened?.close();
    transport.destroy();
    for (const sim of Object.values(bureaus)) await sim.close();
  }
}

function cpuSecondsSince(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1e6;
}

function tallyOutcome(ledger: SimulationLedger, outcome: CycleOutcome): void {
  if (outcome.type !== 'ruler.done') return;
  const done = outcome.outcome;
  if (ledger.actionKeys.has(done.key)) ledger.repeatedActions.push(done.key);
  ledger.actionKeys.add(done.key);
  SimulationLedger.bump(ledger.actions, done.kind);
}

function tally(ledger: SimulationLedger, report: DailyCycleReport): void {
  for (const failed of report.effects.failed) SimulationLedger.bump(ledger.failedEffects, failed.effect.kind);
}
