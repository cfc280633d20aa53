/**
 * The dunning ruler's evaluator against the built package, each row in fresh
 * processes: a 10-step ruler over a portfolio whose due dates run from 90 days
 * late to 30 days ahead. The denominator of every rate is the number of invoices
 * that row evaluated. Figures only.
 * Run: npm run build && npx tsx bench/ruler.ts   (INVOICES=… to resize; default 1,000,000)
 */
import type { ActionLog, RulerInvoice } from '../src/ruler/index.js';
import { built } from './harness/built.js';
import { compare } from './harness/compare.js';
import { keep, runContenderIfChild, type Contender } from './harness/sample.js';

const INVOICES = Number(process.env.INVOICES ?? 1_000_000);
const FIRST_RUN = Math.min(INVOICES, 200_000);
const AS_OF = '2026-06-16T10:00:00-03:00'; // a Tuesday, inside the contact window
const SPEC = {
  id: 'bench',
  steps: [
    { id: 'email-5', offsetDays: -5, action: { kind: 'notify', channel: 'email', template: 'lembrete' } },
    { id: 'email-1', offsetDays: -1, action: { kind: 'notify', channel: 'email', template: 'amanha' } },
    { id: 'sms+1', offsetDays: 1, action: { kind: 'notify', channel: 'sms', template: 'venceu' } },
    { id: 'zap+3', offsetDays: 3, action: { kind: 'notify', channel: 'whatsapp', template: 'venceu' } },
    { id: 'email+5', offsetDays: 5, action: { kind: 'notify', channel: 'email', template: 'atraso' } },
    { id: 'task+7', offsetDays: 7, conditions: { minAmount: '50.00' }, action: { kind: 'create_task', title: 'ligar' } },
    { id: 'forward+10', offsetDays: 10, action: { kind: 'forward_to_collections' } },
    { id: 'letter+12', offsetDays: 12, action: { kind: 'notify', channel: 'letter', template: 'aviso-negativacao' } },
    { id: 'negativate+25', offsetDays: 25, action: { kind: 'negativate' } },
    { id: 'suspend+30', offsetDays: 30, action: { kind: 'suspend_service' } },
  ],
} as const;

async function setup() {
  const { defineRuler, evaluateRuler, evaluateRulerInBatchesSync, resolveSettings, rulerActionLog } = await built('ruler');
  const { brazilianCalendar, addDays, civilDate } = await built('root');
  const calendar = brazilianCalendar();
  const ruler = defineRuler(SPEC);
  const settings = resolveSettings({ registerAutomatically: 'yes' });
  if (ruler.isErr() || settings.isErr()) throw new Error('bench ruler or settings refused');
  const dueDates = Array.from({ length: 120 }, (_, i) => addDays(civilDate('2026-06-16'), i - 90));
  /** What yesterday's run logged per due date: the per-invoice `done` a store joins into the stream. */
  const doneByDue = dueDates.map((dueDate) => {
    const out = evaluateRuler({ ruler: ruler.value, settings: settings.value, invoices: [{ id: 't', customerId: 't', dueDate, amount: { cents: 1_000_000 } }], asOf: '2026-06-15T10:00:00-03:00', calendar });
    if (out.isErr() || out.value instanceof Promise) throw new Error('yesterday refused');
    return [...out.value.due, ...out.value.deferred, ...out.value.skipped].map((a) => a.stepId);
  });
  const invoice = (n: number, logged: boolean): RulerInvoice => {
    const base = { id: `inv-${n}`, customerId: `cus-${n >> 1}`, dueDate: dueDates[n % dueDates.length] as string, amount: { cents: 1_000 + ((n * 7919) % 90_000) }, payments: n % 10 === 0 ? [{ date: '2026-06-01', amount: { cents: 500 } }] : [] };
    return logged ? { ...base, done: doneByDue[n % dueDates.length] ?? [] } : base;
  };
  const evaluate = (invoices: readonly RulerInvoice[], done?: ActionLog) => {
    const out = evaluateRuler({ ruler: ruler.value, settings: settings.value, invoices, asOf: AS_OF, calendar, ...(done ? { done } : {}) });
    if (out.isErr() || out.value instanceof Promise) throw new Error('evaluation refused');
    return out.value;
  };
  const streamed = (count: number, logged: boolean): number => {
    function* generate(): Generator<RulerInvoice> {
      for (let n = 0; n < count; n++) yield invoice(n, logged);
    }
    let outcomes = 0;
    for (const batch of evaluateRulerInBatchesSync({ ruler: ruler.value, settings: settings.value, invoices: generate(), asOf: AS_OF, calendar })) {
      if (batch.isErr()) throw new Error(batch.error.message);
      outcomes += batch.value.due.length + batch.value.deferred.length + batch.value.skipped.length;
    }
    return outcomes;
  };
  return { invoice, evaluate, streamed, rulerActionLog };
}

