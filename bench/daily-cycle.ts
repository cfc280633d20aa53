/**
 * The daily cycle on the memory store, through the built package: a first run
 * (everything due at once), a steady day (the next day, when about one invoice
 * in twenty has a step due) and day 3 (a steady day once the first run's late
 * writes, the negativation pass's and the outbox's, no longer make their customers
 * due in the store's wake index), at several portfolio sizes so the cost per invoice
 * shows whether it is linear. Every sample is a fresh process (a first run can
 * happen once per store); RUNS processes per row (default 3), medians with
 * min–max. Beside the wall-clock rate each sample notes the CPU time per invoice
 * (what to compare while the machine is busy) and the RSS per invoice.
 * Then the linearity row: days 1–3 in one process per size (10k and 100k; 1M
 * with LINEARITY_1M=1, minutes and about 12 GB), the CPU µs per invoice of
 * each day and its ratio to the smallest size's: flat means the cycle costs
 * the same per invoice at every size.
 * Figures only.
 * Run: npm run build && npx tsx bench/daily-cycle.ts
 *   SIZES=10000,100000,1000000 to choose sizes (1,000,000 takes minutes per process: RUNS=1 and
 *   NODE_OPTIONS=--max-old-space-size=8192, since the store keeps everything in memory)
 *   LINEARITY=only for the linearity row alone, LINEARITY=0 without it; LINEARITY_1M=1 adds 1,000,000;
 *   LINEARITY_SIZES=… its other sizes (default 10000,100000)
 */
import { spawnSync } from 'node:child_process';
import type { CustomerRecord, InvoiceRecord } from '../src/ports/index.js';
import { built } from './harness/built.js';
import { compare } from './harness/compare.js';
import { contenderArgument, reportOnce } from './harness/sample.js';
import { exampleSpec } from '../test/ruler/fixtures.js';

const SIZES = (process.env.SIZES ?? '10000,100000').split(',').map(Number);
const RUNS = Number(process.env.RUNS ?? 3);
const PER_CUSTOMER = 2;

/** CPU seconds of this process so far (every thread: the collector's helpers count). */
function cpuSeconds(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1e6;
}

/** Resident memory now, after a full collection when the process may ask for one (the children run with --expose-gc). */
function settledRss(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage.rss();
}

/** Live memory after a full collection: the JS heap in use plus memory held outside it (buffers); what the store holds, unlike RSS, which keeps what the heap grew to. */
function liveBytes(): number {
  (globalThis as { gc?: () => void }).gc?.();
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.external;
}

const bytesPer = (bytes: number, size: number): string => `${Math.round(bytes / size).toLocaleString('en-US')} B`;

/** The rows: one process each. */
type Row = 'first run' | 'steady day' | 'day 3';

/** A seeded memory store and the app over it, at `size` invoices. */
async function seeded(size: number) {
  const { createCollections, brazilianCalendar, addDays, civilDate, fromCents } = await built('root');
  const { MemoryStore } = await built('memory');
  const { fakeBureau, manualClock, recordingNotifier, sequentialIds, staticRates } = await built('testing');
  const today = civilDate('2026-11-24');
  const empty = settledRss();
  const store = new MemoryStore();
  await store.transaction(async (tx) => {
    for (let c = 0; c < size / PER_CUSTOMER; c++) {
      const id = `c${String(c).padStart(7, '0')}`;
      const customer: CustomerRecord = { id, version: 1, name: `Cliente ${c}`, taxId: '12345678909', kind: c % 5 === 0 ? 'company' : 'person', email: `${id}@example.com`, phone: '+5511999990000', address: { street: 'Rua A', number: '1', district: 'Centro', city: 'São Paulo', state: 'SP', cep: '01001000' } };
      await tx.customers.insert(customer);
      for (let k = 0; k < PER_CUSTOMER; k++) {
        const n = c * PER_CUSTOMER + k;
        // due dates from 40 days ago to 10 days ahead; every 7th invoice already paid
        const due = addDays(today, (n % 50) - 40);
        const paid = n % 7 === 0;
        const amount = fromCents(5_000 + (n % 90_000));
        const invoice: InvoiceRecord = { id: `i${String(n).padStart(8, '0')}`, version: 1, customerId: id, amount, dueDate: due, status: paid ? 'paid' : 'open', paid: paid ? amount : fromCents(0), ...(paid ? { paidOn: due } : {}) };
        await tx.invoices.insert(invoice);
      }
    }
  });
  const clock = manualClock('2026-11-24T10:00:00-03:00');
  const app = createCollections({
    store,
    clock,
    notifier: recordingNotifier(),
    bureau: fakeBureau(),
    rates: staticRates(),
    calendar: brazilianCalendar(),
    ids: sequentialIds(),
    creditor: { id: 'provedor', name: 'Provedor Ltda', document: '11.222.333/0001-81' },
    ruler: exampleSpec,
    settings: { general: { registerAutomatically: 'yes', minimumDaysOverdue: 15 } },
    lateCharges: { policy: { interest: { kind: 'monthly', percent: '1' } }, interestFromRates: false },
  });
  if (app.isErr()) throw new Error(app.error.message);
  return { app: app.value, clock, empty };
}

