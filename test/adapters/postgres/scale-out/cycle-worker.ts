/**
 * One worker process of the scale-out tests: runs the daily cycle over a
 * PostgreSQL store when the parent says which day, as worker `index` of
 * `count`, and answers with the message keys it sent. Started with
 * `fork(this file, [url, schema, name], { execArgv: ['--import', 'tsx'] })`.
 */
import { connectPostgres, PostgresStore } from '../../../../src/adapters/postgres/index.js';
import { scaleApp } from '../../../app/support/scale-portfolio.js';

/** What the parent sends: run this day as this worker; `haltAtFirstSend` makes it stop for good just before its first effect (to be killed there). */
export interface DayOrder { readonly day: string; readonly time: string; readonly index: number; readonly count: number; readonly haltAtFirstSend?: boolean }
/** What the worker answers. */
export type WorkerReport = { readonly kind: 'ready' } | { readonly kind: 'sending' } | { readonly kind: 'day'; readonly ok: boolean; readonly error?: string; readonly sent: string[]; readonly registered: number };

const [url = '', schema = '', name = 'w'] = process.argv.slice(2);
const send = (report: WorkerReport): void => void process.send?.(report);
const driver = await connectPostgres({ connectionString: url, max: 2 });
const store = new PostgresStore({ driver, schema });
let announced = false;
let halting = false;
const { app, clock, notifier, bureau } = scaleApp(store, name, async () => {
  if (!announced) send({ kind: 'sending' }); // the parent may kill us now: mid-cycle, effects claimed
  announced = true;
  if (halting) await new Promise<never>(() => undefined); // never resumes: the parent kills the process here
});

process.on('message', (order: DayOrder) => {
  void (async () => {
    clock.set(`${order.day}T${order.time}:00-03:00`);
    const sentBefore = notifier.calls.length;
    const registeredBefore = bureau.calls.register;
    announced = false;
    halting = order.haltAtFirstSend === true;
    const report = await app.runDailyCycle(order.count === 1 ? {} : { worker: { index: order.index, count: order.count } });
    send({
      kind: 'day',
      ok: report.isOk(),
      ...(report.isErr() ? { error: report.error.message } : {}),
      sent: notifier.calls.slice(sentBefore).map((m) => m.key),
      registered: bureau.calls.register - registeredBefore,
    });
  })();
});
process.on('disconnect', () => void driver.close().finally(() => process.exit(0)));
send({ kind: 'ready' });
