import { describe, expect, it } from 'vitest';
import { classifyPortfolio, type ClassifierInvoice } from '../../src/portfolio/index.js';

describe('classifyPortfolio: a panel of many invoices', () => {
  it('lists every invoice id once, in the order given, and counts them and their customers, past the panel\'s internal chunk of 4,096 ids', () => {
    // 10,000 invoices, all 30 days late (classified), two per customer; a few not yet late stay out of every panel.
    const invoices: ClassifierInvoice[] = [];
    for (let n = 0; n < 10_000; n++) {
      invoices.push({ id: `f${String(9_999 - n).padStart(5, '0')}`, customerId: `c${Math.floor(n / 2)}`, dueDate: '2026-05-31', amount: '1.00' });
      if (n % 1000 === 0) invoices.push({ id: `x${n}`, customerId: 'later', dueDate: '2026-06-29', amount: '1.00' });
    }
    const result = classifyPortfolio({ asOf: '2026-06-30', forwardAfterDays: 10, invoices });
    if (result.isErr()) throw new Error(result.error.message);
    const classified = result.value.panels.classified;
    const expected = invoices.filter((invoice) => invoice.customerId !== 'later').map((invoice) => invoice.id);
    expect(classified.invoiceIds).toEqual(expected);
    expect(classified.invoices).toBe(10_000);
    expect(classified.customers).toBe(5_000);
    expect(classified.amount.cents).toBe(1_000_000);
  });
});
