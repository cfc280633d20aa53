import { err, ok, type Result } from 'neverthrow';
import { cobrancaError } from '../errors.js';
import { ineligibilityReasons } from './eligibility.js';
import type { AgreementsError } from './errors.js';
import type { AgreementInvoice } from './invoice.js';
import type { ParsedProposal } from './proposal-schema.js';

/** The selected invoices, checked: no duplicates, all known, all eligible. Sorted by id. */
export function selectInvoices(proposal: ParsedProposal): Result<AgreementInvoice[], AgreementsError> {
  const byId = new Map<string, AgreementInvoice>();
  for (const [i, invoice] of proposal.invoices.entries()) {
    if (byId.has(invoice.id)) return err(cobrancaError('duplicate_invoice', `invoice ${invoice.id} is listed twice`, { path: ['invoices', i, 'id'], details: { id: invoice.id } }));
    byId.set(invoice.id, invoice);
  }
  const chosen = new Set<string>();
  const invoices: AgreementInvoice[] = [];
  for (const [i, id] of proposal.selectedInvoiceIds.entries()) {
    const path = ['selectedInvoiceIds', i];
    if (chosen.has(id)) return err(cobrancaError('duplicate_invoice', `invoice ${id} is selected twice`, { path, details: { id } }));
    chosen.add(id);
    const invoice = byId.get(id);
    if (!invoice) return err(cobrancaError('unknown_invoice', `no invoice with id ${id}`, { path, details: { id } }));
    const reasons = ineligibilityReasons(invoice, proposal.specialProcesses);
    if (reasons.length > 0) {
      return err(cobrancaError('invoice_not_eligible', `invoice ${id} may not enter an agreement: ${reasons.join(', ')}`, { path, details: { id, reasons } }));
    }
    invoices.push(invoice);
  }
  return ok(invoices.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)));
}
