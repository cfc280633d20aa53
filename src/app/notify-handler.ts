import type { AgreementRecord, CustomerRecord, InvoiceRecord, NegativationRecord, OutboxEffect, OutgoingMessage, StoreTransaction } from '../ports/index.js';
import type { AppContext } from './dependencies.js';
import { ASK_OBSOLETE, type GuardedEffectHandler } from './outbox.js';
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
  const invoiceId = contactInvoice(effect);
  if (invoiceId === undefined) return undefined;
  const invoice = await tx.invoices.get(invoiceId);
  const agreementId = agreementToCheck(invoice);
  const agreement = agreementId === undefined ? undefined : await tx.agreements.get(agreementId);
  const registrations = invoice?.status === 'open' ? await tx.negativations.list({ invoiceId }) : [];
  return obsoleteBecause(invoiceId, invoice, agreement, registrations);
}

/** The invoice of a ruler contact (its payload names an invoice and a step), or `undefined` for an operator's message (never obsolete). */
function contactInvoice(effect: OutboxEffect): string | undefined {
  const { invoiceId, stepId } = effect.payload as { invoiceId?: unknown; stepId?: unknown };
  return typeof invoiceId === 'string' && typeof stepId === 'string' ? invoiceId : undefined;
}

/** The agreement that may hold a contact back: an open invoice's, unless the invoice is an installment (the agreement itself: its reminders go on). */
function agreementToCheck(invoice: InvoiceRecord | undefined): string | undefined {
  return invoice?.status === 'open' && invoice.installment === undefined ? invoice.agreementId : undefined;
}

