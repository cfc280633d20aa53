/**
 * The daily cycle on the PostgreSQL store, through the built package: a first
 * run (everything due), a steady day (the next day: about one invoice in
 * twenty has a step due) and the day after it (`steady d3`: a store's daily
 * cost once the first run's aftermath is behind it), with 1 and N worker processes on a server, and in one
 * process on embedded PGlite. Prints invoices per second, rows written (inserts,
 * updates and deletes in the store's tables), statements per invoice (counted
 * by a wrapping driver, all workers together) and the peak RSS of each worker (a server
 * worker's RSS is the cycle's own; PGlite's includes the embedded database).
 * The portfolio is bulk-loaded with SQL (not timed). With several worker
 * counts, the store's contents after each day are compared with the first
 * count's: a line says whether they are equal.
 *
 * Run: npm run build && npx tsx bench/postgres-cycle.ts
 *   PGLITE_SIZES=100000            PGlite portfolio sizes (default 5000; 0 for none)
 *   COBRANCA_BENCH_DATABASE_URL=…   a server to run on (else the server rows are skipped)
 *   SERVER_SIZES=1000000 WORKERS=1,4   server portfolio sizes and worker counts (default 20000 and 1,4)
 *   DAYS=2                          run the first run and the steady day only (default 3: `steady d3` too)
 * Big sizes take long: run them only on a quiet machine.
 */
import { fork } from 'node:child_process';
import type { SqlDriver } from '../src/adapters/postgres/index.js';
import { built } from './harness/built.js';
import { countingDriver, FIRST_DAY, runCycle, seedPortfolio, STEADY_DAY, type CycleEntries, type StatementCounts, type WorkerResult } from './harness/postgres-portfolio.js';

/**
 * A worker's result with the CPU time its cycle took (user + system; on a busy machine, compare these rather than the
 * wall clock) and the statements it sent (each a round trip, `BEGIN` counted once per transaction for its `COMMIT`).
 */
type TimedWorker = WorkerResult & { readonly cpuSeconds?: number; readonly statements?: number };

/** The day after the steady day: the second steady day in a row, what a store's daily cost is once the first run is behind it. */
const STEADY_DAY_3 = '2026-11-26';

const ALL_DAYS = [['first run', FIRST_DAY], ['steady day', STEADY_DAY], ['steady d3', STEADY_DAY_3]] as const;
/** The days to run, in order (`DAYS=2` stops after the steady day: `steady d3` needs both before it). */
const DAYS = ALL_DAYS.slice(0, Math.min(ALL_DAYS.length, Math.max(1, Number(process.env.DAYS ?? ALL_DAYS.length) || ALL_DAYS.length)));
const list = (text: string | undefined, fallback: string): number[] => (text ?? fallback).split(',').filter(Boolean).map(Number).filter((n) => n > 0);

async function entries(): Promise<CycleEntries> {
  return { root: await built('root'), postgres: await built('postgres'), testing: await built('testing') };
}

/** Rows inserted, updated and deleted so far in the schema's tables (the statistics views; 0 where there are none). */
async function rowsWritten(driver: SqlDriver, schema: string): Promise<number> {
  const { rows } = await driver.query<{ n: bigint | null }>(`SELECT sum(n_tup_ins + n_tup_upd + n_tup_del)::bigint AS n FROM pg_stat_user_tables WHERE schemaname = $1`, [schema]);
  return Number(rows[0]?.n ?? 0n);
}

/**
 * The server's version and the settings that move this bench's figures (durability, memory, WAL), printed before
 * the server rows: a figure is only comparable with one taken on a server run the same way.
 */
async function serverSettings(driver: SqlDriver): Promise<string> {
  const names = ['fsync', 'synchronous_commit', 'full_page_writes', 'wal_compression', 'shared_buffers', 'max_wal_size', 'checkpoint_timeout', 'default_toast_compression'];
  const { rows } = await driver.query<{ name: string; setting: string; unit: string | null }>(`SELECT name, setting, unit FROM pg_settings WHERE name = ANY($1::text[]) ORDER BY array_position($1::text[], name)`, [names]);
  const version = (await driver.query<{ v: string }>(`SELECT current_setting('server_version') AS v`)).rows[0]?.v ?? '?';
  const shown = rows.map((r) => (r.unit === '8kB' ? `${r.name}=${(Number(r.setting) * 8) / 1024} MB` : `${r.name}=${r.setting}${r.unit !== null ? ` ${r.unit}` : ''}`));
  return `PostgreSQL ${version}: ${shown.join(', ')}`;
}

