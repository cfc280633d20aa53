import { err, ok, type Result } from 'neverthrow';
import * as z from 'zod';
import { civilDateSchema, type CivilDate } from '../calendar/index.js';
import { cobrancaError, parseInput, type InputOf } from '../errors.js';
import { allocate, exactSumCents, fromCents, INPUT_RANGE_TEXT, moneySchema, toDecimalString, withinInputLimit, type Money } from '../money/index.js';
import { componentsTotalCents, type Components } from './components.js';
import type { AgreementsError } from './errors.js';
import { installmentPlanSchema, type InstallmentPlan } from './installment-plan.js';
import { MAX_INSTALLMENTS } from './schedule.js';
import { splitComponents } from './split-plan.js';

/**
 * An operator's edit of a plan (seed 004 "Editar", seed 001):
 * - `changes`: new amount and/or due date of installments, by number;
 * - `additionalDiscount`: more discount in R$ — negative for seed 001's "desconto negativo", which is
 *   a surcharge that raises the total;
 * - `rebalance`: what to do when the installments no longer add up: `none` (refuse, giving the
 *   difference; the default), `following` (spread the difference over the installments after the
 *   last changed one) or `last` (put it on the last installment).
 */
export const installmentEditSchema = z.object({
  changes: z
    .array(z.object({ number: z.number().int().min(1), amount: moneySchema.optional(), dueDate: civilDateSchema.optional() }))
    .max(MAX_INSTALLMENTS)
    .default([]),
  additionalDiscount: moneySchema.optional(),
  rebalance: z.enum(['none', 'following', 'last']).default('none'),
});

/** An edit as written by the host. */
export type InstallmentEdit = InputOf<typeof installmentEditSchema>;

/** A plan as given back by the host (a {@link InstallmentPlan} or its JSON). */
export type InstallmentPlanInput = InputOf<typeof installmentPlanSchema>;

/**
 * Changes installments of a plan (docs/legal.md §2.3). The plan is valid only when the installments
 * still add up to the total: seed 001's debt of 373.52 split as 2 × 200.00 is refused with a
 * difference of 26.48, and accepted once a negative discount of 26.48 makes the total 400.00. The
 * components are re-split so that all three sums stay exact.
 *
 * Every sum is exact (src/money/limits.ts): the plan's total, installments and breakdowns stay within
 * ±R$ 1 trillion, so it can be given back later; an edit that would leave that range is refused.
 *
 * Errors: `invalid_input`, `installment_not_found`, `due_date_before_as_of`, `account_plan_missing`,
 * `plan_unbalanced` (`details.difference` = installments − total), `negative_installment`,
 * `amount_out_of_range`.
 * @example
 * ```ts
 * import { editInstallment, proposeAgreement } from 'cobranca/agreements';
 * import { formatBrl } from 'cobranca/money';
 *
 * const agreement = proposeAgreement({
 *   kind: 'new_proposal', asOf: '2026-04-09', toleranceDate: '2026-04-30', category: 'renegociação',
 *   invoices: [{ id: 'f-101', amount: '1234.56', dueDate: '2026-03-10' }], selectedInvoiceIds: ['f-101'],
 *   installments: { kind: 'regular', count: 3, firstDueDate: '2026-04-20', description: 'Acordo f-101', paymentProfile: 'boleto' },
 * });
 * // The operator asks for R$ 600,00 in the first installment; the following ones absorb the difference.
 * const edited = agreement.andThen(({ plan }) => editInstallment(plan, { changes: [{ number: 1, amount: '600.00' }], rebalance: 'following' }));
 * edited.match(
 *   (plan) => console.log(plan.installments.map((i) => formatBrl(i.amount)).join(' + ')), // → R$ 600,00 + R$ 317,28 + R$ 317,28
 *   (error) => console.error(error.code, error.message),
 * );
 * ```
 */
