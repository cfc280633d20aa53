import type { CivilDate } from '../../calendar/index.js';
import type { CobrancaError } from '../../errors.js';
import type { Result } from 'neverthrow';
import { evaluateRulerInBatches, type DeferredAction, type DueAction, type EvaluateRulerInput, type RulerBatch, type RulerError, type RulerInvoice, type SkippedStep } from '../../ruler/index.js';
import type { ActionLogEntry, InvoiceRecord } from '../../ports/index.js';
import type { AppContext } from '../dependencies.js';
import { applyDueAction, applyPlannedAction, auditSuperseded, dueActionEntry, logPlannedSkip, skippedStepEntry, type ActionOutcome } from './apply-action.js';
import { batchedTransaction, type BatchPlan } from './batched-writes.js';
import { readAheadRequests } from './automatic-negativation.js';
import type { OwedMemo } from './owed-memo.js';
import { enrichPage, followedByRuler, settingsKey } from './portfolio.js';
import { OutcomeList, type CycleOutcome, type OutcomeListing } from './outcome-listing.js';
import { tomorrowOf, type CustomerWakes } from './customer-wakes.js';

/** How many outcomes of each kind the ruler pass had (its lists may hold fewer: `listOutcomes`). */
export interface RulerPassTotals {
  readonly done: number;
  readonly waiting: number;
  readonly skipped: number;
  readonly refused: number;
}

/** What the ruler pass did. Its lists hold the first `listOutcomes` outcomes of each kind (1,000 by default); `totals` counts them all. */
export interface RulerPassReport {
  readonly invoicesEvaluated: number;
  /** Every outcome counted, whatever the lists hold. */
  readonly totals: RulerPassTotals;
  /** Actions performed now (effects queued, collections started, requests made). */
  readonly done: readonly Extract<ActionOutcome, { status: 'done' }>[];
  /** Contacts due outside the contact window: logged, their messages queued for the window's next opening. */
  readonly deferred: number;
  /**
   * Steps skipped for a reason worth reading one by one (a reminder after the due date, a stale step, a
   * negativation already in progress): at most one per channel and invoice, never one per missed step.
   */
  readonly skipped: readonly SkippedStep[];
  /**
   * Earlier steps of a channel superseded by the later step due now (catch-up without bursts): counted,
   * not listed, so a catch-up of many missed steps holds memory for the invoices, not for steps × invoices.
   * Each is in the action log and the invoice's history.
   */
  readonly superseded: number;
  /** Negativate steps a guard that heals holds back (minimum days overdue; missing debtor data): not logged, asked again each cycle, done once allowed. */
  readonly waiting: readonly Extract<ActionOutcome, { status: 'waiting' }>[];
  /** Actions the domain refused for good (a final guard, a missing contact): logged once, an operator alerted. */
  readonly refused: readonly Extract<ActionOutcome, { status: 'refused' }>[];
  /** Errors that stopped a settings group's evaluation (bad stored data), with the invoice's path. */
  readonly errors: readonly CobrancaError[];
}

/** Invoices per ruler batch: due actions are applied one transaction per batch. */
const BATCH_SIZE = 1000;

/**
 * One settings group's evaluation (branch and contract), fed from the cycle's
 * one stream of invoice pages: the group's invoices of each page are queued
 * and the evaluator takes them a full batch at a time, so a customer-anchored
 * ruler still sees every invoice of its group in one evaluation. The evaluator
 * is only asked for a batch when one is queued (or the stream ended), so it
 * never waits on its source.
 */
class GroupEvaluation {
  private queue: RulerInvoice[] = [];
  private head = 0;
  private ended = false;
  private stopped = false;
  private readonly batches: AsyncGenerator<Result<RulerBatch, RulerError>>;
  /** Customer-anchored, with wakes: the customer of each invoice queued (the anchored steps come in a last batch, under the anchor invoice's id). */
  private readonly anchored: Map<string, string> | undefined;
  private readonly anchoredCustomers = new Set<string>();