/** The WAL position now (bytes since the cluster began); the difference over a day is the WAL it wrote (the whole cluster's). */
async function walBytes(driver: SqlDriver): Promise<number> {
  const { rows } = await driver.query<{ n: string }>(`SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')::text AS n`);
  return Number(rows[0]?.n ?? 0);
}

/**
 * What the store holds after a day, independent of which worker did what: the
 * action log's keys, the effects by kind and status, the negativations' and
 * invoices' states, the number of audit lines (ids minted by workers differ;
 * keys, states and counts must not).
 */
async function fingerprint(driver: SqlDriver, schema: string): Promise<string> {
  const s = `"${schema}"`;
  const parts = await Promise.all([
    driver.query<{ n: bigint; h: string }>(`SELECT count(*)::bigint AS n, md5(coalesce(string_agg(key, ',' ORDER BY key), '')) AS h FROM ${s}.action_log`),
    // Effect keys may hold ids a worker minted (a negativation's): compare the effects by kind and status.
    driver.query<{ n: bigint; h: string }>(`SELECT sum(n)::bigint AS n, md5(coalesce(string_agg(kind || ':' || status || ':' || n, ',' ORDER BY kind, status), '')) AS h FROM (SELECT kind, status, count(*) AS n FROM ${s}.outbox GROUP BY kind, status) AS k`),
    driver.query<{ n: bigint; h: string }>(`SELECT count(*)::bigint AS n, md5(coalesce(string_agg(invoice_id || ':' || status || ':' || version, ',' ORDER BY invoice_id, unique_key), '')) AS h FROM ${s}.negativations`),
    driver.query<{ n: bigint; h: string }>(`SELECT count(*)::bigint AS n, md5(coalesce(string_agg(id || ':' || version || ':' || status, ',' ORDER BY id), '')) AS h FROM ${s}.invoices`),
    driver.query<{ n: bigint }>(`SELECT coalesce(sum(cardinality(ids)), 0)::bigint AS n FROM ${s}.audit`),
  ]);
  return parts.map((p) => `${String(p.rows[0]?.n)}${'h' in (p.rows[0] ?? {}) ? `/${(p.rows[0] as { h: string }).h.slice(0, 8)}` : ''}`).join(' ');
}

function row(where: string, size: number, workers: number, day: string, result: { seconds: number; rows: number; wal: number; rss: number[]; cpu?: number[]; statements?: number }): void {
  const rate = Math.round(size / result.seconds).toLocaleString('en-US');
  const statements = result.statements === undefined ? '' : `  ${(result.statements / size).toFixed(2).padStart(6)} statements/invoice`;
  console.log(
    `${where.padEnd(18)} ${size.toLocaleString('en-US').padStart(10)} invoices  ${String(workers).padStart(2)} worker(s)  ${day.padEnd(10)}  ${rate.padStart(8)} invoices/s  ${result.seconds.toFixed(1).padStart(7)} s  ${result.rows.toLocaleString('en-US').padStart(11)} rows written (${(result.rows / size).toFixed(2)}/invoice)  WAL ${(result.wal / 2 ** 20).toFixed(0)} MB (${Math.round(result.wal / size)} B/invoice)${statements}  peak RSS ${result.rss.map((r) => `${r} MB`).join(', ')}${result.cpu === undefined ? '' : `  worker CPU ${result.cpu.map((c) => `${c.toFixed(1)} s`).join(', ')}`}`,
  );
}

