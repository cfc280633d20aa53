import { fromEpochDay, toEpochDay, type BusinessCalendar, type CivilDate } from '../calendar/index.js';
import { epochDayOfText } from '../calendar/civil-date.js';
import { daysOverdueEpoch, payableEpochDay } from '../calendar/due-date.js';
import { fromCents } from '../money/index.js';
import type { InvoiceFacts, RulerInvoice } from './invoice.js';
import { holdsRegistration, isNegativationInProgress } from './invoice.js';
import type { ContactMoment, DueAction, SkippedStep } from './outcome.js';
import { stepDay, type PlannedStep, type RulerPlan } from './plan.js';
import type { StepConditions } from './step.js';

/** Everything fixed for one evaluation: read once, then used for every invoice. */
export interface EvaluationContext {
  readonly rulerId: string;
  readonly keyPrefix: string;
  readonly plan: RulerPlan;
  readonly calendar: BusinessCalendar;
  readonly today: number;
  readonly windowOpen: boolean;
  readonly nextContact: ContactMoment;
  /** The global log, or `undefined` when only the invoices' own `done` lists are used. */
  readonly isDone: ((key: string) => boolean) | undefined;
  /** Civil dates of epoch days already rendered (a handful per evaluation). */
  readonly dayTexts: Map<number, CivilDate>;
  /** Step days of the open steps per due day (bounded by the number of distinct due dates). */
  readonly openDays: Map<number, Int32Array>;
}

/** Where a batch's outcomes go. */
export interface OutcomeSink {
  due: DueAction[];
  deferred: (DueAction & { notBefore: ContactMoment })[];
  skipped: SkippedStep[];
}

/** The idempotency key of an invoice-anchored step: `<ruler>|i|<invoice>|<step>` (ids length-prefixed, so keys never collide). */
export function invoiceSubjectKey(keyPrefix: string, invoiceId: string): string {
  return `${keyPrefix}i|${invoiceId.length}:${invoiceId}|`;
}

/** The idempotency key prefix of a customer-anchored step: the customer and its anchor invoice. */
export function customerSubjectKey(keyPrefix: string, customerId: string, anchorInvoiceId: string): string {
  return `${keyPrefix}c|${customerId.length}:${customerId}|${anchorInvoiceId.length}:${anchorInvoiceId}|`;
}

function openStepDays(ctx: EvaluationContext, dueDay: number): Int32Array {
  let days = ctx.openDays.get(dueDay);
  if (days === undefined) {
    const steps = ctx.plan.open;
    days = new Int32Array(steps.length);
    for (let i = 0; i < steps.length; i++) days[i] = stepDay(steps[i] as PlannedStep, dueDay, ctx.calendar, false);
    ctx.openDays.set(dueDay, days);
  }
  return days;
}

function dayText(ctx: EvaluationContext, day: number): CivilDate {
  let text = ctx.dayTexts.get(day);
  if (text === undefined) {
    text = fromEpochDay(day);
    ctx.dayTexts.set(day, text);
  }
  return text;
}

/** The key prefix of a subject; `null` stands for the invoice itself (built only when needed, off the hot path). */
function prefixOf(ctx: EvaluationContext, invoice: RulerInvoice, subjectPrefix: string | null): string {
  return subjectPrefix ?? invoiceSubjectKey(ctx.keyPrefix, invoice.id);
}

function isLogged(ctx: EvaluationContext, invoice: RulerInvoice, subjectPrefix: string | null, stepId: string): boolean {
  const own = invoice.done;
  if (own !== undefined) {
    for (let i = 0; i < own.length; i++) if (own[i] === stepId) return true;
  }
  return ctx.isDone !== undefined && ctx.isDone(prefixOf(ctx, invoice, subjectPrefix) + stepId);
}

function conditionsHold(conditions: StepConditions | undefined, invoice: RulerInvoice, openCents: number, daysOverdue: number): boolean {
  if (conditions === undefined) return true;
  if (conditions.minAmount !== undefined && openCents < conditions.minAmount.cents) return false;
  if (conditions.minDaysOverdue !== undefined && daysOverdue < conditions.minDaysOverdue) return false;
  if (conditions.customerKind !== undefined && invoice.customerKind !== conditions.customerKind) return false;
  if (conditions.branches !== undefined && (invoice.branch === undefined || !conditions.branches.includes(invoice.branch))) return false;
  if (conditions.tags !== undefined) {
    const tags = invoice.tags;
    if (tags === undefined) return conditions.tags.length === 0;
    for (const tag of conditions.tags) if (!tags.includes(tag)) return false;
  }
  return true;
}

/** The last day an invoice due on `dueDay` is payable on time (`payableEpochDay`, DOMAIN §1). */
function payableDayOf(ctx: EvaluationContext, dueDay: number): number {
  return payableEpochDay(dueDay, ctx.calendar);
}

function daysOverdueOf(ctx: EvaluationContext, dueDay: number): number {
  return daysOverdueEpoch(dueDay, ctx.today, ctx.calendar);
}

function emit(
  ctx: EvaluationContext,
  sink: OutcomeSink,
  step: PlannedStep,
  key: string,
  day: number,
  invoice: RulerInvoice,
  subject: 'invoice' | 'customer',
  openCents: number,
  daysOverdue: number,
): void {
  const scheduledFor = dayText(ctx, day);
  const openAmount = fromCents(openCents);
  const kind = step.action.kind;
  const action: DueAction =
    kind === 'negativate' || kind === 'remove-negativation'
      ? { key, rulerId: ctx.rulerId, stepId: step.id, action: step.action, subject, invoiceId: invoice.id, customerId: invoice.customerId, scheduledFor, daysOverdue, openAmount, handover: 'negativation' }
      : { key, rulerId: ctx.rulerId, stepId: step.id, action: step.action, subject, invoiceId: invoice.id, customerId: invoice.customerId, scheduledFor, daysOverdue, openAmount };
  if (step.isContact && !ctx.windowOpen) sink.deferred.push({ ...action, notBefore: ctx.nextContact });
  else sink.due.push(action);
}

