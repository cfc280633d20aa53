import { err, ok, type Result } from 'neverthrow';
import type { RulerError } from './errors.js';
import { beginSubject, evaluateAfterRegistration, evaluateOpenSubject, evaluateSettledInvoice } from './evaluate-subject.js';
import { RecordSink, type OutcomeSink } from './outcome-sink.js';
import { readInvoice, type InvoiceFacts, type RulerInvoice } from './invoice.js';
import type { RulerBatch } from './outcome.js';
import type { InvoiceSource, Prepared } from './prepare-evaluation.js';
import { afterRegistrationWakeDay, openWakeDay, recordWake, settledWakeDay } from './wake.js';

/** Per-customer mode: the earliest open invoice of a customer and the customer's open total. */
interface CustomerAnchor {
  invoice: RulerInvoice;
  dueDay: number;
  openCents: number;
  /** Whether the open total can grow without a write (an invoice carries `updatedAmount`). */
  amountGrows: boolean;
}

/** Evaluates one batch; in per-customer mode open invoices only update the anchors. */
function evaluateBatch(p: Prepared, batch: readonly unknown[], firstIndex: number, anchors: Map<string, CustomerAnchor>, sink: OutcomeSink): RulerError | undefined {
  const ctx = p.ctx;
  const facts: InvoiceFacts = { dueDay: 0, openCents: 0, settledDay: Number.NaN, changesOn: Number.POSITIVE_INFINITY };
  const wakes = sink.wakes;
  for (let i = 0; i < batch.length; i++) {
    const raw = batch[i];
    const problem = readInvoice(raw, firstIndex + i, ctx.today, facts);
    if (problem) return problem;
    const invoice = raw as RulerInvoice;
    const settled = facts.settledDay <= ctx.today;
    if (settled) {
      if (ctx.plan.settlement.length > 0) {
        beginSubject(ctx, invoice, false);
        evaluateSettledInvoice(ctx, sink, facts);
        if (wakes !== undefined) recordWake(wakes, ctx, invoice.id, settledWakeDay(ctx, invoice, facts));
      }
      continue;
    }
    if (!p.perCustomer || ctx.plan.afterRegistration.length > 0) beginSubject(ctx, invoice, false);
    // Follow-ups of a registration belong to the registered invoice, in either mode.
    if (ctx.plan.afterRegistration.length > 0) evaluateAfterRegistration(ctx, sink, facts.dueDay, facts.openCents);
    // A dated fact taking effect later (a payment, paidOn, an agreement) changes the invoice's amount or settles it that day.
    const wake = wakes === undefined ? 0 : Math.min(facts.changesOn, afterRegistrationWakeDay(ctx, invoice));
    if (!p.perCustomer) {
      evaluateOpenSubject(ctx, sink, facts.dueDay, facts.openCents);
      if (wakes !== undefined) recordWake(wakes, ctx, invoice.id, Math.min(wake, openWakeDay(ctx, facts.dueDay, facts.openCents, invoice.updatedAmount !== undefined)));
      continue;
    }
    if (wakes !== undefined) recordWake(wakes, ctx, invoice.id, wake);
    const anchor = anchors.get(invoice.customerId);
    if (anchor === undefined) anchors.set(invoice.customerId, { invoice, dueDay: facts.dueDay, openCents: facts.openCents, amountGrows: invoice.updatedAmount !== undefined });
    else {
      anchor.openCents += facts.openCents;
      if (invoice.updatedAmount !== undefined) anchor.amountGrows = true;
      if (facts.dueDay < anchor.dueDay || (facts.dueDay === anchor.dueDay && invoice.id < anchor.invoice.id)) {
        anchor.invoice = invoice;
        anchor.dueDay = facts.dueDay;
      }
    }
  }
  return undefined;
}

/** Evaluates the customer-anchored steps; their wake days are recorded under the anchor invoice's id. */
function evaluateAnchors(p: Prepared, anchors: Map<string, CustomerAnchor>, sink: OutcomeSink): void {
  const wakes = sink.wakes;
  for (const anchor of anchors.values()) {
    beginSubject(p.ctx, anchor.invoice, true);
    evaluateOpenSubject(p.ctx, sink, anchor.dueDay, anchor.openCents);
    if (wakes !== undefined) recordWake(wakes, p.ctx, anchor.invoice.id, openWakeDay(p.ctx, anchor.dueDay, anchor.openCents, anchor.amountGrows));
  }
}

