import { err, ok, type Result } from 'neverthrow';
import { toEpochDay } from '../calendar/index.js';
import { cobrancaError } from '../errors.js';
import { exactSumCents, INPUT_RANGE_TEXT, withinInputLimit } from '../money/index.js';
import type { AgreementsError } from './errors.js';
import type { AgreementInvoice } from './invoice.js';
import type { LateChargesCalculator } from './late-charges-calculator.js';
import type { ParsedNewProposal } from './proposal-schema.js';

/** What a new proposal is computed from: the selected invoices' original total and the base (original or updated amounts). */
export interface ProposalBase {
  readonly originalCents: number;
  readonly baseCents: number;
}

/** The invoice's amount updated with late charges: given by the host, or computed with the proposal's late-charges policy. */
function updatedAmountOf(invoice: AgreementInvoice, proposal: ParsedNewProposal, updater: LateChargesCalculator | undefined): Result<number, AgreementsError> {
  if (invoice.updatedAmount) return ok(invoice.updatedAmount.cents);
  const index = proposal.invoices.findIndex((i) => i.id === invoice.id);
  if (!updater) {
    return err(cobrancaError('invalid_input', 'the base uses updated amounts: give each selected invoice an updatedAmount, or a lateChargesPolicy', { path: ['invoices', index, 'updatedAmount'] }));
  }
  const figures = updater.figures(invoice.amount.cents, toEpochDay(invoice.dueDate), toEpochDay(proposal.asOf));
  return figures.isErr() ? err(figures.error) : ok(figures.value.totalCents);
}

/**
 * Sums the selected invoices into the base (seed 001: original amounts, or amounts
 * updated with late charges by the host or by `updater`, the proposal's compiled
 * late-charges policy). Error `amount_out_of_range` past the input range.
 */
export function proposalBase(proposal: ParsedNewProposal, invoices: readonly AgreementInvoice[], updater: LateChargesCalculator | undefined): Result<ProposalBase, AgreementsError> {
  const baseAmounts: number[] = [];
  for (const invoice of invoices) {
    if (proposal.baseAmounts === 'updated') {
      const updated = updatedAmountOf(invoice, proposal, updater);
      if (updated.isErr()) return err(updated.error);
      baseAmounts.push(updated.value);
    } else baseAmounts.push(invoice.amount.cents);
  }
  // Exact sums (src/money/limits.ts). Each amount is at most R$ 1 trillion and each percentage at most 1000%, so
  // with the base and the originals in range every later sum stays exact.
  const originalCents = exactSumCents(invoices.map((invoice) => invoice.amount.cents));
  const baseCents = exactSumCents(baseAmounts);
  if (originalCents === undefined || baseCents === undefined || !withinInputLimit(baseCents)) {
    return err(cobrancaError('amount_out_of_range', `the agreement is beyond the supported range of ${INPUT_RANGE_TEXT}`, { path: ['invoices'] }));
  }
  return ok({ originalCents, baseCents });
}
