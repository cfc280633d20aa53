import * as z from 'zod';
import { civilDateSchema, type CivilDate } from '../../calendar/index.js';
import { fromCents } from '../../money/index.js';
import type { StoreTransaction } from '../../ports/index.js';
import { recordAudit } from '../audit.js';
import { commandBaseSchema, runCommand } from '../command.js';
import type { AppContext } from '../dependencies.js';
import { applyNegativationEvent, requireNegativation } from './negativation-store.js';
import type { InputOf } from '../../errors.js';

/** Input of {@link requestRemoval}. */
export const requestRemovalSchema = commandBaseSchema.extend({
  negativationId: z.string().min(1),
  reason: z.string().max(2000).optional(),
  /** Seed 000: the debt was paid outside the system; the removal deadline counts from these dates. */
  paidOutside: z.object({ paidOn: civilDateSchema, fundsAvailableOn: civilDateSchema }).optional(),
});

/** Input of {@link cancelNegativation}. */
export const cancelNegativationSchema = commandBaseSchema.extend({ negativationId: z.string().min(1), reason: z.string().min(1).max(2000) });

/**
 * Asks the bureau to remove a registration (manual removal, seed 000); the
 * request goes out through the outbox. With `paidOutside`, the debt was paid
 * outside the system: the invoice is settled too (a payment recorded for what
 * was open), so the ruler stops dunning it.
 */
export function requestRemoval(context: AppContext) {
  return (input: InputOf<typeof requestRemovalSchema>) =>
    runCommand(context, 'requestRemoval', requestRemovalSchema, input, async (tx, cmd) => {
      const record = await requireNegativation(tx, cmd.negativationId);
      if (cmd.paidOutside) await settleOutside(tx, context, record.invoiceId, cmd.paidOutside, cmd.actor);
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

async function settleOutside(tx: StoreTransaction, context: AppContext, invoiceId: string, paid: { paidOn: CivilDate; fundsAvailableOn: CivilDate }, actor: string): Promise<void> {
  const invoice = await tx.invoices.get(invoiceId);
  if (!invoice || invoice.status !== 'open') return;
  const open = invoice.amount.cents - invoice.paid.cents;
  if (open > 0) {
    await tx.payments.insert({ id: context.ids.next('payment'), version: 1, invoiceId, customerId: invoice.customerId, amount: fromCents(open), paidOn: paid.paidOn, fundsAvailableOn: paid.fundsAvailableOn, method: 'paid_outside' });
  }
  await tx.invoices.update({ ...invoice, version: invoice.version + 1, status: 'paid', paid: invoice.amount, paidOn: paid.paidOn });
  await recordAudit(tx, context, { actor, subjectType: 'invoice', subjectId: invoiceId, action: 'paid_outside', details: { paidOn: paid.paidOn, fundsAvailableOn: paid.fundsAvailableOn } });
}

/** Cancels a negativation request (or a registration not yet confirmed), with a reason. */
export function cancelNegativation(context: AppContext) {
  return (input: InputOf<typeof cancelNegativationSchema>) =>
    runCommand(context, 'cancelNegativation', cancelNegativationSchema, input, async (tx, cmd) => {
      const record = await requireNegativation(tx, cmd.negativationId);
      return applyNegativationEvent(tx, context, record, { type: 'cancel_requested', on: context.today(), actor: cmd.actor, reason: cmd.reason, at: context.nowIso() });
    });
}
