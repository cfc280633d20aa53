/**
 * The daily cycle on the PostgreSQL store, through the built package: a first
 * run (everything due) and a steady day (the next day: about one invoice in
 * twenty has a step due), with 1 and N worker processes on a server, and in one
 * process on embedded PGlite. Prints invoices per second, rows written (inserts,
 * updates and deletes in the store's tables) and the peak RSS of each worker.
 * Figures only. The portfolio is bulk-loaded with SQL (not timed).
 *
 * Run: npm run build && npx tsx bench/postgres-cycle.ts
 *   PGLITE_SIZES=100000            PGlite portfolio sizes (default 5000)
 *   COBRANCA_BENCH_DATABASE_URL=…   a server to run on (else the server rows are skipped)
 *   SERVER_SIZES=1000000 WORKERS=1,4   server portfolio sizes and worker counts (default 20000 and 1,4)
 * Big sizes take long: run them only on a quiet machine.
 */
import { fork } from 'node:child_process';
import type { SqlDriver } from '../src/adapters/postgres/index.js';
import { built } from './harness/built.js';
import { exampleSpec } from '../test/ruler/fixtures.js';

const FIRST_DAY = '2026-11-24';
const STEADY_DAY = '2026-11-25';
const list = (text: string | undefined, fallback: string): number[] => (text ?? fallback).split(',').filter(Boolean).map(Number);

/** Bulk-loads `size` invoices (two per customer; due dates spread over 80 days, one in seven paid) into a fresh schema. */
async function seed(driver: SqlDriver, schema: string, size: number): Promise<void> {
  const { migrate } = await built('postgres');
  await driver.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await migrate(driver, { schema });
  const s = `"${schema}"`;
  const address = JSON.stringify({ address: { street: 'Rua A', number: '1', district: 'Centro', city: 'São Paulo', state: 'SP', cep: '01001000' } });
  await driver.query(
    `INSERT INTO ${s}.customers (id, version, name, tax_id, kind, email, phone, body)
     SELECT 'c' || lpad(g::text, 8, '0'), 1, 'Cliente ' || g, '12345678909', CASE WHEN g % 5 = 0 THEN 'company' ELSE 'person' END, 'c' || g || '@example.com', '+5511999990000', $2::jsonb
     FROM generate_series(0, $1::int - 1) AS g`,
    [Math.ceil(size / 2), address],
  );
  await driver.query(
    `INSERT INTO ${s}.invoices (id, version, customer_id, amount_cents, due_date, status, paid_cents, paid_on, body)
     SELECT 'i' || lpad(n::text, 9, '0'), 1, 'c' || lpad((n / 2)::text, 8, '0'), 5000 + n % 90000, date '${FIRST_DAY}' + (n % 80 - 70),
            CASE WHEN n % 7 = 0 THEN 'paid' ELSE 'open' END, CASE WHEN n % 7 = 0 THEN 5000 + n % 90000 ELSE 0 END,
            CASE WHEN n % 7 = 0 THEN date '${FIRST_DAY}' + (n % 80 - 70) END, '{}'::jsonb
     FROM generate_series(0, $1::int - 1) AS n`,
    [size],
  );
  await driver.query(`ANALYZE ${s}.invoices`).catch(() => undefined);
}

/** Rows inserted, updated and deleted so far in the schema's tables (the statistics views; 0 where there are none). */
async function rowsWritten(driver: SqlDriver, schema: string): Promise<number> {
  const { rows } = await driver.query<{ n: bigint | null }>(`SELECT sum(n_tup_ins + n_tup_upd + n_tup_del)::bigint AS n FROM pg_stat_user_tables WHERE schemaname = $1`, [schema]);
  return Number(rows[0]?.n ?? 0n);
}

