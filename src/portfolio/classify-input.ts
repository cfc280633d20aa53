import * as z from 'zod';
import { civilDateSchema } from '../calendar/index.js';
import { nonNegativeMoneySchema } from '../money/index.js';
import type { InputOf } from '../errors.js';

const label = z.string().trim().min(1).max(200);

/**
 * An invoice as the classifier (seed 004) reads it. `collection` is where it
 * stands: `forwarded` (the ruler's "forward to collections" step put it in
 * "classified", no contact yet), `selected` (an operator's "Dar início ao
 * processo de cobrança": in contact) or `started` (confirmed: awaiting
 * negotiation). `owed` is what it owes on `asOf` by the one owed-amount rule
 * (the application computes it; without it, the amount when unpaid). An
 * original replaced by a new proposal names the agreement in `replacedBy` and
 * is shown once, as replaced. `agreement` and `negativation` are the facts the
 * other modules keep (`agreement.status` is `agreementStatus`'s answer); the
 * classifier only reads them.
 */
export const classifierInvoiceSchema = z.object({
  id: label,
  customerId: label,
  dueDate: civilDateSchema,
  amount: nonNegativeMoneySchema,
  owed: nonNegativeMoneySchema.optional(),
  paidOn: civilDateSchema.optional(),
  collection: z.enum(['forwarded', 'selected', 'started']).optional(),
  replacedBy: label.optional(),
  agreement: z
    .object({
      id: label,
      createdOn: civilDateSchema,
      toleranceDate: civilDateSchema,
      cancelled: z.boolean().default(false),
      /** The agreement's state by `agreementStatus`; when absent, an unpaid invoice is broken once past the later of its due date and the tolerance date (the engine's rule). */
      status: z.enum(['active', 'fulfilled', 'broken', 'cancelled']).optional(),
      city: label.optional(),
      operator: label.optional(),
    })
    .optional(),
  negativation: z.object({ registeredOn: civilDateSchema, removedOn: civilDateSchema.optional() }).optional(),
  /** Seed 004's internal SPC control: added on, removed on (an internal record; panels as a registration). */
  spcControl: z.object({ addedOn: civilDateSchema, removedOn: civilDateSchema.optional() }).optional(),
  /** A notarial protest of the invoice: registered on, cancelled on (Lei 9.492/1997). */
  protest: z.object({ protestedOn: civilDateSchema, cancelledOn: civilDateSchema.optional() }).optional(),
  city: label.optional(),
  operator: label.optional(),
});

/** A classifier invoice as written by the host. */
export type ClassifierInvoice = InputOf<typeof classifierInvoiceSchema>;

/** A parsed classifier invoice. */
export type ParsedClassifierInvoice = z.output<typeof classifierInvoiceSchema>;

/** A collection event (contact, comment, e-mail, SMS, task, agreement …) for the charts: every event carries its operator. */
export const collectionEventSchema = z.object({
  date: civilDateSchema,
  operator: label,
  kind: label.optional(),
});

/** A collection event as written by the host. */
export type CollectionEvent = InputOf<typeof collectionEventSchema>;

/** The scalar part of {@link classifyPortfolio}'s input. */
export const classifyOptionsSchema = z.object({
  asOf: civilDateSchema,
  /** X of the ruler event "forward to the collections system" (seed 004: 10 in its example). */
  forwardAfterDays: z.number().int().min(0).max(3650),
});
