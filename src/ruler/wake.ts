import type { BusinessCalendar, CivilDate } from '../calendar/index.js';
import { payableEpochDay } from '../calendar/due-date.js';
import { isLogged, openStepDays, registeredDayOf, settlementStepApplies, staticConditionsHold, type EvaluationContext, type OpenWake } from './evaluate-subject.js';
import type { InvoiceFacts, RulerInvoice } from './invoice.js';
import { dayTextOf } from './outcome-record.js';
import { stepDay, type PlannedStep } from './plan.js';

/*
 * The next wake day of a subject: the earliest day after today on which its evaluation can yield an
 * outcome it does not yield today, with no write in between and today's outcomes logged. Earlier is
 * safe (an evaluation that finds nothing), later is a bug. What moves with the days alone:
 * - an open step's day comes (business-day shifted as `stepDay` does), or its `minDaysOverdue`
 *   threshold is reached, whichever is later: only then can it be its channel's candidate;
 * - an unmet `minAmount` of a step already due, when the open amount grows by itself (the invoice
 *   carries `updatedAmount`, late charges as of the day): tomorrow;
 * - a dated fact takes effect (a payment, `paidOn`, an agreement's `since` after today): the
 *   invoice's open amount or its settlement changes that day;
 * - a follow-up's day after the registration (`registeredOn`), a settlement step's day after the
 *   settlement day.
 * Staleness, reminders past the payable day, a negativation in progress and the contact window only
 * change which outcome a step yields on the day it comes, never whether it yields one, so they add no
 * day. A step's own later day never matters once it is logged; the wake does not read the log for
 * future steps (a step logged before its day wakes the subject once, harmlessly).
 */

/** The first epoch day on which an invoice due on `dueDay` is `minDays` days overdue (`daysOverdueEpoch`: counted from the due date, once past the payable day). */
export function overdueThresholdDay(dueDay: number, minDays: number, calendar: BusinessCalendar): number {
  if (minDays <= 0) return Number.NEGATIVE_INFINITY;
  const afterPayable = payableEpochDay(dueDay, calendar) + 1;
  return dueDay + minDays > afterPayable ? dueDay + minDays : afterPayable;
}

function openWakeOf(ctx: EvaluationContext, dueDay: number): OpenWake {
  let wake = ctx.openWakes.get(dueDay);
  if (wake === undefined) {
    const steps = ctx.plan.open;
    const days = openStepDays(ctx, dueDay);
    const enter = new Int32Array(steps.length);
    const conditional: number[] = [];
    let next = Number.POSITIVE_INFINITY;
    for (let i = 0; i < steps.length; i++) {
      const step = steps[i] as PlannedStep;
      const conditions = step.conditions;
      const threshold = conditions?.minDaysOverdue === undefined ? Number.NEGATIVE_INFINITY : overdueThresholdDay(dueDay, conditions.minDaysOverdue, ctx.calendar);
      const day = Math.max(days[i] as number, threshold);
      enter[i] = day;
      const onCustomer = conditions !== undefined && (conditions.customerKind !== undefined || conditions.branches !== undefined || conditions.tags !== undefined);
      if (onCustomer || conditions?.minAmount !== undefined) conditional.push(i);
      if (!onCustomer && day > ctx.today && day < next) next = day;
    }
    wake = { enter, next, conditional: Int32Array.from(conditional) };
    ctx.openWakes.set(dueDay, wake);
  }
  return wake;
}

/**
 * The open steps' next wake day for the current subject (after `beginSubject`: an invoice, or a
 * customer through its anchor invoice), `Infinity` when none. `amountGrows`: the subject's open
 * amount can grow without a write (it carries `updatedAmount`), so an unmet `minAmount` may be met
 * tomorrow.
 */
export function openWakeDay(ctx: EvaluationContext, dueDay: number, openCents: number, amountGrows: boolean): number {
  const wake = openWakeOf(ctx, dueDay);
  let best = wake.next;
  const conditional = wake.conditional;
  if (conditional.length === 0) return best;
  const today = ctx.today;
  const steps = ctx.plan.open;
  const invoice = ctx.subject.invoice;
  for (let c = 0; c < conditional.length; c++) {
    const i = conditional[c] as number;
    const step = steps[i] as PlannedStep;
    const conditions = step.conditions;
    if (conditions === undefined) continue;
    const enter = wake.enter[i] as number;
    if (enter > today) {
      if (enter < best && staticConditionsHold(conditions, invoice)) best = enter;
    } else if (
      amountGrows &&
      best > today + 1 &&
      conditions.minAmount !== undefined &&
      openCents < conditions.minAmount.cents &&
      staticConditionsHold(conditions, invoice) &&
      !isLogged(ctx, step.id, ctx.log.openMasks[i] as number)
    ) {
      best = today + 1;
    }
  }
  return best;
}

/** The next day a follow-up of the invoice's registration comes (`Infinity`: none). */
export function afterRegistrationWakeDay(ctx: EvaluationContext, invoice: RulerInvoice): number {
  const registeredDay = registeredDayOf(ctx, invoice);
  if (Number.isNaN(registeredDay)) return Number.POSITIVE_INFINITY;
  let best = Number.POSITIVE_INFINITY;
  const steps = ctx.plan.afterRegistration;
  for (let i = 0; i < steps.length; i++) {
    const day = stepDay(steps[i] as PlannedStep, registeredDay, ctx.calendar, true);
    if (day > ctx.today && day < best) best = day;
  }
  return best;
}

/** The next day a settlement step of a settled invoice comes (`Infinity`: none). */
export function settledWakeDay(ctx: EvaluationContext, invoice: RulerInvoice, facts: InvoiceFacts): number {
  let best = Number.POSITIVE_INFINITY;
  const steps = ctx.plan.settlement;
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i] as PlannedStep;
    const day = stepDay(step, facts.settledDay, ctx.calendar, true);
    if (day > ctx.today && day < best && settlementStepApplies(step, invoice)) best = day;
  }
  return best;
}

/** Records an invoice's wake day (an epoch day; `Infinity` records nothing), keeping the earlier of two for the same invoice. */
export function recordWake(wakes: Map<string, CivilDate>, ctx: EvaluationContext, invoiceId: string, day: number): void {
  if (day === Number.POSITIVE_INFINITY) return;
  const text = dayTextOf(ctx, day);
  const before = wakes.get(invoiceId);
  if (before === undefined || text < before) wakes.set(invoiceId, text);
}