  constructor(input: Omit<EvaluateRulerInput, 'invoices' | 'batchSize'>, perCustomer: boolean) {
    this.anchored = perCustomer && input.wakes === true ? new Map() : undefined;
    const source: AsyncIterable<RulerInvoice> = { [Symbol.asyncIterator]: () => ({ next: async () => this.take() }) };
    this.batches = evaluateRulerInBatches({ ...input, invoices: source, batchSize: BATCH_SIZE });
  }

  private take(): IteratorResult<RulerInvoice> {
    if (this.head < this.queue.length) return { value: this.queue[this.head++] as RulerInvoice, done: false };
    if (!this.ended) throw new Error('ruler stream: a group evaluation asked for an invoice not yet read');
    return { value: undefined, done: true };
  }

  /** Queues a page's invoices of this group (with `wakes`, a customer-anchored group's customers each wait for its last batch); `false` when the group stopped on an error. */
  queueUp(invoices: readonly RulerInvoice[], wakes: CustomerWakes | undefined): boolean {
    if (this.stopped) return false;
    if (this.head > 0) {
      this.queue = this.queue.slice(this.head);
      this.head = 0;
    }
    this.queue.push(...invoices);
    if (wakes !== undefined && this.anchored !== undefined) {
      for (const invoice of invoices) {
        this.anchored.set(invoice.id, invoice.customerId);
        if (this.anchoredCustomers.has(invoice.customerId)) continue;
        this.anchoredCustomers.add(invoice.customerId);
        wakes.expect(invoice.customerId);
      }
    }
    return true;
  }

  /** Applies every full batch queued. */
  async applyFull(apply: ApplyBatch, errors: CobrancaError[]): Promise<void> {
    while (!this.stopped && this.queue.length - this.head >= BATCH_SIZE) await this.next(apply, errors);
  }

  /** Queues a page's invoices of this group and applies every full batch. */
  async push(invoices: readonly RulerInvoice[], apply: ApplyBatch, errors: CobrancaError[]): Promise<void> {
    if (this.queueUp(invoices, undefined)) await this.applyFull(apply, errors);
  }

  /** Ends the stream: applies what is queued and the customer-anchored actions. */
  async finish(apply: ApplyBatch, errors: CobrancaError[]): Promise<void> {
    this.ended = true;
    while (!this.stopped) await this.next(apply, errors);
  }

  private async next(apply: ApplyBatch, errors: CobrancaError[]): Promise<void> {
    const step = await this.batches.next();
    if (step.done === true) {
      this.stopped = true;
      return;
    }
    if (step.value.isErr()) {
      // Bad stored data stops this group's evaluation (reported with the invoice's path); the other groups go on.
      errors.push(step.value.error);
      this.stopped = true;
      return;
    }
    const batch = step.value.value;
    // The invoices the batch read are the last ones the evaluator took; the customer-anchored batch (last, no invoices) ends the group's customers.
    const n = batch.invoicesEvaluated;
    await apply(batch, { covered: n > 0 ? this.queue.slice(this.head - n, this.head) : [], anchored: n === 0 && this.ended ? this.anchored : undefined });
  }
}

/** What one batch evaluated, for the wake index: the invoices it read, and (the customer-anchored batch) the customer of each invoice of the group. */
interface BatchScope {
  readonly covered: readonly RulerInvoice[];
  readonly anchored: ReadonlyMap<string, string> | undefined;
}

/** Applies one batch of a group's evaluation. */
type ApplyBatch = (batch: RulerBatch, scope: BatchScope) => Promise<void>;

/**
 * The ruler over the cycle's one stream of invoice pages: each page's
 * followed invoices are enriched at once (a fixed number of batch reads), the
 * settings groups (branch and contract) are discovered as they come, and each
 * group's batch of due actions is applied in one transaction: action log,
 * state changes and outbox effects together, so a crash never leaves an action
 * done but not logged, or logged but not queued.
 */
