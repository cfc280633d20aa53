import type { CivilDate } from '../calendar/index.js';
import type { Money } from '../money/index.js';
import type { RulerAction } from './action.js';
import type { DisabledStep } from './plan.js';

/**
 * An action the ruler says is due now. The evaluator hands out compact records:
 * read their properties (the key is built when read) or call `toJSON()` for a
 * plain object; a spread (`{ ...action }`) copies nothing. `key` is its idempotency key: log it
 * when the action is done and pass the log back; the same key is never due twice.
 * `handover: 'negativation'` marks requests (negativate, remove_negativation)
 * that the application must route through the negativation module's guards:
 * the ruler never decides that a debtor is registered.
 */
export interface DueAction {
  readonly key: string;
  readonly rulerId: string;
  readonly stepId: string;
  readonly action: RulerAction;
  /** `invoice` (one per invoice) or `customer` (one per customer, anchored to `invoiceId`, the earliest unpaid invoice). */
  readonly subject: 'invoice' | 'customer';
  readonly invoiceId: string;
  readonly customerId: string;
  /** The day the step was scheduled for (earlier than today when caught up). */
  readonly scheduledFor: CivilDate;
  /** Calendar days since the due date, as of today (0 when not yet late). */
  readonly daysOverdue: number;
  /** The open amount the conditions were checked against. */
  readonly openAmount: Money;
  readonly handover?: 'negativation' | undefined;
}

/** A wall-clock moment in São Paulo with its instant (ISO 8601, UTC). */
export interface ContactMoment {
  readonly date: CivilDate;
  readonly minuteOfDay: number;
  readonly instant: string;
}

/** A contact that is due but falls outside the contact window: run it at `notBefore`. Not logged; it comes back until done. */
export interface DeferredAction extends DueAction {
  readonly notBefore: ContactMoment;
}

/**
 * Why a due step is not run.
 * - `superseded`: a later step of the same channel is due (catch-up sends only the latest message).
 * - `stale`: the step is more than its `staleAfterDays` late (a reminder that no longer makes sense).
 * - `negativation_in_progress`: the invoice already has a registration requested or in place.
 * - `reminder_after_due`: a step before the due date found (or deferred by the contact window) after the invoice's payable day: reminders are for before.
 */
export type SkipReason = 'superseded' | 'stale' | 'negativation_in_progress' | 'reminder_after_due';

/** A step that was due but is skipped; its key may be logged like an action's to silence it. */
export interface SkippedStep {
  readonly key: string;
  readonly stepId: string;
  readonly invoiceId: string;
  readonly customerId: string;
  readonly scheduledFor: CivilDate;
  readonly reason: SkipReason;
  readonly supersededBy?: string | undefined;
}

/** What one batch of invoices produced. */
export interface RulerBatch {
  readonly due: DueAction[];
  readonly deferred: DeferredAction[];
  readonly skipped: SkippedStep[];
  readonly invoicesEvaluated: number;
  /**
   * With `wakes: true` in the input: for each invoice read, the next day (after today) on which its
   * evaluation can yield a new outcome with no write in between, provided this evaluation's due,
   * deferred and skipped outcomes are logged (an outcome left unlogged, such as a `waiting`
   * negativation, comes back tomorrow: take tomorrow for it). Earlier than needed is possible
   * (an evaluation that finds nothing), later never. An invoice absent: only a write changes its
   * evaluation. Customer-anchored steps (`anchor: 'customer'`) come in the customers' last batch
   * under the anchor invoice's id, so a customer's wake is the earliest over all its invoices' entries.
   */
  readonly wakes?: ReadonlyMap<string, CivilDate>;
}

/** The result of {@link evaluateRuler}: everything due now, once. */
export interface RulerEvaluation extends RulerBatch {
  /** Today and the time of day in São Paulo, as the evaluation read `asOf`. */
  readonly asOf: { readonly date: CivilDate; readonly minuteOfDay: number };
  /** Whether contacts were allowed at `asOf`. */
  readonly contactWindowOpen: boolean;
  /** Steps the settings switched off (once, not per invoice). */
  readonly disabledSteps: readonly DisabledStep[];
}

/**
 * A read-only list of outcomes held as columns of numbers: `length` and `at(i)`
 * read without building the others; `at(i)` and iteration hand out the same
 * compact records as {@link RulerEvaluation}'s arrays, built when read.
 */
export interface OutcomeList<T> extends Iterable<T> {
  /** How many outcomes the list holds. */
  readonly length: number;
  /** The outcome at `index` (a new record on every call), or `undefined` outside `0 … length - 1`. */
  at(index: number): T | undefined;
  /** Every outcome as an array of records, in order. */
  toArray(): T[];
}

/**
 * The result of `evaluateRulerCompact`: the same outcomes, in the same order,
 * as {@link RulerEvaluation}, held as columns (a few dozen bytes per outcome and
 * no object per outcome until one is read), so a large first run held in memory
 * does not keep millions of objects alive.
 */
export interface CompactRulerEvaluation extends Omit<RulerEvaluation, 'due' | 'deferred' | 'skipped'> {
  /** Actions due now (as {@link RulerEvaluation.due}). */
  readonly due: OutcomeList<DueAction>;
  /** Contacts due outside the contact window (as {@link RulerEvaluation.deferred}). */
  readonly deferred: OutcomeList<DeferredAction>;
  /** Steps due but skipped (as {@link RulerEvaluation.skipped}). */
  readonly skipped: OutcomeList<SkippedStep>;
  /** The outcomes as a {@link RulerEvaluation} (arrays of records, built now). */
  toEvaluation(): RulerEvaluation;
}
