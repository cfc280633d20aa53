import { addDays, addMonths, addYears, minDate, prescriptionOn, type CivilDate } from '../calendar/index.js';

/** Years a negative record may be kept (CDC art. 43 §1; STJ Súmula 323). */
export const AGE_LIMIT_YEARS = 5;

/**
 * The day a registration must be gone by: 5 years counted from the day after
 * the due date (CDC art. 43 §1; STJ Súmula 323). A debt due 2021-06-10 may
 * stay registered until 2026-06-10 and must be off on 2026-06-11.
 * @example
 * ```ts
 * import { civilDate } from 'cobranca';
 * import { ageLimitOn } from 'cobranca/negativation';
 *
 * console.log(ageLimitOn(civilDate('2021-06-10'))); // must be off the bureau on this day (CDC art. 43 §1)
 * // → 2026-06-11
 * ```
 */
export function ageLimitOn(dueDate: CivilDate): CivilDate {
  return addYears(addDays(dueDate, 1), AGE_LIMIT_YEARS);
}

/**
 * The first day on which no new submission is accepted: `months` months
 * (Serasa: 4 years 11 months = 59) after the day after the due date.
 * @example
 * ```ts
 * import { civilDate } from 'cobranca';
 * import { submissionCutoffOn } from 'cobranca/negativation';
 *
 * console.log(submissionCutoffOn(civilDate('2021-06-10'), 59)); // Serasa takes no new submission from this day on
 * // → 2026-05-11
 * ```
 */
export function submissionCutoffOn(dueDate: CivilDate, months: number): CivilDate {
  return addMonths(addDays(dueDate, 1), months);
}

export { prescriptionOn };

/**
 * The day a registration expires: the earlier of the age limit and the prescription.
 * @example
 * ```ts
 * import { civilDate } from 'cobranca';
 * import { prescriptionOn, registrationExpiresOn } from 'cobranca/negativation';
 *
 * const due = civilDate('2024-03-15');
 * console.log(registrationExpiresOn(due, prescriptionOn(due, 5)), registrationExpiresOn(due, civilDate('2027-03-16')));
 * // → 2029-03-16 2027-03-16
 * ```
 */
export function registrationExpiresOn(dueDate: CivilDate, prescribesOn: CivilDate): CivilDate {
  return expiresOnOf(ageLimitOn(dueDate), prescribesOn);
}

/** {@link registrationExpiresOn} from an age limit already computed. */
export function expiresOnOf(ageLimit: CivilDate, prescribesOn: CivilDate): CivilDate {
  return minDate(ageLimit, prescribesOn);
}

/** The dates a title's due date decides under a policy (see {@link titleDeadlines}). */
export interface TitleDeadlines {
  readonly ageLimitOn: CivilDate;
  readonly submissionCutoffOn: CivilDate;
  readonly prescribesOn: CivilDate;
}

/** Deadlines computed before, by due date and policy (pure functions of those: a portfolio shares few due dates). */
const deadlines = new Map<string, TitleDeadlines>();
const DEADLINES_CACHE_LIMIT = 4_096;
/** The last look-up (requests in a row often share the due date). */
let lastDeadlines: { readonly dueDate: CivilDate; readonly cutoffMonths: number; readonly prescriptionYears: number; readonly dates: TitleDeadlines } | undefined;

/**
 * {@link ageLimitOn}, {@link submissionCutoffOn} and the prescription of a due
 * date, remembered: the same due date and policy give the same dates, so
 * requests for titles due the same day compute them once.
 */
export function titleDeadlines(dueDate: CivilDate, cutoffMonths: number, prescriptionYears: number): TitleDeadlines {
  const last = lastDeadlines;
  if (last !== undefined && last.dueDate === dueDate && last.cutoffMonths === cutoffMonths && last.prescriptionYears === prescriptionYears) return last.dates;
  const key = `${dueDate}|${cutoffMonths}|${prescriptionYears}`;
  const known = deadlines.get(key);
  if (known !== undefined) {
    lastDeadlines = { dueDate, cutoffMonths, prescriptionYears, dates: known };
    return known;
  }
  const computed: TitleDeadlines = Object.freeze({
    ageLimitOn: ageLimitOn(dueDate),
    submissionCutoffOn: submissionCutoffOn(dueDate, cutoffMonths),
    prescribesOn: prescriptionOn(dueDate, prescriptionYears),
  });
  if (deadlines.size >= DEADLINES_CACHE_LIMIT) deadlines.clear();
  deadlines.set(key, computed);
  lastDeadlines = { dueDate, cutoffMonths, prescriptionYears, dates: computed };
  return computed;
}