export class RulerStream {
  private readonly groups = new Map<string, GroupEvaluation>();
  private readonly tally: PassTally;
  private readonly errors: CobrancaError[] = [];
  private readonly apply: ApplyBatch = (batch, scope) => applyBatch(this.context, batch, this.today, this.tally, this.wakes && { wakes: this.wakes, scope });

  private constructor(
    private readonly context: AppContext,
    private readonly asOf: Date,
    private readonly today: CivilDate,
    private readonly owedToday: OwedMemo,
    listing: OutcomeListing,
    private readonly wakes: CustomerWakes | undefined,
  ) {
    this.tally = { invoicesEvaluated: 0, done: new OutcomeList('ruler.done', listing), waiting: new OutcomeList('ruler.waiting', listing), deferred: 0, skipped: new OutcomeList('ruler.skipped', listing), superseded: 0, refused: new OutcomeList('ruler.refused', listing) };
  }

  /**
   * A ruler stream for the day, computing owed amounts with the day's memo (the late-charge policy read once), listing outcomes as `listing` says.
   * With `wakes`, each batch settles its customers' wake days and records the ready ones in its transaction.
   */
  static open(context: AppContext, asOf: Date, today: CivilDate, owedToday: OwedMemo, listing: OutcomeListing, wakes?: CustomerWakes): RulerStream {
    return new RulerStream(context, asOf, today, owedToday, listing, wakes);
  }

  /**
   * Queues one page of due customers' invoices without applying anything
   * (the page's other passes run before its batches are applied, so a batch's
   * transaction can record its customers' evaluations): each followed invoice
   * is a piece of its customer's evaluation. Then {@link RulerStream.applyFull}.
   */
  async queue(page: readonly InvoiceRecord[]): Promise<void> {
    const wakes = this.wakes;
    for (const [key, { first, invoices }] of await this.grouped(page)) {
      // A piece per invoice, done when a batch reads it: a group stopped on an error never reads it, so its customer stays due.
      if (wakes) for (const invoice of invoices) wakes.expect(invoice.customerId);
      this.group(key, first).queueUp(invoices, wakes);
    }
  }

  /** Applies every full batch the queued pages made. */
  async applyFull(): Promise<void> {
    for (const group of this.groups.values()) await group.applyFull(this.apply, this.errors);
  }

  /** Evaluates one page of the portfolio (applying each batch that fills up). */
  async page(page: readonly InvoiceRecord[]): Promise<void> {
    for (const [key, { first, invoices }] of await this.grouped(page)) await this.group(key, first).push(invoices, this.apply, this.errors);
  }

  /** A page's followed invoices, enriched at once and grouped by settings (in the order the groups appear). */
  private async grouped(page: readonly InvoiceRecord[]): Promise<Map<string, { first: InvoiceRecord; invoices: RulerInvoice[] }>> {
    const followed = page.filter(followedByRuler);
    if (followed.length === 0) return new Map();
    const enriched = await enrichPage(this.context, followed, this.owedToday);
    const byGroup = new Map<string, { first: InvoiceRecord; invoices: RulerInvoice[] }>();
    for (let i = 0; i < followed.length; i++) {
      const invoice = followed[i] as InvoiceRecord;
      const key = settingsKey(invoice);
      const group = byGroup.get(key);
      if (group) group.invoices.push(enriched[i] as RulerInvoice);
      else byGroup.set(key, { first: invoice, invoices: [enriched[i] as RulerInvoice] });
    }
    return byGroup;
  }

  /** Ends the stream and reports. */
  async finish(): Promise<RulerPassReport> {
    for (const group of this.groups.values()) await group.finish(this.apply, this.errors);
    const { invoicesEvaluated, done, waiting, deferred, skipped, superseded, refused } = this.tally;
    return {
      invoicesEvaluated,
      totals: { done: done.total, waiting: waiting.total, skipped: skipped.total, refused: refused.total },
      done: done.listed,
      deferred,
      skipped: skipped.listed,
      superseded,
      waiting: waiting.listed,
      refused: refused.listed,
      errors: this.errors,
    };
  }

