import * as z from 'zod';
import { LAST_SUPPORTED_EPOCH_DAY } from '../calendar/civil-date.js';
import { addDays, addMonths, civilDateSchema, fromEpochDay, dateParts, epochDayOf, payableOn, toEpochDay, type BusinessCalendar, type CivilDate } from '../calendar/index.js';

/** The most installments one agreement may have (30 years of monthly payments). */
export const MAX_INSTALLMENTS = 360;

const newInvoiceFields = {
  /** Description of the new invoice(s) (seed 004, "Descrição da Nova Fatura"). */
  description: z.string().min(1).max(500),
  /** The payment profile to bill with (seed 004, "Profile de Pagamento"). */
  paymentProfile: z.string().min(1).max(200),
};

/**
 * How the total is paid (seed 004, "Parcelar acordo"):
 * - `single`: one new invoice with a new due date;
 * - `regular`: `count` installments from `firstDueDate`, monthly (month-end clamped from the first
 *   date: 31 Jan → 28 Feb → 31 Mar), weekly (7 days) or fortnightly (15 days, "quinzenal");
 * - `dates`: explicit due dates, strictly increasing.
 * With `moveToBusinessDay`, a due date on a weekend or holiday moves to the next business day.
 */
export const installmentsRuleSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('single'), dueDate: civilDateSchema, ...newInvoiceFields, moveToBusinessDay: z.boolean().default(false) }),
  z.object({
    kind: z.literal('regular'),
    count: z.number().int().min(1).max(MAX_INSTALLMENTS),
    firstDueDate: civilDateSchema,
    frequency: z.enum(['monthly', 'weekly', 'fortnightly']).default('monthly'),
    ...newInvoiceFields,
    moveToBusinessDay: z.boolean().default(false),
  }),
  z.object({ kind: z.literal('dates'), dates: z.array(civilDateSchema).min(1).max(MAX_INSTALLMENTS), ...newInvoiceFields, moveToBusinessDay: z.boolean().default(false) }),
]);

/** A parsed installments rule. */
export type InstallmentsRule = z.output<typeof installmentsRuleSchema>;

/** The last day a schedule may reach (a week short of the last supported day, 9999-12-31, so a business-day move still lands on a date). */
export const LAST_SCHEDULABLE_DAY = fromEpochDay(LAST_SUPPORTED_EPOCH_DAY - 7);

/** Whether every due date of the rule, moves included, stays on the supported calendar (up to {@link LAST_SCHEDULABLE_DAY}). */
export function scheduleFits(rule: InstallmentsRule): boolean {
  const limit = toEpochDay(LAST_SCHEDULABLE_DAY);
  if (rule.kind === 'single') return toEpochDay(rule.dueDate) <= limit;
  if (rule.kind === 'dates') return rule.dates.every((d) => toEpochDay(d) <= limit);
  const { year, month, day } = dateParts(rule.firstDueDate);
  if (rule.frequency === 'monthly') {
    const last = year * 12 + (month - 1) + (rule.count - 1);
    return epochDayOf(Math.floor(last / 12), (last % 12) + 1, 1) + day - 1 <= limit;
  }
  return toEpochDay(rule.firstDueDate) + (rule.count - 1) * (rule.frequency === 'weekly' ? 7 : 15) <= limit;
}

/** The due dates of a rule, in order (before any business-day move). */
export function scheduledDates(rule: InstallmentsRule): CivilDate[] {
  if (rule.kind === 'single') return [rule.dueDate];
  if (rule.kind === 'dates') return [...rule.dates];
  const dates: CivilDate[] = [];
  for (let i = 0; i < rule.count; i++) {
    if (rule.frequency === 'monthly') dates.push(addMonths(rule.firstDueDate, i));
    else dates.push(addDays(rule.firstDueDate, i * (rule.frequency === 'weekly' ? 7 : 15)));
  }
  return dates;
}

/** The due dates of a rule, moved to business days when the rule asks. */
export function dueDatesOf(rule: InstallmentsRule, calendar: BusinessCalendar): CivilDate[] {
  const dates = scheduledDates(rule);
  return rule.moveToBusinessDay ? dates.map((d) => payableOn(d, calendar)) : dates;
}
