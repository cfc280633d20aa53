import { daysOverdue, prescriptionOn, type BusinessCalendar, type CivilDate } from '../calendar/index.js';
import { formatBrl, type Money } from '../money/index.js';
import { effectiveNoticeOn } from './deadlines.js';
import type { ProtestNotice } from './protest.js';
import type { ProtestSettings } from './settings.js';

/** The names of the protest guards, stable (safe to store and switch on). */
export type ProtestGuardName = 'overdue' | 'minimum_amount' | 'not_paid' | 'not_in_agreement' | 'not_disputed' | 'not_prescribed' | 'no_duplicate' | 'debtor_notified';

/** What the guards look at, as of one day. */
export interface ProtestGuardFacts {
  readonly asOf: CivilDate;
  readonly settings: ProtestSettings;
  readonly dueDate: CivilDate;
  /** The business calendar days overdue are counted on (a due date on a non-business day runs to the next business day). */
  readonly calendar: BusinessCalendar;
  readonly amount: Money;
  readonly paid: boolean;
  readonly inActiveAgreement: boolean;
  readonly disputed: boolean;
  readonly prescribesOn: CivilDate;
  readonly notices: readonly ProtestNotice[];
  readonly key?: string;
  readonly liveKeys?: ReadonlySet<string>;
}

/** Why a guard refused, with the rule behind it. */
export interface ProtestGuardViolation {
  /** The guard that refused. */
  readonly guard: ProtestGuardName;
  /** The law or policy the rule comes from. */
  readonly basis: string;
  /** What is wrong, for people. */
  readonly message: string;
  /** Machine-readable figures of the refusal (days overdue, the prescription day …). */
  readonly details?: Readonly<Record<string, unknown>>;
}

/** A named rule: `check` returns the message of a violation (and details) or `undefined` when it holds. */
interface ProtestGuard {
  readonly name: ProtestGuardName;
  readonly basis: string;
  readonly check: (facts: ProtestGuardFacts) => { message: string; details?: Record<string, unknown> } | undefined;
}

const guard = (name: ProtestGuardName, basis: string, check: ProtestGuard['check']): ProtestGuard => ({ name, basis, check });

/**
 * The day a debt prescribes (CC art. 206 §5 I): the one rule of the calendar kernel, `prescriptionOn`.
 * @example
 * ```ts
 * import { civilDate } from 'cobranca';
 * import { protestPrescriptionOn } from 'cobranca/protest';
 *
 * // No protest may be drawn once the debt prescribes.
 * console.log(protestPrescriptionOn(civilDate('2026-10-01'), 5)); // → 2031-10-02
 * ```
 */
export const protestPrescriptionOn: (dueDate: CivilDate, years: number) => CivilDate = prescriptionOn;

/**
 * Only an overdue title goes to the notary, and only `daysAfterDueDate` days overdue, counted as
 * `daysOverdue` counts them for every module (src/calendar/due-date.ts): a due date on a weekend or
 * holiday runs to the next business day (CC art. 132 §1), so the title is not overdue before that
 * day has passed; from then on the days count from the original due date (docs/protest.md).
 */
const overdue = guard('overdue', 'Lei 9.492/1997 art. 1 (a due, unpaid title); CC art. 132 §1; creditor policy', (f) => {
  const days = daysOverdue(f.dueDate, f.asOf, f.calendar);
  return days >= f.settings.daysAfterDueDate ? undefined : { message: `the title is ${days} days overdue; ${f.settings.daysAfterDueDate} are required`, details: { daysOverdue: days } };
});
const minimumAmount = guard('minimum_amount', 'creditor policy', (f) =>
  f.amount.cents > 0 && f.amount.cents >= f.settings.minimumAmount.cents ? undefined : { message: `${formatBrl(f.amount)} is below the minimum of ${formatBrl(f.settings.minimumAmount)}` },
);
const notPaid = guard('not_paid', 'Lei 9.492/1997 art. 1', (f) => (f.paid ? { message: 'the title is paid' } : undefined));
const notInAgreement = guard('not_in_agreement', 'DOMAIN.md §8 (a debt being settled is not protested)', (f) => (f.inActiveAgreement ? { message: 'the invoice is in an active agreement' } : undefined));
const notDisputed = guard('not_disputed', 'CDC art. 42 (no undue collection of a contested debt)', (f) => (f.disputed ? { message: 'the debt is disputed' } : undefined));
const notPrescribed = guard('not_prescribed', 'CC art. 206 §5 I', (f) => (f.asOf < f.prescribesOn ? undefined : { message: `the debt prescribed on ${f.prescribesOn}`, details: { prescribesOn: f.prescribesOn } }));
const noDuplicate = guard('no_duplicate', 'one protest per debtor, creditor and title', (f) =>
  f.key !== undefined && f.liveKeys?.has(f.key) === true ? { message: 'this title of this debtor is already being protested', details: { key: f.key } } : undefined,
);
const debtorNotified = guard('debtor_notified', 'Lei 9.492/1997 art. 14 (as changed by Lei 14.711/2023)', (f) =>
  effectiveNoticeOn(f.notices, f.asOf) !== undefined ? undefined : { message: 'the debtor has not been validly notified: an electronic notice counts only once confirmed; otherwise paper or public notice' },
);

/** The stages at which guards run: the request, and the registration of the protest by the notary. */
export type ProtestGuardStage = 'request' | 'registration';

/** The guards of each stage. */
const PROTEST_GUARDS: Readonly<Record<ProtestGuardStage, readonly ProtestGuard[]>> = {
  request: [overdue, minimumAmount, notPaid, notInAgreement, notDisputed, notPrescribed, noDuplicate],
  registration: [debtorNotified, notPaid],
};

/** Runs the guards of a stage; every violation is returned (empty = allowed). */
export function runProtestGuards(stage: ProtestGuardStage, facts: ProtestGuardFacts): ProtestGuardViolation[] {
  const violations: ProtestGuardViolation[] = [];
  for (const g of PROTEST_GUARDS[stage]) {
    const found = g.check(facts);
    if (found) violations.push({ guard: g.name, basis: g.basis, message: found.message, ...(found.details ? { details: found.details } : {}) });
  }
  return violations;
}
