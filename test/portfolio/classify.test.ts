import { describe, expect, it } from 'vitest';
import { forwardAfterDaysOf } from '../../src/ruler/index.js';
import { classifyPortfolio, type ClassifierInvoice, type CollectionEvent, type PanelName } from '../../src/portfolio/index.js';
import { exampleRuler, settingsOf } from '../ruler/fixtures.js';

const asOf = '2026-06-30';

function classify(invoices: ClassifierInvoice[], events: CollectionEvent[] = []) {
  const result = classifyPortfolio({ asOf, forwardAfterDays: forwardAfterDaysOf(exampleRuler) ?? 0, invoices, events });
  if (result.isErr()) throw new Error(result.error.message);
  return result.value;
}

function panelIds(out: ReturnType<typeof classify>): Record<string, readonly string[]> {
  return Object.fromEntries(Object.entries(out.panels).filter(([, p]) => p.invoices > 0).map(([name, p]) => [name, [...p.invoiceIds].sort()]));
}

const base = { customerId: 'maria', amount: '100.00' };

describe('classifyPortfolio: the panels of seed 004', () => {
  it('takes X from the ruler\'s forward_to_collections step (10 days), or from the setting', () => {
    expect(forwardAfterDaysOf(exampleRuler)).toBe(10);
    expect(forwardAfterDaysOf(exampleRuler, settingsOf({ daysToForwardToCollections: 20 }))).toBe(20);
  });

  it('puts each invoice where the seed says', () => {
    const out = classify([
      { ...base, id: 'late-10', dueDate: '2026-06-20' }, // exactly 10 days late → classified
      { ...base, id: 'late-9', dueDate: '2026-06-21' }, // 9 days → not yet
      { ...base, id: 'selected', dueDate: '2026-05-01', collection: 'selected' },
      { ...base, id: 'started', dueDate: '2026-05-01', collection: 'started' },
      { ...base, id: 'pending', dueDate: '2026-05-01', agreement: { id: 'A1', createdOn: '2026-06-01', toleranceDate: '2026-07-10' } },
      { ...base, id: 'broken', dueDate: '2026-05-01', agreement: { id: 'A2', createdOn: '2026-05-10', toleranceDate: '2026-06-15' } },
      { ...base, id: 'fulfilled', dueDate: '2026-05-01', paidOn: '2026-06-05', agreement: { id: 'A3', createdOn: '2026-05-10', toleranceDate: '2026-06-15' } },
      { ...base, id: 'registered', dueDate: '2026-03-01', negativation: { registeredOn: '2026-04-01' } },
      { ...base, id: 'critique', dueDate: '2026-03-01', paidOn: '2026-06-01', negativation: { registeredOn: '2026-04-01' } },
      { ...base, id: 'removed', dueDate: '2026-03-01', paidOn: '2026-06-01', negativation: { registeredOn: '2026-04-01', removedOn: '2026-06-03' } },
      { ...base, id: 'paid', dueDate: '2026-03-01', paidOn: '2026-03-02' },
      { ...base, id: 'future', dueDate: '2026-07-30' },
    ]);
    const expected: Partial<Record<PanelName, string[]>> = {
      classified: ['late-10', 'registered'],
      inContact: ['selected'],
      awaitingNegotiation: ['started'],
      agreementPending: ['pending'],
      agreementBroken: ['broken'],
      agreementFulfilled: ['fulfilled'],
      registered: ['registered'],
      critiques: ['critique'],
      removedAfterRegistration: ['removed'],
    };
    expect(panelIds(out)).toEqual(expected);
  });

  it('counts customers and sums amounts exactly', () => {
    const out = classify([
      { id: 'a', customerId: 'ana', dueDate: '2026-06-01', amount: '0.10' },
      { id: 'b', customerId: 'ana', dueDate: '2026-06-02', amount: '0.20' },
      { id: 'c', customerId: 'bia', dueDate: '2026-06-03', amount: { cents: 1 } },
    ]);
    expect(out.panels.classified).toMatchObject({ invoices: 3, customers: 2, amount: { cents: 31 } });
  });

  it('builds the chart series', () => {
    const agreement = (id: string, createdOn: string, city: string, operator: string, toleranceDate = '2026-07-15') => ({ id, createdOn, toleranceDate, city, operator });
    const out = classify(
      [
        { ...base, id: '1', dueDate: '2026-05-01', agreement: agreement('A', '2026-06-10', 'Campinas', 'op1') },
        { ...base, id: '2', dueDate: '2026-05-01', agreement: agreement('A', '2026-06-10', 'Campinas', 'op1') },
        { ...base, id: '3', dueDate: '2026-05-01', agreement: agreement('B', '2026-06-11', 'Santos', 'op2') },
        { ...base, id: '4', dueDate: '2026-01-01', agreement: agreement('C', '2026-01-10', 'Santos', 'op2') }, // outside 90 days
        { ...base, id: '5', dueDate: '2026-04-01', paidOn: '2026-05-20', agreement: agreement('D', '2026-04-10', 'Santos', 'op1') },
        { ...base, id: '6', dueDate: '2026-04-01', agreement: agreement('E', '2026-04-10', 'Santos', 'op3', '2026-06-20') }, // 10 days past tolerance
        { ...base, id: '7', dueDate: '2026-03-01', agreement: agreement('F', '2026-03-10', 'Santos', 'op3', '2026-05-01') }, // 60 days past
        { ...base, id: '8', dueDate: '2026-02-01', negativation: { registeredOn: '2026-03-15' } },
      ],
      [
        { date: '2026-06-29', operator: 'op1' },
        { date: '2026-06-01', operator: 'op2' },
        { date: '2026-01-05', operator: 'op2' },
        { date: '2025-06-30', operator: 'op2' }, // 13 months ago: outside
        { date: '2026-07-01', operator: 'op1' }, // future: ignored
      ],
    );
    const c = out.charts;
    expect(c.interactionsPerMonth).toHaveLength(12);
    expect(c.interactionsPerMonth[0]?.month).toBe('2025-07');
    expect(c.interactionsPerMonth.filter((p) => p.count > 0).map((p) => [p.month, p.count])).toEqual([
      ['2026-01', 1],
      ['2026-06', 2],
    ]);
    // Within 90 days (after 2026-04-01): A in Campinas; B, D and E in Santos. C and F are older.
    expect(c.agreementsPerCity).toEqual([
      { label: 'Santos', count: 3 },
      { label: 'Campinas', count: 1 },
    ]);
    expect(c.resultsPerMonth.find((p) => p.month === '2026-05')).toMatchObject({ count: 1, amount: { cents: 10_000 } });
    expect(c.overduePerOperator).toEqual([{ operator: 'op3', upTo30Days: 1, over30Days: 1, amount: { cents: 20_000 } }]);
    expect(c.effectedPerOperator).toEqual([{ label: 'op1', count: 1 }]);
    expect(c.registrationsPerMonth.find((p) => p.month === '2026-03')?.count).toBe(1);
    expect(c.eventsPerOperator).toEqual([
      { label: 'op1', count: 1 },
      { label: 'op2', count: 1 },
    ]);
  });

  it('names the bad field of a bad invoice', () => {
    const result = classifyPortfolio({ asOf, forwardAfterDays: 10, invoices: [{ ...base, id: 'ok', dueDate: '2026-01-01' }, { ...base, id: 'x', dueDate: '2026-02-30' }] });
    expect(result._unsafeUnwrapErr()).toMatchObject({ code: 'invalid_input', path: ['invoices', 1, 'dueDate'] });
    const badAsOf = classifyPortfolio({ asOf: 'today', forwardAfterDays: 10, invoices: [] });
    expect(badAsOf._unsafeUnwrapErr().path).toEqual(['asOf']);
  });

  it('panel and chart totals are exact: 91 invoices of R$ 1 trillion are refused with amount_out_of_range, never a RangeError', () => {
    const huge = (count: number) => Array.from({ length: count }, (_, i) => ({ customerId: `c${i}`, amount: '1000000000000.00', id: `h${i}`, dueDate: '2026-01-01' }));
    const fits = classifyPortfolio({ asOf, forwardAfterDays: 10, invoices: huge(90) })._unsafeUnwrap();
    expect(fits.panels.classified.amount).toEqual({ cents: 9_000_000_000_000_000 });
    expect(classifyPortfolio({ asOf, forwardAfterDays: 10, invoices: huge(91) })._unsafeUnwrapErr()).toMatchObject({ code: 'amount_out_of_range', path: ['invoices'] });
  });
});