/** Bytes of RSS (and of JS heap) per outcome while one first run's result is held: measured first, in a fresh process. */
function heldPerOutcome(measure: () => { outcomes: number; held: unknown }): { outcomes: number; note: string } {
  const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
  gc();
  const before = process.memoryUsage();
  const { outcomes, held } = measure();
  gc();
  const after = process.memoryUsage();
  keep(held === undefined ? 0 : 1);
  const per = (bytes: number): string => (bytes / Math.max(1, outcomes)).toFixed(0);
  return { outcomes, note: `${per(after.rss - before.rss)} bytes RSS (${per(after.heapUsed - before.heapUsed)} of JS heap) per outcome held, ${outcomes.toLocaleString('en-US')} outcomes` };
}

const outcomesOf = (e: { due: readonly unknown[]; deferred: readonly unknown[]; skipped: readonly unknown[] }): number => e.due.length + e.deferred.length + e.skipped.length;

const CONTENDERS: Record<string, () => Promise<Contender>> = {
  async 'first run in memory'() {
    const { invoice, evaluate } = await setup();
    const invoices = Array.from({ length: FIRST_RUN }, (_, n) => invoice(n, false));
    let note = '';
    const check = (): string => {
      const measured = heldPerOutcome(() => {
        const held = evaluate(invoices);
        return { outcomes: outcomesOf(held), held };
      });
      note = measured.note;
      return String(measured.outcomes);
    };
    return { check, operations: FIRST_RUN, run: () => keep(outcomesOf(evaluate(invoices))), note: () => note };
  },
  async 'first run streamed'() {
    const { streamed } = await setup();
    return { check: () => String(streamed(FIRST_RUN, false)), operations: INVOICES, run: () => keep(streamed(INVOICES, false)) };
  },
  async 'rerun with a compact log'() {
    const { invoice, evaluate, rulerActionLog } = await setup();
    const invoices = Array.from({ length: FIRST_RUN }, (_, n) => invoice(n, false));
    const first = evaluate(invoices);
    const done = rulerActionLog([...first.due, ...first.deferred, ...first.skipped]);
    return { check: () => String(outcomesOf(evaluate(invoices, done))), operations: FIRST_RUN, run: () => keep(outcomesOf(evaluate(invoices, done))) };
  },
  async 'rerun with a Set of keys'() {
    const { invoice, evaluate } = await setup();
    const invoices = Array.from({ length: FIRST_RUN }, (_, n) => invoice(n, false));
    const first = evaluate(invoices);
    const done = new Set([...first.due, ...first.deferred, ...first.skipped].map((a) => a.key));
    return { check: () => String(outcomesOf(evaluate(invoices, done))), operations: FIRST_RUN, run: () => keep(outcomesOf(evaluate(invoices, done))) };
  },
  async 'steady in memory'() {
    const { invoice, evaluate } = await setup();
    const invoices = Array.from({ length: INVOICES }, (_, n) => invoice(n, true));
    return { check: () => String(outcomesOf(evaluate(invoices))), operations: INVOICES, run: () => keep(outcomesOf(evaluate(invoices))) };
  },
  async 'steady streamed'() {
    const { streamed } = await setup();
    return { check: () => String(streamed(FIRST_RUN, true)), operations: INVOICES, run: () => keep(streamed(INVOICES, true)) };
  },
};

if (!(await runContenderIfChild(CONTENDERS, 3))) {
  const file = import.meta.filename;
  const n = (count: number): string => count.toLocaleString('en-US');
  compare({ work: `ruler first run, empty log, ${n(FIRST_RUN)} in memory (≈7 outcomes each)`, file, ours: 'first run in memory', target: { perSecond: 500_000 }, processes: 2 });
  compare({ work: `ruler first run, empty log, ${n(INVOICES)} streamed`, file, ours: 'first run streamed', target: { perSecond: 1_000_000 }, processes: 2 });
  compare({ work: `ruler same-day rerun, compact global log (rulerActionLog), ${n(FIRST_RUN)}`, file, ours: 'rerun with a compact log', target: { perSecond: 2_000_000 }, processes: 2 });
  compare({ work: `ruler same-day rerun, global log as a Set of keys, ${n(FIRST_RUN)}`, file, ours: 'rerun with a Set of keys', processes: 2 });
  compare({ work: `ruler steady day (per-invoice log), ${n(INVOICES)} in memory`, file, ours: 'steady in memory', processes: 2 });
  compare({ work: `ruler steady day (per-invoice log), ${n(INVOICES)} streamed`, file, ours: 'steady streamed', processes: 2 });
}
