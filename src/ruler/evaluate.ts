import { err, ok, type Result } from 'neverthrow';
import type { CivilDate } from '../calendar/index.js';
import { cobrancaError } from '../errors.js';
import type { RulerError } from './errors.js';
import { asyncBatches, isAsync, syncBatches, syncSinkBatches } from './evaluate-batches.js';
import type { CompactRulerEvaluation, RulerBatch, RulerEvaluation } from './outcome.js';
import { ColumnSink, compactEvaluation } from './outcome-columns.js';
import { RecordSink, type OutcomeSink } from './outcome-sink.js';
import type { RulerInvoice } from './invoice.js';
import { prepare, type EvaluateRulerInput, type Prepared } from './prepare-evaluation.js';

export type { ActionLog, InvoiceSource, EvaluateRulerInput } from './prepare-evaluation.js';

/**
 * Evaluates the ruler batch by batch, yielding each batch's outcomes as soon as
 * it is done, so memory stays bounded by the batch (plus one small anchor per
 * customer in per-customer mode, whose actions come in a last batch). A bad
 * input yields one `err` and ends. Works on arrays, iterables and async iterables.
 * @example
 * ```ts
 * import { evaluateRulerInBatches } from 'cobranca/ruler';
 *
 * async function* cursor() {
 *   for (let n = 1; n <= 5; n++) yield { id: `inv-${n}`, customerId: `c-${n}`, dueDate: '2026-11-23', amount: '99.90' };
 * }
 * const ruler = { id: 'padrao', steps: [{ id: 'atraso', offsetDays: 1, action: { kind: 'notify', channel: 'email', template: 'atraso' } }] } as const;
 * for await (const batch of evaluateRulerInBatches({ ruler, invoices: cursor(), asOf: '2026-11-24T10:00:00-03:00', batchSize: 2 })) {
 *   if (batch.isErr()) throw new Error(batch.error.message);
 *   console.log(batch.value.due.map((action) => action.invoiceId).join(' ')); // perform and log these before the next batch
 * }
 * // → inv-1 inv-2
 * // → inv-3 inv-4
 * // → inv-5
 * ```
 */
export async function* evaluateRulerInBatches(input: EvaluateRulerInput): AsyncGenerator<Result<RulerBatch, RulerError>> {
  const prepared = prepare(input);
  if (prepared.isErr()) return yield err(prepared.error);
  const p = prepared.value;
  if (isAsync(p.source)) yield* asyncBatches(p, p.source);
  else yield* syncBatches(p, p.source);
}

/**
 * Synchronous {@link evaluateRulerInBatches} for arrays and sync iterables (a sync generator).
 * @example
 * ```ts
 * import { evaluateRulerInBatchesSync } from 'cobranca/ruler';
 *
 * const invoices = ['373.52', '189.90', '99.90'].map((amount, n) => ({ id: `inv-${n + 1}`, customerId: `c-${n + 1}`, dueDate: '2026-11-23', amount }));
 * const ruler = { id: 'padrao', steps: [{ id: 'atraso', offsetDays: 1, action: { kind: 'notify', channel: 'email', template: 'atraso' } }] } as const;
 * for (const batch of evaluateRulerInBatchesSync({ ruler, invoices, asOf: '2026-11-24T10:00:00-03:00', batchSize: 2 })) {
 *   if (batch.isOk()) console.log(batch.value.invoicesEvaluated, batch.value.due.length);
 * }
 * // → 2 2
 * // → 1 1
 * ```
 */
export function* evaluateRulerInBatchesSync(input: EvaluateRulerInput<Iterable<RulerInvoice>>): Generator<Result<RulerBatch, RulerError>> {
  const prepared = prepare(input);
  if (prepared.isErr()) return yield err(prepared.error);
  const p = prepared.value;
  if (isAsync(p.source)) return yield err(cobrancaError('invalid_input', 'expected a synchronous iterable', { path: ['invoices'] }));
  yield* syncBatches(p, p.source);
}