/** {@link contactObsolete}'s rule, from what it read: the invoice, its agreement ({@link agreementToCheck}) and its registrations (of an open invoice). */
function obsoleteBecause(invoiceId: string, invoice: InvoiceRecord | undefined, agreement: AgreementRecord | undefined, registrations: readonly NegativationRecord[]): string | undefined {
  if (!invoice) return `invoice ${invoiceId} no longer exists`;
  if (invoice.status !== 'open') return `invoice ${invoiceId} is ${invoice.status}`;
  if (agreement && (agreement.status === 'active' || agreement.status === 'fulfilled')) return `invoice ${invoiceId} is in agreement ${agreement.id}`;
  for (const registration of registrations) {
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
  const asked = recipientAsked(effect);
  return asked.customerId === undefined ? asked.to : recipientOf(await tx.customers.get(asked.customerId), asked.channel);
}

/** Whose current address a contact goes to (a ruler contact: its customer's, for its channel), or the address an operator's message names. */
function recipientAsked(effect: OutboxEffect): { readonly customerId: string; readonly channel: string; readonly to?: undefined } | { readonly customerId?: undefined; readonly to: string | undefined } {
  const { channel, customerId, stepId, to } = effect.payload as { channel?: unknown; customerId?: unknown; stepId?: unknown; to?: unknown };
  if (typeof stepId !== 'string' || typeof customerId !== 'string' || typeof channel !== 'string') return { to: typeof to === 'string' ? to : undefined };
  return { customerId, channel };
}

/** What a run's read ahead found, by id (an id read and not found as `undefined`; an id not read is not there). */
interface ReadForContacts {
  readonly invoices: ReadonlyMap<string, InvoiceRecord | undefined>;
  readonly customers: ReadonlyMap<string, CustomerRecord | undefined>;
  /** The registrations of each invoice read, in id order (an invoice with none: not there). */
  readonly registrations: ReadonlyMap<string, readonly NegativationRecord[]>;
  readonly agreements: ReadonlyMap<string, AgreementRecord | undefined>;
}

/** `ids` as a map to what `records` holds for each (a missing one as `undefined`). */
function byId<T extends { readonly id: string }>(ids: readonly string[], records: readonly T[]): Map<string, T | undefined> {
  const out = new Map<string, T | undefined>();
  for (const id of ids) out.set(id, undefined);
  for (const record of records) out.set(record.id, record);
  return out;
}

/** {@link contactObsolete} from what was read ahead, or {@link ASK_OBSOLETE} when something it needs was not read. */
function contactObsoleteFrom(read: ReadForContacts, effect: OutboxEffect): string | undefined | typeof ASK_OBSOLETE {
  const invoiceId = contactInvoice(effect);
  if (invoiceId === undefined) return undefined;
  if (!read.invoices.has(invoiceId)) return ASK_OBSOLETE;
  const invoice = read.invoices.get(invoiceId);
  const agreementId = agreementToCheck(invoice);
  if (agreementId !== undefined && !read.agreements.has(agreementId)) return ASK_OBSOLETE;
  const agreement = agreementId === undefined ? undefined : read.agreements.get(agreementId);
  return obsoleteBecause(invoiceId, invoice, agreement, read.registrations.get(invoiceId) ?? []);
}

/** {@link currentRecipient} from what was read ahead, or {@link ASK_OBSOLETE} when the customer was not read. */
function currentRecipientFrom(read: ReadForContacts, effect: OutboxEffect): string | undefined | typeof ASK_OBSOLETE {
  const asked = recipientAsked(effect);
  if (asked.customerId === undefined) return asked.to;
  return read.customers.has(asked.customerId) ? recipientOf(read.customers.get(asked.customerId), asked.channel) : ASK_OBSOLETE;
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
  // Two variables, not an object: nothing allocated per contact.
  let checkedEffect: OutboxEffect | undefined;
  let checkedTo = '';
  /** The end of a check: the contact goes to `to` (kept for `perform`), or is cancelled when the customer has no address for it. */
  const recipientFound = (effect: OutboxEffect, to: string | undefined): string | undefined => {
    if (to === undefined) return `customer ${String(effect.payload['customerId'])} has no ${String(effect.payload['channel'])} contact any more`;
    checkedEffect = effect;
    checkedTo = to;
    return undefined;
  };
  return {
    checkAhead: async (tx, effects) => {
      // What contactObsolete and currentRecipient read for the run's ruler contacts, at once; the checks then answer from it.
      const invoiceIds: string[] = [];
      const customerIds: string[] = [];
      for (const { payload } of effects) {
        if (typeof payload['stepId'] !== 'string') continue;
        if (typeof payload['invoiceId'] === 'string') invoiceIds.push(payload['invoiceId']);
        if (typeof payload['customerId'] === 'string' && typeof payload['channel'] === 'string') customerIds.push(payload['customerId']);
      }
      const [invoices, customers, negativations] = await Promise.all([tx.invoices.getMany(invoiceIds), tx.customers.getMany(customerIds), tx.negativations.listFor('invoiceId', invoiceIds)]);
      // A loop, not flatMap: no array per invoice.
      const agreementIds: string[] = [];
      for (const invoice of invoices) {
        const agreementId = agreementToCheck(invoice);
        if (agreementId !== undefined) agreementIds.push(agreementId);
      }
      const agreements = agreementIds.length > 0 ? await tx.agreements.getMany(agreementIds) : [];
      const registrations = new Map<string, NegativationRecord[]>();
      for (const record of negativations) {
        const list = registrations.get(record.invoiceId);
        if (list === undefined) registrations.set(record.invoiceId, [record]);
        else list.push(record);
      }
      const read: ReadForContacts = { invoices: byId(invoiceIds, invoices), customers: byId(customerIds, customers), registrations, agreements: byId(agreementIds, agreements) };
      return (effect) => {
        checkedEffect = undefined;
        const reason = contactObsoleteFrom(read, effect);
        if (reason !== undefined) return reason;
        const to = currentRecipientFrom(read, effect);
        return to === ASK_OBSOLETE ? ASK_OBSOLETE : recipientFound(effect, to);
      };
    },
    obsolete: async (tx, effect) => {
      checkedEffect = undefined;
      const reason = await contactObsolete(tx, effect);
      if (reason !== undefined) return reason;
      return recipientFound(effect, await currentRecipient(tx, effect));
    },
    perform: async (effect, tx) => {
      const payload = effect.payload as Record<string, unknown> & { channel: OutgoingMessage['channel']; customerId: string; to: string };
      const { channel, customerId, templateId, text } = payload;
      // The outbox performs an effect right after its check, in the same transaction (nothing written in between): the recipient the check found.
      const found = checkedEffect === effect ? checkedTo : await currentRecipient(tx, effect);
      checkedEffect = undefined;
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
