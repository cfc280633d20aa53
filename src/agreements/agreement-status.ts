import { err, ok, type Result } from 'neverthrow';
import * as z from 'zod';
import { addDays, civilDateSchema, type CivilDate } from '../calendar/index.js';
import { cobrancaError, parseInput, type InputOf } from '../errors.js';
import { exactAddCents, exactSumCents, fromCents, moneySchema, nonNegativeMoneySchema, type Money } from '../money/index.js';
import type { AgreementsError } from './errors.js';
import { MAX_PLAN_INSTALLMENTS, numberedInOrder } from './installment-plan.js';

/** What {@link agreementStatus} reads of an agreement (extra fields are ignored). */
export const agreementStatusSubjectSchema = z.object({
  toleranceDate: civilDateSchema,
  /** The day the agreement was cancelled, if it was. */
  cancelledOn: civilDateSchema.optional(),
  plan: z.object({
    installments: z
      .array(z.object({ number: z.number().int().min(1), dueDate: civilDateSchema, amount: moneySchema }))
      .min(1)
      .max(MAX_PLAN_INSTALLMENTS)
      .refine(numberedInOrder, 'installments must be numbered 1, 2, … in order')
      .readonly(),
  }),
});

/** A payment towards an installment of an agreement. */
export const agreementPaymentSchema = z.object({ installment: z.number().int().min(1), amount: nonNegativeMoneySchema, date: civilDateSchema });

/** An agreement as {@link agreementStatus} reads it. */
export type AgreementStatusSubject = InputOf<typeof agreementStatusSubjectSchema>;

/** A payment as written by the host. */
export type AgreementPaymentInput = InputOf<typeof agreementPaymentSchema>;

/** The life of an agreement (docs/legal.md §2.4). */
export type AgreementState = 'active' | 'fulfilled' | 'broken' | 'cancelled';

/** Where one installment stands. */
export interface InstallmentStatus {
  readonly number: number;
  readonly dueDate: CivilDate;
  readonly amount: Money;
  readonly paid: Money;
  readonly outstanding: Money;
  /** `paid` in full; `late` when unpaid after its due date; else `pending`. */
  readonly status: 'paid' | 'pending' | 'late';
  /** The day the installment was paid in full, or `null`. */
  readonly paidOn: CivilDate | null;
  /** The last day it may be paid before the agreement is broken: the later of its due date and the tolerance date. */
  readonly deadline: CivilDate;
}

/** The answer of {@link agreementStatus}. */
export interface AgreementStatus {
  readonly asOf: CivilDate;
  readonly status: AgreementState;
  /** The first day the agreement counted as broken, or `null`. A broken agreement stays broken. */
  readonly brokenOn: CivilDate | null;
  readonly installments: readonly InstallmentStatus[];
  readonly paidTotal: Money;
  readonly outstandingTotal: Money;
}

/**
 * The state of an agreement as of a date (docs/legal.md §2.4, seed 004's panels): `cancelled`;
 * `broken` when an installment was still unpaid after its deadline (the later of its due date and
 * the agreement's tolerance date — sticky: a broken agreement is a new debt); `fulfilled` when every
 * installment is paid; else `active`. Payments dated after `asOf` are ignored.
 *
 * Sums are exact (src/money/limits.ts). Errors: `invalid_input`, `installment_not_found` (a payment names an
 * unknown installment), `amount_out_of_range` (payments or installments adding up beyond the exact range).
 * @example
 * ```ts
 * import { agreementStatus, proposeAgreement } from 'cobranca/agreements';
 *
 * const agreement = proposeAgreement({
 *   kind: 'new_proposal', asOf: '2026-04-09', toleranceDate: '2026-04-30', category: 'renegociação',
 *   invoices: [{ id: 'f-101', amount: '1234.56', dueDate: '2026-03-10' }], selectedInvoiceIds: ['f-101'],
 *   installments: { kind: 'regular', count: 3, firstDueDate: '2026-04-20', description: 'Acordo f-101', paymentProfile: 'boleto' },
 * });
 * // The first installment was paid on time; on 25 May the second, due 20 May, is still unpaid.
 * const status = agreement.andThen((a) => agreementStatus(a, [{ installment: 1, amount: '411.52', date: '2026-04-20' }], '2026-05-25'));
 * status.match(
 *   (s) => console.log(s.status), // → broken
 *   (error) => console.error(error.code, error.message),
 * );
 * ```
 */