/** Whether a source can only be read asynchronously. */
export function isAsync(source: InvoiceSource): source is AsyncIterable<RulerInvoice> {
  return !(Symbol.iterator in source) && Symbol.asyncIterator in source;
}

/** One batch evaluated: where its outcomes went and how many invoices it read. */
export interface SinkBatch<S extends OutcomeSink> {
  readonly sink: S;
  readonly invoicesEvaluated: number;
}

/**
 * Evaluates a synchronous source batch by batch (per-customer actions come in a last batch),
 * each batch into the sink `sinkFor` gives (a fresh one per batch, or one sink for the whole
 * evaluation held in memory, without copying batch after batch).
 */
export function* syncSinkBatches<S extends OutcomeSink>(p: Prepared, source: Iterable<unknown>, sinkFor: () => S): Generator<Result<SinkBatch<S>, RulerError>> {
  const anchors = new Map<string, CustomerAnchor>();
  let index = 0;
  if (Array.isArray(source)) {
    for (let start = 0; start < source.length; start += p.batchSize) {
      const batch = source.slice(start, start + p.batchSize);
      const sink = sinkFor();
      const problem = evaluateBatch(p, batch, start, anchors, sink);
      if (problem) return yield err(problem);
      yield ok({ sink, invoicesEvaluated: batch.length });
    }
    index = source.length;
  } else {
    let batch: unknown[] = [];
    for (const invoice of source) {
      batch.push(invoice);
      if (batch.length === p.batchSize) {
        const sink = sinkFor();
        const problem = evaluateBatch(p, batch, index, anchors, sink);
        if (problem) return yield err(problem);
        index += batch.length;
        yield ok({ sink, invoicesEvaluated: batch.length });
        batch = [];
      }
    }
    if (batch.length > 0) {
      const sink = sinkFor();
      const problem = evaluateBatch(p, batch, index, anchors, sink);
      if (problem) return yield err(problem);
      index += batch.length;
      yield ok({ sink, invoicesEvaluated: batch.length });
    }
  }
  if (p.perCustomer) {
    const sink = sinkFor();
    evaluateAnchors(p, anchors, sink);
    yield ok({ sink, invoicesEvaluated: 0 });
  }
}

/** Evaluates an asynchronous source batch by batch into the sinks `sinkFor` gives (per-customer actions come in a last batch). */
export async function* asyncSinkBatches<S extends OutcomeSink>(p: Prepared, source: AsyncIterable<unknown>, sinkFor: () => S): AsyncGenerator<Result<SinkBatch<S>, RulerError>> {
  const anchors = new Map<string, CustomerAnchor>();
  let index = 0;
  let batch: unknown[] = [];
  const flush = (): Result<SinkBatch<S>, RulerError> => {
    const sink = sinkFor();
    const problem = evaluateBatch(p, batch, index, anchors, sink);
    if (problem) return err(problem);
    index += batch.length;
    const out = { sink, invoicesEvaluated: batch.length };
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
    const sink = sinkFor();
    evaluateAnchors(p, anchors, sink);
    yield ok({ sink, invoicesEvaluated: 0 });
  }
}

/** A batch of records as the public `RulerBatch`. */
function recordBatch(batch: Result<SinkBatch<RecordSink>, RulerError>): Result<RulerBatch, RulerError> {
  return batch.map(({ sink, invoicesEvaluated }) => ({ due: sink.due, deferred: sink.deferred, skipped: sink.skipped, invoicesEvaluated, ...(sink.wakes ? { wakes: sink.wakes } : {}) }));
}

/** {@link syncSinkBatches} with a fresh array of records per batch: the public batches. */
export function* syncBatches(p: Prepared, source: Iterable<unknown>): Generator<Result<RulerBatch, RulerError>> {
  for (const batch of syncSinkBatches(p, source, () => new RecordSink(p.wakes))) yield recordBatch(batch);
}

/** {@link asyncSinkBatches} with a fresh array of records per batch: the public batches. */
export async function* asyncBatches(p: Prepared, source: AsyncIterable<unknown>): AsyncGenerator<Result<RulerBatch, RulerError>> {
  for await (const batch of asyncSinkBatches(p, source, () => new RecordSink(p.wakes))) yield recordBatch(batch);
}
