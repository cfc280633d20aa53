import type { RulerInvoice } from './invoice.js';
import type { CompactRulerEvaluation, DeferredAction, DueAction, OutcomeList, RulerBatch, RulerEvaluation, SkippedStep, SkipReason } from './outcome.js';
import { DeferredRecord, DueRecord, SkippedRecord, type OutcomeTable } from './outcome-record.js';
import type { OutcomeSink, SubjectView } from './outcome-sink.js';
import type { PlannedStep } from './plan.js';

/** Skip reasons by code (a skipped outcome stores the index). */
const SKIP_REASONS: readonly SkipReason[] = ['superseded', 'stale', 'negativation_in_progress', 'reminder_after_due'];

/** Outcomes per chunk: columns grow a chunk at a time, never copied. */
const CHUNK_BITS = 13;
const CHUNK = 1 << CHUNK_BITS;
const IN_CHUNK = CHUNK - 1;

type NumberArray = Uint8Array | Int32Array | Float64Array;

/** A column of numbers in fixed-size chunks (appending never copies what is there). */
class Column<T extends NumberArray> {
  readonly chunks: T[] = [];

  constructor(private readonly make: (length: number) => T) {}

  /** Sets the value at `index`, adding a chunk when `index` starts one (indexes come in order). */
  set(index: number, value: number): void {
    const chunk = index >> CHUNK_BITS;
    if (chunk === this.chunks.length) this.chunks.push(this.make(CHUNK));
    (this.chunks[chunk] as T)[index & IN_CHUNK] = value;
  }

  get(index: number): number {
    return (this.chunks[index >> CHUNK_BITS] as T)[index & IN_CHUNK] as number;
  }
}

const int32s = (length: number): Int32Array => new Int32Array(length);
const uint8s = (length: number): Uint8Array => new Uint8Array(length);
const float64s = (length: number): Float64Array => new Float64Array(length);

/** The subjects (an invoice, or a customer through its anchor invoice) that have outcomes: their ids, once each. */
class SubjectColumns {
  /** Invoice id and customer id of each subject, side by side. */
  readonly ids: string[] = [];
  readonly customer = new Column(uint8s);
  #count = 0;
  #lastInvoice: RulerInvoice | undefined;
  #lastCustomer = false;

  /** The slot of the view's subject, added on its first outcome (outcomes of one subject come together). */
  slotOf(view: SubjectView): number {
    if (view.invoice !== this.#lastInvoice || view.customer !== this.#lastCustomer) {
      this.#lastInvoice = view.invoice;
      this.#lastCustomer = view.customer;
      this.ids.push(view.invoice.id, view.invoice.customerId);
      this.customer.set(this.#count, view.customer ? 1 : 0);
      this.#count++;
    }
    return this.#count - 1;
  }

  invoiceId(slot: number): string {
    return this.ids[2 * slot] as string;
  }

  customerId(slot: number): string {
    return this.ids[2 * slot + 1] as string;
  }

  isCustomer(slot: number): boolean {
    return this.customer.get(slot) === 1;
  }

  /** Forgets the last invoice (the evaluation is over; the result keeps only the ids). */
  release(): void {
    this.#lastInvoice = undefined;
  }
}

/** What every list shares: the table, the plan's steps and the subjects. */
interface ListContext {
  readonly table: OutcomeTable;
  readonly steps: readonly PlannedStep[];
  readonly subjects: SubjectColumns;
}

/** Columns of the outcomes of one list: subject slot, step ordinal, epoch day, plus the list's own. */
abstract class Columns<T> implements OutcomeList<T> {
  protected readonly subject = new Column(int32s);
  protected readonly step = new Column(uint8s);
  protected readonly day = new Column(int32s);
  protected count = 0;

  constructor(protected readonly context: ListContext) {}

  get length(): number {
    return this.count;
  }

  at(index: number): T | undefined {
    if (!Number.isInteger(index) || index < 0 || index >= this.count) return undefined;
    return this.record(index, this.context.steps[this.step.get(index)] as PlannedStep, this.subject.get(index));
  }

  toArray(): T[] {
    const out: T[] = new Array<T>(this.count);
    for (let i = 0; i < this.count; i++) out[i] = this.at(i) as T;
    return out;
  }

