import { err, ok, type Result } from 'neverthrow';
import * as z from 'zod';
import { parseInput, type InputOf } from '../errors.js';
import type { AgreementsError } from './errors.js';
import { agreementInvoiceSchema, type AgreementInvoice, type AgreementInvoiceInput } from './invoice.js';

/**
 * Seed 004's "Autorizações para processos especiais": whether invoices that already have a fiscal
 * document or a bank remittance may still enter an agreement (both off by default).
 */
export const eligibilityPolicySchema = z.object({
  allowFiscalDocumentIssued: z.boolean().default(false),
  allowBankRemittanceGenerated: z.boolean().default(false),
});

/** The special-processes setting as written by the host. */
export type EligibilityPolicyInput = InputOf<typeof eligibilityPolicySchema>;

/** Why an invoice may not enter an agreement (seed 004, "Não autorizada quando …"). */
export type IneligibilityReason = 'settled' | 'suspended' | 'deleted' | 'fiscal_document_issued' | 'bank_remittance_generated';

/** The answer of {@link checkEligibility}, in the order the invoices were given. */
export interface Eligibility {
  /** Ids of the invoices that may enter an agreement. */
  readonly eligible: readonly string[];
  /** The refused ones, each with every reason that applies. */
  readonly refused: readonly { readonly id: string; readonly reasons: readonly IneligibilityReason[] }[];
}

/** The reasons one parsed invoice may not enter an agreement (empty when it may). */
export function ineligibilityReasons(invoice: AgreementInvoice, policy: z.output<typeof eligibilityPolicySchema>): IneligibilityReason[] {
  const reasons: IneligibilityReason[] = [];
  if (invoice.status !== 'open') reasons.push(invoice.status);
  if (invoice.fiscalDocumentIssued && !policy.allowFiscalDocumentIssued) reasons.push('fiscal_document_issued');
  if (invoice.bankRemittanceGenerated && !policy.allowBankRemittanceGenerated) reasons.push('bank_remittance_generated');
  return reasons;
}

/**
 * Which invoices may enter an agreement (docs/legal.md §2, seed 004): not settled, suspended or deleted,
 * and — unless the special-processes setting allows it — with no fiscal document or bank remittance
 * generated. Errors: `invalid_input` naming the field.
 * @example
 * ```ts
 * import { checkEligibility } from 'cobranca/agreements';
 * import { formatBrl } from 'cobranca/money';
 *
 * const eligibility = checkEligibility([
 *   { id: 'f-101', amount: '1234.56', dueDate: '2026-03-10' },
 *   { id: 'f-102', amount: '373.52', dueDate: '2026-04-10', fiscalDocumentIssued: true },
 *   { id: 'f-103', amount: '99.90', dueDate: '2026-02-10', status: 'settled' },
 * ]);
 * eligibility.match(
 *   ({ eligible, refused }) => console.log(eligible.join(','), refused.map((r) => `${r.id}:${r.reasons.join('+')}`).join(' ')), // → f-101 f-102:fiscal_document_issued f-103:settled
 *   (error) => console.error(error.code, error.message),
 * );
 * ```
 */
export function checkEligibility(invoices: readonly AgreementInvoiceInput[], policy: EligibilityPolicyInput = {}): Result<Eligibility, AgreementsError> {
  const parsedInvoices = parseInput(z.array(agreementInvoiceSchema), invoices, ['invoices']);
  if (parsedInvoices.isErr()) return err(parsedInvoices.error);
  const parsedPolicy = parseInput(eligibilityPolicySchema, policy, ['policy']);
  if (parsedPolicy.isErr()) return err(parsedPolicy.error);
  const eligible: string[] = [];
  const refused: { id: string; reasons: IneligibilityReason[] }[] = [];
  for (const invoice of parsedInvoices.value) {
    const reasons = ineligibilityReasons(invoice, parsedPolicy.value);
    if (reasons.length === 0) eligible.push(invoice.id);
    else refused.push({ id: invoice.id, reasons });
  }
  return ok({ eligible, refused });
}
