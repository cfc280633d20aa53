import { toEpochDay, type BusinessCalendar } from '../calendar/index.js';
import { epochDayOfText } from '../calendar/civil-date.js';
import { daysOverdueEpoch, payableEpochDay } from '../calendar/due-date.js';
import type { InvoiceFacts, RulerInvoice } from './invoice.js';
import { holdsRegistration, isNegativationInProgress } from './invoice.js';
import type { SkipReason } from './outcome.js';
import { customerSubjectKey, invoiceSubjectKey, type OutcomeTable } from './outcome-record.js';
import type { OutcomeSink, SubjectView } from './outcome-sink.js';
import { stepDay, type PlannedStep, type RulerPlan } from './plan.js';
import type { StepConditions } from './step.js';

/** How the evaluation reads the log of what was already done. */
export interface LogReader {
  /** A lookup by key (a `Set`, an array or the host's function), or `undefined`. */
  readonly isDone: ((key: string) => boolean) | undefined;
  /** The compact log's entries of this ruler, when the log is a {@link RulerActionLog}. */
  readonly invoices: ReadonlyMap<string, number> | undefined;
  /** Customer subjects: by customer id, then anchor invoice id. */
  readonly customers: ReadonlyMap<string, ReadonlyMap<string, number>> | undefined;
  /** The compact log's bit of each planned step (0: never logged as a bit), parallel to the plan's `open`, `settlement` and `afterRegistration`. */
  readonly openMasks: Int32Array;
  readonly settlementMasks: Int32Array;
  readonly afterMasks: Int32Array;
}

/** The open steps' wake plan for one due day (per evaluation; built and read by `wake.ts`). */
export interface OpenWake {
  /** Per open step, the first day it can be its channel's candidate: its step day, or its `minDaysOverdue` threshold when later. */
  readonly enter: Int32Array;
  /** The earliest `enter` after today among the steps with no condition on the customer (kind, branch, tags). */
  readonly next: number;
  /** Steps with a condition the subject must be checked against (customer kind, branch, tags, `minAmount`). */
  readonly conditional: Int32Array;
}

/** Everything fixed for one evaluation: read once, then used for every invoice. */
export interface EvaluationContext extends OutcomeTable {
  readonly plan: RulerPlan;
  readonly calendar: BusinessCalendar;
  readonly today: number;
  readonly windowOpen: boolean;
  readonly log: LogReader;
  /** Step days of the open steps per due day (bounded by the number of distinct due dates). */
  readonly openDays: Map<number, Int32Array>;
  /** The open steps' wake plan per due day (filled only when wakes are asked for; see `wake.ts`). */
  readonly openWakes: Map<number, OpenWake>;
  /** The subject being evaluated (one at a time; reused so the hot loop allocates nothing for it). */
  readonly subject: SubjectView;
}

/** A blank subject view for a new context. */
export function newSubjectView(): SubjectView {
  return { invoice: { id: '', customerId: '', dueDate: '', amount: { cents: 0 } }, customer: false, prefix: undefined, word: 0 };
}

/** Points the context's subject view at an invoice (or a customer through its anchor invoice) and reads its log entry once. */
export function beginSubject(ctx: EvaluationContext, invoice: RulerInvoice, customer: boolean): void {
  const view = ctx.subject;
  view.invoice = invoice;
  view.customer = customer;
  view.prefix = undefined;
  const log = ctx.log;
  if (customer) view.word = log.customers?.get(invoice.customerId)?.get(invoice.id) ?? 0;
  else view.word = log.invoices?.get(invoice.id) ?? 0;
}

function prefixOf(ctx: EvaluationContext): string {
  const view = ctx.subject;
  if (view.prefix === undefined) {
    view.prefix = view.customer ? customerSubjectKey(ctx.keyPrefix, view.invoice.customerId, view.invoice.id) : invoiceSubjectKey(ctx.keyPrefix, view.invoice.id);
  }
  return view.prefix;
}

/** Whether the current subject's log (its own `done`, the compact word, or the key lookup) holds the step. */
export function isLogged(ctx: EvaluationContext, stepId: string, mask: number): boolean {
  const view = ctx.subject;
  const own = view.invoice.done;
  if (own !== undefined) {
    for (let i = 0; i < own.length; i++) if (own[i] === stepId) return true;
  }
  if ((view.word & mask) !== 0) return true;
  const isDone = ctx.log.isDone;
  return isDone !== undefined && isDone(prefixOf(ctx) + stepId);
}

