import { describe, expect, it } from 'vitest';
import type { CustomerRecord, InvoiceRecord } from '../../src/ports/index.js';
import { harness, invoiceOf, maria } from './harness.js';

/**
 * Issue 12, defect 5: two daily cycles at once called each port twice. The
 * fakes count raw calls (they do not drop repeated keys from the count), so
 * any double call shows.
 */
function portfolio(count: number): { customers: CustomerRecord[]; invoices: InvoiceRecord[] } {
  const customers: CustomerRecord[] = [];
  const invoices: InvoiceRecord[] = [];
  for (let n = 0; n < count; n++) {
    const id = `c${n}`;
    customers.push({ ...maria, id, email: `cliente${n}@example.com` });
    // Due dates spread so that, over the simulated days, reminders, overdue SMSs, notices and registrations all happen.
    invoices.push(invoiceOf(`i${n}`, id, '300.00', n % 2 === 0 ? '2026-10-01' : '2026-11-10'));
  }
  return { customers, invoices };
}

const DAYS = ['2026-10-16', '2026-10-26', '2026-10-27', '2026-11-07', '2026-11-11', '2026-11-26', '2026-12-07'];

async function simulate(concurrency: number) {
  const h = await harness();
  const { customers, invoices } = portfolio(6);
  await h.seed(customers, invoices);
  for (const day of DAYS) {
    h.clock.set(`${day}T10:00:00-03:00`);
    const reports = await Promise.all(Array.from({ length: concurrency }, () => h.app.runDailyCycle()));
    for (const report of reports) expect(report.isOk(), report.isErr() ? report.error.message : '').toBe(true);
  }
  const effects = await h.store.transaction((tx) => tx.outbox.all());
  return { h, effects };
}

describe('concurrent daily cycles over one store, with ports that do not deduplicate', () => {
  it('one cycle at a time: the reference counts', async () => {
    const { h, effects } = await simulate(1);
    expect(h.notifier.calls.length).toBeGreaterThan(10);
    expect(h.bureau.calls.register).toBeGreaterThan(0);
    expect(effects.filter((e) => e.status === 'pending' && e.claimedBy !== undefined)).toEqual([]);
  });

  it.each([2, 4])('%i cycles at once: every message and every registration happens exactly once', async (concurrency) => {
    const reference = await simulate(1);
    const { h } = await simulate(concurrency);
    const keys = h.notifier.calls.map((m) => m.key);
    expect(new Set(keys).size, 'a message was sent twice').toBe(keys.length);
    expect(keys.sort()).toEqual(reference.h.notifier.calls.map((m) => m.key).sort());
    expect(h.bureau.calls.register).toBe(reference.h.bureau.calls.register);
    expect(h.bureau.calls.remove).toBe(reference.h.bureau.calls.remove);
  });
});
