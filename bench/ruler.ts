/**
 * The dunning ruler's evaluator: a 10-step ruler over 1,000,000 invoices in
 * memory, and over 10,000,000 streamed from a generator (in a child process, so
 * its peak RSS is its own). Targets: ≥ 2,000,000 invoices/s on one core; peak
 * RSS < 300 MB for the streamed 10 million.
 * Run: npx tsx bench/ruler.ts
 */
import { spawnSync } from 'node:child_process';
import { brazilianCalendar, fromEpochDay, toEpochDay, civilDate } from '../src/calendar/index.js';
import { defineRuler, evaluateRuler, evaluateRulerInBatchesSync, resolveSettings, type RulerInvoice } from '../src/ruler/index.js';
import { formatRate, rssMb } from './support.js';

const AS_OF = '2026-06-16T10:00:00-03:00'; // a Tuesday, inside the contact window
const TODAY = toEpochDay(civilDate('2026-06-16'));
const calendar = brazilianCalendar();
const ruler = defineRuler({
  id: 'bench',
  steps: [
    { id: 'email-5', offsetDays: -5, action: { kind: 'notify', channel: 'email', template: 'lembrete' } },
    { id: 'email-1', offsetDays: -1, action: { kind: 'notify', channel: 'email', template: 'amanha' } },
    { id: 'sms+1', offsetDays: 1, action: { kind: 'notify', channel: 'sms', template: 'venceu' } },
    { id: 'zap+3', offsetDays: 3, action: { kind: 'notify', channel: 'whatsapp', template: 'venceu' } },
    { id: 'email+5', offsetDays: 5, action: { kind: 'notify', channel: 'email', template: 'atraso' } },
    { id: 'task+7', offsetDays: 7, conditions: { minAmount: '50.00' }, action: { kind: 'create-task', title: 'ligar' } },
    { id: 'forward+10', offsetDays: 10, action: { kind: 'forward-to-collections' } },
    { id: 'letter+12', offsetDays: 12, action: { kind: 'notify', channel: 'letter', template: 'aviso-negativacao' } },
    { id: 'negativate+25', offsetDays: 25, action: { kind: 'negativate' } },
    { id: 'suspend+30', offsetDays: 30, action: { kind: 'suspend-service' } },
  ],
})._unsafeUnwrap();
const settings = resolveSettings({ registerAutomatically: 'yes' })._unsafeUnwrap();

const DUE_DATES = Array.from({ length: 120 }, (_, i) => fromEpochDay(TODAY - 90 + i)); // 90 days late … 30 days ahead

/**
 * What a daily job that ran yesterday has logged, per due date: the step ids it
 * did or skipped (the per-invoice `done` list a store joins into the stream).
 */
const DONE_BY_DUE_DATE: readonly (readonly string[])[] = DUE_DATES.map((dueDate) => {
  const out = evaluateRuler({
    ruler,
    settings,
    invoices: [{ id: 't', customerId: 't', dueDate, amount: { cents: 1_000_000 } }],
    asOf: '2026-06-15T10:00:00-03:00',
    calendar,
  })._unsafeUnwrap();
  return [...out.due, ...out.deferred, ...out.skipped].map((a) => a.stepId);
});

function makeInvoice(n: number, logged: boolean): RulerInvoice {
  const id = `inv-${n}`;
  const customerId = `cus-${n >> 1}`;
  const dueDate = DUE_DATES[n % DUE_DATES.length] as string;
  const amount = { cents: 1_000 + ((n * 7919) % 90_000) };
  const payments = n % 10 === 0 ? [{ date: '2026-06-01', amount: { cents: 500 } }] : [];
  if (logged) return { id, customerId, dueDate, amount, payments, done: DONE_BY_DUE_DATE[n % DUE_DATES.length] ?? [] };
  return { id, customerId, dueDate, amount, payments };
}