/** Runs one day with `workers` processes over the server schema; resolves with each worker's result. */
function runWorkers(server: string, schema: string, day: string, workers: number): Promise<TimedWorker[]> {
  return Promise.all(
    Array.from({ length: workers }, (_, i) => new Promise<TimedWorker>((resolve, reject) => {
      const child = fork(import.meta.filename, ['--worker', server, schema, day, String(i), String(workers)], { execArgv: ['--import', 'tsx'] });
      child.once('message', (m) => resolve(m as TimedWorker));
      child.once('exit', (code) => (code === 0 ? undefined : reject(new Error(`worker ${i} exited with ${code}`))));
    })),
  );
}

const [mode, url, schema, day, index, count] = process.argv.slice(2);
if (mode === '--worker') {
  const built = await entries();
  const driver = await built.postgres.connectPostgres({ connectionString: url ?? '', max: 2 });
  const counts: StatementCounts = new Map();
  const cpu = process.cpuUsage();
  const result = await runCycle(built, countingDriver(driver, counts), schema ?? '', day ?? FIRST_DAY, Number(index), Number(count));
  const used = process.cpuUsage(cpu);
  await driver.close();
  process.send?.({ ...result, cpuSeconds: (used.user + used.system) / 1e6, statements: [...counts.values()].reduce((a, b) => a + b, 0) } satisfies TimedWorker);
} else {
  const built = await entries();
  for (const size of list(process.env.PGLITE_SIZES, '5000')) {
    const driver = await built.postgres.openPglite();
    await seedPortfolio(built, driver, 'bench', size);
    for (const [label, d] of DAYS) {
      const before = await rowsWritten(driver, 'bench');
      const walBefore = await walBytes(driver);
      const counts: StatementCounts = new Map();
      const result = await runCycle(built, countingDriver(driver, counts), 'bench', d, 0, 1);
      const statements = [...counts.values()].reduce((a, b) => a + b, 0);
      row('PGlite', size, 1, label, { seconds: result.seconds, rows: (await rowsWritten(driver, 'bench')) - before, wal: (await walBytes(driver)) - walBefore, rss: [result.rssMb], statements });
    }
    await driver.close();
  }
  const server = process.env.COBRANCA_BENCH_DATABASE_URL;
  if (server === undefined || server === '') console.log('PostgreSQL server rows skipped: set COBRANCA_BENCH_DATABASE_URL');
  else {
    const driver = await built.postgres.connectPostgres({ connectionString: server, max: 2 });
    console.log(await serverSettings(driver));
    for (const size of list(process.env.SERVER_SIZES, '20000')) {
      const expected = new Map<string, string>();
      for (const workers of list(process.env.WORKERS, '1,4')) {
        const schemaName = `bench_${size}_${workers}`;
        // Seeded through a connection of its own, closed after: a session reports its row counts to the statistics
        // views when it ends (or, while it lives, at most once a second and only when idle), so the seed's rows are
        // counted before the first day's count starts, not in it.
        const seeder = await built.postgres.connectPostgres({ connectionString: server, max: 1 });
        await seedPortfolio(built, seeder, schemaName, size);
        await seeder.close();
        await new Promise((resolve) => setTimeout(resolve, 600));
        for (const [label, d] of DAYS) {
          const before = await rowsWritten(driver, schemaName);
          const walBefore = await walBytes(driver);
          const start = performance.now();
          const results = await runWorkers(server, schemaName, d, workers);
          const seconds = (performance.now() - start) / 1000;
          await new Promise((resolve) => setTimeout(resolve, 600)); // statistics are flushed at most every 500 ms
          row('PostgreSQL server', size, workers, label, { seconds, rows: (await rowsWritten(driver, schemaName)) - before, wal: (await walBytes(driver)) - walBefore, rss: results.map((r) => r.rssMb), cpu: results.map((r) => r.cpuSeconds ?? 0), statements: results.reduce((n, r) => n + (r.statements ?? 0), 0) });
          const print = await fingerprint(driver, schemaName);
          const first = expected.get(d);
          if (first === undefined) expected.set(d, print);
          else console.log(`  store after ${label} with ${workers} workers ${first === print ? 'EQUALS' : 'DIFFERS FROM'} the first worker count's (log/outbox/negativations/invoices/audit: ${print}${first === print ? '' : ` vs ${first}`})`);
        }
        await driver.query(`DROP SCHEMA "${schemaName}" CASCADE`);
      }
    }
    await driver.close();
  }
}
