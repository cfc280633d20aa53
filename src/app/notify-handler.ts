import type { OutboxEffect, OutgoingMessage, StoreTransaction } from '../ports/index.js';
import type { AppContext } from './dependencies.js';
import type { GuardedEffectHandler } from './outbox.js';
import { isLiftedAfterPayment } from '../lifecycle/index.js';
import { statusOfRecord } from './negativation/negativation-store.js';

/**
 * Why a ruler contact no longer applies at the moment it is to be sent, or
 * `undefined` when it still does: its invoice is gone, no longer open (paid in
 * full, cancelled …), covered by an active or fulfilled agreement (an installment invoice is
 * the agreement itself: its reminders go on), or its registration is being
 * lifted after payment. Operator messages (no ruler step) always go.
 */
export async function contactObsolete(tx: StoreTransaction, effect: OutboxEffect): Promise<string | undefined> {
  const { invoiceId, stepId } = effect.payload as { invoiceId?: unknown; stepId?: unknown };
  if (typeof invoiceId !== 'string' || typeof stepId !== 'string') return undefined;
  const invoice = await tx.invoices.get(invoiceId);
  if (!invoice) return `invoice ${invoiceId} no longer exists`;
  if (invoice.status !== 'open') return `invoice ${invoiceId} is ${invoice.status}`;
  if (invoice.agreementId !== undefined && invoice.installment === undefined) {
    const agreement = await tx.agreements.get(invoice.agreementId);
    if (agreement && (agreement.status === 'active' || agreement.status === 'fulfilled')) return `invoice ${invoiceId} is in agreement ${agreement.id}`;
  }
  for (const registration of await tx.negativations.list({ invoiceId })) {
    if (isLiftedAfterPayment(statusOfRecord(registration))) return `invoice ${invoiceId} has its registration ${registration.status}`;
  }
  return undefined;
}

/**
 * Delivers a `notify` effect (ruler contacts, account e-mails and messages)
 * through the notifier, with the effect's key. A ruler contact is re-checked
 * ({@link contactObsolete}) in the transaction that sends it and marks it done.
 */
export function notifyHandler(context: AppContext): GuardedEffectHandler {
  return {
    obsolete: contactObsolete,
    perform: async (effect) => {
      const payload = effect.payload as Record<string, unknown> & { channel: OutgoingMessage['channel']; customerId: string; to: string };
      const { channel, customerId, to, templateId, text, ...data } = payload;
      await context.notifier.send({
        key: effect.key,
        channel,
        customerId,
        to,
        ...(typeof templateId === 'string' ? { templateId } : {}),
        ...(typeof text === 'string' ? { text } : {}),
        data,
      });
    },
  };
}
