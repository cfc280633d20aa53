import { err, ok, type Result } from 'neverthrow';
import * as z from 'zod';
import { civilDateSchema, defaultBusinessCalendar, fromEpochDay, LAST_SUPPORTED_YEAR, toEpochDay, type CivilDate } from '../calendar/index.js';
import { daysSinceDueEpoch } from '../calendar/due-date.js';
import { LAST_SUPPORTED_EPOCH_DAY } from '../calendar/civil-date.js';
import { cobrancaError, parseInput, type InputOf } from '../errors.js';
import { exactAddCents, exactSumCents, fromCents, MAX_EXACT_CENTS, nonNegativeMoneySchema, type Money } from '../money/index.js';
import type { AgreementsError } from './errors.js';
import { compileLateChargesPolicy, type AppliedFineRule, type LateChargesCalculator, type LateChargesOptions } from './late-charges-calculator.js';
import { lateChargesPolicySchema } from './late-charges-policy.js';
import { compiledPolicyOf } from './compiled-policy.js';
import { readLateChargesInputFast } from './late-charges-fast-input.js';

/** A payment made towards one invoice. */
export const invoicePaymentSchema = z.object({ date: civilDateSchema, amount: nonNegativeMoneySchema });

/** Input of {@link calculateLateCharges}. */
export const lateChargesInputSchema = z.object({
  /** The invoice's original amount (principal). */
  principal: nonNegativeMoneySchema,
  /** The original due date. */
  dueDate: civilDateSchema,
  /** The date the charges are computed for (the payment date, or today). */
  asOf: civilDateSchema,
  /** Partial payments already made (those after `asOf` are ignored). */
  payments: z.array(invoicePaymentSchema).max(10_000).default([]),
  policy: lateChargesPolicySchema,
});

/** The per-call fields, for a policy that is already compiled. */
const perCallInputSchema = lateChargesInputSchema.omit({ policy: true });

/**
 * Input of {@link calculateLateCharges} as written by the host. `policy` is a plain
 * policy or, to skip parsing it on every call, the calculator `lateChargesCalculator(policy)`
 * returns (it carries its own calendar). A plain policy is compiled once and reused by
 * identity: at once when it is deeply frozen (`Object.freeze` on it and every object in it),
 * otherwise after comparing its JSON with what was compiled, so a mutated policy is never stale.
 */
export type LateChargesInput = Omit<InputOf<typeof lateChargesInputSchema>, 'policy'> & {
  readonly policy: InputOf<typeof lateChargesPolicySchema> | LateChargesCalculator;
};

/** The late charges of one invoice as of a date (every amount exact to the centavo). */
export interface LateCharges {
  readonly dueDate: CivilDate;
  readonly asOf: CivilDate;
  /** The last day the invoice could be paid with no charges (next business day, grace days). */
  readonly chargeFreeUntil: CivilDate;
  /** Calendar days after the original due date (0 when not yet due), shown whether or not charges apply; see `late`. */
  readonly daysLate: number;
  /** Whether charges apply. */
  readonly late: boolean;
  /** Principal still owed. */
  readonly principal: Money;
  /** Fine still owed. */
  readonly fine: Money;
  /** Interest still owed. */
  readonly interest: Money;
  /** Monetary correction still owed. */
  readonly correction: Money;
  /** Everything still owed: principal + fine + interest + correction. */
  readonly total: Money;
  /** Charges accrued over the life of the invoice, paid or not. */
  readonly accrued: { readonly fine: Money; readonly interest: Money; readonly correction: Money };
  /** How the payments up to `asOf` were applied. */
  readonly paid: { readonly principal: Money; readonly charges: Money };
  /** Payment left over once everything was paid. */
  readonly unappliedPayment: Money;
  /** The fine rule as applied, with the consumer cap in force. */
  readonly fineRule: AppliedFineRule;
}

interface Balance {
  principal: number;
  fine: number;
  interest: number;
  correction: number;
  paidPrincipal: number;
  paidCharges: number;
  unapplied: number;
}

