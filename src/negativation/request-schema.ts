import * as z from 'zod';
import { civilDateSchema } from '../calendar/index.js';
import { taxIdSchema } from '../documents/index.js';
import { moneySchema, nonNegativeMoneySchema } from '../money/index.js';
import { titleDueDateSchema } from './date-room.js';
import { NEGATIVATION_STATUSES } from './status.js';

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

export { occupiesKey } from '../lifecycle/index.js';
