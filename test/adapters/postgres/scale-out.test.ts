import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { connectPostgres, createPostgresStore, type SqlDriver } from '../../../src/adapters/postgres/index.js';
import { outcomeOf, scalePortfolio, simulatedDays } from '../../app/support/scale-portfolio.js';
import type { DayOrder, WorkerReport } from './scale-out/cycle-worker.js';
import { SERVER_SKIP_REASON, SERVER_URL } from './databases.js';

const WORKER = join(import.meta.dirname, 'scale-out', 'cycle-worker.ts');
const CUSTOMERS = 40;
const DAYS = simulatedDays(30);

/** A worker process and the reports it sent. */
class Worker {
  readonly process: ChildProcess;
  private readonly waiting: ((report: WorkerReport) => void)[] = [];
  readonly sent: string[] = [];
  onSending: (() => void) | undefined;

  constructor(readonly schema: string, readonly name: string) {
    this.process = fork(WORKER, [SERVER_URL ?? '', schema, name], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    this.process.on('message', (report: WorkerReport) => {
      if (report.kind === 'sending') return this.onSending?.();
      this.waiting.shift()?.(report);
    });
  }

  next(): Promise<WorkerReport> {
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  async run(order: DayOrder): Promise<Extract<WorkerReport, { kind: 'day' }>> {
    const answer = this.next();
    this.process.send(order);
    const report = await answer;
    if (report.kind !== 'day') throw new Error(`unexpected ${report.kind}`);
    expect(report.ok, `${this.name} on ${order.day}: ${report.error ?? ''}`).toBe(true);
    this.sent.push(...report.sent);
    return report;
  }

  stop(): void {
    if (this.process.connected) this.process.disconnect();
  }
}

async function startWorker(schema: string, name: string): Promise<Worker> {
  const worker = new Worker(schema, name);
  expect((await worker.next()).kind).toBe('ready');
  return worker;
}

describe.skipIf(SERVER_URL === undefined)(`the daily cycle in 4 worker processes on a PostgreSQL server${SERVER_URL === undefined ? ` (${SERVER_SKIP_REASON})` : ''}`, () => {
  let driver: SqlDriver | undefined;
  const schemas: string[] = [];
  const workers: Worker[] = [];

  async function seeded(label: string): Promise<string> {
    driver ??= await connectPostgres({ connectionString: SERVER_URL ?? '', max: 4 });
    const schema = `scale_${label}_${process.pid}_${Date.now().toString(36)}`;
    schemas.push(schema);
    const store = await createPostgresStore({ driver, schema });
    const { customers, invoices } = scalePortfolio(CUSTOMERS);
    await store.transaction(async (tx) => {
      for (const c of customers) await tx.customers.insert(c);
      for (const i of invoices) await tx.invoices.insert(i);
    });
    return schema;
  }

  const outcome = async (schema: string) => outcomeOf(await createPostgresStore({ driver: driver as SqlDriver, schema }));

  let reference: { outcome: Awaited<ReturnType<typeof outcomeOf>>; sent: string[]; registered: number } | undefined;
  async function singleWorkerRun() {
    if (reference) return reference;
    const schema = await seeded('single');
    const worker = await startWorker(schema, 'w0');
    workers.push(worker);
    let registered = 0;
    for (const day of DAYS) registered += (await worker.run({ day, time: '10:00', index: 0, count: 1 })).registered;
    worker.stop();
    reference = { outcome: await outcome(schema), sent: worker.sent, registered };
    return reference;
  }

  afterAll(async () => {
    for (const worker of workers) {
      worker.stop();
      if (worker.process.exitCode === null && worker.process.signalCode === null) worker.process.kill('SIGKILL');
    }
    if (driver) {
      for (const schema of schemas) await driver.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await driver.close();
    }
  });

  it('4 processes at once over 30 days: every due action recorded and performed exactly once, as one process does', async () => {
    const single = await singleWorkerRun();
    const schema = await seeded('four');
    const four = await Promise.all([0, 1, 2, 3].map((index) => startWorker(schema, `w${index}`)));
    workers.push(...four);
    let registered = 0;
    for (const day of DAYS) {
      const reports = await Promise.all(four.map((worker, index) => worker.run({ day, time: '10:00', index, count: 4 })));
      registered += reports.reduce((n, r) => n + r.registered, 0);
    }
    for (const worker of four) worker.stop();
    expect(single.outcome.actions.length).toBeGreaterThan(CUSTOMERS);
    expect(single.registered).toBeGreaterThan(0);
    expect(await outcome(schema)).toEqual(single.outcome);
    const sent = four.flatMap((w) => w.sent);
    expect(new Set(sent).size, 'a message went out twice').toBe(sent.length);
    expect(sent.length).toBe(single.sent.length);
    expect(registered).toBe(single.registered);
    expect(four.every((w) => w.sent.length > 0), 'every worker did a share of the work').toBe(true);
  }, 900_000);

  it('a worker SIGKILLed mid-cycle: a rerun of its share finishes the day, and nothing is lost or doubled', async () => {
    const single = await singleWorkerRun();
    const schema = await seeded('fault');
    const crew = await Promise.all([0, 1, 2, 3].map((index) => startWorker(schema, `w${index}`)));
    workers.push(...crew);
    const victim = 2;
    const killDay = DAYS[0] as string; // everything is due: the longest cycle
    let killedKeys = 0;
    let reportedFirst = false;
    for (const day of DAYS) {
      if (day !== killDay) {
        await Promise.all(crew.map((worker, index) => worker.run({ day, time: '10:00', index, count: 4 })));
        continue;
      }
      const doomed = crew[victim] as Worker;
      const exited = new Promise((resolve) => doomed.process.once('exit', resolve));
      doomed.process.once('message', (report: WorkerReport) => { if (report.kind === 'day') reportedFirst = true; });
      // The victim runs its share alone and halts just before its first effect (claims held, the day half done); killed there.
      const halted = new Promise<void>((resolve) => { doomed.onSending = resolve; });
      doomed.process.send({ day, time: '10:00', index: victim, count: 4, haltAtFirstSend: true } satisfies DayOrder);
      await halted;
      doomed.process.kill('SIGKILL');
      await Promise.all(crew.filter((_, index) => index !== victim).map((worker) => worker.run({ day, time: '10:00', index: crew.indexOf(worker), count: 4 })));
      await exited;
      expect(doomed.process.signalCode).toBe('SIGKILL');
      killedKeys = doomed.sent.length;
      // A new process takes the share over once the dead worker's claims lapsed (the lease is 10 minutes).
      const replacement = await startWorker(schema, `w${victim}b`);
      workers.push(replacement);
      await replacement.run({ day, time: '10:15', index: victim, count: 4 });
      crew[victim] = replacement;
    }
    for (const worker of crew) worker.stop();
    expect(reportedFirst, 'the worker was killed mid-cycle, before it finished the day').toBe(false);
    expect(killedKeys).toBe(0);
    expect(await outcome(schema)).toEqual(single.outcome);
    const sent = crew.flatMap((w) => w.sent);
    expect(new Set(sent).size, 'a message went out twice among the surviving workers').toBe(sent.length);
    expect(sent.length, 'every message the single worker sent went out').toBe(single.sent.length);
  }, 900_000);
});
