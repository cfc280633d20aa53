import { PANELS, type PanelName, type PortfolioCharts } from 'cobranca/portfolio';
import type { DailyCycleReport, Store } from 'cobranca';
import type { BureauSimulator } from 'cobranca/adapters/bureau-http';
import { checkInvariants, type InvariantCheck } from './invariants.js';
import type { SimulationLedger } from './ledger.js';
import type { SimulationOptions } from './options.js';
import type { PhaseSeconds } from './phases.js';

/** One panel as the summary (and the report) show it. */
export interface PanelFigures {
  readonly invoices: number;
  readonly customers: number;
  readonly owedCents: number;
}

/** Everything a run printed and wrote, in plain JSON (amounts in centavos). */
export interface SimulationSummary {
  readonly seed: number;
  readonly customers: number;
  readonly invoices: number;
  readonly days: number;
  readonly from: string;
  readonly to: string;
  readonly store: string;
  readonly seconds: number;
  /** CPU seconds (user + system) the process spent on the run: the figure to compare on a loaded machine. */
  readonly cpuSeconds: number;
  /** The same CPU seconds by part of the run: the daily cycles (`cycle`) against the simulation's own work (the rest). */
  readonly cpuByPhase: PhaseSeconds;
  /** Invoices in the store on each simulated day (the work of each day's cycle). */
  readonly invoicesPerDay: readonly number[];
  readonly rulerActions: Readonly<Record<string, number>>;
  readonly messagesByChannel: Readonly<Record<string, number>>;
  readonly agreements: { readonly made: number; readonly active: number; readonly fulfilled: number; readonly broken: number; readonly cancelled: number };
  readonly registrationsByStatus: Readonly<Record<string, number>>;
  readonly removals: { readonly requested: number; readonly confirmed: number; readonly withinDeadline: number; readonly pastDeadline: number };
  readonly disputes: number;
  readonly bureau: Readonly<Record<string, { readonly registrations: number; readonly removals: number; readonly rejections: number }>>;
  readonly recoveredByMonth: Readonly<Record<string, number>>;
  readonly recoveredByStep: Readonly<Record<string, number>>;
  readonly recoveredByBranch: Readonly<Record<string, number>>;
  readonly recoveredCents: number;
  readonly refusals: Readonly<Record<string, number>>;
  readonly failedEffects: Readonly<Record<string, number>>;
  readonly panels: Readonly<Record<PanelName, PanelFigures>>;
  readonly charts: PortfolioCharts;
  readonly invariants: readonly InvariantCheck[];
}

const sumBy = <T>(items: readonly T[], key: (item: T) => string, cents: (item: T) => number): Record<string, number> => {
  const out: Record<string, number> = {};
  for (const item of items) out[key(item)] = (out[key(item)] ?? 0) + cents(item);
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => a.localeCompare(b)));
};

const countBy = (keys: readonly string[]): Record<string, number> => sumBy(keys, (k) => k, () => 1);

/** What {@link summarize} reads. */
export interface SummaryInput {
  readonly options: SimulationOptions;
  readonly store: Store;
  readonly ledger: SimulationLedger;
  readonly last: DailyCycleReport;
  readonly bureaus: Readonly<Record<string, BureauSimulator>>;
  readonly storeDescription: string;
  readonly invoicesPerDay: readonly number[];
}

/** The run's timing, which the caller measures around {@link summarize}. */
type Timing = 'seconds' | 'cpuSeconds' | 'cpuByPhase';

/** Reads the store at the end of the run and builds the summary (all but its timing), its invariants checked. */
export async function summarize(input: SummaryInput): Promise<Omit<SimulationSummary, Timing>> {
  const { options, store, ledger, last } = input;
  const { agreements, negativations, payments, invoices } = await store.transaction(async (tx) => ({
    agreements: await tx.agreements.list(),
    negativations: await tx.negativations.list(),
    payments: await tx.payments.list(),
    invoices: await tx.invoices.list(),
  }));
  const byStatus = countBy(agreements.map((a) => a.status));
  let requested = 0, confirmed = 0, within = 0, past = 0;
  for (const record of negativations) {
    const n = record.negativation;
    if (n.removal === undefined) continue;
    requested++;
    if (n.removal.confirmedOn !== undefined) confirmed++;
    const deadline = n.settlement?.removalDeadline ?? n.removal.deadline;
    if (deadline === undefined) continue;
    if (n.removal.requestedOn <= deadline) within++;
    else past++;
  }
  const panels = Object.fromEntries(PANELS.map((name) => {
    const panel = last.classification.panels[name];
    return [name, { invoices: panel.invoices, customers: panel.customers, owedCents: panel.owed.cents }];
  })) as Record<PanelName, PanelFigures>;
  const invariants = checkInvariants({
    ledger,
    negativations,
    storePaymentsCents: payments.reduce((total, p) => total + p.amount.cents, 0),
    invoicesPaidCents: invoices.reduce((total, i) => total + i.paid.cents, 0),
  });
  return {
    seed: options.seed,
    customers: options.customers,
    invoices: invoices.length,
    days: options.days,
    from: options.start,
    to: last.asOf.date,
    store: input.storeDescription,
    invoicesPerDay: input.invoicesPerDay,
    rulerActions: Object.fromEntries([...ledger.actions].sort()),
    messagesByChannel: Object.fromEntries([...ledger.messages].sort()),
    agreements: { made: ledger.agreementsMade, active: byStatus['active'] ?? 0, fulfilled: byStatus['fulfilled'] ?? 0, broken: byStatus['broken'] ?? 0, cancelled: byStatus['cancelled'] ?? 0 },
    registrationsByStatus: countBy(negativations.map((n) => n.status)),
    removals: { requested, confirmed, withinDeadline: within, pastDeadline: past },
    disputes: ledger.disputes,
    bureau: Object.fromEntries(Object.entries(input.bureaus).map(([name, sim]) => [name, { registrations: sim.stats.registrations, removals: sim.stats.removals, rejections: sim.stats.rejections }])),
    recoveredByMonth: sumBy(ledger.payments, (p) => p.on.slice(0, 7), (p) => p.cents),
    recoveredByStep: sumBy(ledger.payments, (p) => p.step, (p) => p.cents),
    recoveredByBranch: sumBy(ledger.payments, (p) => p.branch, (p) => p.cents),
    recoveredCents: ledger.payments.reduce((total, p) => total + p.cents, 0),
    refusals: Object.fromEntries(ledger.refusals),
    failedEffects: Object.fromEntries(ledger.failedEffects),
    panels,
    charts: last.classification.charts,
    invariants,
  };
}
