/**
 * The daily cycle on the memory store, through the built package: a first run
 * (everything due at once) and a steady day (the next day, when about one invoice
 * in twenty has a step due), at several portfolio sizes so the cost per invoice
 * shows whether it is linear. Every sample is a fresh process (a first run can
 * happen once per store). Figures only.
 * Run: npm run build && npx tsx bench/daily-cycle.ts   (SIZES=10000,100000,1000000 to choose; 1,000,000 may need
 * NODE_OPTIONS=--max-old-space-size=8192 while the store keeps its data in memory)
 */
import type { CustomerRecord, InvoiceRecord } from '../src/ports/index.js';
import { built } from './harness/built.js';
import { compare } from './harness/compare.js';
import { contenderArgument, reportOnce } from './harness/sample.js';
import { exampleSpec } from '../test/ruler/fixtures.js';

const SIZES = (process.env.SIZES ?? '10000,100000').split(',').map(Number);
const PER_CUSTOMER = 2;

async function cycle(size: number, steady: boolean): Promise<void> {
  const { createCollections, brazilianCalendar, addDays, civilDate, fromCents } = await built('root');
  const { MemoryStore } = await built('memory');
  const { fakeBureau, manualClock, recordingNotifier, sequentialIds, staticRates } = await built('testing');
  const today = civilDate('2026-11-24');
  const store = new MemoryStore();
  await store.transaction(async (tx) => {
    for (let c = 0; c < size / PER_CUSTOMER; c++) {
      const id = `c${String(c).padStart(7, '0')}`;
      const customer: CustomerRecord = { id, version: 1, name: `Cliente ${c}`, taxId: '12345678909', kind: c % 5 === 0 ? 'company' : 'person', email: `${id}@example.com`, phone: '+5511999990000', address: { street: 'Rua A', number: '1', district: 'Centro', city: 'São Paulo', state: 'SP', cep: '01001000' } };
      await tx.customers.insert(customer);
      for (let k = 0; k < PER_CUSTOMER; k++) {
        const n = c * PER_CUSTOMER + k;
        // due dates from 40 days ago to 10 days ahead; every 7th invoice already paid
        const due = addDays(today, (n % 50) - 40);
        const paid = n % 7 === 0;
        const amount = fromCents(5_000 + (n % 90_000));
        const invoice: InvoiceRecord = { id: `i${String(n).padStart(8, '0')}`, version: 1, customerId: id, amount, dueDate: due, status: paid ? 'paid' : 'open', paid: paid ? amount : fromCents(0), ...(paid ? { paidOn: due } : {}) };
        await tx.invoices.insert(invoice);
      }
    }
  });
  const clock = manualClock('2026-11-24T10:00:00-03:00');
  const app = createCollections({
    store,
    clock,
    notifier: recordingNotifier(),
    bureau: fakeBureau(),
    rates: staticRates(),
    calendar: brazilianCalendar(),
    ids: sequentialIds(),
    creditor: { id: 'provedor', name: 'Provedor Ltda', document: '11.222.333/0001-81' },
    ruler: exampleSpec,
    settings: { general: { registerAutomatically: 'yes', minimumDaysOverdue: 15 } },
    lateCharges: { policy: { interest: { kind: 'monthly', percent: '1' } }, interestFromRates: false },
  });
  if (app.isErr()) throw new Error(app.error.message);
  const run = async (): Promise<{ seconds: number; check: string }> => {
    const start = performance.now();
    const report = await app.value.runDailyCycle();
    const seconds = (performance.now() - start) / 1000;
    if (report.isErr()) throw new Error(report.error.message);
    return { seconds, check: `${report.value.ruler.done.length} actions, ${report.value.effects.performed} effects` };
  };
  const first = await run();
  if (!steady) return reportOnce('first run', first.check, size, first.seconds);
  clock.set('2026-11-25T10:00:00-03:00');
  const next = await run();
  reportOnce('steady day', next.check, size, next.seconds);
}

const name = contenderArgument();
if (name !== undefined) {
  await cycle(Number(process.env.SIZE), name === 'steady day');
} else {
  const file = import.meta.filename;
  for (const size of SIZES) {
    process.env.SIZE = String(size);
    const n = size.toLocaleString('en-US');
    compare({ work: `daily cycle first run, ${n} invoices (memory store)`, file, ours: 'first run', target: { perSecond: 20_000 }, rssPer: { count: size, unit: 'invoice' } });
    compare({ work: `daily cycle steady day, ${n} invoices (memory store)`, file, ours: 'steady day', target: { perSecond: 200_000 }, rssPer: { count: size, unit: 'invoice' } });
  }
}
