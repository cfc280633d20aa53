import { MemoryStore } from '../../src/adapters/memory/index.js';
import type { CustomerRecord, InvoiceRecord } from '../../src/ports/index.js';
import { createCollections, type Collections, type CollectionsOptions } from '../../src/app/index.js';
import { brazilianCalendar, civilDate } from '../../src/calendar/index.js';
import { brl } from '../../src/money/index.js';
import { fakeBureau, manualClock, recordingNotifier, sequentialIds, staticRates } from '../../src/testing/index.js';
import { exampleSpec } from '../ruler/fixtures.js';

/** The worked-example ruler: D-3 e-mail, D+1 SMS, D+10 forward to collections, D+15 negativate. */
export const exampleRuler = exampleSpec;

export const maria: CustomerRecord = {
  id: 'c-maria',
  version: 1,
  name: 'Maria Souza',
  taxId: '12345678909',
  kind: 'person',
  email: 'maria@example.com',
  phone: '+5511999990000',
  address: { street: 'Rua das Flores', number: '100', district: 'Centro', city: 'São Paulo', state: 'SP', cep: '01001000' },
};

export function invoiceOf(id: string, customerId: string, amount: string, dueDate: string, extra: Partial<InvoiceRecord> = {}): InvoiceRecord {
  return { id, version: 1, customerId, amount: brl(amount), dueDate: civilDate(dueDate), status: 'open', paid: brl('0'), ...extra };
}

/** A collections app over the memory store with a manual clock, a recording notifier and a fake bureau. */
export async function harness(options: Partial<CollectionsOptions> = {}, start = '2026-11-07T10:00:00-03:00') {
  const store = new MemoryStore();
  const clock = manualClock(start);
  const notifier = recordingNotifier();
  const bureau = fakeBureau();
  const built = createCollections({
    store,
    clock,
    notifier,
    bureau,
    rates: staticRates(),
    calendar: brazilianCalendar(),
    ids: sequentialIds(),
    creditor: { id: 'provedor', name: 'Provedor Internet Ltda', document: '11.222.333/0001-81' },
    ruler: exampleRuler,
    settings: { general: { registerAutomatically: 'yes', minimumDaysOverdue: 15 } },
    lateCharges: { policy: { interest: { kind: 'monthly', percent: '1' } }, interestFromRates: false },
    ...options,
  });
  if (built.isErr()) throw new Error(built.error.message);
  const app: Collections = built.value;
  const seed = async (customers: CustomerRecord[], invoices: InvoiceRecord[]) =>
    store.transaction(async (tx) => {
      for (const c of customers) await tx.customers.insert(c);
      for (const i of invoices) await tx.invoices.insert(i);
    });
  /** Moves the clock to a São Paulo wall-clock time and runs the cycle. */
  const cycleOn = async (date: string, time = '10:00') => {
    clock.set(`${date}T${time}:00-03:00`);
    const report = await app.runDailyCycle();
    if (report.isErr()) throw new Error(report.error.message);
    return report.value;
  };
  return { app, store, clock, notifier, bureau, seed, cycleOn };
}
