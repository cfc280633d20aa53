import { err, ok, type Result } from 'neverthrow';
import { z } from 'zod';
import { parseInput, withPathPrefix } from '../errors.js';
import { brazilianCalendar, instantAt, toEpochDay, zonedDateTime, type BusinessCalendar } from '../calendar/index.js';
import { isInsideContactWindow, nextContactMoment } from './contact-window.js';
import { defineRuler, isRuler, type Ruler } from './define-ruler.js';
import type { RulerError } from './errors.js';
import { customerSubjectKey, evaluateOpenSubject, evaluateSettledInvoice, invoiceSubjectKey, type EvaluationContext, type OutcomeSink } from './evaluate-subject.js';
import { readInvoice, type InvoiceFacts, type RulerInvoice } from './invoice.js';
import type { RulerBatch, RulerEvaluation } from './outcome.js';
import { planRuler, type DisabledStep } from './plan.js';
import { isResolvedSettings, resolveSettings, type ResolvedSettings } from './settings.js';

/** The log of what was already done: a set or array of idempotency keys, or a lookup function a store can serve. */
export type ActionLog = ReadonlySet<string> | readonly string[] | ((key: string) => boolean);

/** Invoices as an array, any iterable, or an async iterable (a database cursor, a generator). */
export type InvoiceSource = Iterable<unknown> | AsyncIterable<unknown>;

/** The input of {@link evaluateRuler}. */
export interface EvaluateRulerInput<Invoices extends InvoiceSource = InvoiceSource> {
  /** A ruler from {@link defineRuler} (a raw spec is parsed too). */
  readonly ruler: Ruler | unknown;
  /** Settings from {@link resolveSettings}, or one plain settings level (treated as general); library defaults when absent. */
  readonly settings?: ResolvedSettings | unknown;
  /** The portfolio: {@link RulerInvoice} objects. */
  readonly invoices: Invoices;
  /** Keys of actions (and skips) already logged. Invoices may also carry their own `done` step ids (the scalable shape for large portfolios). */
  readonly done?: ActionLog;
  /** The evaluation instant: a `Date`, epoch milliseconds, or ISO 8601 text with an offset. Read in São Paulo time. */
  readonly asOf: Date | number | string;
  /** The business calendar (the Brazilian banking calendar by default). */
  readonly calendar?: BusinessCalendar;
  /** Invoices per batch (default 10 000); memory is bounded by the batch, not the portfolio. */
  readonly batchSize?: number;
}

const inputSchema = z.object({
  ruler: z.unknown(),
  settings: z.unknown().optional(),
  invoices: z.custom<InvoiceSource>(
    (v) => typeof v === 'object' && v !== null && (Symbol.iterator in v || Symbol.asyncIterator in v),
    'expected an array or (async) iterable of invoices',
  ),
  done: z
    .custom<ActionLog>((v) => v instanceof Set || Array.isArray(v) || typeof v === 'function', 'expected a Set or array of keys, or a lookup function')
    .optional(),
  asOf: z.union([z.date(), z.number().int(), z.iso.datetime({ offset: true })], { error: 'expected a Date, epoch milliseconds, or ISO 8601 text with an offset' }),
  calendar: z
    .custom<BusinessCalendar>((v) => typeof v === 'object' && v !== null && typeof (v as BusinessCalendar).isBusinessEpochDay === 'function', 'expected a BusinessCalendar')
    .optional(),
  batchSize: z.number().int().min(1).max(1_000_000).default(10_000),
});

/** A prepared evaluation: the context plus the per-customer accumulator. */
interface Prepared {
  readonly ctx: EvaluationContext;
  readonly perCustomer: boolean;
  readonly batchSize: number;
  readonly source: InvoiceSource;
  readonly header: Omit<RulerEvaluation, keyof RulerBatch>;
  readonly disabled: readonly DisabledStep[];
}

interface CustomerAnchor {
  invoice: RulerInvoice;
  dueDay: number;
  openCents: number;
}

function prepare(input: unknown): Result<Prepared, RulerError> {
  const parsed = parseInput(inputSchema, input);
  if (parsed.isErr()) return err(parsed.error);
  const value = parsed.value;
  const ruler = isRuler(value.ruler) ? ok(value.ruler) : defineRuler(value.ruler).mapErr((e) => withPathPrefix(e, ['ruler']));
  if (ruler.isErr()) return err(ruler.error);
  const settings = isResolvedSettings(value.settings) ? ok(value.settings) : resolveSettings(value.settings ?? {});
  if (settings.isErr()) return err(withPathPrefix(settings.error, ['settings']));
  const calendar = value.calendar ?? brazilianCalendar();
  const instant = typeof value.asOf === 'string' ? Date.parse(value.asOf) : value.asOf instanceof Date ? value.asOf.getTime() : value.asOf;
  if (!Number.isFinite(instant)) return err(withPathPrefix({ code: 'invalid_input', message: 'not a valid instant' }, ['asOf']));
  const now = zonedDateTime(instant);
  const window = settings.value.values.contactWindow;
  const windowOpen = isInsideContactWindow(window, now, calendar);
  const next = nextContactMoment(window, now, calendar);
  const done = value.done;
  const isDone: ((key: string) => boolean) | undefined =
    done === undefined ? undefined : typeof done === 'function' ? done : done instanceof Set ? (key) => done.has(key) : ((set) => (key: string) => set.has(key))(new Set(done as readonly string[]));
  const plan = planRuler(ruler.value, settings.value.values);
  const ctx: EvaluationContext = {
    rulerId: ruler.value.id,
    keyPrefix: `${ruler.value.id.length}:${ruler.value.id}|`,
    plan,
    calendar,
    today: toEpochDay(now.date),
    windowOpen,
    nextContact: { ...next, instant: instantAt(next.date, next.minuteOfDay).toISOString() },
    isDone,
    openDays: new Map(),
    dayTexts: new Map(),
  };
  return ok({
    ctx,
    perCustomer: settings.value.values.anchor === 'customer',
    batchSize: value.batchSize,
    source: value.invoices,
    header: { asOf: { date: now.date, minuteOfDay: now.minuteOfDay }, contactWindowOpen: windowOpen, disabledSteps: plan.disabled },
    disabled: plan.disabled,
  });
}

