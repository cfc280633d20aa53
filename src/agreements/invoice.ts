import * as z from 'zod';
import { civilDateSchema } from '../calendar/index.js';
import { nonNegativeMoneySchema } from '../money/index.js';
import type { InputOf } from '../errors.js';

/** The status of an invoice in the host's receivables. */
export const invoiceStatusSchema = z.enum(['open', 'settled', 'suspended', 'deleted']);

/**
 * An invoice as the agreements engine sees it (seed 004's "Fazer Acordo" grid): its id, original
 * amount, optional amount updated with late charges, due date, status, and whether a fiscal document
 * or a bank remittance was already generated for it.
 */
export const agreementInvoiceSchema = z.object({
  id: z.string().min(1).max(200),
  amount: nonNegativeMoneySchema,
  /** The amount updated with late charges as of the proposal date (e.g. `calculateLateCharges(...).total`). */
  updatedAmount: nonNegativeMoneySchema.optional(),
  dueDate: civilDateSchema,
  status: invoiceStatusSchema.default('open'),
  fiscalDocumentIssued: z.boolean().default(false),
  bankRemittanceGenerated: z.boolean().default(false),
});

/** An invoice as written by the host. */
export type AgreementInvoiceInput = InputOf<typeof agreementInvoiceSchema>;

/** A parsed invoice. */
export type AgreementInvoice = z.output<typeof agreementInvoiceSchema>;

/** The most invoices one agreement may cover. */
export const MAX_AGREEMENT_INVOICES = 1000;