export function editInstallment(planInput: InstallmentPlanInput, editInput: InstallmentEdit): Result<InstallmentPlan, AgreementsError> {
  const parsedPlan = parseInput(installmentPlanSchema, planInput, ['plan']);
  if (parsedPlan.isErr()) return err(parsedPlan.error);
  const parsedEdit = parseInput(installmentEditSchema, editInput, ['edit']);
  if (parsedEdit.isErr()) return err(parsedEdit.error);
  const plan = parsedPlan.value;
  const edit = parsedEdit.value;

  const installmentsSum = exactSumCents(plan.installments.map((i) => i.amount.cents));
  if (componentsTotalCents(plan.components) !== plan.total.cents || installmentsSum !== plan.total.cents) {
    return err(cobrancaError('invalid_input', 'the plan given does not add up to its own total', { path: ['plan', 'total'] }));
  }

  let components: Components = plan.components;
  if (edit.additionalDiscount && edit.additionalDiscount.cents !== 0) {
    components = { ...components, discount: fromCents(components.discount.cents - edit.additionalDiscount.cents) };
    if (components.discount.cents !== 0 && plan.accountPlan.discount === undefined) {
      return err(cobrancaError('account_plan_missing', 'a chart-of-accounts code is required for the discount', { path: ['edit', 'additionalDiscount'] }));
    }
  }
  const total = componentsTotalCents(components);
  if (!withinInputLimit(total) || !withinInputLimit(components.discount.cents)) {
    return err(outOfRange(`the agreement's total (or its discount) would be beyond the supported range of ${INPUT_RANGE_TEXT}`, ['edit', 'additionalDiscount']));
  }

  const amounts: Money[] = plan.installments.map((i) => i.amount);
  const dueDates: CivilDate[] = plan.installments.map((i) => i.dueDate);
  let lastAmountChanged = -1;
  for (const [k, change] of edit.changes.entries()) {
    const index = plan.installments.findIndex((i) => i.number === change.number);
    if (index < 0) return err(cobrancaError('installment_not_found', `the plan has no installment ${change.number}`, { path: ['edit', 'changes', k, 'number'] }));
    if (change.amount) {
      amounts[index] = change.amount;
      lastAmountChanged = Math.max(lastAmountChanged, index);
    }
    if (change.dueDate) {
      if (change.dueDate < plan.asOf) {
        return err(cobrancaError('due_date_before_as_of', `a due date may not be before ${plan.asOf}`, { path: ['edit', 'changes', k, 'dueDate'] }));
      }
      dueDates[index] = change.dueDate;
    }
  }
  for (let i = 1; i < dueDates.length; i++) {
    if ((dueDates[i] ?? '') > (dueDates[i - 1] ?? '')) continue;
    // As in a proposal, installments stay in date order: point at the change that broke it.
    const moved = edit.changes.findIndex((c) => c.dueDate !== undefined && (c.number === plan.installments[i]?.number || c.number === plan.installments[i - 1]?.number));
    return err(cobrancaError('dates_not_increasing', `installment ${i + 1} would fall due on ${dueDates[i]}, not after installment ${i} (${dueDates[i - 1]})`, { path: ['edit', 'changes', Math.max(moved, 0), 'dueDate'] }));
  }

  const amountsSum = exactSumCents(amounts.map((a) => a.cents));
  if (amountsSum === undefined) return err(outOfRange('the installments add up to more than can be computed exactly', ['edit', 'changes']));
  const difference = amountsSum - total;
  if (difference !== 0) {
    const rebalanced = rebalance(amounts, difference, lastAmountChanged, edit.rebalance, plan.allocation);
    if (!rebalanced) {
      return err(
        cobrancaError('plan_unbalanced', `the installments add up to ${toDecimalString(fromCents(total + difference))} but the total is ${toDecimalString(fromCents(total))}: difference ${toDecimalString(fromCents(difference))}`, {
          path: ['edit', 'changes'],
          details: { difference: fromCents(difference), installmentsTotal: fromCents(total + difference), total: fromCents(total) },
        }),
      );
    }
    const beyond = amounts.findIndex((a) => !withinInputLimit(a.cents));
    if (beyond >= 0) return err(outOfRange(`installment ${beyond + 1} would be beyond the supported range of ${INPUT_RANGE_TEXT} once rebalanced`, ['edit', 'changes']));
  }

  const installments = splitComponents(components, amounts, dueDates, plan.allocation, plan.allowNegativeInstallments, ['plan', 'installments']);
  if (installments.isErr()) return err(installments.error);
  const keptInvoiceIds = installments.value.map((installment, i) => {
    const invoiceId = plan.installments[i]?.invoiceId;
    return invoiceId === undefined ? installment : { ...installment, invoiceId };
  });
  return ok({ ...plan, total: fromCents(total), components, installments: keptInvoiceIds });
}

function outOfRange(message: string, path: (string | number)[]): AgreementsError {
  return cobrancaError('amount_out_of_range', message, { path });
}

/** Moves `−difference` onto the installments the mode names, in place; false when it cannot. */
function rebalance(amounts: Money[], difference: number, lastChanged: number, mode: 'none' | 'following' | 'last', policy: 'first' | 'last' | 'largest_remainder'): boolean {
  if (mode === 'none') return false;
  const lastIndex = amounts.length - 1;
  if (mode === 'last') {
    if (lastChanged >= lastIndex) return false;
    amounts[lastIndex] = fromCents((amounts[lastIndex]?.cents ?? 0) - difference);
    return true;
  }
  const following = amounts.length - (lastChanged + 1);
  if (following <= 0) return false;
  const shares = allocate(fromCents(-difference), following, policy);
  if (shares.isErr()) return false;
  shares.value.forEach((share, k) => {
    const index = lastChanged + 1 + k;
    amounts[index] = fromCents((amounts[index]?.cents ?? 0) + share.cents);
  });
  return true;
}
