import type { CivilDate } from '../../calendar/index.js';
import { isFinalStatus } from '../../lifecycle/index.js';
import type { DueNegativationEntry, NegativationRecord } from '../../ports/index.js';
import { negativationDueOn, reconcileDueOn } from '../negativation/negativation-due.js';
import { negativationOf } from '../negativation/negativation-store.js';

/**
 * What the reconciliation pass decides about a due negativation, worked out
 * from its record for either state of its invoice (paid or not, as
 * reconciliation sees it): whether it is final, whether `reconcile` has
 * anything to report about it today, and its next due day.
 */
export interface ReconcileSummary {
  /** The touch count of the due entry the record was read under. */
  readonly touched: number;
  /** The record's version (a later read of another version is looked at afresh). */
  readonly version: number;
  readonly invoiceId: string;
  readonly customerId: string;
  /** Recovered or cancelled: not reconciled. */
  readonly final: boolean;
  /** `reconcileDueOn` with the invoice unpaid, then paid. */
  readonly reconcileIfUnpaid: boolean;
  readonly reconcileIfPaid: boolean;
  /** `negativationDueOn` with the invoice unpaid, then paid. */
  readonly dueOnIfUnpaid: CivilDate | undefined;
  readonly dueOnIfPaid: CivilDate | undefined;
}

/**
 * The day's due negativations the negativation pass read and left alone,
 * summarised for the reconciliation pass that follows it in the same cycle,
 * so it does not read (and a database store does not send and parse) their
 * records a second time. A summary answers only for the same due entry: the
 * index's touch count counts every committed write of the negativation and of
 * its customer's invoices, payments and agreements (the port's contract), so
 * an entry listed again with the touch count its summary was made under holds
 * the record the summary was made from; any other is read again. Holds one
 * small object per summarised negativation of the worker's share, each
 * dropped as the reconciliation pass takes it.
 */
export class ReconcileSummaries {
  private readonly held = new Map<string, ReconcileSummary>();

  constructor(private readonly today: CivilDate) {}

  /** Summarises `record`, read under a due entry with touch count `touched`. */
  keep(record: NegativationRecord, touched: number): void {
    const negativation = negativationOf(record);
    const today = this.today;
    this.held.set(record.id, {
      touched,
      version: record.version,
      invoiceId: record.invoiceId,
      customerId: record.customerId,
      final: isFinalStatus(negativation.status),
      reconcileIfUnpaid: reconcileDueOn(negativation, false, today),
      reconcileIfPaid: reconcileDueOn(negativation, true, today),
      dueOnIfUnpaid: negativationDueOn(negativation, false, today),
      dueOnIfPaid: negativationDueOn(negativation, true, today),
    });
  }

  /** Forgets a negativation's summary (the pass wrote it, or is about to). */
  forget(id: string): void {
    this.held.delete(id);
  }

  /** Whether a summary answers for `entry` (same touch count). */
  answers(entry: DueNegativationEntry): boolean {
    return this.held.get(entry.id)?.touched === entry.touched;
  }

  /** The summary that answers for `entry`, dropped from the holder; `undefined` when none does. */
  take(entry: DueNegativationEntry): ReconcileSummary | undefined {
    const summary = this.held.get(entry.id);
    if (summary === undefined) return undefined;
    this.held.delete(entry.id);
    return summary.touched === entry.touched ? summary : undefined;
  }
}
