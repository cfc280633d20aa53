/**
 * The dunning ruler's evaluator against the built package, each row in fresh
 * processes: a 10-step ruler over a portfolio whose due dates run from 90 days
 * late to 30 days ahead. The denominator of every rate is the number of invoices
 * that row evaluated. The first run in memory is compared with the same work
 * written plainly (plain objects, the anchor) and with its floor (typed
 * arrays in and out, the limit); every contender's outcomes are digested and
 * checked equal before any timing. Figures only.
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
  const { defineRuler, evaluateRuler, evaluateRulerCompact, evaluateRulerInBatchesSync, resolveSettings, rulerActionLog } = await built('ruler');
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
  /**
   * One invoice as a host builds it. With `spread`, a logged invoice is built as `{ ...base, done }`: on
   * Node 20 an object made by a spread and then given a property its source lacked is slow to read
   * (every later property read misses V8's inline caches: about 0.2–0.4 µs each, 10–60× a plain
   * object's), so the evaluator reading it is several times slower for a reason that is the host's. The
   * fair rows build it as one literal; the `spread-built` row shows the quirk.
   */
  const invoice = (n: number, logged: boolean, spread = false): RulerInvoice => {
    const id = `inv-${n}`;
    const customerId = `cus-${n >> 1}`;
    const dueDate = dueDates[n % dueDates.length] as string;
    const amount = { cents: 1_000 + ((n * 7919) % 90_000) };
    const payments = n % 10 === 0 ? [{ date: '2026-06-01', amount: { cents: 500 } }] : [];
    if (!logged) return { id, customerId, dueDate, amount, payments };
    const done = doneByDue[n % dueDates.length] ?? [];
    if (!spread) return { id, customerId, dueDate, amount, payments, done };
    const base = { id, customerId, dueDate, amount, payments };
    return { ...base, done };
  };
  const evaluate = (invoices: readonly RulerInvoice[], done?: ActionLog) => {
    const out = evaluateRuler({ ruler: ruler.value, settings: settings.value, invoices, asOf: AS_OF, calendar, ...(done ? { done } : {}) });
    if (out.isErr() || out.value instanceof Promise) throw new Error('evaluation refused');
    return out.value;
  };
  const evaluateCompact = (invoices: readonly RulerInvoice[]) => {
    const out = evaluateRulerCompact({ ruler: ruler.value, settings: settings.value, invoices, asOf: AS_OF, calendar });
    if (out.isErr()) throw new Error('evaluation refused');
    return out.value;
  };
  /** Streams `count` invoices in batches; with `wakes`, each batch also says every invoice's next wake day (the outcomes are the same). */
  const streamed = (count: number, logged: boolean, wakes = false): number => {
    function* generate(): Generator<RulerInvoice> {
      for (let n = 0; n < count; n++) yield invoice(n, logged);
    }
    let outcomes = 0;
    for (const batch of evaluateRulerInBatchesSync({ ruler: ruler.value, settings: settings.value, invoices: generate(), asOf: AS_OF, calendar, wakes })) {
      if (batch.isErr()) throw new Error(batch.error.message);
      outcomes += batch.value.due.length + batch.value.deferred.length + batch.value.skipped.length;
    }
    return outcomes;
  };
  return { invoice, evaluate, evaluateCompact, streamed, rulerActionLog, calendar };
}

/** One outcome as the digest reads it: which list, the invoice, the step, the scheduled day, the skip reason. */
interface DigestEntry {
  readonly list: 'due' | 'deferred' | 'skipped';
  readonly invoiceId: string;
  readonly stepId: string;
  readonly scheduledFor: string;
  readonly reason?: string | undefined;
}

