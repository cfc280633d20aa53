import * as z from 'zod';
import { civilDateSchema } from '../calendar/index.js';
import { taxIdSchema } from '../documents/index.js';
import { moneySchema, nonNegativeMoneySchema } from '../money/index.js';
import { titleDueDateSchema } from './date-room.js';
import { debtorInputSchema } from './debtor.js';
import { negativationSettingsSchema } from './settings.js';
import { NEGATIVATION_STATUSES, REQUEST_ORIGINS } from './status.js';

const id = z.string().trim().min(1);

/** The title (invoice) to register, with the facts the guards need. */
export const titleInputSchema = z
  .object({
    id,
    amount: moneySchema.refine((m) => m.cents > 0, 'the amount must be positive'),
    dueDate: titleDueDateSchema,
    /** What is still owed, when less than the amount (partial payments). */
    outstanding: nonNegativeMoneySchema.optional(),
    /** When the debt prescribes, if the host knows it; otherwise `settings.prescriptionYears` after the day after the due date. */
    prescribesOn: civilDateSchema.optional(),
    paid: z.boolean().default(false),
    inActiveAgreement: z.boolean().default(false),
    disputed: z.boolean().default(false),
  })
  .strict();

/** The creditor, identified on the registration (CDC art. 42-A). */
export const creditorInputSchema = z.object({ id, name: id, document: taxIdSchema }).strict();

/** What the duplicate guard needs to know of existing negativations (a stored `Negativation` fits). */
export const existingNegativationSchema = z.object({
  status: z.enum(NEGATIVATION_STATUSES),
  bureau: z.string(),
  creditor: z.object({ id: z.string() }),
  title: z.object({ id: z.string() }),
  debtor: z.object({ document: z.object({ number: z.string() }) }),
});

/** zod schema of a negativation request. */
export const negativationRequestSchema = z
  .object({
    /** The host's id for the new negativation. */
    id: z.string().trim().min(1),
    origin: z.enum(REQUEST_ORIGINS),
    bureau: z.string().trim().min(1),
    creditor: creditorInputSchema,
    debtor: debtorInputSchema,
    title: titleInputSchema,
    /**
     * Several titles in one registration (seed 000): the registration's id and every title in it (this one included).
     * Each title is requested on its own, with the same `registration`; the guards run per title.
     */
    registration: z
      .object({ id: z.string().trim().min(1), titleIds: z.array(z.string().trim().min(1)).min(2).max(100) })
      .strict()
      .refine((r) => new Set(r.titleIds).size === r.titleIds.length, { message: 'a title appears twice in the registration', path: ['titleIds'] })
      .optional(),
    /** The branch's resolved settings (see `resolveNegativationSettings`); defaults when absent. */
    settings: negativationSettingsSchema.optional(),
    /** Negativations already on record, for the duplicate guard (stored negativations fit). */
    existing: z.array(existingNegativationSchema).default([]),
    on: civilDateSchema,
    actor: z.string().trim().min(1, 'actor is required'),
    reason: z.string().optional(),
    at: z.iso.datetime({ offset: true }).optional(),
  })
  .strict()
  .refine((r) => r.registration === undefined || r.registration.titleIds.includes(r.title.id), { message: "the registration's titleIds must include this title", path: ['registration', 'titleIds'] });

/** A negativation request once parsed (what {@link negativationRequestSchema} returns). */
export type ParsedNegativationRequest = z.output<typeof negativationRequestSchema>;

export { occupiesKey } from '../lifecycle/index.js';