/**
 * Evaluates the open-invoice steps for one subject (an invoice, or a customer
 * through its anchor invoice). Per channel only the latest step already due is
 * a candidate; if it is not logged it is due now and the earlier unlogged steps
 * of that channel are reported as superseded (catch-up without bursts).
 */
export function evaluateOpenSubject(
  ctx: EvaluationContext,
  sink: OutcomeSink,
  invoice: RulerInvoice,
  dueDay: number,
  openCents: number,
  subjectPrefix: string | null,
  subject: 'invoice' | 'customer',
): void {
  const days = openStepDays(ctx, dueDay);
  const steps = ctx.plan.open;
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
      if (isLogged(ctx, invoice, subjectPrefix, step.id)) break;
      const key = prefixOf(ctx, invoice, subjectPrefix) + step.id;
      if (daysOverdue < 0) daysOverdue = daysOverdueOf(ctx, dueDay);
      if (step.offsetDays < 0 && reminderTooLate(ctx, step, dueDay)) {
        sink.skipped.push({ key, stepId: step.id, invoiceId: invoice.id, customerId: invoice.customerId, scheduledFor: dayText(ctx, day), reason: 'reminder_after_due' });
      } else if (step.staleAfterDays !== undefined && today > day + step.staleAfterDays) {
        sink.skipped.push({ key, stepId: step.id, invoiceId: invoice.id, customerId: invoice.customerId, scheduledFor: dayText(ctx, day), reason: 'stale' });
      } else if (step.action.kind === 'negativate' && isNegativationInProgress(invoice.negativation)) {
        sink.skipped.push({ key, stepId: step.id, invoiceId: invoice.id, customerId: invoice.customerId, scheduledFor: dayText(ctx, day), reason: 'negativation_in_progress' });
      } else {
        emit(ctx, sink, step, key, day, invoice, subject, openCents, daysOverdue);
      }
      for (const earlierIndex of step.earlier) {
        const earlierDay = days[earlierIndex] as number;
        const earlier = steps[earlierIndex] as PlannedStep;
        if (earlierDay > today || !conditionsHold(earlier.conditions, invoice, openCents, daysOverdue)) continue;
        if (isLogged(ctx, invoice, subjectPrefix, earlier.id)) continue;
        const earlierKey = prefixOf(ctx, invoice, subjectPrefix) + earlier.id;
        sink.skipped.push({
          key: earlierKey,
          stepId: earlier.id,
          invoiceId: invoice.id,
          customerId: invoice.customerId,
          scheduledFor: dayText(ctx, earlierDay),
          reason: 'superseded',
          supersededBy: step.id,
        });
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
 * Evaluates the follow-ups of a registration (`daysToNextAction`, seed 002):
 * only once the bureau accepted it (`negativation.registeredOn`, state
 * `negativated`), counted from that day; a registration refused, still
 * pending, or already removed gets none.
 */
export function evaluateAfterRegistration(ctx: EvaluationContext, sink: OutcomeSink, invoice: RulerInvoice, dueDay: number, openCents: number, subjectPrefix: string | null, subject: 'invoice' | 'customer'): void {
  const negativation = invoice.negativation;
  if (ctx.plan.afterRegistration.length === 0 || negativation?.state !== 'negativated' || negativation.registeredOn === undefined) return;
  const registeredDay = epochDayOfText(negativation.registeredOn);
  for (const step of ctx.plan.afterRegistration) {
    const day = stepDay(step, registeredDay, ctx.calendar, true);
    if (day > ctx.today || isLogged(ctx, invoice, subjectPrefix, step.id)) continue;
    emit(ctx, sink, step, prefixOf(ctx, invoice, subjectPrefix) + step.id, day, invoice, subject, openCents, daysOverdueOf(ctx, dueDay));
  }
}

/**
 * Evaluates the settlement steps of a settled invoice (paid, or covered by an
 * active/fulfilled agreement): `remove-negativation` when the invoice is
 * registered (the bureau accepted it), `restore-service` when a suspension
 * of it took effect (`serviceCutOn`).
 */
export function evaluateSettledInvoice(
  ctx: EvaluationContext,
  sink: OutcomeSink,
  invoice: RulerInvoice,
  facts: InvoiceFacts,
  subjectPrefix: string,
): void {
  for (const step of ctx.plan.settlement) {
    const day = stepDay(step, facts.settledDay, ctx.calendar, true);
    if (day > ctx.today) continue;
    if (step.action.kind === 'remove-negativation' && !holdsRegistration(invoice.negativation)) continue;
    if (step.action.kind === 'restore-service' && !serviceWasCut(invoice)) continue;
    if (isLogged(ctx, invoice, subjectPrefix, step.id)) continue;
    const key = prefixOf(ctx, invoice, subjectPrefix) + step.id;
    emit(ctx, sink, step, key, day, invoice, 'invoice', facts.openCents, daysOverdueOf(ctx, facts.dueDay));
  }
}

/** Restore follows a suspension that took effect (the host performed it), not one merely asked for. */
function serviceWasCut(invoice: RulerInvoice): boolean {
  return invoice.serviceCutOn !== undefined;
}
