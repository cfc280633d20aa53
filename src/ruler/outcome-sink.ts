import type { CivilDate } from '../calendar/index.js';
import type { RulerInvoice } from './invoice.js';
import type { DeferredAction, DueAction, SkippedStep, SkipReason } from './outcome.js';
import { DeferredRecord, DueRecord, SkippedRecord, type OutcomeTable } from './outcome-record.js';
import type { PlannedStep } from './plan.js';

/** The subject being evaluated: its invoice (the anchor, for a customer), and what the log says of it. */
export interface SubjectView {
  invoice: RulerInvoice;
  customer: boolean;
  /** The key prefix, built only when a key-based log asks. */
  prefix: string | undefined;
  /** The compact log's bitset of steps done for this subject. */
  word: number;
}

/**
 * Where the evaluator puts what it finds for the current subject: arrays of
 * records ({@link RecordSink}, the `RulerEvaluation` shape) or columns of
 * numbers (`ColumnSink`, the compact result). The evaluation is the same code
 * either way; only the storage differs.
 */
export interface OutcomeSink {
  /** Where the evaluator records each invoice's next wake day, when asked for (`undefined`: not computed). */
  readonly wakes?: Map<string, CivilDate> | undefined;
  /** A due action, or a deferred contact when `deferred` (the contact window is closed). */
  action(table: OutcomeTable, view: SubjectView, step: PlannedStep, deferred: boolean, day: number, openCents: number, daysOverdue: number): void;
  /** A step that was due but is skipped (`by`: the later step that superseded it). */
  skip(table: OutcomeTable, view: SubjectView, step: PlannedStep, day: number, reason: SkipReason, by: PlannedStep | undefined): void;
}

/** The outcomes as arrays of compact records (what a `RulerBatch` holds). */
export class RecordSink implements OutcomeSink {
  readonly due: DueAction[] = [];
  readonly deferred: DeferredAction[] = [];
  readonly skipped: SkippedStep[] = [];
  readonly wakes: Map<string, CivilDate> | undefined;

  /** `wakes`: also record each invoice's next wake day. */
  constructor(wakes = false) {
    this.wakes = wakes ? new Map() : undefined;
  }

  action(table: OutcomeTable, view: SubjectView, step: PlannedStep, deferred: boolean, day: number, openCents: number, daysOverdue: number): void {
    const invoice = view.invoice;
    if (deferred) this.deferred.push(new DeferredRecord(table, step, invoice.id, invoice.customerId, day, view.customer, openCents, daysOverdue));
    else this.due.push(new DueRecord(table, step, invoice.id, invoice.customerId, day, view.customer, openCents, daysOverdue));
  }

  skip(table: OutcomeTable, view: SubjectView, step: PlannedStep, day: number, reason: SkipReason, by: PlannedStep | undefined): void {
    const invoice = view.invoice;
    this.skipped.push(new SkippedRecord(table, step, invoice.id, invoice.customerId, day, view.customer, reason, by));
  }
}