  private group(key: string, invoice: InvoiceRecord): GroupEvaluation {
    let group = this.groups.get(key);
    if (!group) {
      const settings = this.context.policies.settingsFor(invoice.branchId, invoice.contractId);
      // With the wake index, the evaluation also says each invoice's next wake day.
      group = new GroupEvaluation({ ruler: settings.ruler, settings: settings.rulerSettings, asOf: this.asOf, calendar: this.context.calendar, ...(this.wakes ? { wakes: true } : {}) }, settings.rulerSettings.values.anchor === 'customer');
      this.groups.set(key, group);
    }
    return group;
  }
}

/** The earlier steps one later step superseded on an invoice in one evaluation: logged as one entry. */
interface SupersededGroup {
  readonly key: string;
  readonly invoiceId: string;
  readonly customerId: string;
  readonly supersededBy: string;
  readonly stepIds: string[];
}

/**
 * The action-log key of a superseded group: the subject's part of the step's key (everything before its step
 * id), the superseding step and the day, so it is one per invoice (or customer anchor) and evaluation.
 */
function supersededKey(skipped: SkippedStep, supersededBy: string, today: CivilDate): string {
  const subject = skipped.key.endsWith(skipped.stepId) ? skipped.key.slice(0, skipped.key.length - skipped.stepId.length) : `${skipped.key}|`;
  return `${subject}${supersededBy}#superseded@${today}`;
}

/** The report as it is filled in, batch by batch. */
interface PassTally {
  invoicesEvaluated: number;
  readonly done: OutcomeList<Extract<CycleOutcome, { type: 'ruler.done' }>>;
  readonly waiting: OutcomeList<Extract<CycleOutcome, { type: 'ruler.waiting' }>>;
  deferred: number;
  readonly skipped: OutcomeList<Extract<CycleOutcome, { type: 'ruler.skipped' }>>;
  superseded: number;
  readonly refused: OutcomeList<Extract<CycleOutcome, { type: 'ruler.refused' }>>;
}

/**
 * Settles the wake days of what a batch evaluated: each invoice it read gives
 * its customer the ruler's next day for it (`RulerBatch.wakes`; tomorrow for
 * an outcome left unlogged, a `waiting` negativation; none: only a write), and
 * the customer-anchored batch gives its customers the anchored steps' days
 * (under the anchor invoice's id) and ends their anchored pieces.
 */
function settleWakes({ wakes, scope }: BatchWakes, batch: RulerBatch, today: CivilDate, waiting: ReadonlySet<string>): void {
  const tomorrow = tomorrowOf(today);
  const days = batch.wakes;
  const dayOf = (invoiceId: string): CivilDate | undefined => (waiting.has(invoiceId) || days === undefined ? tomorrow : days.get(invoiceId));
  for (const invoice of scope.covered) wakes.done(invoice.customerId, dayOf(invoice.id));
  if (scope.anchored === undefined) return;
  const customers = new Set<string>();
  for (const [invoiceId, customerId] of scope.anchored) {
    customers.add(customerId);
    if (waiting.has(invoiceId) || days?.has(invoiceId) === true) wakes.wakeOn(customerId, dayOf(invoiceId));
  }
  for (const customerId of customers) wakes.done(customerId);
}

/** A batch's part in the wake index: the cycle's customers and what the batch evaluated. */
interface BatchWakes {
  readonly wakes: CustomerWakes;
  readonly scope: BatchScope;
}