/** FNV-1a of a string, 32 bits. */
function fnv(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

/**
 * A digest of a set of outcomes that does not depend on their order (the plain
 * contenders walk the steps in their own order): counts per list and the sum of
 * every outcome's hash. Equal digests: the same outcomes.
 */
function digest(entries: Iterable<DigestEntry>): string {
  const counts = { due: 0, deferred: 0, skipped: 0 };
  let sum = 0;
  for (const e of entries) {
    counts[e.list]++;
    sum = (sum + fnv(`${e.list}|${e.invoiceId}|${e.stepId}|${e.scheduledFor}|${e.reason ?? ''}`)) >>> 0;
  }
  return `due ${counts.due}, deferred ${counts.deferred}, skipped ${counts.skipped}, hash ${sum.toString(16)}`;
}

type Outcome = Omit<DigestEntry, 'list'>;

/** The digest entries of an evaluation (arrays of records or the compact lists: both iterate records). */
function* entriesOf(e: { due: Iterable<Outcome>; deferred: Iterable<Outcome>; skipped: Iterable<Outcome> }): Generator<DigestEntry> {
  for (const a of e.due) yield { list: 'due', invoiceId: a.invoiceId, stepId: a.stepId, scheduledFor: a.scheduledFor };
  for (const a of e.deferred) yield { list: 'deferred', invoiceId: a.invoiceId, stepId: a.stepId, scheduledFor: a.scheduledFor };
  for (const a of e.skipped) yield { list: 'skipped', invoiceId: a.invoiceId, stepId: a.stepId, scheduledFor: a.scheduledFor, reason: a.reason };
}

/** The bench ruler's steps as the plain contenders read them: offset, channel, the one condition (a minimum open amount). */
const PLAIN_STEPS = SPEC.steps.map((step) => ({
  id: step.id,
  offset: step.offsetDays,
  channel: step.action.kind === 'notify' ? `notify:${step.action.channel}` : step.action.kind,
  minCents: 'conditions' in step ? Math.round(Number(step.conditions.minAmount) * 100) : 0,
}));
/** Per channel, its steps' indexes, latest offset first. */
const PLAIN_CHANNELS = [...new Set(PLAIN_STEPS.map((s) => s.channel))].map((channel) =>
  PLAIN_STEPS.map((s, i) => ({ s, i }))
    .filter(({ s }) => s.channel === channel)
    .sort((a, b) => b.s.offset - a.s.offset)
    .map(({ i }) => i),
);
const DAY_MS = 86_400_000;
const epochDayOfText = (text: string): number => Date.parse(`${text}T00:00:00Z`) / DAY_MS;
const dayText = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** The step days of an invoice due on `dueDay` (the ruler's rules: a late step after the payable day, business days, reminders moved back). */
function plainStepDays(dueDay: number, isBusiness: (day: number) => boolean, into: Int32Array | number[]): number {
  let payable = dueDay;
  while (!isBusiness(payable)) payable++;
  for (let i = 0; i < PLAIN_STEPS.length; i++) {
    const offset = (PLAIN_STEPS[i] as (typeof PLAIN_STEPS)[number]).offset;
    let day = dueDay + offset;
    if (offset > 0 && day <= payable) day = payable + 1;
    if (offset < 0) while (!isBusiness(day)) day--;
    else while (!isBusiness(day)) day++;
    into[i] = day;
  }
  return payable;
}

/** Skip reasons and list codes of the typed-array contender. */
const DUE = 0;
const SUPERSEDED = 1;
const REMINDER_AFTER_DUE = 2;

/**
 * The anchor: the same first run written plainly for this ruler and portfolio,
 * the way a careful host would (step days computed once per due date in a Map,
 * dates compared as ISO text, one plain object per outcome, held in arrays).
 * The contact window is open at AS_OF, so nothing is deferred; no invoice is
 * settled or registered.
 */
function plainObjectsFirstRun(invoices: readonly RulerInvoice[], todayText: string, isBusiness: (day: number) => boolean) {
  type Plain = { invoiceId: string; customerId: string; stepId: string; day: number; openCents: number; daysOverdue: number; reason: string | undefined };
  const today = epochDayOfText(todayText);
  const due: Plain[] = [];
  const skipped: Plain[] = [];
  const byDueDate = new Map<string, { dueDay: number; payable: number; days: number[] }>();
  for (const invoice of invoices) {
    let dates = byDueDate.get(invoice.dueDate);
    if (dates === undefined) {
      const dueDay = epochDayOfText(invoice.dueDate);
      const days: number[] = [];
      dates = { dueDay, payable: plainStepDays(dueDay, isBusiness, days), days };
      byDueDate.set(invoice.dueDate, dates);
    }
    let paid = 0;
    for (const payment of invoice.payments ?? []) if (payment.date <= todayText) paid += (payment.amount as { cents: number }).cents;
    const openCents = Math.max(0, (invoice.amount as { cents: number }).cents - paid);
    const daysOverdue = today > dates.payable ? today - dates.dueDay : 0;
    for (const channel of PLAIN_CHANNELS) {
      let found = false;
      for (const i of channel) {
        const step = PLAIN_STEPS[i] as (typeof PLAIN_STEPS)[number];
        const day = dates.days[i] as number;
        if (day > today || openCents < step.minCents) continue;
        const reason = found ? 'superseded' : step.offset < 0 && today > dates.payable ? 'reminder_after_due' : undefined;
        const outcome: Plain = { invoiceId: invoice.id, customerId: invoice.customerId, stepId: step.id, day, openCents, daysOverdue, reason };
        if (reason === undefined) due.push(outcome);
        else skipped.push(outcome);
        found = true;
      }
    }
  }
  return { due, skipped };
}

/**
 * The limit: the same first run with typed arrays in and out: due days and open
 * amounts as columns read once from the invoices (not timed), step days per due
 * day computed once, outcomes as three integers (invoice, step, code) in a
 * preallocated Int32Array. The floor of the work, with nothing a caller could read.
 */
function typedArraysFirstRun(dueDays: Int32Array, openCents: Float64Array, today: number, isBusiness: (day: number) => boolean, out: Int32Array): number {
  const tables = new Map<number, Int32Array>();
  const payables = new Map<number, number>();
  let n = 0;
  for (let inv = 0; inv < dueDays.length; inv++) {
    const dueDay = dueDays[inv] as number;
    let days = tables.get(dueDay);
    if (days === undefined) {
      days = new Int32Array(PLAIN_STEPS.length);
      payables.set(dueDay, plainStepDays(dueDay, isBusiness, days));
      tables.set(dueDay, days);
    }
    const payable = payables.get(dueDay) as number;
    const cents = openCents[inv] as number;
    for (const channel of PLAIN_CHANNELS) {
      let found = false;
      for (const i of channel) {
        if ((days[i] as number) > today || cents < (PLAIN_STEPS[i] as (typeof PLAIN_STEPS)[number]).minCents) continue;
        out[n++] = inv;
        out[n++] = i;
        out[n++] = found ? SUPERSEDED : (PLAIN_STEPS[i] as (typeof PLAIN_STEPS)[number]).offset < 0 && today > payable ? REMINDER_AFTER_DUE : DUE;
        found = true;
      }
    }
  }
  return n / 3;
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

const outcomesOf = (e: { due: { length: number }; deferred: { length: number }; skipped: { length: number } }): number => e.due.length + e.deferred.length + e.skipped.length;

const CONTENDERS: Record<string, () => Promise<Contender>> = {
  async 'first run in memory'() {
    const { invoice, evaluateCompact } = await setup();
    const invoices = Array.from({ length: FIRST_RUN }, (_, n) => invoice(n, false));
    let note = '';
    const check = (): string => {
      const measured = heldPerOutcome(() => {
        const held = evaluateCompact(invoices);
        return { outcomes: outcomesOf(held), held };
      });
      note = `evaluateRulerCompact: ${measured.note}`;
      return digest(entriesOf(evaluateCompact(invoices)));
    };
    return { check, operations: FIRST_RUN, run: () => keep(outcomesOf(evaluateCompact(invoices))), note: () => note };
  },
  async 'first run in memory, arrays'() {
    const { invoice, evaluate } = await setup();
    const invoices = Array.from({ length: FIRST_RUN }, (_, n) => invoice(n, false));
    let note = '';
    const check = (): string => {
      const measured = heldPerOutcome(() => {
        const held = evaluate(invoices);
        return { outcomes: outcomesOf(held), held };
      });
      note = `evaluateRuler: ${measured.note}`;
      return digest(entriesOf(evaluate(invoices)));
    };
    return { check, operations: FIRST_RUN, run: () => keep(outcomesOf(evaluate(invoices))), note: () => note };
  },
  async 'plain objects'() {
    const { invoice, calendar } = await setup();
    const invoices = Array.from({ length: FIRST_RUN }, (_, n) => invoice(n, false));
    const todayText = AS_OF.slice(0, 10);
    const isBusiness = (day: number): boolean => calendar.isBusinessEpochDay(day);
    const check = (): string => {
      const { due, skipped } = plainObjectsFirstRun(invoices, todayText, isBusiness);
      const text = (list: 'due' | 'skipped') => (o: { invoiceId: string; stepId: string; day: number; reason: string | undefined }): DigestEntry => ({ list, invoiceId: o.invoiceId, stepId: o.stepId, scheduledFor: dayText(o.day), reason: o.reason });
      return digest([...due.map(text('due')), ...skipped.map(text('skipped'))]);
    };
    return { check, operations: FIRST_RUN, run: () => {
      const held = plainObjectsFirstRun(invoices, todayText, isBusiness);
      keep(held.due.length + held.skipped.length);
    } };
  },
  async 'typed arrays'() {
    const { invoice, calendar } = await setup();
    const invoices = Array.from({ length: FIRST_RUN }, (_, n) => invoice(n, false));
    const today = epochDayOfText(AS_OF.slice(0, 10));
    const isBusiness = (day: number): boolean => calendar.isBusinessEpochDay(day);
    const dueDays = Int32Array.from(invoices, (i) => epochDayOfText(i.dueDate));
    const openCents = Float64Array.from(invoices, (i) => (i.amount as { cents: number }).cents - (i.payments ?? []).reduce((sum, p) => sum + (epochDayOfText(p.date) <= today ? (p.amount as { cents: number }).cents : 0), 0));
    const out = new Int32Array(FIRST_RUN * PLAIN_STEPS.length * 3);
    const check = (): string => {
      const count = typedArraysFirstRun(dueDays, openCents, today, isBusiness, out);
      const days = new Int32Array(PLAIN_STEPS.length);
      const entries: DigestEntry[] = [];
      for (let k = 0; k < count; k++) {
        const inv = out[3 * k] as number;
        const step = out[3 * k + 1] as number;
        const code = out[3 * k + 2] as number;
        plainStepDays(dueDays[inv] as number, isBusiness, days);
        const base = { invoiceId: (invoices[inv] as RulerInvoice).id, stepId: (PLAIN_STEPS[step] as (typeof PLAIN_STEPS)[number]).id, scheduledFor: dayText(days[step] as number) };
        entries.push(code === DUE ? { list: 'due', ...base } : { list: 'skipped', ...base, reason: code === SUPERSEDED ? 'superseded' : 'reminder_after_due' });
      }
      return digest(entries);
    };
    return { check, operations: FIRST_RUN, run: () => keep(typedArraysFirstRun(dueDays, openCents, today, isBusiness, out)) };
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
  async 'steady in memory, spread-built invoices'() {
    const { invoice, evaluate } = await setup();
    const invoices = Array.from({ length: INVOICES }, (_, n) => invoice(n, true, true));
    return { check: () => String(outcomesOf(evaluate(invoices))), operations: INVOICES, run: () => keep(outcomesOf(evaluate(invoices))) };
  },
  async 'steady streamed'() {
    const { streamed } = await setup();
    return { check: () => String(streamed(FIRST_RUN, true)), operations: INVOICES, run: () => keep(streamed(INVOICES, true)) };
  },
  async 'steady streamed with wake days'() {
    const { streamed } = await setup();
    return { check: () => String(streamed(FIRST_RUN, true, true)), operations: INVOICES, run: () => keep(streamed(INVOICES, true, true)) };
  },
  async 'first run streamed with wake days'() {
    const { streamed } = await setup();
    return { check: () => String(streamed(FIRST_RUN, false, true)), operations: INVOICES, run: () => keep(streamed(INVOICES, false, true)) };
  },
};

if (!(await runContenderIfChild(CONTENDERS, 3))) {
  const file = import.meta.filename;
  const n = (count: number): string => count.toLocaleString('en-US');
  compare({ work: `ruler first run, empty log, ${n(FIRST_RUN)} in memory (≈7 outcomes each), compact result`, file, ours: 'first run in memory', anchor: 'plain objects', limit: 'typed arrays', target: { perSecond: 500_000 }, processes: 2 });
  compare({ work: `ruler first run, empty log, ${n(FIRST_RUN)} in memory, arrays of records (evaluateRuler)`, file, ours: 'first run in memory, arrays', anchor: 'plain objects', processes: 2 });
  compare({ work: `ruler first run, empty log, ${n(INVOICES)} streamed`, file, ours: 'first run streamed', target: { perSecond: 1_000_000 }, processes: 2 });
  compare({ work: `ruler same-day rerun, compact global log (rulerActionLog), ${n(FIRST_RUN)}`, file, ours: 'rerun with a compact log', target: { perSecond: 2_000_000 }, processes: 2 });
  compare({ work: `ruler same-day rerun, global log as a Set of keys, ${n(FIRST_RUN)}`, file, ours: 'rerun with a Set of keys', processes: 2 });
  compare({ work: `ruler steady day (per-invoice log), ${n(INVOICES)} in memory`, file, ours: 'steady in memory', processes: 2 });
  compare({ work: `ruler steady day, ${n(INVOICES)} in memory: invoices built as one literal (fair) against \`{ ...base, done }\` (a Node 20 quirk)`, file, ours: 'steady in memory', anchor: 'steady in memory, spread-built invoices', processes: 2 });
  compare({ work: `ruler steady day (per-invoice log), ${n(INVOICES)} streamed`, file, ours: 'steady streamed', processes: 2 });
  compare({ work: `ruler steady day streamed, ${n(INVOICES)}, with each invoice's wake day (wakes: true) against without`, file, ours: 'steady streamed with wake days', anchor: 'steady streamed', processes: 2 });
  compare({ work: `ruler first run streamed, ${n(INVOICES)}, with each invoice's wake day (wakes: true) against without`, file, ours: 'first run streamed with wake days', anchor: 'first run streamed', processes: 2 });
}
