import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../../../src/adapters/memory/index.js';
import { createCollections } from '../../../src/app/index.js';
import { addDays, brazilianCalendar, civilDate } from '../../../src/calendar/index.js';
import { fromCents } from '../../../src/money/index.js';
import type { Store } from '../../../src/ports/index.js';
import { fakeBureau, manualClock, recordingNotifier, sequentialIds, staticRates } from '../../../src/testing/index.js';
import { exampleSpec } from '../../ruler/fixtures.js';
import { countCall, observedStore } from '../support/observed-store.js';

/** Port calls by `collection.method`, and how many invoice records the cycle read by paging. */
interface Tally {
  calls: Map<string, number>;
  invoicesPaged: number;
}

/** A store that counts every port call made through it (the memory store underneath does the work). */
function countingStore(inner: Store, tally: Tally): Store {
  return observedStore(inner, {
    before: (key) => countCall(tally.calls, key),
    after: (key, result) => {
      if (key === 'invoices.page') tally.invoicesPaged += (result as unknown[]).length;
    },
  });
}

/** A portfolio of `size` invoices (two per customer; due dates over 50 days; one in seven paid), the first cycle run, then the counted second one. */
async function secondCycle(size: number, secondDay: string, branches = 1, wakes = true): Promise<Tally & { total: number; first: number }> {
  const memory = new MemoryStore({ wakes });
  const today = civilDate('2026-11-24');
  await memory.transaction(async (tx) => {
    for (let c = 0; c < size / 2; c++) {
      const id = `c${String(c).padStart(5, '0')}`;
      await tx.customers.insert({ id, version: 1, name: `Cliente ${c}`, taxId: '12345678909', kind: 'person', email: `${id}@example.com`, phone: '+5511999990000', address: { street: 'Rua A', number: '1', district: 'Centro', city: 'São Paulo', state: 'SP', cep: '01001000' } });
      for (let k = 0; k < 2; k++) {
        const n = c * 2 + k;
        const paid = n % 7 === 0;
        const amount = fromCents(5_000 + n);
        await tx.invoices.insert({ id: `i${String(n).padStart(6, '0')}`, version: 1, customerId: id, ...(branches > 1 ? { branchId: `b${c % branches}` } : {}), amount, dueDate: addDays(today, (n % 50) - 40), status: paid ? 'paid' : 'open', paid: paid ? amount : fromCents(0), ...(paid ? { paidOn: addDays(today, (n % 50) - 40) } : {}) });
      }
    }
  });
  const tally: Tally = { calls: new Map(), invoicesPaged: 0 };
  const clock = manualClock('2026-11-24T10:00:00-03:00');
  const created = createCollections({
    store: countingStore(memory, tally), clock, notifier: recordingNotifier(), bureau: fakeBureau(), rates: staticRates(), calendar: brazilianCalendar(), ids: sequentialIds(),
    creditor: { id: 'provedor', name: 'Provedor Ltda', document: '11.222.333/0001-81' },
    ruler: exampleSpec,
    settings: { general: { registerAutomatically: 'yes', minimumDaysOverdue: 15 }, ...(branches > 1 ? { branches: Object.fromEntries(Array.from({ length: branches }, (_, b) => [`b${b}`, { minimumDaysOverdue: 15 - b }])) } : {}) },
    lateCharges: { policy: { interest: { kind: 'monthly', percent: '1' } }, interestFromRates: false },
  });
  if (created.isErr()) throw new Error(created.error.message);
  const app = created.value;
  (await app.runDailyCycle())._unsafeUnwrap();
  const first = tally.invoicesPaged;
  tally.calls.clear();
  tally.invoicesPaged = 0;
  clock.set(`${secondDay}T10:00:00-03:00`);
  (await app.runDailyCycle())._unsafeUnwrap();
  return { ...tally, first, total: [...tally.calls.values()].reduce((a, b) => a + b, 0) };
}

/** Port calls that read one record, or one invoice's records: what a cycle must not make per invoice. */
const PER_RECORD_READS = ['customers.get', 'invoices.get', 'agreements.get', 'accounts.get', 'negativations.get', 'negativations.list', 'payments.list', 'protests.list', 'actionLog.forInvoice'];

describe('the daily cycle reads by page, not by invoice (counted, never timed)', () => {
  it('a rerun of the same day makes the same number of port calls at 60 and at 240 invoices, and no per-invoice read', async () => {
    const small = await secondCycle(60, '2026-11-24');
    const large = await secondCycle(240, '2026-11-24');
    expect(large.total, `calls: ${JSON.stringify([...large.calls])}`).toBe(small.total);
    for (const key of PER_RECORD_READS) expect(large.calls.get(key) ?? 0, key).toBe(0);
  });

  it('the invoices paged per invoice of the portfolio is the same at 60 and at 240 invoices (the reads are linear)', async () => {
    const small = await secondCycle(60, '2026-11-25');
    const large = await secondCycle(240, '2026-11-25');
    expect(large.invoicesPaged / 240).toBe(small.invoicesPaged / 60);
  });

  it('without the wake index, a cycle reads the invoice table in one stream for every invoice-driven pass, plus one for the classification, however many settings groups', async () => {
    // Settings-group discovery, the ruler, automatic requests and the SPC-control critiques share one stream;
    // the classification reads the portfolio once more, as it stands after the outbox. Before: 4 + G streams.
    for (const branches of [1, 3]) {
      const counted = await secondCycle(120, '2026-11-25', branches, false);
      expect([counted.first, counted.invoicesPaged], `${branches} branch(es)`).toEqual([2 * 120, 2 * 120]);
      expect(counted.calls.get('invoices.page'), `${branches} branch(es)`).toBe(4); // each stream: one page and the empty page that ends it
    }
  });

  it('with the wake index, the invoice-driven passes read the due customers page by page (their invoices at once), and only the classification pages the invoice table', async () => {
    for (const branches of [1, 3]) {
      const counted = await secondCycle(120, '2026-11-25', branches);
      expect([counted.first, counted.invoicesPaged], `${branches} branch(es)`).toEqual([120, 120]);
      expect(counted.calls.get('invoices.page'), `${branches} branch(es)`).toBe(2);
      expect(counted.calls.get('wakes.due'), `${branches} branch(es)`).toBe(2); // one page of due customers and the empty page that ends them
      expect(counted.calls.get('invoices.listFor') ?? 0, `${branches} branch(es)`).toBeGreaterThanOrEqual(1);
    }
  });
});
