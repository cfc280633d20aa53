import { describe, expect, it } from 'vitest';
import { checkEligibility } from '../../src/agreements/index.js';

const invoices = [
  { id: 'open', amount: '10.00', dueDate: '2026-01-10' },
  { id: 'settled', amount: '10.00', dueDate: '2026-01-10', status: 'settled' as const },
  { id: 'suspended', amount: '10.00', dueDate: '2026-01-10', status: 'suspended' as const },
  { id: 'deleted', amount: '10.00', dueDate: '2026-01-10', status: 'deleted' as const },
  { id: 'nfe', amount: '10.00', dueDate: '2026-01-10', fiscalDocumentIssued: true },
  { id: 'remessa', amount: '10.00', dueDate: '2026-01-10', bankRemittanceGenerated: true },
  { id: 'both', amount: '10.00', dueDate: '2026-01-10', fiscalDocumentIssued: true, bankRemittanceGenerated: true },
];

describe('checkEligibility: seed 004 "Autorizada / Não autorizada quando …"', () => {
  it('refuses settled, suspended and deleted invoices and, by default, those with a fiscal document or remittance', () => {
    const result = checkEligibility(invoices)._unsafeUnwrap();
    expect(result.eligible).toEqual(['open']);
    expect(result.refused).toEqual([
      { id: 'settled', reasons: ['settled'] },
      { id: 'suspended', reasons: ['suspended'] },
      { id: 'deleted', reasons: ['deleted'] },
      { id: 'nfe', reasons: ['fiscal_document_issued'] },
      { id: 'remessa', reasons: ['bank_remittance_generated'] },
      { id: 'both', reasons: ['fiscal_document_issued', 'bank_remittance_generated'] },
    ]);
  });

  it('the special-processes setting authorises fiscal documents and remittances separately', () => {
    expect(checkEligibility(invoices, { allowFiscalDocumentIssued: true })._unsafeUnwrap().eligible).toEqual(['open', 'nfe']);
    expect(checkEligibility(invoices, { allowFiscalDocumentIssued: true, allowBankRemittanceGenerated: true })._unsafeUnwrap().eligible).toEqual(['open', 'nfe', 'remessa', 'both']);
  });

  it('names the bad field', () => {
    expect(checkEligibility([{ id: 'x', amount: '1,00', dueDate: '2026-01-10' }])._unsafeUnwrapErr()).toMatchObject({ code: 'invalid_input', path: ['invoices', 0, 'amount'] });
    expect(checkEligibility(invoices, { allowFiscalDocumentIssued: 'yes' as unknown as boolean })._unsafeUnwrapErr()).toMatchObject({ path: ['policy', 'allowFiscalDocumentIssued'] });
  });
});
