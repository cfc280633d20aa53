import type { ProposalInput } from '../../../src/agreements/index.js';

/** Seed 001's customer: one open invoice of 373.52. */
export const seed001Invoices = [{ id: 'INV-1', amount: '373.52', dueDate: '2026-02-10' }];

/** A new proposal over seed 001's debt in two monthly installments (no extras). */
export function seed001Proposal(): NewProposalInput {
  return {
    kind: 'new_proposal',
    asOf: '2026-03-02',
    invoices: seed001Invoices,
    selectedInvoiceIds: ['INV-1'],
    toleranceDate: '2026-03-20',
    category: 'Renegociação',
    accountPlan: { discount: '3.01.02' },
    installments: { kind: 'regular', count: 2, firstDueDate: '2026-03-10', description: 'Renegociação', paymentProfile: 'boleto' },
  };
}

/** A new_proposal input. */
export type NewProposalInput = Extract<ProposalInput, { kind: 'new_proposal' }>;

/** Seed 004's example extras on two invoices of 600.00 and 400.00 (base 1000.00). */
export function seed004Proposal(overrides: Partial<NewProposalInput> = {}): NewProposalInput {
  return {
    kind: 'new_proposal',
    asOf: '2026-03-02',
    invoices: [
      { id: 'F-101', amount: '600.00', dueDate: '2026-01-10' },
      { id: 'F-102', amount: '400.00', dueDate: '2026-02-10' },
      { id: 'F-103', amount: '50.00', dueDate: '2026-02-10', status: 'settled' },
    ],
    selectedInvoiceIds: ['F-101', 'F-102'],
    toleranceDate: '2026-04-30',
    category: 'Acordo padrão',
    surchargePercent: '5',
    finePercent: '5',
    // Seed 004's worked example is a business debt: its 5% fine is not under the consumer cap.
    fineCap: { consumerContract: false },
    discountAmount: '10.00',
    chargesAmount: '5.00',
    feesAmount: '10.00',
    accountPlan: { surcharge: '4.01', fine: '4.02', discount: '4.03', charges: '4.04', fees: '4.05' },
    installments: { kind: 'regular', count: 3, firstDueDate: '2026-03-10', description: 'Acordo 101', paymentProfile: 'boleto' },
    ...overrides,
  };
}