  *[Symbol.iterator](): Iterator<T> {
    for (let i = 0; i < this.count; i++) yield this.at(i) as T;
  }

  /** Appends the common part of one outcome; returns its index. */
  protected next(slot: number, step: PlannedStep, day: number): number {
    const i = this.count;
    this.subject.set(i, slot);
    this.step.set(i, step.ordinal);
    this.day.set(i, day);
    this.count = i + 1;
    return i;
  }

  protected abstract record(index: number, step: PlannedStep, slot: number): T;
}

/** Due actions (or deferred contacts): also the open amount and days overdue. */
class ActionColumns<T extends DueAction> extends Columns<T> {
  readonly #cents = new Column(float64s);
  readonly #overdue = new Column(int32s);

  constructor(
    context: ListContext,
    private readonly deferred: boolean,
  ) {
    super(context);
  }

  push(slot: number, step: PlannedStep, day: number, openCents: number, daysOverdue: number): void {
    const i = this.next(slot, step, day);
    this.#cents.set(i, openCents);
    this.#overdue.set(i, daysOverdue);
  }

  protected record(index: number, step: PlannedStep, slot: number): T {
    const { table, subjects } = this.context;
    const Record = this.deferred ? DeferredRecord : DueRecord;
    return new Record(table, step, subjects.invoiceId(slot), subjects.customerId(slot), this.day.get(index), subjects.isCustomer(slot), this.#cents.get(index), this.#overdue.get(index)) as unknown as T;
  }
}

/** Skipped steps: also the reason and the superseding step. */
class SkipColumns extends Columns<SkippedStep> {
  /** The reason's code, and the superseding step's ordinal + 1 shifted by 8 (0: none). */
  readonly #why = new Column(int32s);

  push(slot: number, step: PlannedStep, day: number, reason: SkipReason, by: PlannedStep | undefined): void {
    const i = this.next(slot, step, day);
    this.#why.set(i, SKIP_REASONS.indexOf(reason) | ((by === undefined ? 0 : by.ordinal + 1) << 8));
  }

  protected record(index: number, step: PlannedStep, slot: number): SkippedStep {
    const { table, steps, subjects } = this.context;
    const why = this.#why.get(index);
    const by = why >> 8 === 0 ? undefined : steps[(why >> 8) - 1];
    return new SkippedRecord(table, step, subjects.invoiceId(slot), subjects.customerId(slot), this.day.get(index), subjects.isCustomer(slot), SKIP_REASONS[why & 0xff] as SkipReason, by);
  }
}

/** The outcomes as columns of numbers (the compact result): no object per outcome until one is read. */
export class ColumnSink implements OutcomeSink {
  readonly #subjects = new SubjectColumns();
  readonly due: ActionColumns<DueAction>;
  readonly deferred: ActionColumns<DeferredAction>;
  readonly skipped: SkipColumns;

  constructor(table: OutcomeTable, steps: readonly PlannedStep[]) {
    const context: ListContext = { table, steps, subjects: this.#subjects };
    this.due = new ActionColumns(context, false);
    this.deferred = new ActionColumns(context, true);
    this.skipped = new SkipColumns(context);
  }

  action(_table: OutcomeTable, view: SubjectView, step: PlannedStep, deferred: boolean, day: number, openCents: number, daysOverdue: number): void {
    (deferred ? this.deferred : this.due).push(this.#subjects.slotOf(view), step, day, openCents, daysOverdue);
  }

  skip(_table: OutcomeTable, view: SubjectView, step: PlannedStep, day: number, reason: SkipReason, by: PlannedStep | undefined): void {
    this.skipped.push(this.#subjects.slotOf(view), step, day, reason, by);
  }

  /** The evaluation is over: the result keeps the ids, not the last invoice seen. */
  finish(): void {
    this.#subjects.release();
  }
}

/** The compact result over a finished {@link ColumnSink}. */
export function compactEvaluation(header: Omit<RulerEvaluation, keyof RulerBatch>, sink: ColumnSink, invoicesEvaluated: number): CompactRulerEvaluation {
  const { due, deferred, skipped } = sink;
  return {
    ...header,
    invoicesEvaluated,
    due,
    deferred,
    skipped,
    toEvaluation: () => ({ ...header, due: due.toArray(), deferred: deferred.toArray(), skipped: skipped.toArray(), invoicesEvaluated }),
  };
}