/** Runs a synchronous evaluation to the end with every outcome in one sink (no per-batch copies); answers how many invoices it read. */
function drainInto(p: Prepared, source: Iterable<unknown>, sink: OutcomeSink): Result<number, RulerError> {
  let invoicesEvaluated = 0;
  for (const batch of syncSinkBatches(p, source, () => sink)) {
    if (batch.isErr()) return err(batch.error);
    invoicesEvaluated += batch.value.invoicesEvaluated;
  }
  return ok(invoicesEvaluated);
}

/** Runs a synchronous evaluation to the end into arrays of records. */
function collectSync(p: Prepared, source: Iterable<unknown>): Result<RulerEvaluation, RulerError> {
  const sink = new RecordSink(p.wakes);
  return drainInto(p, source, sink).map((invoicesEvaluated) => ({ ...p.header, due: sink.due, deferred: sink.deferred, skipped: sink.skipped, invoicesEvaluated, ...(sink.wakes ? { wakes: sink.wakes } : {}) }));
}

function collect(header: Omit<RulerEvaluation, keyof RulerBatch>, batches: Iterable<Result<RulerBatch, RulerError>>): Result<RulerEvaluation, RulerError> {
  const total = { due: [] as RulerBatch['due'], deferred: [] as RulerBatch['deferred'], skipped: [] as RulerBatch['skipped'], invoicesEvaluated: 0 };
  let wakes: Map<string, CivilDate> | undefined;
  for (const batch of batches) {
    if (batch.isErr()) return err(batch.error);
    if (batch.value.wakes !== undefined) {
      wakes ??= new Map();
      for (const [invoiceId, day] of batch.value.wakes) {
        const before = wakes.get(invoiceId);
        if (before === undefined || day < before) wakes.set(invoiceId, day);
      }
    }
    for (const a of batch.value.due) total.due.push(a);
    for (const a of batch.value.deferred) total.deferred.push(a);
    for (const a of batch.value.skipped) total.skipped.push(a);
    total.invoicesEvaluated += batch.value.invoicesEvaluated;
  }
  return ok({ ...header, ...total, ...(wakes ? { wakes } : {}) });
}

/**
 * The dunning ruler's evaluator (docs/legal.md §4): a pure function of (ruler,
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
 * Takes an array or a sync iterable of invoices and returns a `Result`; for an
 * async iterable (a database cursor) use {@link evaluateRulerAsync}.
 * Returns `err` (and no actions) on the first malformed invoice, with its path.
 * @example
 * ```ts
 * import { evaluateRuler, rulerActionLog } from 'cobranca/ruler';
 *
 * const ruler = { id: 'padrao', steps: [
 *   { id: 'lembrete', offsetDays: -3, action: { kind: 'notify', channel: 'email', template: 'lembrete' } },
 *   { id: 'atraso', offsetDays: 1, action: { kind: 'notify', channel: 'sms', template: 'atraso', text: 'ACME: sua fatura venceu.' } },
 * ] } as const;
 * const invoices = [
 *   { id: 'inv-1', customerId: 'c-1', dueDate: '2026-11-23', amount: '373.52' },
 *   { id: 'inv-2', customerId: 'c-2', dueDate: '2026-11-27', amount: '189.90' },
 * ];
 * const today = evaluateRuler({ ruler, invoices, asOf: '2026-11-24T10:00:00-03:00' });
 * if (today.isOk()) {
 *   for (const action of today.value.due) console.log(action.invoiceId, action.stepId, action.daysOverdue);
 *   const again = evaluateRuler({ ruler, invoices, asOf: '2026-11-24T15:00:00-03:00', done: rulerActionLog(today.value.due) });
 *   if (again.isOk()) console.log(again.value.due.length); // exactly once
 * }
 * // → inv-1 atraso 1
 * // → inv-2 lembrete 0
 * // → 0
 * ```
 */
export function evaluateRuler(input: EvaluateRulerInput<Iterable<RulerInvoice>>): Result<RulerEvaluation, RulerError> {
  const prepared = prepare(input);
  if (prepared.isErr()) return err(prepared.error);
  const p = prepared.value;
  if (isAsync(p.source)) return err(cobrancaError('invalid_input', 'invoices: an async iterable needs evaluateRulerAsync', { path: ['invoices'] }));
  return collectSync(p, p.source);
}

