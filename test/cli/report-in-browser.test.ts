import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatBrl, fromCents } from '../../src/index.js';
import type { SimulationSummary } from '../../src/cli/simulate/summary.js';
import { findChromium } from './browser.js';
import { cli } from './io.js';

const executablePath = findChromium();
const SKIPPED = 'skipped: no Chromium on PATH (install it with `apt-get install chromium`, or set CHROMIUM_PATH)';
if (!executablePath) console.warn(`report-in-browser.test.ts ${SKIPPED}`);

/** Where the screenshot goes (gitignored). */
const SCREENSHOTS = join(import.meta.dirname, '..', '..', 'test-results');

/** Series a chart must show, counted from the summary on its own (not from the report). */
function expectedSeries(s: SimulationSummary): Record<string, number> {
  const c = s.charts;
  const some = (values: readonly number[]) => (values.some((v) => v !== 0) ? 1 : 0);
  return {
    'interactions-per-month': some(c.interactionsPerMonth.map((p) => p.count)),
    'agreements-per-city': some(c.agreementsPerCity.map((p) => p.count)),
    'results-per-month': some(c.resultsPerMonth.map((p) => p.amount.cents)),
    'overdue-per-operator': some(c.overduePerOperator.map((p) => p.upTo30Days)) + some(c.overduePerOperator.map((p) => p.over30Days)),
    'effected-per-operator': some(c.effectedPerOperator.map((p) => p.count)),
    'registrations-per-month': some(c.registrationsPerMonth.map((p) => p.amount.cents)),
    'events-per-operator': some(c.eventsPerOperator.map((p) => p.count)),
    'recovery-by-step': some(Object.values(s.recoveredByStep)),
    'recovery-by-branch': some(Object.values(s.recoveredByBranch)),
  };
}

describe.skipIf(!executablePath)(executablePath ? 'the simulation report in Chromium (playwright-core)' : `the simulation report in Chromium — ${SKIPPED}`, () => {
  let browser: Browser;
  let page: Page;
  let summary: SimulationSummary;
  let out = '';
  const network: string[] = [];

  beforeAll(async () => {
    out = mkdtempSync(join(tmpdir(), 'cobranca-report-'));
    const run = await cli('simulate', '--seed', '3', '--customers', '60', '--days', '120', '--out', out);
    expect(run.code, run.err).toBe(0);
    summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as SimulationSummary;
    browser = await chromium.launch({ executablePath: executablePath as string, args: ['--no-sandbox'] });
    page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith('file:')) return route.continue();
      network.push(url);
      return route.abort();
    });
    await page.goto(pathToFileURL(join(out, 'report.html')).href);
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    if (out !== '') rmSync(out, { recursive: true, force: true });
  });

  it('opens offline: no request leaves the file', () => {
    expect(network).toEqual([]);
  });

  it('every chart drew: a non-empty SVG with the expected number of series, each bar in its series colour', async () => {
    const charts = await page.$$eval('figure.chart', (figures) =>
      figures.map((f) => {
        const svg = f.querySelector('svg');
        const box = svg?.getBoundingClientRect();
        const bars = [...f.querySelectorAll('g.mark-rect path')];
        return { id: f.id, declared: Number(f.getAttribute('data-series')), width: box?.width ?? 0, height: box?.height ?? 0, bars: bars.length, colours: new Set(bars.map((b) => b.getAttribute('fill'))).size };
      }),
    );
    const expected = expectedSeries(summary);
    expect(charts.map((c) => c.id)).toEqual(Object.keys(expected));
    for (const chart of charts) {
      expect(chart.width, chart.id).toBeGreaterThan(100);
      expect(chart.height, chart.id).toBeGreaterThan(100);
      expect(chart.declared, chart.id).toBe(expected[chart.id]);
      expect(chart.colours, chart.id).toBe(expected[chart.id]);
      if (chart.declared > 0) expect(chart.bars, chart.id).toBeGreaterThan(0);
    }
    // this seed fills every chart (one left empty would prove nothing), the overdue chart with both of its series
    expect(charts.filter((c) => c.declared === 0).map((c) => c.id)).toEqual([]);
    expect(expected['overdue-per-operator']).toBe(2);
  });

  it('every panel shows the figures of the simulation summary', async () => {
    const panels = await page.$$eval('section.panel', (sections) =>
      sections.map((s) => ({ name: s.getAttribute('data-panel') ?? '', invoices: s.querySelector('.invoices')?.textContent ?? '', customers: s.querySelector('.customers')?.textContent ?? '', owed: s.querySelector('.owed')?.textContent ?? '' })),
    );
    expect(panels.map((p) => p.name)).toEqual(['classified', 'inContact', 'awaitingNegotiation', 'agreementPending', 'agreementFulfilled', 'agreementBroken', 'registered', 'critiques', 'removedAfterRegistration']);
    const digits = (text: string) => Number(text.replace(/\D/g, ''));
    for (const panel of panels) {
      const figures = summary.panels[panel.name as keyof SimulationSummary['panels']];
      expect(digits(panel.invoices), panel.name).toBe(figures.invoices);
      expect(digits(panel.customers), panel.name).toBe(figures.customers);
      expect(panel.owed, panel.name).toBe(formatBrl(fromCents(figures.owedCents)));
    }
    expect(panels.some((p) => digits(p.invoices) > 0)).toBe(true);
  });

  it('saves a screenshot of the report', async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    const file = join(SCREENSHOTS, 'simulation-report.png');
    const shot = await page.screenshot({ path: file, fullPage: true });
    expect(shot.length).toBeGreaterThan(10_000);
  });
});
