import { err, ok, type Result } from 'neverthrow';
import { cobrancaError } from '../errors.js';
import type { RulerError } from './errors.js';
import { asyncBatches, isAsync, syncBatches } from './evaluate-batches.js';
import type { RulerBatch, RulerEvaluation } from './outcome.js';
import type { OutcomeSink } from './evaluate-subject.js';
import type { RulerInvoice } from './invoice.js';
import { prepare, type EvaluateRulerInput, type Prepared } from './prepare-evaluation.js';

export type { ActionLog, InvoiceSource, EvaluateRulerInput } from './prepare-evaluation.js';

/**
 * Evaluates the ruler batch by batch, yielding each batch's outcomes as soon as
 * it is done, so memory stays bounded by the batch (plus one small anchor per
 * customer in per-customer mode, whose actions come in a last batch). A bad
 * input yields one `err` and ends. Works on arrays, iterables and async iterables.
 */
export async function* evaluateRulerInBatches(input: EvaluateRulerInput): AsyncGenerator<Result<RulerBatch, RulerError>> {
  const prepared = prepare(input);
  if (prepared.isErr()) return yield err(prepared.error);
  const p = prepared.value;
  if (isAsync(p.source)) yield* asyncBatches(p, p.source);
  else yield* syncBatches(p, p.source);
}

/** Synchronous {@link evaluateRulerInBatches} for arrays and sync iterables (a sync generator). */
export function* evaluateRulerInBatchesSync(input: EvaluateRulerInput<Iterable<RulerInvoice>>): Generator<Result<RulerBatch, RulerError>> {
  const prepared = prepare(input);
  if (prepared.isErr()) return yield err(prepared.error);
  const p = prepared.value;
  if (isAsync(p.source)) return yield err(cobrancaError('invalid_input', 'expected a synchronous iterable', { path: ['invoices'] }));
  yield* syncBatches(p, p.source);
}

/** Runs a synchronous evaluation to the end with every outcome in one sink (no per-batch copies). */
function collectSync(p: Prepared, source: Iterable<unknown>): Result<RulerEvaluation, RulerError> {
  const sink: OutcomeSink = { due: [], deferred: [], skipped: [] };
  let invoicesEvaluated = 0;
  for (const batch of syncBatches(p, source, sink)) {
    if (batch.isErr()) return err(batch.error);
    invoicesEvaluated += batch.value.invoicesEvaluated;
  }
  return ok({ ...p.header, ...sink, invoicesEvaluated });
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
 */
export function evaluateRuler(input: EvaluateRulerInput<Iterable<RulerInvoice>>): Result<RulerEvaluation, RulerError> {
  const prepared = prepare(input);
  if (prepared.isErr()) return err(prepared.error);
  const p = prepared.value;
  if (isAsync(p.source)) return err(cobrancaError('invalid_input', 'invoices: an async iterable needs evaluateRulerAsync', { path: ['invoices'] }));
  return collectSync(p, p.source);
}

/**
 * {@link evaluateRuler} over an async iterable of invoices (or a sync one),
 * streamed in batches in bounded memory; resolves with the same `Result`.
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