function newSink(): OutcomeSink {
  return { due: [], deferred: [], skipped: [] };
}

/** Evaluates one batch; in per-customer mode open invoices only update the anchors. */
function evaluateBatch(p: Prepared, batch: readonly unknown[], firstIndex: number, anchors: Map<string, CustomerAnchor>, sink: OutcomeSink): RulerError | undefined {
  const ctx = p.ctx;
  const facts: InvoiceFacts = { dueDay: 0, openCents: 0, settledDay: Number.NaN };
  for (let i = 0; i < batch.length; i++) {
    const raw = batch[i];
    const problem = readInvoice(raw, firstIndex + i, ctx.today, facts);
    if (problem) return problem;
    const invoice = raw as RulerInvoice;
    const settled = facts.settledDay <= ctx.today;
    if (settled) {
      if (ctx.plan.settlement.length > 0) {
        const alsoUnder = p.perCustomer ? customerSubjectKey(ctx.keyPrefix, invoice.customerId, invoice.id) : undefined;
        evaluateSettledInvoice(ctx, sink, invoice, facts, invoiceSubjectKey(ctx.keyPrefix, invoice.id), alsoUnder);
      }
      continue;
    }
    if (!p.perCustomer) {
      evaluateOpenSubject(ctx, sink, invoice, facts.dueDay, facts.openCents, null, 'invoice');
      continue;
    }
    const anchor = anchors.get(invoice.customerId);
    if (anchor === undefined) anchors.set(invoice.customerId, { invoice, dueDay: facts.dueDay, openCents: facts.openCents });
    else {
      anchor.openCents += facts.openCents;
      if (facts.dueDay < anchor.dueDay || (facts.dueDay === anchor.dueDay && invoice.id < anchor.invoice.id)) {
        anchor.invoice = invoice;
        anchor.dueDay = facts.dueDay;
      }
    }
  }
  return undefined;
}

function evaluateAnchors(p: Prepared, anchors: Map<string, CustomerAnchor>, sink: OutcomeSink): void {
  for (const [customerId, anchor] of anchors) {
    const prefix = customerSubjectKey(p.ctx.keyPrefix, customerId, anchor.invoice.id);
    evaluateOpenSubject(p.ctx, sink, anchor.invoice, anchor.dueDay, anchor.openCents, prefix, 'customer');
  }
}

function isAsync(source: InvoiceSource): source is AsyncIterable<unknown> {
  return !(Symbol.iterator in source) && Symbol.asyncIterator in source;
}

function* syncBatches(p: Prepared, source: Iterable<unknown>): Generator<Result<RulerBatch, RulerError>> {
  const anchors = new Map<string, CustomerAnchor>();
  let index = 0;
  if (Array.isArray(source)) {
    for (let start = 0; start < source.length; start += p.batchSize) {
      const batch = source.slice(start, start + p.batchSize);
      const sink = newSink();
      const problem = evaluateBatch(p, batch, start, anchors, sink);
      if (problem) return yield err(problem);
      yield ok({ ...sink, invoicesEvaluated: batch.length });
    }
    index = source.length;
  } else {
    let batch: unknown[] = [];
    for (const invoice of source) {
      batch.push(invoice);
      if (batch.length === p.batchSize) {
        const sink = newSink();
        const problem = evaluateBatch(p, batch, index, anchors, sink);
        if (problem) return yield err(problem);
        index += batch.length;
        yield ok({ ...sink, invoicesEvaluated: batch.length });
        batch = [];
      }
    }
    if (batch.length > 0) {
      const sink = newSink();
      const problem = evaluateBatch(p, batch, index, anchors, sink);
      if (problem) return yield err(problem);
      index += batch.length;
      yield ok({ ...sink, invoicesEvaluated: batch.length });
    }
  }
  if (p.perCustomer) {
    const sink = newSink();
    evaluateAnchors(p, anchors, sink);
    yield ok({ ...sink, invoicesEvaluated: 0 });
  }
}

