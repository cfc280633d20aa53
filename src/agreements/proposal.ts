import { err, type Result } from 'neverthrow';
import { defaultBusinessCalendar } from '../calendar/index.js';
import { cobrancaError, parseInput } from '../errors.js';
import { capAgreementFine } from './agreement-fine-cap.js';
import type { AgreementsError } from './errors.js';
import { keepTerms } from './keep-terms.js';
import { newProposal } from './new-proposal.js';
import { proposalInputSchema, type Agreement, type ProposalInput, type ProposalOptions } from './proposal-schema.js';
import { selectInvoices } from './select-invoices.js';

/**
 * Proposes an agreement (docs/legal.md §2, seeds 001 and 004). A keep-terms agreement keeps the invoices
 * and their values; a new proposal computes `total = base + surcharge% + fine% − discount% −
 * discount R$ + charges R$ + fees R$` (percentages of the base), splits it into installments whose
 * sums are exact at three levels, and lists the invoices to cancel or suspend and to create.
 *
 * Errors: `invalid_input`, `tolerance_date_not_after_as_of`, `duplicate_invoice`, `unknown_invoice`,
 * `invoice_not_eligible`, `discount_exceeds_base`, `discount_exceeds_late_charges`,
 * `account_plan_missing`, `on_time_discount_unavailable`, `due_date_before_as_of`,
 * `dates_not_increasing`, `amount_out_of_range`, `fine_above_consumer_cap`; each with the path of the field.
 *
 * A consumer debt's fine above the cap (2%, CDC art. 52 §1) is capped and the agreement's `fineRule` says so,
 * or refused with `fineCap.aboveCap: 'refuse'`; a business debt (`fineCap.consumerContract: false`) is not capped.
 */
export function proposeAgreement(input: ProposalInput, options: ProposalOptions = {}): Result<Agreement, AgreementsError> {
  const parsed = parseInput(proposalInputSchema, input);
  if (parsed.isErr()) return err(parsed.error);
  const proposal = parsed.value;
  if (proposal.toleranceDate <= proposal.asOf) {
    return err(cobrancaError('tolerance_date_not_after_as_of', `the tolerance date must be after ${proposal.asOf}`, { path: ['toleranceDate'] }));
  }
  const selected = selectInvoices(proposal);
  if (selected.isErr()) return err(selected.error);
  const invoices = selected.value;
  if (proposal.kind === 'keep-terms') return keepTerms(proposal, invoices);
  const fine = capAgreementFine(proposal.finePercent, proposal.fineCap);
  if (fine.isErr()) return err(fine.error);
  return newProposal({ ...proposal, finePercent: fine.value.percent }, invoices, options.calendar ?? defaultBusinessCalendar()).map((agreement) => ({ ...agreement, fineRule: fine.value.applied }));
}