/**
 * The late charges of one invoice as of a date (docs/legal.md §1): a due date on a weekend or holiday
 * may be paid on the next business day with no charges, after which days count from the original
 * due date; grace days; a fine charged once (capped at 2% for consumer contracts, CDC art. 52 §1);
 * simple pro-rata interest; monetary correction by an index series. Partial payments cover the
 * charges first (correction, interest, fine) and then the principal, unless the policy says
 * `principal_first`; charges left unpaid are never lost. Interest and correction accrue between
 * payments on the principal then owed, each stretch rounded once.
 *
 * Every figure is exact (src/money/limits.ts). Errors: `invalid_input` (naming the field), `rate_missing`,
 * `index_missing`, `amount_out_of_range` (payments or charges beyond ±2^53 − 1 centavos).
 * @example
 * ```ts
 * import { calculateLateCharges } from 'cobranca/agreements';
 * import { formatBrl } from 'cobranca/money';
 *
 * const policy = { fine: { percent: '2' }, interest: { kind: 'monthly', percent: '1' } } as const;
 *
 * // R$ 1.234,56 due on 10 March, looked at 30 days later: 2% fine, 1% a month pro rata.
 * const charges = calculateLateCharges({ principal: '1234.56', dueDate: '2026-03-10', asOf: '2026-04-09', policy });
 * charges.match(
 *   (c) => console.log(formatBrl(c.fine), formatBrl(c.interest), formatBrl(c.total)), // → R$ 24,69 R$ 12,35 R$ 1.271,60
 *   (error) => console.error(error.code, error.message),
 * );
 *
 * // R$ 500,00 paid on 25 March covered the charges so far, then principal; interest goes on over what is left.
 * const after = calculateLateCharges({
 *   principal: '1234.56',
 *   dueDate: '2026-03-10',
 *   asOf: '2026-04-09',
 *   payments: [{ date: '2026-03-25', amount: '500.00' }],
 *   policy,
 * });
 * after.match(
 *   (c) => console.log(formatBrl(c.principal), formatBrl(c.total)), // → R$ 765,42 R$ 769,25
 *   (error) => console.error(error.code, error.message),
 * );
 *
 * // A date that does not exist is an error naming the field, never a throw.
 * const wrong = calculateLateCharges({ principal: '1234.56', dueDate: '2026-02-30', asOf: '2026-04-09', policy });
 * if (wrong.isErr()) console.log(wrong.error.code, wrong.error.path?.join('.')); // → invalid_input dueDate
 * ```
 */
export function calculateLateCharges(input: LateChargesInput, options: LateChargesOptions = {}): Result<LateCharges, AgreementsError> {
  const calendar = options.calendar ?? defaultBusinessCalendar();
  const calculator = compiledPolicyOf((input as { policy?: unknown } | null)?.policy, calendar);
  const fast = calculator === undefined ? undefined : readLateChargesInputFast(input);
  if (calculator !== undefined && fast !== undefined) return lateChargesWith(calculator, fast.principal, fast.dueDate, fast.asOf, fast.payments);
  if (calculator !== undefined) {
    const perCall = parseInput(perCallInputSchema, input);
    if (perCall.isErr()) return err(perCall.error);
    return lateChargesWith(calculator, perCall.value.principal, perCall.value.dueDate, perCall.value.asOf, perCall.value.payments);
  }
  const parsed = parseInput(lateChargesInputSchema, input);
  if (parsed.isErr()) return err(parsed.error);
  const { principal, dueDate, asOf, payments, policy } = parsed.value;
  return lateChargesWith(compileLateChargesPolicy(policy, calendar), principal, dueDate, asOf, payments);
}

/**
 * {@link calculateLateCharges} over a compiled policy and trusted (already parsed) values: the path
 * the owed-amount rule and the application use, so a portfolio compiles its policy once.
 */