function streamed(count: number): void {
  function* generate(): Generator<RulerInvoice> {
    for (let n = 0; n < count; n++) yield makeInvoice(n, true);
  }
  const baselineStart = process.hrtime.bigint();
  let generated = 0;
  for (const invoice of generate()) if (invoice.id.length > 0) generated++;
  const baseline = Number(process.hrtime.bigint() - baselineStart) / 1e9;
  console.log(`generator alone: ${formatRate(generated / baseline)} invoices/s (${baseline.toFixed(2)} s): the floor for any consumer`);
  let peak = rssMb();
  let due = 0;
  let skipped = 0;
  let evaluated = 0;
  const start = process.hrtime.bigint();
  for (const batch of evaluateRulerInBatchesSync({ ruler, settings, invoices: generate(), asOf: AS_OF, calendar, batchSize: 20_000 })) {
    const value = batch._unsafeUnwrap();
    due += value.due.length + value.deferred.length;
    skipped += value.skipped.length;
    evaluated += value.invoicesEvaluated;
    if ((evaluated & 0xfffff) < 20_000) peak = Math.max(peak, rssMb());
  }
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  peak = Math.max(peak, rssMb(), process.resourceUsage().maxRSS / 1024);
  console.log(
    `streamed ${evaluated.toLocaleString('en-US')} invoices (generator; steady state: the job ran yesterday, per-invoice logs): ${formatRate(evaluated / seconds)} invoices/s ` +
      `(${seconds.toFixed(2)} s; evaluator share ${formatRate(evaluated / Math.max(seconds - baseline, 1e-9))} invoices/s), ${due.toLocaleString('en-US')} due, ${skipped.toLocaleString('en-US')} superseded, peak RSS ${peak.toFixed(0)} MB`,
  );
}

function inMemory(count: number): void {
  const fresh = Array.from({ length: count }, (_, n) => makeInvoice(n, false));
  const logged = Array.from({ length: count }, (_, n) => makeInvoice(n, true));
  console.log(`built 2 × ${count.toLocaleString('en-US')} invoices in memory (RSS ${rssMb().toFixed(0)} MB)`);
  const time = (label: string, invoices: readonly RulerInvoice[], done?: ReadonlySet<string>): string[] => {
    let keys: string[] = [];
    let best = Infinity;
    for (let round = 0; round < 3; round++) {
      const start = process.hrtime.bigint();
      const out = evaluateRuler({ ruler, settings, invoices, asOf: AS_OF, calendar, ...(done ? { done } : {}) })._unsafeUnwrap();
      best = Math.min(best, Number(process.hrtime.bigint() - start) / 1e9);
      keys = [...out.due, ...out.deferred, ...out.skipped].map((a) => a.key);
    }
    console.log(`${label.padEnd(58)} ${formatRate(count / best).padStart(12)} invoices/s (${(best * 1000).toFixed(0)} ms, ${keys.length.toLocaleString('en-US')} outcomes)`);
    return keys;
  };
  time('in memory, steady state (per-invoice logs)', logged);
  const perCustomer = resolveSettings({ registerAutomatically: 'yes', anchor: 'customer' })._unsafeUnwrap();
  let best = Infinity;
  for (let round = 0; round < 3; round++) {
    const start = process.hrtime.bigint();
    evaluateRuler({ ruler, settings: perCustomer, invoices: logged, asOf: AS_OF, calendar })._unsafeUnwrap();
    best = Math.min(best, Number(process.hrtime.bigint() - start) / 1e9);
  }
  console.log(`${'in memory, per customer (500k anchors), steady state'.padEnd(58)} ${formatRate(count / best).padStart(12)} invoices/s (${(best * 1000).toFixed(0)} ms)`);
  const sample = fresh.slice(0, 200_000);
  const first = time('200k, empty log (catch-up worst case: ~7 outcomes each)', sample);
  time('200k, second run with a global Set log of the first', sample, new Set(first));
  console.log(`in-memory peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
}

if (process.argv.includes('--streamed')) {
  streamed(10_000_000);
} else {
  const child = spawnSync(process.execPath, ['--import', 'tsx', import.meta.filename, '--streamed'], { stdio: 'inherit' });
  if (child.status !== 0) process.exitCode = 1;
  inMemory(1_000_000);
}
