import type { Decimal } from 'decimal.js';
import { err, ok, type Result } from 'neverthrow';
import * as z from 'zod';
import { cobrancaError, type InputOf } from '../errors.js';
import type { AgreementsError } from './errors.js';
import { percentSchema } from './percent.js';

/**
 * The consumer cap on an agreement's fine (CDC art. 52 §1: at most 2% on a
 * consumer debt), as on late charges: `consumerContract` (true unless the
 * debtor is a business: the legally safe default), the cap, and what to do with
 * a fine above it: `cap` it (the agreement says so in `fineRule`) or `refuse` it.
 */
export const agreementFineCapSchema = z
  .object({
    consumerContract: z.boolean().default(true),
    capPercent: percentSchema.default(() => percentSchema.parse('2')),
    aboveCap: z.enum(['cap', 'refuse']).default('cap'),
  })
  .strict();

/** The cap rule as written by the host. */
export type AgreementFineCapInput = InputOf<typeof agreementFineCapSchema>;

/** The fine an agreement charges, as applied: what was asked, what was charged, and whether the cap cut it. */
export interface AppliedAgreementFine {
  readonly requestedPercent: string;
  readonly appliedPercent: string;
  /** The cap in force (`null` for a business debt). */
  readonly capPercent: string | null;
  readonly capped: boolean;
}

/**
 * Applies the consumer cap to an agreement's fine percentage. Never silently
 * above it: capped (and said) or, with `aboveCap: 'refuse'`,
 * `fine_above_consumer_cap` naming `finePercent`.
 * @example
 * ```ts
 * import { Decimal } from 'decimal.js';
 * import { agreementFineCapSchema, capAgreementFine } from 'cobranca/agreements';
 *
 * // A 5% fine asked on a consumer debt: capped at 2% (CDC art. 52 §1), and said so.
 * capAgreementFine(new Decimal('5'), agreementFineCapSchema.parse({})).match(
 *   ({ applied }) => console.log(applied.requestedPercent, applied.appliedPercent, applied.capped), // → 5 2 true
 *   (error) => console.error(error.code, error.message),
 * );
 * const refused = capAgreementFine(new Decimal('5'), agreementFineCapSchema.parse({ aboveCap: 'refuse' }));
 * if (refused.isErr()) console.log(refused.error.code); // → fine_above_consumer_cap
 * ```
 */
export function capAgreementFine(finePercent: Decimal, rule: z.output<typeof agreementFineCapSchema>): Result<{ readonly percent: Decimal; readonly applied: AppliedAgreementFine }, AgreementsError> {
  const requested = finePercent.toString();
  if (!rule.consumerContract || finePercent.lte(rule.capPercent)) {
    return ok({ percent: finePercent, applied: { requestedPercent: requested, appliedPercent: requested, capPercent: rule.consumerContract ? rule.capPercent.toString() : null, capped: false } });
  }
  if (rule.aboveCap === 'refuse') {
    return err(
      cobrancaError('fine_above_consumer_cap', `a consumer debt's fine may not exceed ${rule.capPercent.toString()}% (CDC art. 52 §1); ${requested}% was asked`, {
        path: ['finePercent'],
        details: { requestedPercent: requested, capPercent: rule.capPercent.toString() },
      }),
    );
  }
  return ok({ percent: rule.capPercent, applied: { requestedPercent: requested, appliedPercent: rule.capPercent.toString(), capPercent: rule.capPercent.toString(), capped: true } });
}