/**
 * {@link evaluateRuler} with the result held as columns: the same outcomes in
 * the same order (and the same errors), but no object per outcome until one is
 * read, so a first run over a large portfolio (about seven outcomes per
 * invoice) held in memory costs a few dozen bytes per outcome and little
 * garbage collection. Read `due.length`, `due.at(i)`, iterate a list, or call
 * `toEvaluation()` for the {@link RulerEvaluation} shape. Arrays and sync
 * iterables of invoices; for a database cursor stream with
 * {@link evaluateRulerInBatches}.
 *
 * @example
 * ```ts
 * import { defineRuler, evaluateRulerCompact, rulerActionLog } from 'cobranca/ruler';
 *
 * const ruler = defineRuler({ id: 'basic', steps: [{ id: 'sms+1', offsetDays: 1, action: { kind: 'notify', channel: 'sms', template: 'venceu' } }] });
 * if (ruler.isErr()) throw new Error(ruler.error.message);
 * const invoices = [{ id: 'inv-1', customerId: 'maria', dueDate: '2026-06-10', amount: { cents: 37_352 } }];
 * const result = evaluateRulerCompact({ ruler: ruler.value, invoices, asOf: '2026-06-16T10:00:00-03:00' });
 * if (result.isOk()) {
 *   const { due } = result.value;
 *   console.log(due.length, due.at(0)?.stepId); // → 1 sms+1
 *   const done = rulerActionLog(due); // log what was done: a second run finds nothing new
 *   const again = evaluateRulerCompact({ ruler: ruler.value, invoices, done, asOf: '2026-06-16T10:00:00-03:00' });
 *   if (again.isOk()) console.log(again.value.due.length); // → 0
 * }
 * ```
 */
export function evaluateRulerCompact(input: EvaluateRulerInput<Iterable<RulerInvoice>>): Result<CompactRulerEvaluation, RulerError> {
  const prepared = prepare(input);
  if (prepared.isErr()) return err(prepared.error);
  const p = prepared.value;
  if (isAsync(p.source)) return err(cobrancaError('invalid_input', 'invoices: an async iterable needs evaluateRulerAsync or evaluateRulerInBatches', { path: ['invoices'] }));
  const sink = new ColumnSink(p.ctx, p.ctx.plan.steps);
  const evaluated = drainInto(p, p.source, sink);
  if (evaluated.isErr()) return err(evaluated.error);
  sink.finish();
  return ok(compactEvaluation(p.header, sink, evaluated.value));
}

/**
 * {@link evaluateRuler} over an async iterable of invoices (or a sync one),
 * streamed in batches in bounded memory; resolves with the same `Result`.
 * @example
 * ```ts
 * import { evaluateRulerAsync } from 'cobranca/ruler';
 *
 * // A database cursor: any async iterable of invoices.
 * async function* openInvoices() {
 *   yield { id: 'inv-1', customerId: 'c-1', dueDate: '2026-11-23', amount: '373.52' };
 *   yield { id: 'inv-2', customerId: 'c-2', dueDate: '2026-11-10', amount: '189.90', paidOn: '2026-11-12' };
 * }
 * const ruler = { id: 'padrao', steps: [{ id: 'atraso', offsetDays: 1, action: { kind: 'notify', channel: 'email', template: 'atraso' } }] } as const;
 * const result = await evaluateRulerAsync({ ruler, invoices: openInvoices(), asOf: '2026-11-24T10:00:00-03:00' });
 * if (result.isOk()) console.log(result.value.invoicesEvaluated, result.value.due.map((action) => action.invoiceId));
 * // → 2 [ 'inv-1' ]
 * ```
 */
export async function evaluateRulerAsync(input: EvaluateRulerInput): Promise<Result<RulerEvaluation, RulerError>> {
  const prepared = prepare(input);
  if (prepared.isErr()) return err(prepared.error);
  const p = prepared.value;
  if (!isAsync(p.source)) return collectSync(p, p.source);
  const batches: Result<RulerBatch, RulerError>[] = [];
  for await (const batch of asyncBatches(p, p.source)) {
    if (batch.isErr()) return err(batch.error);
    batches.push(batch);
  }
  return collect(p.header, batches);
}

