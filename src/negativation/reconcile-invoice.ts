import * as z from 'zod';
import { civilDateSchema } from '../calendar/index.js';
import { moneySchema } from '../money/index.js';
import { fundsDaySchema } from './date-room.js';
import type { InputOf } from '../errors.js';

/** An invoice as reconciliation sees it (the host's own shape, reduced to what matters). */
export const reconcileInvoiceSchema = z
  .object({
    id: z.string().min(1),
    status: z.enum(['open', 'paid']),
    dueDate: civilDateSchema,
    amount: moneySchema,
    paidOn: fundsDaySchema.optional(),
    /** When the money is available; `paidOn` when absent. */
    fundsAvailableOn: fundsDaySchema.optional(),
  })
  .strict()
  .refine((i) => i.status !== 'paid' || i.paidOn !== undefined, { message: 'a paid invoice needs paidOn', path: ['paidOn'] })
  .refine((i) => i.paidOn === undefined || i.fundsAvailableOn === undefined || i.fundsAvailableOn >= i.paidOn, {
    message: 'fundsAvailableOn cannot be before paidOn',
    path: ['fundsAvailableOn'],
  });

/** An invoice after parsing. */
export type ReconcileInvoice = z.output<typeof reconcileInvoiceSchema>;

/** An invoice given to `reconcile`, as a host writes it (`z.input` of {@link reconcileInvoiceSchema}). */
export type ReconcileInvoiceInput = InputOf<typeof reconcileInvoiceSchema>;