/** The open steps' days for a due day (parallel to the plan's `open`), computed once per due day and evaluation. */
export function openStepDays(ctx: EvaluationContext, dueDay: number): Int32Array {
  let days = ctx.openDays.get(dueDay);
  if (days === undefined) {
    const steps = ctx.plan.open;
    days = new Int32Array(steps.length);
    for (let i = 0; i < steps.length; i++) days[i] = stepDay(steps[i] as PlannedStep, dueDay, ctx.calendar, false);
    ctx.openDays.set(dueDay, days);
  }
  return days;
}

function conditionsHold(conditions: StepConditions | undefined, invoice: RulerInvoice, openCents: number, daysOverdue: number): boolean {
  if (conditions === undefined) return true;
  if (conditions.minAmount !== undefined && openCents < conditions.minAmount.cents) return false;
  if (conditions.minDaysOverdue !== undefined && daysOverdue < conditions.minDaysOverdue) return false;
  return staticConditionsHold(conditions, invoice);
}

/** The conditions that only a write can change (customer kind, branch, tags): whether they hold for the invoice. */
export function staticConditionsHold(conditions: StepConditions, invoice: RulerInvoice): boolean {
  if (conditions.customerKind !== undefined && invoice.customerKind !== conditions.customerKind) return false;
  if (conditions.branches !== undefined && (invoice.branch === undefined || !holds(conditions.branches, invoice.branch))) return false;
  if (conditions.tags !== undefined) {
    const tags = invoice.tags;
    if (tags === undefined) return conditions.tags.length === 0;
    const wanted = conditions.tags;
    for (let i = 0; i < wanted.length; i++) if (!holds(tags, wanted[i] as string)) return false;
  }
  return true;
}

/**
 * `list.includes(value)` for lists of text, as an indexed loop: the ruler's conditions and a stored customer's tags
 * are frozen arrays, on which Array builtins take V8's slow path on Node 20.
 */
function holds(list: readonly string[], value: string): boolean {
  for (let i = 0; i < list.length; i++) if (list[i] === value) return true;
  return false;
}

/** The last day an invoice due on `dueDay` is payable on time (`payableEpochDay`, DOMAIN §1). */
function payableDayOf(ctx: EvaluationContext, dueDay: number): number {
  return payableEpochDay(dueDay, ctx.calendar);
}

function daysOverdueOf(ctx: EvaluationContext, dueDay: number): number {
  return daysOverdueEpoch(dueDay, ctx.today, ctx.calendar);
}

function emit(ctx: EvaluationContext, sink: OutcomeSink, step: PlannedStep, day: number, openCents: number, daysOverdue: number): void {
  sink.action(ctx, ctx.subject, step, step.isContact && !ctx.windowOpen, day, openCents, daysOverdue);
}

function skip(ctx: EvaluationContext, sink: OutcomeSink, step: PlannedStep, day: number, reason: SkipReason, by?: PlannedStep): void {
  sink.skip(ctx, ctx.subject, step, day, reason, by);
}

/**
 * Evaluates the open-invoice steps for the current subject (an invoice, or a
 * customer through its anchor invoice; see {@link beginSubject}). Per channel
 * only the latest step already due is a candidate; if it is not logged it is
 * due now and the earlier unlogged steps of that channel are reported as
 * superseded (catch-up without bursts).
 */
