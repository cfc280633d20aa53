/**
 * The daily cycle over a portfolio on the memory store: invoices per second.
 * Run: npx tsx bench/daily-cycle.ts [invoices]   (default 100,000)
 */
import { MemoryStore } from '../src/adapters/memory/index.js';
import type { CustomerRecord, InvoiceRecord } from '../src/ports/index.js';
import { createCollections } from '../src/app/index.js';
import { addDays, brazilianCalendar, civilDate } from '../src/calendar/index.js';
import { fromCents } from '../src/money/index.js';
import { fakeBureau, manualClock, recordingNotifier, sequentialIds, staticRates } from '../src/testing/index.js';
import { formatRate, rssMb } from './support.js';
import { exampleSpec } from '../test/ruler/fixtures.js';

const INVOICES = Number(process.argv[2] ?? 100_000);
const PER_CUSTOMER = 2;
const today = civilDate('2026-11-24');

const store = new MemoryStore();
const customers: CustomerRecord[] = [];
const invoices: InvoiceRecord[] = [];
for (let c = 0; c < INVOICES / PER_CUSTOMER; c++) {
  const id = `c${String(c).padStart(7, '0')}`;
  customers.push({ id, version: 1, name: `Cliente ${c}`, taxId: '12345678909', kind: c % 5 === 0 ? 'company' : 'person', email: `${id}@example.com`, phone: '+5511999990000', address: { street: 'Rua A', number: '1', district: 'Centro', city: 'São Paulo', state: 'SP', cep: '01001000' } });
  for (let k = 0; k < PER_CUSTOMER; k++) {
    const n = c * PER_CUSTOMER + k;
    // due dates spread from 40 days ago to 10 days ahead; every 7th invoice already paid
    const due = addDays(today, (n % 50) - 40);
    const paid = n % 7 === 0;
    invoices.push({ id: `i${String(n).padStart(8, '0')}`, version: 1, customerId: id, amount: fromCents(5_000 + (n % 90_000)), dueDate: due, status: paid ? 'paid' : 'open', paid: fromCents(paid ? 5_000 + (n % 90_000) : 0), ...(paid ? { paidOn: due } : {}) });
  }
}
const seedStart = performance.now();
await store.transaction(async (tx) => {
  for (const c of customers) await tx.customers.insert(c);
  for (const i of invoices) await tx.invoices.insert(i);
});
console.log(`seeded ${customers.length.toLocaleString('en-US')} customers and ${invoices.length.toLocaleString('en-US')} invoices in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`);

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
})._unsafeUnwrap();

for (const [label, time] of [['first run (every action due)', '10:00'], ['second run (nothing new)', '10:30']] as const) {
  clock.set(`2026-11-24T${time}:00-03:00`);
  const start = performance.now();
  const report = (await app.runDailyCycle())._unsafeUnwrap();
  const seconds = (performance.now() - start) / 1000;
  console.log(
    `${label}: ${formatRate(INVOICES / seconds)} invoices/s (${seconds.toFixed(1)} s; ${report.ruler.done.length.toLocaleString('en-US')} actions, ${report.effects.performed.toLocaleString('en-US')} effects performed, ${report.ruler.skipped.length.toLocaleString('en-US')} skipped; RSS ${rssMb().toFixed(0)} MB)`,
  );
}
