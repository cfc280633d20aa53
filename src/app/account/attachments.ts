import * as z from 'zod';
import { cobrancaError, type InputOf } from '../../errors.js';
import { abort, commandBaseSchema, runCommand } from '../command.js';
import { recordAudit } from '../audit.js';
import type { AppContext } from '../dependencies.js';
import { appendToAccount, entryFields, requireAccount, saveAccount } from './account-store.js';

/** Input of {@link addAttachment}. */
export const addAttachmentSchema = commandBaseSchema.extend({
  customerId: z.string().min(1),
  fileName: z.string().min(1).max(500),
  description: z.string().max(1000).optional(),
  contentType: z.string().min(1).max(200),
  sizeBytes: z.number().int().nonnegative(),
  uri: z.string().min(1).max(2000),
});

/** Input of {@link describeAttachment} and {@link removeAttachment}. */
export const attachmentChangeSchema = commandBaseSchema.extend({
  customerId: z.string().min(1),
  attachmentId: z.string().min(1),
  description: z.string().max(1000).optional(),
});

/** Records an attachment's metadata on the account (the host stores the file). */
export function addAttachment(context: AppContext) {
  return (input: InputOf<typeof addAttachmentSchema>) =>
    runCommand(context, 'addAttachment', addAttachmentSchema, input, (tx, cmd) =>
      appendToAccount(tx, context, cmd.customerId, 'attachments',
        () => ({ id: context.ids.next('attachment'), at: context.nowIso(), author: cmd.actor, ...entryFields(cmd) }),
        (attachment) => ({ actor: cmd.actor, action: 'attachment_added', details: { attachmentId: attachment.id, fileName: attachment.fileName } }),
      ),
    );
}

function changeAttachment(context: AppContext, command: 'describeAttachment' | 'removeAttachment') {
  return (input: InputOf<typeof attachmentChangeSchema>) =>
    runCommand(context, command, attachmentChangeSchema, input, async (tx, cmd) => {
      const account = await requireAccount(tx, cmd.customerId);
      const current = account.attachments.find((a) => a.id === cmd.attachmentId && a.deletedAt === undefined);
      if (!current) abort(cobrancaError('not_found', `attachment '${cmd.attachmentId}' does not exist on this account`, { path: ['attachmentId'] }));
      const changed = command === 'removeAttachment' ? { ...current, deletedAt: context.nowIso() } : { ...current, description: cmd.description ?? '' };
      await saveAccount(tx, account, { attachments: account.attachments.map((a) => (a.id === current.id ? changed : a)) });
      await recordAudit(tx, context, { actor: cmd.actor, subjectType: 'account', subjectId: account.id, action: command === 'removeAttachment' ? 'attachment_removed' : 'attachment_described', details: { attachmentId: current.id } });
      return changed;
    });
}

/** Changes an attachment's description (seed 004 "Alterar descrição"). */
export const describeAttachment = (context: AppContext) => changeAttachment(context, 'describeAttachment');

/** Removes an attachment (kept in the history, marked deleted). */
export const removeAttachment = (context: AppContext) => changeAttachment(context, 'removeAttachment');
