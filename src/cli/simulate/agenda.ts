import { addDays, type CivilDate } from 'cobranca';
import type { Dice } from './dice.js';
import type { SyntheticCustomer } from './portfolio.js';

/** Something a customer (or an operator about a customer) does on a simulated day. */
export type CustomerAct =
  | { readonly kind: 'pay'; readonly invoiceId: string }
  | { readonly kind: 'start-collection'; readonly customerId: string }
  | { readonly kind: 'confirm-collection'; readonly customerId: string }
  | { readonly kind: 'negotiate'; readonly customerId: string }
  | { readonly kind: 'dispute'; readonly customerId: string; readonly invoiceId: string }
  | { readonly kind: 'contact'; readonly customerId: string };

/** Acts by day. */
export class Agenda {
  private readonly byDay = new Map<CivilDate, CustomerAct[]>();

  /** Schedules an act on a day. */
  add(day: CivilDate, act: CustomerAct): void {
    const list = this.byDay.get(day);
    if (list) list.push(act);
    else this.byDay.set(day, [act]);
  }

  /** The acts of a day, in the order they were scheduled. */
  on(day: CivilDate): readonly CustomerAct[] {
    return this.byDay.get(day) ?? [];
  }
}

/**
 * Each behaviour's acts: punctual customers pay up to five days early; late
 * ones pay weeks late (charges included); negotiators are taken through seed
 * 004's collection account (start, confirm, agreement) once one of their
 * invoices is weeks overdue; disputers contest one invoice and pay the rest;
 * defaulters pay nothing, and half of them are put in contact by an operator,
 * who calls again after each later invoice.
 */
export function scheduleCustomer(agenda: Agenda, d: Dice, customer: SyntheticCustomer, start: CivilDate): void {
  const { behaviour, invoices, record } = customer;
  const first = invoices[0];
  if (!first) return;
  const notBefore = (day: CivilDate): CivilDate => (day < start ? start : day);
  switch (behaviour.kind) {
    case 'punctual':
      for (const invoice of invoices) agenda.add(notBefore(addDays(invoice.dueDate, -d.int(0, 5))), { kind: 'pay', invoiceId: invoice.id });
      return;
    case 'late':
      for (const invoice of invoices) agenda.add(notBefore(addDays(invoice.dueDate, behaviour.daysLate + d.int(0, 5))), { kind: 'pay', invoiceId: invoice.id });
      return;
    case 'negotiator': {
      // the invoice that makes them call: any of theirs, so agreements spread over the months
      const trigger = d.pick(invoices);
      const startOn = notBefore(addDays(trigger.dueDate, behaviour.afterDays));
      agenda.add(startOn, { kind: 'start-collection', customerId: record.id });
      agenda.add(addDays(startOn, 1), { kind: 'confirm-collection', customerId: record.id });
      agenda.add(addDays(startOn, 3), { kind: 'negotiate', customerId: record.id });
      return;
    }
    case 'disputer': {
      const contested = d.pick(invoices);
      agenda.add(notBefore(addDays(contested.dueDate, behaviour.afterDays)), { kind: 'dispute', customerId: record.id, invoiceId: contested.id });
      for (const invoice of invoices.filter((i) => i !== contested)) agenda.add(notBefore(addDays(invoice.dueDate, -d.int(0, 3))), { kind: 'pay', invoiceId: invoice.id });
      return;
    }
    case 'defaulter':
      if (!d.chance(50)) return;
      // an operator puts them in contact, then calls again after each later invoice falls due
      agenda.add(notBefore(addDays(first.dueDate, 20)), { kind: 'start-collection', customerId: record.id });
      for (const invoice of invoices.slice(1)) agenda.add(notBefore(addDays(invoice.dueDate, 15 + d.int(0, 10))), { kind: 'contact', customerId: record.id });
      return;
  }
}