async function applyBatch(context: AppContext, batch: RulerBatch, today: CivilDate, report: PassTally, wake: BatchWakes | undefined): Promise<void> {
  report.invoicesEvaluated += batch.invoicesEvaluated;
  if (batch.due.length === 0 && batch.deferred.length === 0 && batch.skipped.length === 0) {
    // Nothing to write: the ready customers are recorded in a small transaction of their own (CustomerWakes.record).
    if (wake) settleWakes(wake, batch, today, new Set());
    return;
  }
  const actions = [...batch.due, ...batch.deferred];
  // Superseded steps: one action-log entry per invoice and superseding step carries their ids (catch-up without bursts, in memory too).
  const superseded = new Map<string, SupersededGroup>();
  for (const skipped of batch.skipped) {
    if (skipped.reason !== 'superseded') continue;
    const by = skipped.supersededBy ?? '';
    const key = supersededKey(skipped, by, today);
    const group = superseded.get(key) ?? { key, invoiceId: skipped.invoiceId, customerId: skipped.customerId, supersededBy: by, stepIds: [] };
    group.stepIds.push(skipped.stepId);
    superseded.set(key, group);
  }
  const supersededEntry = (group: SupersededGroup): ActionLogEntry => ({ key: group.key, invoiceId: group.invoiceId, customerId: group.customerId, stepId: `${group.supersededBy}#superseded`, action: 'skipped:superseded', on: today, at: context.nowIso(), stepIds: group.stepIds });
  // The batch's log entries, invoices and customers are written and read at once (a few round trips per batch, not per action).
  // Each entry built once: the plan records it, and its action is applied with it (no second entry, no second clock read).
  const actionEntries = actions.map((action) => (action.action.kind === 'negativate' ? undefined : dueActionEntry(context, action, today)));
  const skippedEntries = batch.skipped.map((skipped) => (skipped.reason === 'superseded' ? undefined : skippedStepEntry(context, skipped, today)));
  const entries: ActionLogEntry[] = [];
  for (const entry of actionEntries) if (entry !== undefined) entries.push(entry);
  for (const entry of skippedEntries) if (entry !== undefined) entries.push(entry);
  for (const group of superseded.values()) entries.push(supersededEntry(group));
  const plan: BatchPlan = {
    entries,
    askedKeys: actions.filter((action) => action.action.kind === 'negativate').map((action) => action.key),
    invoiceIds: [...new Set(actions.map((action) => action.invoiceId))],
    customerIds: [...new Set(actions.map((action) => action.customerId))],
  };
  await context.store.transaction(async (store) => {
    const { tx, planned, flush } = await batchedTransaction(store, plan);
    await readAheadRequests(store, actions.filter((action) => action.action.kind === 'negativate'));
    const waiting = new Set<string>();
    for (let i = 0; i < actions.length; i++) {
      const action = actions[i] as DueAction | DeferredAction;
      const entry = actionEntries[i];
      // The common steps (a contact, a service step, a forward) answered from what the batch read and kept with its writes: no promise per step.
      const outcome = (entry !== undefined ? applyPlannedAction(planned, context, action, entry, today) : undefined) ?? (await applyDueAction(tx, context, action, today, entry));
      if (outcome.status === 'waiting') waiting.add(outcome.invoiceId);
      if (outcome.status === 'done') {
        report.done.add(outcome);
        if ('notBefore' in action) report.deferred++;
      } else if (outcome.status === 'refused') report.refused.add(outcome);
      else if (outcome.status === 'waiting') report.waiting.add(outcome);
    }
    for (let i = 0; i < batch.skipped.length; i++) {
      const skipped = batch.skipped[i] as SkippedStep;
      const entry = skippedEntries[i];
      if (entry !== undefined && logPlannedSkip(planned, context, skipped, entry)) report.skipped.add(skipped);
    }
    for (const group of superseded.values()) {
      if (!(await tx.actionLog.record(supersededEntry(group)))) continue;
      report.superseded += group.stepIds.length;
      await auditSuperseded(tx, context, group.invoiceId, group.supersededBy, group.stepIds);
    }
    await flush();
    if (wake) {
      // After every write of the batch: its customers' own writes here do not wake them.
      settleWakes(wake, batch, today, waiting);
      await wake.wakes.recordIn(store);
    }
  });
}
