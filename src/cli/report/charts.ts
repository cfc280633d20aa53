import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import type { SimulationSummary } from '../simulate/summary.js';

/** One chart of the report: its title, the SVG drawn by Vega-Lite, and how many series carry data. */
export interface Chart {
  readonly id: string;
  readonly title: string;
  readonly svg: string;
  /** Series with at least one non-zero value (what the browser test expects to see drawn). */
  readonly series: number;
}

interface Point {
  readonly x: string;
  readonly y: number;
  readonly series: string;
}

interface ChartSpec {
  readonly id: string;
  readonly title: string;
  readonly xTitle: string;
  readonly yTitle: string;
  readonly points: readonly Point[];
  /** Horizontal bars, for long labels. */
  readonly horizontal?: boolean;
  readonly money?: boolean;
}

const reais = (cents: number): number => cents / 100;

/** The seven charts of seed 004's tenth panel, then recovery by ruler step and by branch. */
export function chartSpecs(s: SimulationSummary): ChartSpec[] {
  const one = (series: string) => (x: string, y: number): Point => ({ x, y, series });
  const c = s.charts;
  const count = one('count');
  const amount = one('amount');
  return [
    { id: 'interactions-per-month', title: 'Registro de interações de cobranças (12 meses)', xTitle: 'month', yTitle: 'interactions', points: c.interactionsPerMonth.map((p) => count(p.month, p.count)) },
    { id: 'agreements-per-city', title: 'Acordos por cidade (as 20 mais, últimos 90 dias)', xTitle: 'city', yTitle: 'agreements', horizontal: true, points: c.agreementsPerCity.map((p) => count(p.label || '(sem cidade)', p.count)) },
    { id: 'results-per-month', title: 'Resultado de efetivação das cobranças (12 meses)', xTitle: 'month', yTitle: 'R$ paid on agreements', money: true, points: c.resultsPerMonth.map((p) => amount(p.month, reais(p.amount.cents))) },
    {
      id: 'overdue-per-operator', title: 'Cobranças com tolerância em atraso por operador', xTitle: 'operator', yTitle: 'invoices',
      points: c.overduePerOperator.flatMap((p) => [{ x: p.operator || '(sem operador)', y: p.upTo30Days, series: 'até 30 dias' }, { x: p.operator || '(sem operador)', y: p.over30Days, series: 'mais de 30 dias' }]),
    },
    { id: 'effected-per-operator', title: 'Cobranças efetivadas por operador (últimos 180 dias)', xTitle: 'operator', yTitle: 'invoices paid', points: c.effectedPerOperator.map((p) => count(p.label || '(sem operador)', p.count)) },
    { id: 'registrations-per-month', title: 'Registros de SPC (12 meses)', xTitle: 'month', yTitle: 'R$ registered', money: true, points: c.registrationsPerMonth.map((p) => amount(p.month, reais(p.amount.cents))) },
    { id: 'events-per-operator', title: 'Eventos e interações por operador (últimos 90 dias)', xTitle: 'operator', yTitle: 'events', points: c.eventsPerOperator.map((p) => count(p.label || '(sem operador)', p.count)) },
    { id: 'recovery-by-step', title: 'Recovery by ruler step (last step before payment)', xTitle: 'step', yTitle: 'R$ recovered', money: true, horizontal: true, points: Object.entries(s.recoveredByStep).map(([step, cents]) => amount(step, reais(cents))) },
    { id: 'recovery-by-branch', title: 'Recovery by branch', xTitle: 'branch', yTitle: 'R$ recovered', money: true, points: Object.entries(s.recoveredByBranch).map(([branch, cents]) => amount(branch, reais(cents))) },
  ];
}

function vegaLite(spec: ChartSpec): TopLevelSpec {
  const category = { field: 'x', type: 'nominal' as const, title: spec.xTitle, sort: null };
  const value = { field: 'y', type: 'quantitative' as const, title: spec.yTitle, ...(spec.money ? { axis: { format: ',.2f' } } : {}) };
  const multi = new Set(spec.points.map((p) => p.series)).size > 1;
  return {
    width: 520,
    height: spec.horizontal ? { step: 18 } : 220,
    data: { values: spec.points.map((p) => ({ ...p })) },
    mark: { type: 'bar', tooltip: true },
    encoding: {
      ...(spec.horizontal ? { y: category, x: value } : { x: { ...category, axis: { labelAngle: -40 } }, y: value }),
      ...(multi ? { color: { field: 'series', type: 'nominal', title: null, legend: { orient: 'top' } }, xOffset: spec.horizontal ? undefined : { field: 'series' } } : {}),
    },
    config: { font: 'sans-serif', view: { stroke: null } },
  } as TopLevelSpec;
}

/** Renders every chart to static SVG with Vega-Lite and Vega, in Node, without a browser, canvas or network. */
export async function renderCharts(summary: SimulationSummary): Promise<Chart[]> {
  const out: Chart[] = [];
  for (const spec of chartSpecs(summary)) {
    const view = new vega.View(vega.parse(compile(vegaLite(spec)).spec), { renderer: 'none' });
    const svg = await view.toSVG();
    view.finalize();
    const series = new Set(spec.points.filter((p) => p.y !== 0).map((p) => p.series)).size;
    out.push({ id: spec.id, title: spec.title, svg, series });
  }
  return out;
}