export function lateChargesWith(
  calculator: LateChargesCalculator,
  principal: Money,
  dueDate: CivilDate,
  asOf: CivilDate,
  payments: readonly { readonly date: CivilDate; readonly amount: Money }[],
): Result<LateCharges, AgreementsError> {
  const due = toEpochDay(dueDate);
  const today = toEpochDay(asOf);
  const freeUntil = calculator.chargeFreeUntil(due);
  if (freeUntil > LAST_SUPPORTED_EPOCH_DAY) {
    return err(cobrancaError('invalid_input', `the charge-free window of a due date on ${dueDate} ends after the last supported day (${LAST_SUPPORTED_YEAR}-12-31)`, { path: ['dueDate'] }));
  }
  const late = today > freeUntil;
  const chargesFirst = calculator.policy.paymentOrder === 'charges_first';
  const ordered = payments.length === 0 ? NO_PAYMENTS : orderedPayments(payments, asOf, today);
  if (ordered === undefined) {
    return err(cobrancaError('amount_out_of_range', `the payments add up to more than can be computed exactly (±${MAX_EXACT_CENTS} centavos)`, { path: ['payments'] }));
  }

  const balance: Balance = { principal: principal.cents, fine: 0, interest: 0, correction: 0, paidPrincipal: 0, paidCharges: 0, unapplied: 0 };
  let accruedFine = 0;
  let accruedInterest = 0;
  let accruedCorrection = 0;
  let next = 0;
  // Payments inside the charge-free window reduce the principal before any charge exists.
  while (next < ordered.length && (ordered[next]?.day ?? 0) <= freeUntil) {
    applyPayment(balance, ordered[next]?.cents ?? 0, chargesFirst);
    next++;
  }
  if (late && balance.principal > 0) {
    const fine = calculator.fineCents(balance.principal);
    balance.fine += fine;
    accruedFine = fine;
    let from = due;
    // The stretches end at each payment left and then at the as-of date.
    for (let k = next; k <= ordered.length; k++) {
      const payment = k < ordered.length ? ordered[k] : undefined;
      const to = payment === undefined ? today : payment.day;
      if (to > from && balance.principal > 0) {
        const accrual = calculator.accrue(balance.principal, from, to);
        if (accrual.isErr()) return err(accrual.error);
        const interest = exactAddCents(accruedInterest, accrual.value.interestCents);
        const correction = exactAddCents(accruedCorrection, accrual.value.correctionCents);
        if (interest === undefined || correction === undefined) return err(outOfRange());
        // What is still owed of a charge never exceeds what accrued of it, so these stay exact too.
        balance.interest += accrual.value.interestCents;
        balance.correction += accrual.value.correctionCents;
        accruedInterest = interest;
        accruedCorrection = correction;
      }
      if (to > from) from = to;
      if (payment !== undefined) applyPayment(balance, payment.cents, chargesFirst);
    }
  } else {
    for (let k = next; k < ordered.length; k++) applyPayment(balance, ordered[k]?.cents ?? 0, chargesFirst);
  }

  const total = exactSumCents([balance.principal, balance.fine, balance.interest, balance.correction]);
  if (total === undefined) return err(outOfRange());
  return ok({
    dueDate,
    asOf,
    chargeFreeUntil: fromEpochDay(freeUntil),
    daysLate: daysSinceDueEpoch(due, today),
    late,
    principal: fromCents(balance.principal),
    fine: fromCents(balance.fine),
    interest: fromCents(balance.interest),
    correction: fromCents(balance.correction),
    total: fromCents(total),
    accrued: { fine: fromCents(accruedFine), interest: fromCents(accruedInterest), correction: fromCents(accruedCorrection) },
    paid: { principal: fromCents(balance.paidPrincipal), charges: fromCents(balance.paidCharges) },
    unappliedPayment: fromCents(balance.unapplied),
    fineRule: calculator.fineRule,
  });
}

function outOfRange(): AgreementsError {
  return cobrancaError('amount_out_of_range', `the late charges are beyond what can be computed exactly (±${MAX_EXACT_CENTS} centavos)`, { path: ['principal'] });
}

interface OrderedPayment {
  readonly day: number;
  readonly cents: number;
  readonly index: number;
}

const NO_PAYMENTS: readonly OrderedPayment[] = [];

/**
 * The payments made up to the as-of date, by day (in input order within a day), or `undefined`
 * when their sum is beyond the exact range: once that sum is in range, so is every balance.
 */
function orderedPayments(payments: readonly { readonly date: CivilDate; readonly amount: Money }[], asOf: CivilDate, today: number): readonly OrderedPayment[] | undefined {
  if (exactSumCents(payments.filter((p) => p.date <= asOf).map((p) => p.amount.cents)) === undefined) return undefined;
  return payments
    .map((p, index) => ({ day: toEpochDay(p.date), cents: p.amount.cents, index }))
    .filter((p) => p.day <= today)
    .sort((a, b) => a.day - b.day || a.index - b.index);
}

/** Applies a payment to the balance: the charges (correction, interest, fine) then the principal, or the other way round. */
function applyPayment(balance: Balance, cents: number, chargesFirst: boolean): void {
  let left = cents;
  if (!chargesFirst) left = payPrincipal(balance, left);
  for (const key of CHARGES_IN_PAYMENT_ORDER) {
    const part = Math.min(left, balance[key]);
    balance[key] -= part;
    balance.paidCharges += part;
    left -= part;
  }
  if (chargesFirst) left = payPrincipal(balance, left);
  balance.unapplied += left;
}

const CHARGES_IN_PAYMENT_ORDER = ['correction', 'interest', 'fine'] as const;

/** Pays what it can of the principal; returns what is left of the payment. */
function payPrincipal(balance: Balance, left: number): number {
  const part = Math.min(left, balance.principal);
  balance.principal -= part;
  balance.paidPrincipal += part;
  return left - part;
}