async function* asyncBatches(p: Prepared, source: AsyncIterable<unknown>): AsyncGenerator<Result<RulerBatch, RulerError>> {
  const anchors = new Map<string, CustomerAnchor>();
  let index = 0;
  let batch: unknown[] = [];
  const flush = (): Result<RulerBatch, RulerError> => {
    const sink = newSink();
    const problem = evaluateBatch(p, batch, index, anchors, sink);
    if (problem) return err(problem);
    index += batch.length;
    const out = { ...sink, invoicesEvaluated: batch.length };
    batch = [];
    return ok(out);
  };
  for await (const invoice of source) {
    batch.push(invoice);
    if (batch.length === p.batchSize) {
      const result = flush();
      yield result;
      if (result.isErr()) return;
    }
  }
  if (batch.length > 0) {
    const result = flush();
    yield result;
    if (result.isErr()) return;
  }
  if (p.perCustomer) {
    const sink = newSink();
    evaluateAnchors(p, anchors, sink);
    yield ok({ ...sink, invoicesEvaluated: 0 });
  }
}

/**
 * Evaluates the ruler batch by batch, yielding each batch's outcomes as soon as
 * it is done, so memory stays bounded by the batch (plus one small anchor per
 * customer in per-customer mode, whose actions come in a last batch). A bad
 * input yields one `err` and ends. Works on arrays, iterables and async iterables.
 */
export async function* evaluateRulerInBatches(input: EvaluateRulerInput): AsyncGenerator<Result<RulerBatch, RulerError> | Result<never, RulerError>> {
  const prepared = prepare(input);
  if (prepared.isErr()) return yield err(prepared.error);
  const p = prepared.value;
  if (isAsync(p.source)) yield* asyncBatches(p, p.source);
  else yield* syncBatches(p, p.source);
}

/** Synchronous {@link evaluateRulerInBatches} for arrays and sync iterables (a sync generator). */
export function* evaluateRulerInBatchesSync(input: EvaluateRulerInput<Iterable<unknown>>): Generator<Result<RulerBatch, RulerError>> {
  const prepared = prepare(input);
  if (prepared.isErr()) return yield err(prepared.error);
  const p = prepared.value;
  if (isAsync(p.source)) return yield err(withPathPrefix({ code: 'invalid_input', message: 'expected a synchronous iterable' }, ['invoices']));
  yield* syncBatches(p, p.source);
}

function collect(header: Omit<RulerEvaluation, keyof RulerBatch>, batches: Iterable<Result<RulerBatch, RulerError>>): Result<RulerEvaluation, RulerError> {
  const total = { due: [] as RulerBatch['due'], deferred: [] as RulerBatch['deferred'], skipped: [] as RulerBatch['skipped'], invoicesEvaluated: 0 };
  for (const batch of batches) {
    if (batch.isErr()) return err(batch.error);
    for (const a of batch.value.due) total.due.push(a);
    for (const a of batch.value.deferred) total.deferred.push(a);
    for (const a of batch.value.skipped) total.skipped.push(a);
    total.invoicesEvaluated += batch.value.invoicesEvaluated;
  }
  return ok({ ...header, ...total });
}

/**
 * The dunning ruler's evaluator (DOMAIN §4): a pure function of (ruler,
 * resolved settings, invoices with payments and agreement/negativation state,
 * the log of what was done, the as-of instant, the calendar) → the actions due
 * now, each with a stable idempotency key.
 *
 * - Each step fires once per invoice, or once per customer anchored to its
 *   earliest unpaid invoice (setting `anchor`). With the first run's keys
 *   logged, a second run finds nothing new.
 * - Days the job did not run are caught up, but per channel only the latest
 *   due step is sent; earlier unlogged ones are reported `superseded`.
 * - A paid or agreement-covered invoice stops its ruler at once; settlement
 *   steps (remove negativation, restore service) then run.
 * - `negativate` actions are requests handed over to the negativation
 *   module's guards (`handover: 'negativation'`); the ruler never registers anyone.
 * - Contacts outside the contact window are deferred to the next allowed moment.
 *
 * Arrays and sync iterables give a `Result`; async iterables a `Promise` of one.
 * Returns `err` (and no actions) on the first malformed invoice, with its path.
 */
export function evaluateRuler(input: EvaluateRulerInput<Iterable<unknown>>): Result<RulerEvaluation, RulerError>;
export function evaluateRuler(input: EvaluateRulerInput<AsyncIterable<unknown>>): Promise<Result<RulerEvaluation, RulerError>>;
export function evaluateRuler(input: EvaluateRulerInput): Result<RulerEvaluation, RulerError> | Promise<Result<RulerEvaluation, RulerError>> {
  const prepared = prepare(input);
  if (prepared.isErr()) return err(prepared.error);
  const p = prepared.value;
  if (!isAsync(p.source)) return collect(p.header, syncBatches(p, p.source));
  const source = p.source;
  return (async () => {
    const batches: Result<RulerBatch, RulerError>[] = [];
    for await (const batch of asyncBatches(p, source)) {
      if (batch.isErr()) return err(batch.error);
      batches.push(batch);
    }
    return collect(p.header, batches);
  })();
}