async function cycle(size: number, row: Row): Promise<void> {
  const { app, clock, empty } = await seeded(size);
  const run = async (): Promise<{ seconds: number; cpu: number; rssBefore: number; rssAfter: number; liveAdded: number; check: string }> => {
    const rssBefore = settledRss();
    const liveBefore = liveBytes();
    const cpu = cpuSeconds();
    const start = performance.now();
    const report = await app.runDailyCycle();
    const seconds = (performance.now() - start) / 1000;
    const used = cpuSeconds() - cpu;
    if (report.isErr()) throw new Error(report.error.message);
    const rssAfter = settledRss();
    const liveAdded = liveBytes() - liveBefore;
    return { seconds, cpu: used, rssBefore, rssAfter, liveAdded, check: `${report.value.ruler.totals.done} actions, ${report.value.effects.performed} effects` };
  };
  const first = await run();
  if (row === 'first run') {
    // The process's peak is this run's: the seeded portfolio plus what the run held and stored.
    const peak = process.resourceUsage().maxRSS * 1024;
    // Beyond the stored data (the measure): the peak less the seeded portfolio and less what the run left stored (live after a full collection).
    const note = `CPU ${((first.cpu / size) * 1e6).toFixed(1)} µs/invoice; RSS: runtime ${(empty / 2 ** 20).toFixed(0)} MB, the seeded portfolio ${bytesPer(first.rssBefore - empty, size)}/invoice, the run's peak ${bytesPer(peak - first.rssBefore, size)}/invoice beyond it, of which the records it stored ${bytesPer(first.liveAdded, size)}/invoice (live after a full collection) and ${bytesPer(peak - first.rssBefore - first.liveAdded, size)}/invoice beyond all stored data`;
    return reportOnce('first run', first.check, size, first.seconds, note);
  }
  clock.set('2026-11-25T10:00:00-03:00');
  let next = await run();
  if (row === 'day 3') {
    clock.set('2026-11-26T10:00:00-03:00');
    next = await run();
  }
  const note = `CPU ${((next.cpu / size) * 1e6).toFixed(1)} µs/invoice; RSS: runtime ${(empty / 2 ** 20).toFixed(0)} MB, the stored data ${bytesPer(next.rssBefore - empty, size)}/invoice before the day (the portfolio and the earlier runs' records), ${bytesPer(next.rssAfter - next.rssBefore, size)}/invoice more after it`;
  reportOnce(row, next.check, size, next.seconds, note);
}

/** One day of the linearity row: the cycle's CPU per invoice, and what it did (the same at every size in proportion). */
interface LinearityDay {
  readonly cpuMicrosPerInvoice: number;
  readonly evaluated: number;
  readonly actions: number;
}

const LINEARITY_MARK = '@@linearity ';

