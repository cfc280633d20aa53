import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { getHolidays } from '@brazilian-utils/brazilian-utils';
import { brazilianCalendar, civilDate, epochDayOf, fromEpochDay, toEpochDay, weekdayOf, type CivilDate } from '../../src/calendar/index.js';

const banking = brazilianCalendar();

describe('the Brazilian banking calendar: worked examples', () => {
  it('closes Carnival 16–17 Feb, Good Friday 3 Apr and Corpus Christi 4 Jun 2026', () => {
    for (const date of ['2026-02-16', '2026-02-17', '2026-04-03', '2026-06-04'] as const) {
      expect(banking.isBusinessDay(civilDate(date)), date).toBe(false);
    }
    expect(banking.isBusinessDay(civilDate('2026-02-18'))).toBe(true); // Ash Wednesday: banks open at noon, a business day
  });

  it('closes 20 November from 2024 (Lei 14.759/2023), not before', () => {
    expect(banking.isBusinessDay(civilDate('2026-11-20'))).toBe(false);
    expect(banking.holidayOn(civilDate('2026-11-20'))?.kind).toBe('national');
    expect(banking.isBusinessDay(civilDate('2024-11-20'))).toBe(false);
    expect(banking.isBusinessDay(civilDate('2023-11-20'))).toBe(true);
  });

  it('counts the Súmula 548 window over the 20 Nov holiday: funds Thu 19 → fifth business day Fri 27', () => {
    expect(banking.nextBusinessDay(civilDate('2026-11-19'))).toBe('2026-11-23');
    expect(banking.addBusinessDays(civilDate('2026-11-19'), 5)).toBe('2026-11-27');
    expect(banking.businessDaysBetween(civilDate('2026-11-19'), civilDate('2026-11-27'))).toBe(5);
  });

  it('rolls a due date on a weekend or holiday forward', () => {
    expect(banking.businessDayOnOrAfter(civilDate('2026-11-21'))).toBe('2026-11-23'); // Saturday
    expect(banking.businessDayOnOrAfter(civilDate('2026-12-25'))).toBe('2026-12-28'); // Christmas, a Friday
    expect(banking.businessDayOnOrAfter(civilDate('2026-11-24'))).toBe('2026-11-24');
    expect(banking.previousBusinessDay(civilDate('2026-11-23'))).toBe('2026-11-19');
    expect(banking.addBusinessDays(civilDate('2026-11-23'), -1)).toBe('2026-11-19');
  });

  it('a civil (non-banking) calendar keeps Carnival and Corpus Christi open', () => {
    const civil = brazilianCalendar({ banking: false });
    expect(civil.isBusinessDay(civilDate('2026-02-16'))).toBe(true);
    expect(civil.isBusinessDay(civilDate('2026-04-03'))).toBe(false);
  });

  it('adds state holidays and the host\'s own', () => {
    const sp = brazilianCalendar({ state: 'SP', extraHolidays: [{ name: 'Aniversário de São Paulo', month: 1, day: 25 }, civilDate('2026-12-24')] });
    expect(sp.holidayOn(civilDate('2026-07-09'))?.name).toBe('Revolução Constitucionalista');
    expect(sp.isBusinessDay(civilDate('2027-01-25'))).toBe(false);
    expect(sp.isBusinessDay(civilDate('2026-12-24'))).toBe(false);
    expect(banking.isBusinessDay(civilDate('2026-07-09'))).toBe(true);
  });

  it('computes Easter-based closures for any year', () => {
    // Easter 2001-04-15, 2038-04-25 (latest possible date), 2285-03-22 (earliest)
    expect(banking.holidayOn(civilDate('2001-04-13'))?.name).toBe('Sexta-feira Santa');
    // In 2000 Good Friday fell on Tiradentes (21 April): one closed day, listed once
    expect(banking.holidaysIn(2000).filter((h) => h.date === '2000-04-21')).toHaveLength(1);
    expect(banking.holidayOn(civilDate('2038-06-24'))?.name).toBe('Corpus Christi');
    expect(banking.holidayOn(civilDate('2285-02-02'))?.name).toBe('Carnaval (segunda-feira)');
    expect(banking.holidayOn(civilDate('2400-12-25'))?.name).toBe('Natal'); // beyond the lookup table
  });
});

