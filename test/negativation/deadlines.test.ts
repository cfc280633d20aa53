import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays, civilDate, fromEpochDay, toEpochDay } from '../../src/calendar/index.js';
import { ageLimitOn, prescriptionOn, removalAlarmOn, removalDeadline, submissionCutoffOn } from '../../src/negativation/index.js';
import { calendar } from './fixtures.js';

const days = fc.integer({ min: toEpochDay(civilDate('2020-01-01')), max: toEpochDay(civilDate('2035-12-31')) }).map(fromEpochDay);

describe('removalDeadline (STJ Súmula 548: 5 business days from the first business day after the funds)', () => {
  it('counts over the 20 November holiday: Thu 2026-11-19 → Fri 2026-11-27', () => {
    expect(removalDeadline('2026-11-19', calendar)._unsafeUnwrap()).toBe('2026-11-27');
  });

  it('counts over weekends and Carnival', () => {
    expect(removalDeadline('2026-11-20', calendar)._unsafeUnwrap()).toBe('2026-11-27'); // funds on the holiday itself
    expect(removalDeadline('2026-11-23', calendar)._unsafeUnwrap()).toBe('2026-11-30');
    expect(removalDeadline('2027-02-05', calendar)._unsafeUnwrap()).toBe('2027-02-16'); // Carnival 8 and 9 Feb 2027 closed: 10, 11, 12, 15, 16
    expect(removalDeadline('2026-12-24', calendar)._unsafeUnwrap()).toBe('2027-01-04'); // 25 Dec and 1 Jan
  });

  it('is always the 5th business day after the funds day, itself a business day (property)', () => {
    fc.assert(
      fc.property(days, (funds) => {
        const deadline = removalDeadline(funds, calendar)._unsafeUnwrap();
        expect(calendar.isBusinessDay(deadline)).toBe(true);
        expect(calendar.businessDaysBetween(funds, deadline)).toBe(5);
        expect(calendar.businessDaysBetween(funds, addDays(deadline, -1))).toBe(4);
      }),
    );
  });

  it('the alarm comes the set number of business days before the deadline', () => {
    expect(removalAlarmOn(civilDate('2026-11-27'), 2, calendar)).toBe('2026-11-25');
    expect(removalAlarmOn(civilDate('2026-11-23'), 1, calendar)).toBe('2026-11-19');
  });

  it('bad input is typed', () => {
    expect(removalDeadline('2026-11-31', calendar)._unsafeUnwrapErr()).toMatchObject({ code: 'invalid_input', path: ['fundsAvailableOn'] });
    // @ts-expect-error a Date is not a civil date: the types refuse it as the schema does
    expect(removalDeadline(new Date(), calendar)._unsafeUnwrapErr().code).toBe('invalid_input');
    expect(removalDeadline('2026-11-19', {} as never)._unsafeUnwrapErr().path).toEqual(['calendar']);
  });
});

describe('age limit and prescription dates (CDC art. 43 §§1 and 5; STJ Súmula 323)', () => {
  it('5 years from the day after the due date', () => {
    expect(ageLimitOn(civilDate('2021-06-10'))).toBe('2026-06-11');
    expect(ageLimitOn(civilDate('2024-02-28'))).toBe('2029-02-28'); // day after is 29 Feb (leap) → 28 Feb 2029
    expect(submissionCutoffOn(civilDate('2021-12-20'), 59)).toBe('2026-11-21');
    expect(prescriptionOn(civilDate('2023-06-10'), 3)).toBe('2026-06-11');
  });

  it('the cutoff is always before the age limit, by about a month (property)', () => {
    fc.assert(
      fc.property(days, (due) => {
        const gap = toEpochDay(ageLimitOn(due)) - toEpochDay(submissionCutoffOn(due, 59));
        expect(gap).toBeGreaterThanOrEqual(28);
        expect(gap).toBeLessThanOrEqual(31);
      }),
    );
  });
});