export function agreementStatus(agreement: AgreementStatusSubject, payments: readonly AgreementPaymentInput[], asOf: string): Result<AgreementStatus, AgreementsError> {
  const parsedAgreement = parseInput(agreementStatusSubjectSchema, agreement, ['agreement']);
  if (parsedAgreement.isErr()) return err(parsedAgreement.error);
  const parsedPayments = parseInput(z.array(agreementPaymentSchema).max(100_000), payments, ['payments']);
  if (parsedPayments.isErr()) return err(parsedPayments.error);
  const parsedAsOf = parseInput(civilDateSchema, asOf, ['asOf']);
  if (parsedAsOf.isErr()) return err(parsedAsOf.error);
  return statusOfParsedAgreement(parsedAgreement.value, parsedPayments.value, parsedAsOf.value);
}

/** An agreement {@link agreementStatus} has parsed (or one the library built and stored itself). */
export type ParsedAgreementStatusSubject = z.output<typeof agreementStatusSubjectSchema>;

/** A payment {@link agreementStatus} has parsed. */
export type ParsedAgreementPayment = z.output<typeof agreementPaymentSchema>;

/**
 * {@link agreementStatus} after parsing: the same answer for values already in their parsed form, such as an
 * agreement the library built and stored and the payment records beside it (no schema walked per call).
 * Internal: hosts call {@link agreementStatus}; a property test proves the two equal.
 */
export function statusOfParsedAgreement(agreement: ParsedAgreementStatusSubject, payments: readonly ParsedAgreementPayment[], today: CivilDate): Result<AgreementStatus, AgreementsError> {
  const { toleranceDate, cancelledOn, plan } = agreement;

  const byNumber = new Map(plan.installments.map((installment, index) => [installment.number, index]));
  const paidSoFar = plan.installments.map(() => 0);
  const paidOn: (CivilDate | null)[] = plan.installments.map(() => null);
  const ordered = payments.map((payment, index) => ({ payment, index })).sort((a, b) => (a.payment.date < b.payment.date ? -1 : a.payment.date > b.payment.date ? 1 : a.index - b.index));
  for (const { payment, index } of ordered) {
    const slot = byNumber.get(payment.installment);
    if (slot === undefined) return err(cobrancaError('installment_not_found', `the agreement has no installment ${payment.installment}`, { path: ['payments', index, 'installment'] }));
    if (payment.date > today) continue;
    const paidNow = exactAddCents(paidSoFar[slot] ?? 0, payment.amount.cents);
    if (paidNow === undefined) return err(outOfRange(['payments', index, 'amount']));
    paidSoFar[slot] = paidNow;
    const amount = plan.installments[slot]?.amount.cents ?? 0;
    if (paidOn[slot] === null && (paidSoFar[slot] ?? 0) >= amount) paidOn[slot] = payment.date;
  }

  let brokenOn: CivilDate | null = null;
  const paidTotal = exactSumCents(paidSoFar);
  if (paidTotal === undefined) return err(outOfRange(['payments']));
  const installments = plan.installments.map((installment, i): InstallmentStatus => {
    const deadline = installment.dueDate > toleranceDate ? installment.dueDate : toleranceDate;
    const settledOn = installment.amount.cents <= 0 ? installment.dueDate : (paidOn[i] ?? null);
    const paid = paidSoFar[i] ?? 0;
    const outstanding = Math.max(0, installment.amount.cents - paid);
    if ((settledOn === null || settledOn > deadline) && deadline < today) {
      const breakDay = addDays(deadline, 1);
      if (brokenOn === null || breakDay < brokenOn) brokenOn = breakDay;
    }
    const status = settledOn !== null ? 'paid' : today > installment.dueDate ? 'late' : 'pending';
    return { number: installment.number, dueDate: installment.dueDate, amount: installment.amount, paid: fromCents(paid), outstanding: fromCents(outstanding), status, paidOn: settledOn, deadline };
  });

  const outstandingTotal = exactSumCents(installments.map((i) => i.outstanding.cents));
  if (outstandingTotal === undefined) return err(outOfRange(['agreement', 'plan', 'installments']));
  const allPaid = installments.every((i) => i.status === 'paid');
  const status: AgreementState = cancelledOn !== undefined && cancelledOn <= today ? 'cancelled' : brokenOn !== null ? 'broken' : allPaid ? 'fulfilled' : 'active';
  return ok({ asOf: today, status, brokenOn, installments, paidTotal: fromCents(paidTotal), outstandingTotal: fromCents(outstandingTotal) });
}

function outOfRange(path: (string | number)[]): AgreementsError {
  return cobrancaError('amount_out_of_range', 'the amounts add up to more than can be computed exactly (±2^53 − 1 centavos)', { path });
}