/** The linearity row's child: days 1–3 of one size in this process, one line of figures. */
async function linearityDays(size: number): Promise<void> {
  const { app, clock } = await seeded(size);
  const days: LinearityDay[] = [];
  for (const day of ['2026-11-24', '2026-11-25', '2026-11-26']) {
    clock.set(`${day}T10:00:00-03:00`);
    const cpu = cpuSeconds();
    const report = await app.runDailyCycle();
    const used = cpuSeconds() - cpu;
    if (report.isErr()) throw new Error(report.error.message);
    days.push({ cpuMicrosPerInvoice: (used / size) * 1e6, evaluated: report.value.ruler.invoicesEvaluated, actions: report.value.ruler.totals.done });
  }
  console.log(LINEARITY_MARK + JSON.stringify({ days, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
}

/** The linearity row: one process per size, days 1–3 each, CPU µs per invoice and the ratio to the first size's. */
function linearityRow(sizes: readonly number[]): void {
  console.log('daily cycle linearity (memory store): CPU µs per invoice, days 1–3 in one process per size; (×) is the ratio to the first size');
  let first: readonly LinearityDay[] | undefined;
  for (const size of sizes) {
    // the store keeps everything: about 12 KB per invoice at the peak of day 1, above V8's default heap from a few hundred thousand invoices
    const heapMb = Math.max(4096, Math.ceil(size / 64));
    const child = spawnSync(process.execPath, [`--max-old-space-size=${heapMb}`, '--import', 'tsx', import.meta.filename, '--contender', 'linearity'], {
      encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, SIZE: String(size) },
    });
    const line = (child.stdout ?? '').split('\n').find((l) => l.startsWith(LINEARITY_MARK));
    if (child.status !== 0 || line === undefined) throw new Error(`linearity at ${size} failed (exit ${child.status})`);
    const { days, maxRssMb } = JSON.parse(line.slice(LINEARITY_MARK.length)) as { days: LinearityDay[]; maxRssMb: number };
    first ??= days;
    const cells = days.map((d, i) => `${d.cpuMicrosPerInvoice.toFixed(1).padStart(6)} (${(d.cpuMicrosPerInvoice / (first?.[i]?.cpuMicrosPerInvoice ?? Number.NaN)).toFixed(2)}×)`);
    const work = days.map((d) => `${(d.evaluated / size).toFixed(3)}/${(d.actions / size).toFixed(3)}`).join(' ');
    console.log(`  ${size.toLocaleString('en-US').padStart(9)} invoices  day 1 ${cells[0]}  day 2 ${cells[1]}  day 3 ${cells[2]}  evaluated/actions per invoice ${work}  peak RSS ${maxRssMb.toFixed(0)} MB`);
  }
}

const name = contenderArgument();
const LINEARITY = process.env.LINEARITY ?? '1';
if (name === 'linearity') {
  await linearityDays(Number(process.env.SIZE));
} else if (name !== undefined) {
  await cycle(Number(process.env.SIZE), name as Row);
} else {
  const file = import.meta.filename;
  for (const size of LINEARITY === 'only' ? [] : SIZES) {
    process.env.SIZE = String(size);
    const n = size.toLocaleString('en-US');
    compare({ work: `daily cycle first run, ${n} invoices (memory store)`, file, ours: 'first run', target: { perSecond: 20_000 }, processes: RUNS, rssPer: { count: size, unit: 'invoice' } });
    compare({ work: `daily cycle steady day, ${n} invoices (memory store)`, file, ours: 'steady day', target: { perSecond: 200_000 }, processes: RUNS, rssPer: { count: size, unit: 'invoice' } });
    compare({ work: `daily cycle steady day 3, ${n} invoices (memory store)`, file, ours: 'day 3', target: { perSecond: 200_000 }, processes: RUNS, rssPer: { count: size, unit: 'invoice' } });
  }
  const linearitySizes = (process.env.LINEARITY_SIZES ?? '10000,100000').split(',').map(Number);
  if (LINEARITY !== '0') linearityRow(process.env.LINEARITY_1M === '1' ? [...linearitySizes, 1_000_000] : linearitySizes);
}