describe('the calendar against @brazilian-utils getHolidays', () => {
  const local = (d: Date): CivilDate => fromEpochDay(epochDayOf(d.getFullYear(), d.getMonth() + 1, d.getDate()));

  it('has every national holiday and Good Friday the library lists, 1950–2099', () => {
    for (let year = 1950; year <= 2099; year++) {
      for (const h of getHolidays(year).filter((x) => x.type === 'national')) {
        expect(banking.holidayOn(local(h.date)), `${year} ${h.name}`).toBeDefined();
      }
    }
  });

  it('differs only where the banking calendar closes more: Carnival Monday and Tuesday and Corpus Christi', () => {
    for (let year = 1950; year <= 2099; year++) {
      const theirs = new Set(getHolidays(year).filter((x) => x.type === 'national').map((h) => local(h.date)));
      const extra = banking.holidaysIn(year).filter((h) => !theirs.has(h.date));
      expect(extra.map((h) => h.kind), String(year)).toEqual(['banking', 'banking', 'banking']);
      // The library types Carnival Tuesday and Corpus Christi as `optional` (ponto facultativo), which they are for civil servants.
      const optional = new Set(getHolidays(year).filter((x) => x.type === 'optional').map((h) => local(h.date)));
      for (const h of extra.filter((x) => x.name !== 'Carnaval (segunda-feira)')) expect(optional.has(h.date), `${year} ${h.name}`).toBe(true);
    }
  });

  it('adds exactly the library\'s state holidays for every state', () => {
    for (const state of ['SP', 'RJ', 'DF', 'SC', 'BA'] as const) {
      const cal = brazilianCalendar({ state });
      for (const h of getHolidays({ year: 2026, stateCode: state }).filter((x) => x.type === 'state')) {
        expect(cal.holidayOn(local(h.date)), `${state} ${h.name}`).toBeDefined();
      }
    }
  });
});

describe('business-day arithmetic: properties', () => {
  const date = fc.integer({ min: toEpochDay(civilDate('1990-01-01')), max: toEpochDay(civilDate('2090-12-31')) }).map(fromEpochDay);
  const steps = fc.integer({ min: -400, max: 400 });

  it('never lands on a weekend or holiday', () => {
    fc.assert(fc.property(date, steps.filter((n) => n !== 0), (d, n) => {
      const result = banking.addBusinessDays(d, n);
      expect(banking.isBusinessDay(result)).toBe(true);
      expect(banking.holidayOn(result)).toBeUndefined();
      expect([0, 6]).not.toContain(weekdayOf(result));
      expect(banking.isBusinessDay(banking.nextBusinessDay(d))).toBe(true);
      expect(banking.isBusinessDay(banking.businessDayOnOrAfter(d))).toBe(true);
    }));
  });

  it('is monotonic: more business days never lands earlier', () => {
    fc.assert(fc.property(date, steps, steps, (d, a, b) => {
      const [lo, hi] = a <= b ? [a, b] : [b, a];
      expect(banking.addBusinessDays(d, lo) <= banking.addBusinessDays(d, hi)).toBe(true);
      if (lo < hi) expect(banking.addBusinessDays(d, lo) < banking.addBusinessDays(d, hi)).toBe(true);
    }));
  });

  it('counting between is the inverse of adding', () => {
    fc.assert(fc.property(date, steps, (d, n) => {
      expect(banking.businessDaysBetween(d, banking.addBusinessDays(d, n))).toBe(n);
    }));
  });

  it('the next business day follows only closed days', () => {
    fc.assert(fc.property(date, (d) => {
      const next = banking.nextBusinessDay(d);
      for (let day = toEpochDay(d) + 1; day < toEpochDay(next); day++) expect(banking.isBusinessEpochDay(day)).toBe(false);
    }));
  });
});
