import type { OutboxEffect, OutgoingMessage, StoreTransaction } from '../ports/index.js';
import type { AppContext } from './dependencies.js';
import type { GuardedEffectHandler } from './outbox.js';
import { isLiftedAfterPayment } from '../lifecycle/index.js';
import { statusOfRecord } from './negativation/negativation-store.js';
import { recipientOf } from './recipient.js';

/**
 * Why a ruler contact no longer applies at the moment it is to be sent, or
 * `undefined` when it still does: its invoice is gone, no longer open (paid in
 * full, cancelled …), covered by an active or fulfilled agreement (an installment invoice is
 * the agreement itself: its reminders go on), or its registration is being
 * lifted after payment. Operator messages (no ruler step) always go.
 */
async function contactObsolete(tx: StoreTransaction, effect: OutboxEffect): Promise<string | undefined> {
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
 * Where a contact goes at the moment it is sent: for a ruler contact, the
 * customer's current address for the channel (a contact deferred to the
 * contact window goes where the customer is now, not where they were when it
 * was decided); for an operator's message, the address the operator chose.
 */
async function currentRecipient(tx: StoreTransaction, effect: OutboxEffect): Promise<string | undefined> {
  const { channel, customerId, stepId, to } = effect.payload as { channel?: unknown; customerId?: unknown; stepId?: unknown; to?: unknown };
  if (typeof stepId !== 'string' || typeof customerId !== 'string' || typeof channel !== 'string') return typeof to === 'string' ? to : undefined;
  return recipientOf(await tx.customers.get(customerId), channel);
}

/** The fields of a contact's payload besides its channel, customer, recipient, template and text (what the template fills in), in their order. */
function messageData(payload: Readonly<Record<string, unknown>>): Record<string, unknown> {
  // A loop, not a rest pattern: the rest copies through V8's slow path for each message.
  const data: Record<string, unknown> = {};
  for (const key of Object.keys(payload)) {
    if (key === 'channel' || key === 'customerId' || key === 'to' || key === 'templateId' || key === 'text') continue;
    // A key `__proto__` stays an own property, as the rest pattern kept it.
    if (key === '__proto__') Object.defineProperty(data, key, { value: payload[key], enumerable: true, writable: true, configurable: true });
    else data[key] = payload[key];
  }
  return data;
}

/**
 * Delivers a `notify` effect (ruler contacts, account e-mails and messages)
 * through the notifier, with the effect's key. A ruler contact is re-checked
 * ({@link contactObsolete}) in the transaction that sends it and marks it
 * done, and goes to the customer's current address ({@link currentRecipient});
 * one whose customer no longer has an address for its channel is cancelled.
 */
export function notifyHandler(context: AppContext): GuardedEffectHandler {
  /** The recipient the last check found, for the effect it checked: `perform`, run next in the same transaction for it, does not read it again. */
  let checked: { readonly effect: OutboxEffect; readonly to: string } | undefined;
  return {
    readAhead: async (tx, effects) => {
      // What contactObsolete and currentRecipient read for the run's ruler contacts, at once.
      const invoiceIds: string[] = [];
      const customerIds: string[] = [];
      for (const { payload } of effects) {
        if (typeof payload['stepId'] !== 'string') continue;
        if (typeof payload['invoiceId'] === 'string') invoiceIds.push(payload['invoiceId']);
        if (typeof payload['customerId'] === 'string' && typeof payload['channel'] === 'string') customerIds.push(payload['customerId']);
      }
      const [invoices] = await Promise.all([tx.invoices.getMany(invoiceIds), tx.customers.getMany(customerIds), tx.negativations.listFor('invoiceId', invoiceIds)]);
      const agreementIds = invoices.flatMap((invoice) => (invoice.agreementId !== undefined && invoice.installment === undefined && invoice.status === 'open' ? [invoice.agreementId] : []));
      if (agreementIds.length > 0) await tx.agreements.getMany(agreementIds);
    },
    obsolete: async (tx, effect) => {
      checked = undefined;
      const reason = await contactObsolete(tx, effect);
      if (reason !== undefined) return reason;
      const to = await currentRecipient(tx, effect);
      if (to === undefined) return `customer ${String(effect.payload['customerId'])} has no ${String(effect.payload['channel'])} contact any more`;
      checked = { effect, to };
      return undefined;
    },
    perform: async (effect, tx) => {
      const payload = effect.payload as Record<string, unknown> & { channel: OutgoingMessage['channel']; customerId: string; to: string };
      const { channel, customerId, templateId, text } = payload;
      // The outbox performs an effect right after its check, in the same transaction (nothing written in between): the recipient the check found.
      const found = checked?.effect === effect ? checked.to : await currentRecipient(tx, effect);
      checked = undefined;
      const to = found ?? payload.to;
      const data = messageData(payload);
      // Explicit literals, not spreads of optional fields: no copy through V8's slow path for each message.
      const message: OutgoingMessage =
        typeof templateId === 'string'
          ? typeof text === 'string'
            ? { key: effect.key, channel, customerId, to, templateId, text, data }
            : { key: effect.key, channel, customerId, to, templateId, data }
          : typeof text === 'string'
            ? { key: effect.key, channel, customerId, to, text, data }
            : { key: effect.key, channel, customerId, to, data };
      await context.notifier.send(message);
    },
  };
}
