import * as z from 'zod';
import { civilDateSchema } from '../../calendar/index.js';
import { commandBaseSchema, runCommand } from '../command.js';
import type { AppContext } from '../dependencies.js';
import { appendToAccount, entryFields } from './account-store.js';
import type { InputOf } from '../../errors.js';

/** Input of {@link addComment}: seed 004's comment / contact record form. */
export const addCommentSchema = commandBaseSchema.extend({
  customerId: z.string().min(1),
  text: z.string().min(1).max(10_000),
  subject: z.string().max(300).optional(),
  contactType: z.enum(['active', 'reactive']).optional(),
  medium: z.string().max(100).optional(),
  customerContact: z.string().max(200).optional(),
  category: z.string().max(100).optional(),
  contactStatus: z.string().max(100).optional(),
  returnOn: civilDateSchema.optional(),
  invoiceId: z.string().optional(),
});

/** Adds a comment or a contact record (type, medium, who answered, status, return date) to the account. */
export function addComment(context: AppContext) {
  return (input: InputOf<typeof addCommentSchema>) =>
    runCommand(context, 'addComment', addCommentSchema, input, (tx, cmd) =>
      appendToAccount(tx, context, cmd.customerId, 'comments',
        () => ({ id: context.ids.next('comment'), at: context.nowIso(), author: cmd.actor, ...entryFields(cmd) }),
        (comment) => ({ actor: cmd.actor, action: cmd.contactType ? 'contact_recorded' : 'comment_added', details: { commentId: comment.id } }),
      ),
    );
}
