/**
 * `npm run bench`: builds the package, runs every benchmark in bench/ in its own
 * process (each contender inside it again in fresh processes, alternated), and
 * ends with one summary table: ours / anchor / limit / ratio / target.
 * One bench: `npm run bench -- money` (a file-name prefix). Skip the build: `--no-build`.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { isSummaryLine, readSummaryRows, targetText, type SummaryRow } from './harness/compare.js';
import { formatRate, formatSpread } from './harness/stats.js';

const here = import.meta.dirname;
const args = process.argv.slice(2);
const only = args.filter((a) => !a.startsWith('--'));
if (!args.includes('--no-build')) {
  const build = spawnSync('npm', ['run', 'build'], { cwd: join(here, '..'), stdio: ['ignore', 'ignore', 'inherit'] });
  if (build.status !== 0) throw new Error('npm run build failed');
}
const benches = readdirSync(here)
  .filter((f) => f.endsWith('.ts') && f !== 'run.ts')
  .filter((f) => only.length === 0 || only.some((o) => f.startsWith(o)))
  .sort();

const rows: SummaryRow[] = [];
for (const file of benches) {
  console.log(`\n=== ${file} ===`);
  const result = spawnSync(process.execPath, ['--import', 'tsx', '--expose-gc', join(here, file)], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, BENCH_SUMMARY: '1' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const stdout = result.stdout ?? '';
  process.stdout.write(stdout.split('\n').filter((l) => !isSummaryLine(l)).join('\n'));
  rows.push(...readSummaryRows(stdout));
  if (result.status !== 0) process.exitCode = 1;
}

console.log(`\n=== summary (medians of fresh processes, min–max; node ${process.version}) ===`);
const table = rows.map((r) => ({
  work: r.work,
  ours: formatSpread(r.ours),
  anchor: r.anchor ? `${formatRate(r.anchor.median)}/s` : '—',
  limit: r.limit ? `${formatRate(r.limit.median)}/s` : '—',
  ratio: r.ratio === undefined ? '—' : `${r.ratio.toFixed(2)}×`,
  target: r.target ? `${targetText(r.target)}: ${r.met ? 'met' : 'NOT met'}` : '—',
  equal: r.resultsEqual ? 'yes' : 'NO',
  ...(rows.some((row) => row.notes !== undefined) ? { note: r.notes?.[0] ?? '' } : {}),
}));
console.table(table);