/** One worker: runs one day's cycle as worker `index` of `count` and reports its time and peak RSS. */
async function runWorker(driver: SqlDriver, schema: string, day: string, index: number, count: number): Promise<{ seconds: number; rssMb: number; actions: number; performed: number }> {
  const { createCollections, brazilianCalendar } = await built('root');
  const { PostgresStore } = await built('postgres');
  const { fakeBureau, manualClock, recordingNotifier, staticRates } = await built('testing');
  let n = 0;
  const app = createCollections({
    store: new PostgresStore({ driver, schema }), clock: manualClock(`${day}T10:00:00-03:00`), notifier: recordingNotifier(), bureau: fakeBureau(), rates: staticRates(), calendar: brazilianCalendar(),
    ids: { next: (prefix) => `w${index}-${day}-${prefix}-${++n}` },
    creditor: { id: 'provedor', name: 'Provedor Ltda', document: '11.222.333/0001-81' },
    ruler: exampleSpec,
    settings: { general: { registerAutomatically: 'yes', minimumDaysOverdue: 15 } },
    lateCharges: { policy: { interest: { kind: 'monthly', percent: '1' } }, interestFromRates: false },
  });
  if (app.isErr()) throw new Error(app.error.message);
  const start = performance.now();
  const report = await app.value.runDailyCycle(count === 1 ? {} : { worker: { index, count } });
  const seconds = (performance.now() - start) / 1000;
  if (report.isErr()) throw new Error(report.error.message);
  return { seconds, rssMb: Math.round(process.resourceUsage().maxRSS / 1024), actions: report.value.ruler.done.length, performed: report.value.effects.performed };
}

function row(where: string, size: number, workers: number, day: string, seconds: number, rows: number, rss: number[]): void {
  const rate = Math.round(size / seconds).toLocaleString('en-US');
  console.log(`${where.padEnd(18)} ${size.toLocaleString('en-US').padStart(10)} invoices  ${String(workers).padStart(2)} worker(s)  ${day.padEnd(10)}  ${rate.padStart(8)} invoices/s  ${seconds.toFixed(1).padStart(7)} s  ${rows.toLocaleString('en-US').padStart(11)} rows written  peak RSS ${rss.map((r) => `${r} MB`).join(', ')}`);
}

const [mode, url, schema, day, index, count] = process.argv.slice(2);
if (mode === '--worker') {
  const { connectPostgres } = await built('postgres');
  const driver = await connectPostgres({ connectionString: url ?? '', max: 2 });
  const result = await runWorker(driver, schema ?? '', day ?? FIRST_DAY, Number(index), Number(count));
  await driver.close();
  process.send?.(result);
} else {
  const { openPglite, connectPostgres } = await built('postgres');
  for (const size of list(process.env.PGLITE_SIZES, '5000')) {
    const driver = await openPglite();
    await seed(driver, 'bench', size);
    for (const [label, d] of [['first run', FIRST_DAY], ['steady day', STEADY_DAY]] as const) {
      const before = await rowsWritten(driver, 'bench');
      const result = await runWorker(driver, 'bench', d, 0, 1);
      row('PGlite', size, 1, label, result.seconds, (await rowsWritten(driver, 'bench')) - before, [result.rssMb]);
    }
    await driver.close();
  }
  const server = process.env.COBRANCA_BENCH_DATABASE_URL;
  if (server === undefined || server === '') console.log('PostgreSQL server rows skipped: set COBRANCA_BENCH_DATABASE_URL');
  else {
    const driver = await connectPostgres({ connectionString: server, max: 2 });
    for (const size of list(process.env.SERVER_SIZES, '20000')) {
      for (const workers of list(process.env.WORKERS, '1,4')) {
        const schemaName = `bench_${size}_${workers}`;
        await seed(driver, schemaName, size);
        for (const [label, d] of [['first run', FIRST_DAY], ['steady day', STEADY_DAY]] as const) {
          const before = await rowsWritten(driver, schemaName);
          const start = performance.now();
          const results = await Promise.all(Array.from({ length: workers }, (_, i) => new Promise<{ rssMb: number }>((resolve, reject) => {
            const child = fork(import.meta.filename, ['--worker', server, schemaName, d, String(i), String(workers)], { execArgv: ['--import', 'tsx'] });
            child.once('message', (m) => resolve(m as { rssMb: number }));
            child.once('exit', (code) => (code === 0 ? undefined : reject(new Error(`worker ${i} exited with ${code}`))));
          })));
          const seconds = (performance.now() - start) / 1000;
          await new Promise((resolve) => setTimeout(resolve, 600)); // statistics are flushed at most every 500 ms
          row('PostgreSQL server', size, workers, label, seconds, (await rowsWritten(driver, schemaName)) - before, results.map((r) => r.rssMb));
        }
        await driver.query(`DROP SCHEMA "${schemaName}" CASCADE`);
      }
    }
    await driver.close();
  }
}
