import { fromEpochDay, type BusinessCalendar } from '../calendar/index.js';
import { fromCents } from '../money/index.js';
import type { InvoiceFacts, RulerInvoice } from './invoice.js';
import { isNegativationInProgress, isRegistered } from './invoice.js';
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
  readonly isDone: (key: string) => boolean;
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

function daysOverdueOf(ctx: EvaluationContext, dueDay: number): number {
  if (ctx.today <= dueDay) return 0;
  let payableUntil = dueDay;
  while (!ctx.calendar.isBusinessEpochDay(payableUntil)) payableUntil++;
  return ctx.today > payableUntil ? ctx.today - dueDay : 0;
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
  const handover = step.action.kind === 'negativate' || step.action.kind === 'remove-negativation';
  const action: DueAction = {
    key,
    rulerId: ctx.rulerId,
    stepId: step.id,
    action: step.action,
    subject,
    invoiceId: invoice.id,
    customerId: invoice.customerId,
    scheduledFor: fromEpochDay(day),
    daysOverdue,
    openAmount: fromCents(openCents),
    ...(handover ? { handover: 'negativation' as const } : {}),
  };
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
  subjectPrefix: string,
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
      const key = subjectPrefix + step.id;
      if (ctx.isDone(key)) break;
      if (daysOverdue < 0) daysOverdue = daysOverdueOf(ctx, dueDay);
      if (step.action.kind === 'negativate' && isNegativationInProgress(invoice.negativation?.state)) {
        sink.skipped.push({ key, stepId: step.id, invoiceId: invoice.id, customerId: invoice.customerId, scheduledFor: fromEpochDay(day), reason: 'negativation_in_progress' });
      } else {
        emit(ctx, sink, step, key, day, invoice, subject, openCents, daysOverdue);
      }
      for (const earlierIndex of step.earlier) {
        const earlierDay = days[earlierIndex] as number;
        const earlier = steps[earlierIndex] as PlannedStep;
        if (earlierDay > today || !conditionsHold(earlier.conditions, invoice, openCents, daysOverdue)) continue;
        const earlierKey = subjectPrefix + earlier.id;
        if (ctx.isDone(earlierKey)) continue;
        sink.skipped.push({
          key: earlierKey,
          stepId: earlier.id,
          invoiceId: invoice.id,
          customerId: invoice.customerId,
          scheduledFor: fromEpochDay(earlierDay),
          reason: 'superseded',
          supersededBy: step.id,
        });
      }
      break;
    }
  }
}

/**
 * Evaluates the settlement steps of a settled invoice (paid, or covered by an
 * active/fulfilled agreement): `remove-negativation` when the invoice is
 * registered, `restore-service` when a suspend/reduce step was logged for it.
 * `alsoLoggedUnder` is the customer subject when the ruler runs per customer.
 */
export function evaluateSettledInvoice(
  ctx: EvaluationContext,
  sink: OutcomeSink,
  invoice: RulerInvoice,
  facts: InvoiceFacts,
  subjectPrefix: string,
  alsoLoggedUnder: string | undefined,
): void {
  for (const step of ctx.plan.settlement) {
    const day = stepDay(step, facts.settledDay, ctx.calendar, true);
    if (day > ctx.today) continue;
    if (step.action.kind === 'remove-negativation' && !isRegistered(invoice.negativation?.state)) continue;
    if (step.action.kind === 'restore-service' && !serviceWasCut(ctx, subjectPrefix, alsoLoggedUnder)) continue;
    const key = subjectPrefix + step.id;
    if (ctx.isDone(key)) continue;
    emit(ctx, sink, step, key, day, invoice, 'invoice', facts.openCents, daysOverdueOf(ctx, facts.dueDay));
  }
}

function serviceWasCut(ctx: EvaluationContext, subjectPrefix: string, alsoLoggedUnder: string | undefined): boolean {
  for (const step of ctx.plan.open) {
    if (step.action.kind !== 'suspend-service' && step.action.kind !== 'reduce-service') continue;
    if (ctx.isDone(subjectPrefix + step.id)) return true;
    if (alsoLoggedUnder !== undefined && ctx.isDone(alsoLoggedUnder + step.id)) return true;
  }
  return false;
}
