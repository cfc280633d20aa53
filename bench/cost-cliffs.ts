/**
 * Issue 12 item 10, the cost cliffs, as figures (never asserted; the tests count operations):
 *   1. `lateChargesCalculator(...).batch` over INVOICES invoices due across 100 years, against a
 *      100-year legal-rate series and a 100-year IPCA series (each indexed once per policy);
 *   2. a daily cycle that catches up 100 missed steps over CUSTOMERS invoices (memory store):
 *      the heap the cycle's report keeps, and the RSS growth of the run.
 * Run: npx tsx bench/cost-cliffs.ts   (INVOICES=… CUSTOMERS=… to resize; defaults 1,000,000 and 20,000)
 */
import { MemoryStore } from '../src/adapters/memory/index.js';
import { lateChargesCalculator } from '../src/agreements/index.js';
import { createCollections } from '../src/app/index.js';
import { brazilianCalendar, civilDate, epochDayOf } from '../src/calendar/index.js';
import { brl } from '../src/money/index.js';
import { fakeBureau, manualClock, recordingNotifier, sequentialIds, staticRates } from '../src/testing/index.js';

const INVOICES = Number(process.env.INVOICES ?? 1_000_000);
const CUSTOMERS = Number(process.env.CUSTOMERS ?? 20_000);

function months(count: number, percent: (k: number) => string) {
  return Array.from({ length: count }, (_, k) => ({ month: `${1926 + Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`, percent: percent(k) }));
}

function batchOverACentury(): void {
  const calc = lateChargesCalculator({
    interest: { kind: 'series', rates: months(1200, (k) => (k % 5 === 0 ? '-0.2' : '0.4')) },
    correction: { variations: months(1200, (k) => (k % 7 === 0 ? '-0.1' : '0.45')) },
  });
  if (calc.isErr()) throw new Error(calc.error.message);
  const first = epochDayOf(1926, 1, 1);
  const asOf = epochDayOf(2025, 12, 31);
  const principalCents = new Float64Array(INVOICES).fill(100_000);
  const dueEpochDays = Float64Array.from({ length: INVOICES }, (_, i) => first + (i % (asOf - first)));
  const started = performance.now();
  const result = calc.value.batch({ principalCents, dueEpochDays, asOfEpochDay: asOf });
  const seconds = (performance.now() - started) / 1000;
  if (result.isErr()) throw new Error(result.error.message);
  console.log(`batch, 100-year rate and IPCA series: ${INVOICES.toLocaleString('en')} invoices in ${seconds.toFixed(2)} s (${Math.round(INVOICES / seconds).toLocaleString('en')}/s)`);
}

async function catchUpOf100Steps(): Promise<void> {
  const store = new MemoryStore();
  const clock = manualClock('2026-11-09T10:00:00-03:00');
  const app = createCollections({
    store,
    clock,
    notifier: recordingNotifier(),
    bureau: fakeBureau(),
    rates: staticRates(),
    calendar: brazilianCalendar(),
    ids: sequentialIds(),
    creditor: { id: 'provedor', name: 'Provedor Internet Ltda', document: '11.222.333/0001-81' },
    ruler: { id: 'diaria', steps: Array.from({ length: 100 }, (_, k) => ({ id: `email-d${k + 1}`, offsetDays: k + 1, action: { kind: 'notify', channel: 'email', template: 'lembrete' } })) },
    settings: { general: { registerAutomatically: 'no' } },
    lateCharges: { policy: { interest: { kind: 'monthly', percent: '1' } }, interestFromRates: false },
  });
  if (app.isErr()) throw new Error(app.error.message);
  await store.transaction(async (tx) => {
    for (let i = 0; i < CUSTOMERS; i++) {
      await tx.customers.insert({ id: `c${i}`, version: 1, name: 'Cliente', taxId: '12345678909', kind: 'person', email: `c${i}@example.com`, address: { street: 'Rua A', number: '1', district: 'Centro', city: 'São Paulo', state: 'SP', cep: '01001000' } });
      await tx.invoices.insert({ id: `i${i}`, version: 1, customerId: `c${i}`, amount: brl('100.00'), dueDate: civilDate('2026-11-10'), status: 'open', paid: brl('0') });
    }
  });
  global.gc?.();
  const before = process.memoryUsage();
  clock.set('2027-02-19T10:00:00-03:00');
  const started = performance.now();
  const report = await app.value.runDailyCycle();
  const seconds = (performance.now() - started) / 1000;
  if (report.isErr()) throw new Error(report.error.message);
  const after = process.memoryUsage();
  const { ruler } = report.value;
  console.log(
    `catch-up of 100 steps over ${CUSTOMERS.toLocaleString('en')} invoices: ${seconds.toFixed(1)} s; report keeps ${ruler.done.length + ruler.skipped.length} outcomes ` +
      `(${ruler.superseded.toLocaleString('en')} superseded counted); RSS +${Math.round((after.rss - before.rss) / 2 ** 20)} MiB (the store's action log and audit included)`,
  );
}

batchOverACentury();
await catchUpOf100Steps();
