import { err, ok, type Result } from 'neverthrow';
import type { CivilDate } from '../calendar/index.js';
import { cobrancaError, type ErrorPath } from '../errors.js';
import { allocate, fromCents, INPUT_RANGE_TEXT, withinInputLimit, ZERO, type AllocationPolicy, type Money } from '../money/index.js';
import { ONCE_COMPONENTS, type Components } from './components.js';
import type { AgreementsError } from './errors.js';
import type { Installment } from './installment-plan.js';

function cents(parts: readonly Money[], i: number): number {
  return parts[i]?.cents ?? 0;
}

/**
 * Splits an agreement's components over installments whose amounts are known, so that all three
 * sums hold exactly (docs/legal.md §2.3). Fine, charges and fees go once on the first installment; what
 * is left of each installment (its spread part) is shared by base, surcharge and discount in
 * proportion to the spread parts (leftover centavos by `policy`), the base taking the exact rest.
 *
 * Error `negative_installment` when a spread part is negative and `allowNegative` is off (e.g. the
 * first installment was edited below its once-only charges); `amount_out_of_range` when a part would
 * leave the input range.
 */
export function splitComponents(
  components: Components,
  amounts: readonly Money[],
  dueDates: readonly CivilDate[],
  policy: AllocationPolicy,
  allowNegative: boolean,
  path: ErrorPath = ['installments'],
): Result<Installment[], AgreementsError> {
  const count = amounts.length;
  const once = ONCE_COMPONENTS.reduce((total, name) => total + components[name].cents, 0);
  const spread = amounts.map((amount, i) => amount.cents - (i === 0 ? once : 0));
  for (const [i, part] of spread.entries()) {
    if (part < 0 && !allowNegative) {
      const what = i === 0 && once > 0 ? ' (the first installment carries the fine, charges and fees)' : '';
      return err(cobrancaError('negative_installment', `installment ${i + 1} would be negative${what}`, { path: [...path, i, 'amount'], details: { installment: i + 1 } }));
    }
  }
  const proportional = spread.every((part) => part >= 0) && spread.some((part) => part > 0);
  const shares = (total: Money): Result<Money[], AgreementsError> => {
    const parts = proportional ? allocate(total, spread, policy) : allocate(total, count, policy);
    return parts.isErr() ? err(cobrancaError('invalid_input', parts.error.message, { path })) : ok(parts.value);
  };
  const surcharge = shares(components.surcharge);
  if (surcharge.isErr()) return err(surcharge.error);
  const discount = shares(components.discount);
  if (discount.isErr()) return err(discount.error);
  const installments: Installment[] = [];
  for (let i = 0; i < count; i++) {
    const surchargePart = cents(surcharge.value, i);
    const discountPart = cents(discount.value, i);
    const basePart = (spread[i] ?? 0) - surchargePart - discountPart;
    // A plan is given back later, so every part of it stays within the input range (src/money/limits.ts).
    if (!withinInputLimit(basePart) || !withinInputLimit(cents(amounts, i))) {
      return err(cobrancaError('amount_out_of_range', `installment ${i + 1} would be beyond the supported range of ${INPUT_RANGE_TEXT}`, { path: [...path, i, 'amount'], details: { installment: i + 1 } }));
    }
    const first = i === 0;
    installments.push({
      number: i + 1,
      dueDate: dueDates[i] ?? (dueDates[0] as CivilDate),
      amount: amounts[i] ?? ZERO,
      breakdown: {
        base: fromCents(basePart),
        surcharge: fromCents(surchargePart),
        fine: first ? components.fine : ZERO,
        discount: fromCents(discountPart),
        charges: first ? components.charges : ZERO,
        fees: first ? components.fees : ZERO,
      },
    });
  }
  return ok(installments);
}
