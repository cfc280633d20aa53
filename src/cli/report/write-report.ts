import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { err, ok, type Result } from 'neverthrow';
import type { CliFailure } from '../failure.js';
import type { SimulationSummary } from '../simulate/summary.js';
import { renderCharts } from './charts.js';
import { reportHtml } from './html.js';

/** The files a run wrote. */
export interface WrittenReport {
  readonly html: string;
  readonly summary: string;
}

/** Writes `report.html` (self-contained) and `summary.json` into `dir`. */
export async function writeReport(summary: SimulationSummary, dir: string): Promise<Result<WrittenReport, CliFailure>> {
  const charts = await renderCharts(summary);
  const html = resolve(join(dir, 'report.html'));
  const json = resolve(join(dir, 'summary.json'));
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(html, reportHtml(summary, charts));
    writeFileSync(json, `${JSON.stringify(summary, null, 2)}\n`);
  } catch (e) {
    return err({ file: dir, message: `cannot write the report (${(e as NodeJS.ErrnoException).code ?? 'error'})`, exitCode: 2 });
  }
  return ok({ html, summary: json });
}
