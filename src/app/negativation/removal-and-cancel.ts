import { z } from 'zod';
import { civilDateSchema } from '../../calendar/index.js';
import { commandBaseSchema, runCommand } from '../command.js';
import type { AppContext } from '../dependencies.js';
import { applyNegativationEvent, requireNegativation } from './negativation-store.js';

/** Input of {@link requestRemoval}. */
export const requestRemovalSchema = commandBaseSchema.extend({
  negativationId: z.string().min(1),
  reason: z.string().max(2000).optional(),
  /** Seed 000: the debt was paid outside the system; the removal deadline counts from these dates. */
  paidOutside: z.object({ paidOn: civilDateSchema, fundsAvailableOn: civilDateSchema }).optional(),
});

/** Input of {@link cancelNegativation}. */
export const cancelNegativationSchema = commandBaseSchema.extend({ negativationId: z.string().min(1), reason: z.string().min(1).max(2000) });

/** Asks the bureau to remove a registration (manual removal, seed 000); the request goes out through the outbox. */
export function requestRemoval(context: AppContext) {
  return (input: unknown) =>
    runCommand(context, 'requestRemoval', requestRemovalSchema, input, async (tx, cmd) => {
      const record = await requireNegativation(tx, cmd.negativationId);
      return applyNegativationEvent(tx, context, record, {
        type: 'removal_requested',
        on: context.today(),
        actor: cmd.actor,
        at: context.nowIso(),
        ...(cmd.reason ? { reason: cmd.reason } : {}),
        ...(cmd.paidOutside ? { paidOutside: cmd.paidOutside } : {}),
      });
    });
}

/** Cancels a negativation request (or a registration not yet confirmed), with a reason. */
export function cancelNegativation(context: AppContext) {
  return (input: unknown) =>
    runCommand(context, 'cancelNegativation', cancelNegativationSchema, input, async (tx, cmd) => {
      const record = await requireNegativation(tx, cmd.negativationId);
      return applyNegativationEvent(tx, context, record, { type: 'cancel_requested', on: context.today(), actor: cmd.actor, reason: cmd.reason, at: context.nowIso() });
    });
}
