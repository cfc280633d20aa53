import { err, ok, type Result } from 'neverthrow';
import * as z from 'zod';
import { civilDateSchema, defaultBusinessCalendar, type CivilDate } from '../calendar/index.js';
import { cobrancaError, parseInput, type InputOf } from '../errors.js';
import { exactSumCents, fromCents, nonNegativeMoneySchema, ZERO, type Money } from '../money/index.js';
import type { AgreementsError } from './errors.js';
import { compileLateChargesPolicy, type LateChargesCalculator, type LateChargesOptions } from './late-charges-calculator.js';
import { lateChargesPolicySchema } from './late-charges-policy.js';
import { invoicePaymentSchema, lateChargesWith } from './late-charges.js';

/**
 * Input of {@link owedAmount}: one debt's principal, due date and payments, the
 * late-charges policy (its rate and index series included) or none, and the day.
 */
export const owedAmountInputSchema = z.object({
  principal: nonNegativeMoneySchema,
  dueDate: civilDateSchema,
  asOf: civilDateSchema,
  /** Payments made (those after `asOf` are ignored). */
  payments: z.array(invoicePaymentSchema).max(10_000).default([]),
  /** The late-charges policy; without one nothing but the principal is owed. */
  policy: lateChargesPolicySchema.optional(),
});

/** Input of {@link owedAmount} as written by the host. */
export type OwedAmountInput = InputOf<typeof owedAmountInputSchema>;

/**
 * How much one debt owes on a day, by component (every figure exact to the
 * centavo): the one answer the ruler, the updated invoice, payments, the
 * negativation's settlement and the panels all read.
 */
export interface OwedAmount {
  readonly asOf: CivilDate;
  /** Principal still owed. */
  readonly principal: Money;
  /** Fine still owed. */
  readonly fine: Money;
  /** Default interest still owed. */
  readonly interest: Money;
  /** Monetary correction still owed. */
  readonly correction: Money;
  /** Everything still owed: principal + fine + interest + correction. */
  readonly owed: Money;
  /** What the payments up to `asOf` add up to. */
  readonly paid: Money;
  /** Whether the debt is settled in full, charges included (docs/legal.md §3 "full payment"). */
  readonly settled: boolean;
  /** Whether the principal alone is paid (what a principal-only removal setting reads). */
  readonly principalPaid: boolean;
}

/** A debt as the trusted path of {@link owedAmountWith} reads it. */
export interface OwedSubject {
  readonly principal: Money;
  readonly dueDate: CivilDate;
  readonly payments: readonly { readonly date: CivilDate; readonly amount: Money }[];
}

/**
 * The one owed-amount rule (docs/legal.md §1 and §3) over a compiled policy, or none
 * (`undefined`: the principal less the payments). Payments cover charges first
 * unless the policy says otherwise; unpaid charges are never lost.
 *
 * Errors: `rate_missing`, `index_missing`, `amount_out_of_range`.
 */
export function owedAmountWith(calculator: LateChargesCalculator | undefined, subject: OwedSubject, asOf: CivilDate): Result<OwedAmount, AgreementsError> {
  const paidCents = exactSumCents(paidUpTo(subject.payments, asOf));
  if (paidCents === undefined) return err(cobrancaError('amount_out_of_range', 'the payments left the supported range', { path: ['payments'] }));
  if (!calculator) {
    const principal = Math.max(0, subject.principal.cents - paidCents);
    return ok({ asOf, principal: fromCents(principal), fine: ZERO, interest: ZERO, correction: ZERO, owed: fromCents(principal), paid: fromCents(paidCents), settled: principal === 0, principalPaid: principal === 0 });
  }
  const charges = lateChargesWith(calculator, subject.principal, subject.dueDate, asOf, subject.payments);
  if (charges.isErr()) return err(charges.error);
  const c = charges.value;
  return ok({
    asOf,
    principal: c.principal,
    fine: c.fine,
    interest: c.interest,
    correction: c.correction,
    owed: c.total,
    paid: fromCents(paidCents),
    settled: c.total.cents === 0,
    principalPaid: c.principal.cents === 0,
  });
}

function* paidUpTo(payments: OwedSubject['payments'], asOf: CivilDate): Generator<number> {
  for (const payment of payments) if (payment.date <= asOf) yield payment.amount.cents;
}

/**
 * How much a debt owes on a day (principal, payments, policy with its rates,
 * date → principal, fine, interest, correction, owed, settled). The input is
 * parsed; a bad one is `invalid_input` naming the field.
 *
 * @example
 * ```ts
 * import { owedAmount } from 'cobranca/agreements';
 * import { formatBrl } from 'cobranca/money';
 *
 * const owed = owedAmount({ principal: '1000.00', dueDate: '2026-03-10', asOf: '2026-04-09', policy: { interest: { kind: 'monthly', percent: '1' } } });
 * owed.match(
 *   (o) => console.log(formatBrl(o.owed), formatBrl(o.fine), formatBrl(o.interest)), // → R$ 1.030,00 R$ 20,00 R$ 10,00
 *   (error) => console.error(error.code, error.message),
 * );
 * ```
 */
export function owedAmount(input: OwedAmountInput, options: LateChargesOptions = {}): Result<OwedAmount, AgreementsError> {
  const parsed = parseInput(owedAmountInputSchema, input);
  if (parsed.isErr()) return err(parsed.error);
  const { principal, dueDate, asOf, payments, policy } = parsed.value;
  const calculator = policy ? compileLateChargesPolicy(policy, options.calendar ?? defaultBusinessCalendar()) : undefined;
  return owedAmountWith(calculator, { principal, dueDate, payments }, asOf);
}