export function evaluateOpenSubject(ctx: EvaluationContext, sink: OutcomeSink, dueDay: number, openCents: number): void {
  const invoice = ctx.subject.invoice;
  const days = openStepDays(ctx, dueDay);
  const steps = ctx.plan.open;
  const masks = ctx.log.openMasks;
  const today = ctx.today;
  let daysOverdue = -1;
  for (const group of ctx.plan.groups) {
    for (let g = 0; g < group.length; g++) {
      const index = group[g] as number;
      const day = days[index] as number;
      if (day > today) continue;
      const step = steps[index] as PlannedStep;
      if (step.conditions !== undefined) {
        if (daysOverdue < 0) daysOverdue = daysOverdueOf(ctx, dueDay);
        if (!conditionsHold(step.conditions, invoice, openCents, daysOverdue)) continue;
      }
      if (isLogged(ctx, step.id, masks[index] as number)) break;
      if (daysOverdue < 0) daysOverdue = daysOverdueOf(ctx, dueDay);
      if (step.offsetDays < 0 && reminderTooLate(ctx, step, dueDay)) skip(ctx, sink, step, day, 'reminder_after_due');
      else if (step.staleAfterDays !== undefined && today > day + step.staleAfterDays) skip(ctx, sink, step, day, 'stale');
      else if (step.action.kind === 'negativate' && isNegativationInProgress(invoice.negativation)) skip(ctx, sink, step, day, 'negativation_in_progress');
      else emit(ctx, sink, step, day, openCents, daysOverdue);
      for (const earlierIndex of step.earlier) {
        const earlierDay = days[earlierIndex] as number;
        const earlier = steps[earlierIndex] as PlannedStep;
        if (earlierDay > today || !conditionsHold(earlier.conditions, invoice, openCents, daysOverdue)) continue;
        if (isLogged(ctx, earlier.id, masks[earlierIndex] as number)) continue;
        skip(ctx, sink, earlier, earlierDay, 'superseded', step);
      }
      break;
    }
  }
}

/**
 * A reminder (a step before the due date) is for before: never sent once the
 * invoice is overdue, i.e. after its payable day, nor deferred by the contact
 * window past it (issue "reminders are for before"; DOMAIN §4).
 */
function reminderTooLate(ctx: EvaluationContext, step: PlannedStep, dueDay: number): boolean {
  const payable = payableDayOf(ctx, dueDay);
  if (ctx.today > payable) return true;
  return step.isContact && !ctx.windowOpen && toEpochDay(ctx.nextContact.date) > payable;
}

/**
 * Evaluates the follow-ups of a registration (`daysToNextAction`, seed 002)
 * for the current subject: only once the bureau accepted it
 * (`negativation.registeredOn`, state `negativated`), counted from that day; a
 * registration refused, still pending, or already removed gets none.
 */
export function evaluateAfterRegistration(ctx: EvaluationContext, sink: OutcomeSink, dueDay: number, openCents: number): void {
  const registeredDay = registeredDayOf(ctx, ctx.subject.invoice);
  if (Number.isNaN(registeredDay)) return;
  const steps = ctx.plan.afterRegistration;
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i] as PlannedStep;
    const day = stepDay(step, registeredDay, ctx.calendar, true);
    if (day > ctx.today || isLogged(ctx, step.id, ctx.log.afterMasks[i] as number)) continue;
    emit(ctx, sink, step, day, openCents, daysOverdueOf(ctx, dueDay));
  }
}

/** The day the bureau accepted the invoice's registration, when its follow-ups run (`NaN`: none run: no follow-up planned, or not registered). */
export function registeredDayOf(ctx: EvaluationContext, invoice: RulerInvoice): number {
  const negativation = invoice.negativation;
  if (ctx.plan.afterRegistration.length === 0 || negativation?.state !== 'negativated' || negativation.registeredOn === undefined) return Number.NaN;
  return epochDayOfText(negativation.registeredOn);
}

/**
 * Evaluates the settlement steps of the current subject, a settled invoice
 * (paid, or covered by an active/fulfilled agreement): `remove_negativation`
 * when the invoice is registered (the bureau accepted it), `restore_service`
 * when a suspension of it took effect (`serviceCutOn`).
 */
export function evaluateSettledInvoice(ctx: EvaluationContext, sink: OutcomeSink, facts: InvoiceFacts): void {
  const invoice = ctx.subject.invoice;
  const steps = ctx.plan.settlement;
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i] as PlannedStep;
    const day = stepDay(step, facts.settledDay, ctx.calendar, true);
    if (day > ctx.today) continue;
    if (!settlementStepApplies(step, invoice)) continue;
    if (isLogged(ctx, step.id, ctx.log.settlementMasks[i] as number)) continue;
    emit(ctx, sink, step, day, facts.openCents, daysOverdueOf(ctx, facts.dueDay));
  }
}

/**
 * Whether a settlement step has something to undo for the invoice: removal needs a registration the
 * bureau holds; restore follows a suspension that took effect (the host performed it), not one merely asked for.
 */
export function settlementStepApplies(step: PlannedStep, invoice: RulerInvoice): boolean {
  if (step.action.kind === 'remove_negativation') return holdsRegistration(invoice.negativation);
  if (step.action.kind === 'restore_service') return invoice.serviceCutOn !== undefined;
  return true;
}
