import { describe, expect, it } from 'vitest';
import { checkNegativationGuards } from '../../src/negativation/index.js';
import { classifyPortfolio } from '../../src/portfolio/index.js';

/*
 * Regression: the negativation guard and the portfolio classifier counted raw
 * calendar days from a due date on a weekend, so a debtor who could still pay
 * on time on Monday already counted as overdue. They now ask `daysOverdue`.
 */
const saturday = '2026-11-21';
const monday = '2026-11-23';
const tuesday = '2026-11-24';

describe('callers count days overdue the one way', () => {
  it('minimum_days_overdue: a title due Saturday is not overdue on Monday (its payable day)', () => {
    const check = (asOf: string) =>
      checkNegativationGuards({ stage: 'request', asOf, title: { id: 'inv-1', amount: '373.52', dueDate: saturday }, settings: { minimumDaysOverdue: 1 } })._unsafeUnwrap();
    const onMonday = check(monday);
    expect(onMonday.violations.map((v) => v.guard)).toContain('minimum_days_overdue');
    // time heals it on Tuesday, the day after the payable day (not on Sunday, due + 1)
    expect(onMonday.violations.find((v) => v.guard === 'minimum_days_overdue')?.details).toMatchObject({ daysOverdue: 0, required: 1, allowedFrom: tuesday });
    expect(check(tuesday).violations.map((v) => v.guard)).not.toContain('minimum_days_overdue');
  });

  it('classified panel: a title due Saturday is not classified on Monday, and is on Tuesday (3 days)', () => {
    const invoices = [{ id: 'inv-1', customerId: 'c-1', dueDate: saturday, amount: '100.00' }];
    expect(classifyPortfolio({ asOf: monday, forwardAfterDays: 2, invoices })._unsafeUnwrap().panels.classified.invoiceIds).toEqual([]);
    expect(classifyPortfolio({ asOf: tuesday, forwardAfterDays: 3, invoices })._unsafeUnwrap().panels.classified.invoiceIds).toEqual(['inv-1']);
  });
});
