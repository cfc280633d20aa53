import type { Store } from '../../../src/ports/index.js';
import type { CustomerRecord, InvoiceRecord } from '../../../src/ports/index.js';
import { createCollections, type Collections } from '../../../src/app/index.js';
import { addDays, brazilianCalendar, civilDate } from '../../../src/calendar/index.js';
import { brl } from '../../../src/money/index.js';
import type { IdGenerator } from '../../../src/ports/index.js';
import { fakeBureau, manualClock, recordingNotifier, staticRates, type FakeBureau, type ManualClock, type RecordingNotifier } from '../../../src/testing/index.js';
import { exampleSpec } from '../../ruler/fixtures.js';

/** The first simulated day of the scale-out runs. */
export const FIRST_DAY = civilDate('2026-10-20');

/** `count` consecutive days from {@link FIRST_DAY}. */
export function simulatedDays(count: number): string[] {
  return Array.from({ length: count }, (_, n) => addDays(FIRST_DAY, n));
}

/** A portfolio of `customers` customers with one or two invoices each, due dates spread over two months (reminders, SMSs, forwards, registrations). */
export function scalePortfolio(customers: number): { customers: CustomerRecord[]; invoices: InvoiceRecord[] } {
  const out = { customers: [] as CustomerRecord[], invoices: [] as InvoiceRecord[] };
  for (let n = 0; n < customers; n++) {
    const id = `c${String(n).padStart(5, '0')}`;
    out.customers.push({
      id, version: 1, name: `Cliente ${n}`, taxId: '12345678909', kind: n % 5 === 0 ? 'company' : 'person', email: `cliente${n}@example.com`, phone: '+5511999990000',
      address: { street: 'Rua das Flores', number: String(n), district: 'Centro', city: n % 2 === 0 ? 'São Paulo' : 'Campinas', state: 'SP', cep: '01001000' },
    });
    const due = (k: number): string => addDays(civilDate('2026-10-01'), (n * 7 + k * 11) % 55);
    out.invoices.push({ id: `i${String(n).padStart(5, '0')}-1`, version: 1, customerId: id, amount: brl(`${100 + (n % 400)}.${String(n % 100).padStart(2, '0')}`), dueDate: civilDate(due(0)), status: 'open', paid: brl('0') });
    if (n % 3 === 0) out.invoices.push({ id: `i${String(n).padStart(5, '0')}-2`, version: 1, customerId: id, amount: brl('89.90'), dueDate: civilDate(due(1)), status: 'open', paid: brl('0') });
  }
  return out;
}

/** Ids unique to one worker (`w2-effect-17`): workers of one cycle must never mint the same id. */
export function workerIds(worker: string): IdGenerator {
  const counters = new Map<string, number>();
  return { next: (prefix) => { const n = (counters.get(prefix) ?? 0) + 1; counters.set(prefix, n); return `${worker}-${prefix}-${n}`; } };
}

/** A collections app as the scale-out runs build it: the worked-example ruler, automatic registration, fakes that record every call. */
export function scaleApp(store: Store, worker: string, onSend?: () => void | Promise<void>): { app: Collections; clock: ManualClock; notifier: RecordingNotifier; bureau: FakeBureau } {
  const clock = manualClock(`${FIRST_DAY}T10:00:00-03:00`);
  const recording = recordingNotifier();
  const notifier: RecordingNotifier = onSend === undefined ? recording : { ...recording, sent: recording.sent, calls: recording.calls, send: async (message) => {
    await onSend();
    return recording.send(message);
  } };
  const bureau = fakeBureau();
  const built = createCollections({
    store, clock, notifier, bureau, rates: staticRates(), calendar: brazilianCalendar(), ids: workerIds(worker),
    creditor: { id: 'provedor', name: 'Provedor Internet Ltda', document: '11.222.333/0001-81' },
    ruler: exampleSpec,
    settings: { general: { registerAutomatically: 'yes', minimumDaysOverdue: 15 } },
    lateCharges: { policy: { interest: { kind: 'monthly', percent: '1' } }, interestFromRates: false },
  });
  if (built.isErr()) throw new Error(built.error.message);
  return { app: built.value, clock, notifier, bureau };
}

/** What a run left in the store, in a form two runs can be compared by (ids minted by workers left out). */
export async function outcomeOf(store: Store): Promise<{ actions: string[]; effects: string[]; invoices: string[]; negativations: string[] }> {
  return store.transaction(async (tx) => {
    const actions: string[] = [];
    for (const invoice of await tx.invoices.list()) for (const entry of await tx.actionLog.forInvoice(invoice.id)) actions.push(`${entry.key}|${entry.on}|${entry.action}`);
    const records = await tx.negativations.list();
    // Negativation ids are minted by whichever worker made the request: name them by their invoice instead.
    const byInvoice = new Map(records.map((n) => [n.id, `negativation-of-${n.invoiceId}`]));
    const stable = (key: string): string => key.replace(/w[0-9a-z]*-negativation-\d+/g, (id) => byInvoice.get(id) ?? id);
    const effects = (await tx.outbox.all()).map((e) => `${stable(e.key)}|${e.kind}|${e.status}|${e.attempts}`);
    const invoices = (await tx.invoices.list()).map((i) => `${i.id}|${i.status}|${i.version}`);
    const negativations = records.map((n) => `${n.invoiceId}|${n.status}|${n.version}`);
    return { actions: actions.sort(), effects: effects.sort(), invoices, negativations: negativations.sort() };
  });
}
