import type { DueNegativationEntry, NegativationRecord } from '../../ports/index.js';
import { addDays, type CivilDate } from '../../calendar/index.js';
import { negativationDueDays } from '../negativation/negativation-due.js';
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
  /** Recovered or cancelled: not reconciled. */
  readonly final: boolean;
  /** `reconcileDueOn` with the invoice unpaid, then paid. */
  readonly reconcileIfUnpaid: boolean;
  readonly reconcileIfPaid: boolean;
  /** `negativationDueOn` with the invoice unpaid, then paid. */
  readonly dueOnIfUnpaid: CivilDate | undefined;
  readonly dueOnIfPaid: CivilDate | undefined;
}

const FINAL = 1;
const RECONCILE_IF_UNPAID = 2;
const RECONCILE_IF_PAID = 4;

/**
 * The day's due negativations the negativation pass read and left alone,
 * summarised for the reconciliation pass that follows it in the same cycle,
 * so it does not read (and a database store does not send and parse) their
 * records a second time. A summary answers only for the same due entry: the
 * index's touch count counts every committed write of the negativation and of
 * its customer's invoices, payments and agreements (the port's contract), so
 * an entry listed again with the touch count its summary was made under holds
 * the record the summary was made from; any other is read again. After a
 * first run that is most of a worker's share of registrations, so they are
 * held compactly (an id, an invoice id and a few typed slots each; due days
 * shared), each dropped as the reconciliation pass takes it.
 */
export class ReconcileSummaries {
  private readonly slots = new Map<string, number>();
  private count = 0;
  private touched = new Float64Array(256);
  private versions = new Float64Array(256);
  private flags = new Uint8Array(256);
  private readonly invoiceIds: string[] = [];
  private readonly dueOnIfUnpaid: (CivilDate | undefined)[] = [];
  private readonly dueOnIfPaid: (CivilDate | undefined)[] = [];
  /** Due days met so far, each held once. */
  private readonly days = new Map<string, CivilDate>();

  /** The day after `today` (every due day is at least that): worked out once. */
  private readonly tomorrow: CivilDate;

  constructor(private readonly today: CivilDate) {
    this.tomorrow = addDays(today, 1);
  }

  /** Summarises `record`, read under a due entry with touch count `touched`. */
  keep(record: NegativationRecord, touched: number): void {
    // Both states of the invoice at once: each day the rule depends on is worked out once (negativationDueDays).
    const days = negativationDueDays(negativationOf(record), this.today, this.tomorrow);
    let slot = this.slots.get(record.id);
    if (slot === undefined) {
      slot = this.count++;
      this.slots.set(record.id, slot);
      if (slot === this.touched.length) this.grow();
    }
    this.touched[slot] = touched;
    this.versions[slot] = record.version;
    this.flags[slot] = (days.final ? FINAL : 0) | (days.reconcileIfUnpaid ? RECONCILE_IF_UNPAID : 0) | (days.reconcileIfPaid ? RECONCILE_IF_PAID : 0);
    this.invoiceIds[slot] = record.invoiceId;
    this.dueOnIfUnpaid[slot] = this.day(days.dueOnIfUnpaid);
    this.dueOnIfPaid[slot] = this.day(days.dueOnIfPaid);
  }

  /** Whether a summary answers for `entry` (same touch count). */
  answers(entry: DueNegativationEntry): boolean {
    const slot = this.slots.get(entry.id);
    return slot !== undefined && this.touched[slot] === entry.touched;
  }

  /** The summary that answers for `entry`, dropped from the holder; `undefined` when none does. */
  take(entry: DueNegativationEntry): ReconcileSummary | undefined {
    const slot = this.slots.get(entry.id);
    if (slot === undefined) return undefined;
    this.slots.delete(entry.id);
    const invoiceId = this.invoiceIds[slot] as string;
    this.invoiceIds[slot] = '';
    if (this.touched[slot] !== entry.touched) return undefined;
    const flags = this.flags[slot] as number;
    return {
      touched: entry.touched,
      version: this.versions[slot] as number,
      invoiceId,
      final: (flags & FINAL) !== 0,
      reconcileIfUnpaid: (flags & RECONCILE_IF_UNPAID) !== 0,
      reconcileIfPaid: (flags & RECONCILE_IF_PAID) !== 0,
      dueOnIfUnpaid: this.dueOnIfUnpaid[slot],
      dueOnIfPaid: this.dueOnIfPaid[slot],
    };
  }

  private day(day: CivilDate | undefined): CivilDate | undefined {
    if (day === undefined) return undefined;
    const held = this.days.get(day);
    if (held !== undefined) return held;
    this.days.set(day, day);
    return day;
  }

  private grow(): void {
    const size = this.touched.length * 2;
    const touched = new Float64Array(size);
    touched.set(this.touched);
    this.touched = touched;
    const versions = new Float64Array(size);
    versions.set(this.versions);
    this.versions = versions;
    const flags = new Uint8Array(size);
    flags.set(this.flags);
    this.flags = flags;
  }
}
