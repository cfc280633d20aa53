import { err, ok, type Result } from 'neverthrow';
import { cobrancaError } from '../errors.js';
import { fromCents, negate, percentOf } from '../money/index.js';
import type { Components } from './components.js';
import type { AgreementsError } from './errors.js';
import type { ProposalBase } from './proposal-base.js';
import type { ParsedNewProposal } from './proposal-schema.js';

/**
 * The components of a new proposal's total (seed 004): surcharge, fine and
 * discount as percentages of the base (rounded by the proposal's mode), the
 * fixed discount, charges and fees. Errors: `discount_exceeds_base`,
 * `discount_exceeds_late_charges` (seed 001's option), `account_plan_missing`
 * for a non-zero component without its chart-of-accounts code.
 */
export function proposalComponents(proposal: ParsedNewProposal, { originalCents, baseCents }: ProposalBase): Result<Components, AgreementsError> {
  const base = fromCents(baseCents);
  const mode = proposal.rounding;
  const surcharge = percentOf(base, proposal.surchargePercent, mode);
  const fine = percentOf(base, proposal.finePercent, mode);
  const discountByPercent = percentOf(base, proposal.discountPercent, mode);
  const discountCents = discountByPercent.cents + proposal.discountAmount.cents;
  if (discountCents > baseCents) {
    const path = discountByPercent.cents > baseCents ? ['discountPercent'] : ['discountAmount'];
    return err(cobrancaError('discount_exceeds_base', `the discounts (${discountCents} centavos) exceed the base (${baseCents} centavos)`, { path, details: { discount: fromCents(discountCents), base } }));
  }
  if (proposal.discountsOnlyReduceLateCharges) {
    // Seed 001: a discount may not cut into the principal. What it may reduce is everything the agreement adds on
    // top of the principal for the delay: the interest and correction in an updated base, the surcharge, the fine
    // and the charges (not the fees, which pay a third party).
    const lateCharges = baseCents - originalCents + surcharge.cents + fine.cents + proposal.chargesAmount.cents;
    if (discountCents > lateCharges) {
      return err(
        cobrancaError('discount_exceeds_late_charges', 'a discount may only reduce late charges, never the principal (seed 001)', {
          path: discountByPercent.cents > lateCharges ? ['discountPercent'] : ['discountAmount'],
          details: { maximum: fromCents(Math.max(0, lateCharges)), discount: fromCents(discountCents) },
        }),
      );
    }
  }
  const components: Components = { base, surcharge, fine, discount: negate(fromCents(discountCents)), charges: proposal.chargesAmount, fees: proposal.feesAmount };
  for (const name of ['surcharge', 'fine', 'discount', 'charges', 'fees'] as const) {
    if (components[name].cents !== 0 && proposal.accountPlan[name] === undefined) {
      return err(cobrancaError('account_plan_missing', `a chart-of-accounts code is required for the ${name}`, { path: ['accountPlan', name] }));
    }
  }
  return ok(components);
}
