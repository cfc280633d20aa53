import type { CustomerRecord } from '../ports/index.js';

/** Where a message by `channel` goes for a customer: e-mail, phone (SMS, WhatsApp), postal address (letter), or the customer id (app push); `undefined` when the customer has none. */
export function recipientOf(customer: CustomerRecord | undefined, channel: string): string | undefined {
  if (!customer) return undefined;
  if (channel === 'email') return customer.email;
  if (channel === 'sms' || channel === 'whatsapp') return customer.phone;
  if (channel === 'letter') {
    const a = customer.address;
    return a ? `${a.street}, ${a.number} — ${a.city}/${a.state} ${a.cep}` : undefined;
  }
  return customer.id;
}
