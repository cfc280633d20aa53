/**
 * The parent side of a comparison: every contender runs in its own fresh process,
 * alternated A/B/A/B… so neither warms, pretenures or pollutes the heap of the
 * other, each proves its results equal to ours before it is timed, and the row
 * prints medians with min–max and the ratio. Figures only, never assertions.
 */
import { spawnSync } from 'node:child_process';
import { readChildReport, type ChildReport } from './sample.js';
import { formatRate, formatSpread, spreadOf, type Spread } from './stats.js';

/** One row of the summary: ours against what a user would pick instead, and the limit. */
export interface Comparison {
  /** What is measured, as the summary prints it. */
  readonly work: string;
  /** The bench file that holds the contenders (`import.meta.filename`). */
  readonly file: string;
  /** Our contender's name in that file. */
  readonly ours: string;
  /** What a user would pick instead (the ratio's denominator). */
  readonly anchor?: string;
  /** The ceiling: the same work with nothing but the essential (plain objects, typed arrays). */
  readonly limit?: string;
  /** The goal the issue sets, as operations per second and/or as a ratio to the anchor. */
  readonly target?: { readonly perSecond?: number; readonly ratio?: number };
  /** Processes per contender (default 3). */
  readonly processes?: number;
  /** Extra arguments for the children. */
  readonly args?: readonly string[];
}

/** A measured row. */
export interface SummaryRow {
  readonly work: string;
  readonly ours: Spread;
  readonly anchor?: Spread;
  readonly limit?: Spread;
  readonly ratio?: number;
  readonly target?: Comparison['target'];
  readonly met?: boolean;
  readonly resultsEqual: boolean;
  readonly maxRssMb: number;
  /** Our contender's notes, one per process (figures that are not rates). */
  readonly notes?: readonly string[];
}

const SUMMARY_MARK = '@@summary ';

function runChild(file: string, contender: string, args: readonly string[]): ChildReport {
  const child = spawnSync(process.execPath, ['--import', 'tsx', '--expose-gc', file, '--contender', contender, ...args], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const report = readChildReport(child.stdout ?? '');
  if (child.status !== 0 || report === undefined) throw new Error(`${contender} in ${file} failed (exit ${child.status})`);
  return report;
}

/** Runs the contenders alternated in fresh processes, checks their results are equal, prints and returns the row. */
export function compare(comparison: Comparison): SummaryRow {
  const names = [comparison.ours, comparison.anchor, comparison.limit].filter((n): n is string => n !== undefined);
  const samples = new Map<string, number[]>(names.map((n) => [n, []]));
  const checks = new Map<string, string>();
  let maxRssMb = 0;
  const notes: string[] = [];
  for (let round = 0; round < (comparison.processes ?? 3); round++) {
    for (const name of round % 2 === 0 ? names : [...names].reverse()) {
      const report = runChild(comparison.file, name, comparison.args ?? []);
      samples.get(name)?.push(...report.perSecond);
      checks.set(name, report.check);
      if (name === comparison.ours) maxRssMb = Math.max(maxRssMb, report.maxRssMb);
      if (name === comparison.ours && report.note !== undefined) notes.push(report.note);
    }
  }
  const spread = (name: string | undefined): Spread | undefined => (name === undefined ? undefined : spreadOf(samples.get(name) ?? []));
  const ours = spreadOf(samples.get(comparison.ours) ?? []);
  const anchor = spread(comparison.anchor);
  const limit = spread(comparison.limit);
  const ratio = anchor === undefined ? undefined : ours.median / anchor.median;
  const resultsEqual = new Set(checks.values()).size <= 1;
  const target = comparison.target;
  const met =
    target === undefined
      ? undefined
      : (target.perSecond === undefined || ours.median >= target.perSecond) && (target.ratio === undefined || (ratio ?? 0) >= target.ratio);
  const row: SummaryRow = {
    work: comparison.work,
    ours,
    ...(anchor ? { anchor } : {}),
    ...(limit ? { limit } : {}),
    ...(ratio !== undefined ? { ratio } : {}),
    ...(target ? { target } : {}),
    ...(met !== undefined ? { met } : {}),
    resultsEqual,
    maxRssMb,
    ...(notes.length > 0 ? { notes } : {}),
  };
  printRow(row, comparison);
  if (process.env.BENCH_SUMMARY === '1') console.log(SUMMARY_MARK + JSON.stringify(row));
  if (!resultsEqual) process.exitCode = 1;
  return row;
}

function printRow(row: SummaryRow, comparison: Comparison): void {
  console.log(`${row.work}`);
  console.log(`  ours    ${comparison.ours.padEnd(34)} ${formatSpread(row.ours)}  peak RSS ${row.maxRssMb.toFixed(0)} MB`);
  if (row.anchor) console.log(`  anchor  ${(comparison.anchor ?? '').padEnd(34)} ${formatSpread(row.anchor)}`);
  if (row.limit) console.log(`  limit   ${(comparison.limit ?? '').padEnd(34)} ${formatSpread(row.limit)}`);
  for (const note of row.notes ?? []) console.log(`  note    ${note}`);
  if (row.ratio !== undefined) console.log(`  ratio ours/anchor ${row.ratio.toFixed(2)}×`);
  if (row.target) console.log(`  target  ${targetText(row.target)}: ${row.met ? 'met' : 'NOT met'}`);
  if (row.anchor || row.limit) console.log(`  results ${row.resultsEqual ? 'equal across contenders (checked before timing)' : 'DIFFER: the figures above compare different work'}`);
}

/** "≥ 1.00M/s and ≥ 5× the anchor". */
export function targetText(target: NonNullable<Comparison['target']>): string {
  const parts = [target.perSecond === undefined ? '' : `≥ ${formatRate(target.perSecond)}/s`, target.ratio === undefined ? '' : `≥ ${target.ratio}× the anchor`];
  return parts.filter(Boolean).join(' and ');
}

/** Whether a line of a bench's output is a summary row (for `npm run bench`, which collects them). */
export function isSummaryLine(line: string): boolean {
  return line.startsWith(SUMMARY_MARK);
}

/** Finds the summary rows in a bench's output. */
export function readSummaryRows(stdout: string): SummaryRow[] {
  return stdout
    .split('\n')
    .filter((l) => l.startsWith(SUMMARY_MARK))
    .map((l) => JSON.parse(l.slice(SUMMARY_MARK.length)) as SummaryRow);
}
