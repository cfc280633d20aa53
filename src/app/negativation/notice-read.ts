import * as z from 'zod';
import type { InputOf } from '../../errors.js';
import { commandBaseSchema, runCommand } from '../command.js';
import type { AppContext } from '../dependencies.js';
import { applyNegativationEvent, requireNegativation } from './negativation-store.js';

/** Input of {@link recordNoticeRead}. */
export const recordNoticeReadSchema = commandBaseSchema.extend({
  negativationId: z.string().min(1),
  /** The message id of the e-mail read (the notifier's id, kept as the notice's proof of posting); the latest unread e-mail when absent. */
  messageId: z.string().min(1).optional(),
});

/** Input of {@link recordNoticeRead} as the host writes it. */
export type RecordNoticeReadInput = InputOf<typeof recordNoticeReadSchema>;

/**
 * Records the e-mail provider's read receipt of a prior notice (seed 000: "se ele visualizar a mensagem, considera-se
 * que está ciente"). In `email_then_bureau_letter` mode the waiting period then counts from today; a receipt for a
 * negativation no longer waiting for its notice is `illegal_transition`.
 */
export function recordNoticeRead(context: AppContext) {
  return (input: RecordNoticeReadInput) =>
    runCommand(context, 'recordNoticeRead', recordNoticeReadSchema, input, async (tx, cmd) => {
      const record = await requireNegativation(tx, cmd.negativationId);
      return applyNegativationEvent(tx, context, record, {
        type: 'notice_read',
        on: context.today(),
        actor: cmd.actor,
        at: context.nowIso(),
        reason: 'read receipt of the e-mail notice',
        ...(cmd.messageId !== undefined ? { proofOfPosting: cmd.messageId } : {}),
      });
    });
}
