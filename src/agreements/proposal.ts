import { err, type Result } from 'neverthrow';
import { defaultBusinessCalendar, type BusinessCalendar } from '../calendar/index.js';
import { cobrancaError, parseInput } from '../errors.js';
import { capAgreementFine } from './agreement-fine-cap.js';
import { compiledPolicyOf } from './compiled-policy.js';
import type { AgreementsError } from './errors.js';
import { keepTerms } from './keep-terms.js';
import { compileLateChargesPolicy, type LateChargesCalculator } from './late-charges-calculator.js';
import { newProposal } from './new-proposal.js';
import { readProposalFast } from './proposal-fast-input.js';
import { proposalWithTermsOf, type ProposalWithTerms } from './proposal-terms.js';
import { proposalInputSchema, type Agreement, type ParsedProposal, type ProposalInput, type ProposalOptions } from './proposal-schema.js';
import { selectInvoices } from './select-invoices.js';

/** Proposes from a parsed proposal: the rules, whichever way the input was read. */
function proposeParsed(proposal: ParsedProposal, calendar: BusinessCalendar, updater: LateChargesCalculator | undefined): Result<Agreement, AgreementsError> {
  if (proposal.toleranceDate <= proposal.asOf) {
    return err(cobrancaError('tolerance_date_not_after_as_of', `the tolerance date must be after ${proposal.asOf}`, { path: ['toleranceDate'] }));
  }
  const selected = selectInvoices(proposal);
  if (selected.isErr()) return err(selected.error);
  const invoices = selected.value;
  if (proposal.kind === 'keep_terms') return keepTerms(proposal, invoices);
  const fine = capAgreementFine(proposal.finePercent, proposal.fineCap);
  if (fine.isErr()) return err(fine.error);
  return newProposal({ ...proposal, finePercent: fine.value.percent }, invoices, calendar, updater).map((agreement) => ({ ...agreement, fineRule: fine.value.applied }));
}

/**
 * {@link proposeAgreement} through the schema alone (zod parses every field):
 * the checked path the fast path must equal. Internal (tests and benches).
 */
export function proposeAgreementChecked(input: ProposalInput, options: ProposalOptions = {}): Result<Agreement, AgreementsError> {
  const calendar = options.calendar ?? defaultBusinessCalendar();
  const parsed = parseInput(proposalInputSchema, input);
  if (parsed.isErr()) return err(parsed.error);
  const proposal = parsed.value;
  const updater = proposal.kind === 'new_proposal' && proposal.lateChargesPolicy ? compileLateChargesPolicy(proposal.lateChargesPolicy, calendar) : undefined;
  return proposeParsed(proposal, calendar, updater);
}

/**
 * Proposes an agreement (docs/legal.md §2, seeds 001 and 004). A keep_terms agreement keeps the invoices
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
 *
 * Speed: the input is read by a hand-checked fast path with the schema's exact rules (zod runs only
 * to build an error), and a `lateChargesPolicy` object is compiled once and reused while it is the
 * same object with the same contents. Terms parsed once with `proposalTerms` are passed as
 * `{ terms, asOf, invoices, selectedInvoiceIds, toleranceDate, category, installments }`: the
 * same as the proposal written out in full, without reading the policy again.
 * @example
 * ```ts
 * import { proposeAgreement } from 'cobranca/agreements';
 * import { formatBrl } from 'cobranca/money';
 *
 * // R$ 1.234,56 overdue since 10 March, renegotiated in 3 monthly installments.
 * const agreement = proposeAgreement({
 *   kind: 'new_proposal', asOf: '2026-04-09', toleranceDate: '2026-04-30', category: 'renegociação',
 *   invoices: [{ id: 'f-101', amount: '1234.56', dueDate: '2026-03-10' }], selectedInvoiceIds: ['f-101'],
 *   installments: { kind: 'regular', count: 3, firstDueDate: '2026-04-20', description: 'Acordo f-101', paymentProfile: 'boleto' },
 * });
 * agreement.match(
 *   ({ plan }) => console.log(formatBrl(plan.total), plan.installments.map((i) => `${i.dueDate} ${formatBrl(i.amount)}`).join(' | ')), // → R$ 1.234,56 2026-04-20 R$ 411,52 | 2026-05-20 R$ 411,52 | 2026-06-20 R$ 411,52
 *   (error) => console.error(error.code, error.path, error.message),
 * );
 * ```
 */
export function proposeAgreement(input: ProposalInput | ProposalWithTerms, options: ProposalOptions = {}): Result<Agreement, AgreementsError> {
  const withTerms = proposalWithTermsOf(input);
  if (withTerms === undefined) return proposeInput(input as ProposalInput, options);
  return withTerms.andThen((full) => proposeInput(full, options));
}

function proposeInput(input: ProposalInput, options: ProposalOptions): Result<Agreement, AgreementsError> {
  const fast = readProposalFast(input);
  if (fast !== undefined) {
    const calendar = options.calendar ?? defaultBusinessCalendar();
    const policy = fast.kind === 'new_proposal' ? (input as { readonly lateChargesPolicy?: unknown }).lateChargesPolicy : undefined;
    const updater = policy === undefined ? undefined : compiledPolicyOf(policy, calendar);
    if (policy === undefined || updater !== undefined) return proposeParsed(fast, calendar, updater);
  }
  return proposeAgreementChecked(input, options);
}
