import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  addDays, addMonths, addYears, civilDate, daysBetween, endOfMonth, fromEpochDay, instantAt, parseCivilDate, todayIn, toEpochDay, weekdayOf, zonedDateTime,
} from '../../src/calendar/index.js';

describe('civil dates', () => {
  it.each(['2026-02-30', '2026-13-01', '2026-00-10', '2025-02-29', '2026-2-3', '26-02-03', '2026-02-03T00:00:00Z', ''])('refuses %j as invalid_date', (text) => {
    const error = parseCivilDate(text, ['dueDate'])._unsafeUnwrapErr();
    expect(error.code).toBe('invalid_date');
    expect(error.path).toEqual(['dueDate']);
  });

  it('refuses a Date object, explaining why', () => {
    expect(parseCivilDate(new Date())._unsafeUnwrapErr().message).toContain('pass the civil date as YYYY-MM-DD');
    expect(parseCivilDate(20261120)._unsafeUnwrapErr().code).toBe('invalid_date');
  });

  it('accepts leap days only in leap years', () => {
    expect(parseCivilDate('2028-02-29').isOk()).toBe(true);
    expect(parseCivilDate('2000-02-29').isOk()).toBe(true);
    expect(parseCivilDate('2100-02-29').isErr()).toBe(true);
  });

  it('clamps month arithmetic to the end of the month', () => {
    expect(addMonths(civilDate('2026-01-31'), 1)).toBe('2026-02-28');
    expect(addMonths(civilDate('2028-01-31'), 1)).toBe('2028-02-29');
    expect(addMonths(civilDate('2026-03-31'), -1)).toBe('2026-02-28');
    expect(addMonths(civilDate('2026-12-15'), 1)).toBe('2027-01-15');
    expect(addMonths(civilDate('2026-01-15'), -13)).toBe('2024-12-15');
    expect(addYears(civilDate('2028-02-29'), 1)).toBe('2029-02-28');
    expect(endOfMonth(civilDate('2026-02-10'))).toBe('2026-02-28');
  });

  it('counts days and weekdays without any time zone', () => {
    expect(daysBetween(civilDate('2026-11-19'), civilDate('2026-11-27'))).toBe(8);
    expect(addDays(civilDate('2026-12-31'), 1)).toBe('2027-01-01');
    expect(weekdayOf(civilDate('2026-11-20'))).toBe(5); // Friday
    expect(weekdayOf(civilDate('1970-01-01'))).toBe(4); // Thursday
    expect(toEpochDay(civilDate('1970-01-01'))).toBe(0);
  });

  it('epoch days agree with the JS calendar (UTC) and round-trip', () => {
    fc.assert(fc.property(fc.integer({ min: -300_000, max: 2_900_000 }), (day) => {
      const date = fromEpochDay(day);
      expect(toEpochDay(date)).toBe(day);
      expect(new Date(day * 86_400_000).toISOString().slice(0, 10)).toBe(date);
      expect(parseCivilDate(date).isOk()).toBe(true);
    }));
  });

  it('addMonths never overflows into the next month', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 60_000 }), fc.integer({ min: -600, max: 600 }), (day, months) => {
      const from = fromEpochDay(day);
      const to = addMonths(from, months);
      const monthIndex = (d: string): number => Number(d.slice(0, 4)) * 12 + Number(d.slice(5, 7));
      expect(monthIndex(to) - monthIndex(from)).toBe(months);
      expect(Number(to.slice(8))).toBeLessThanOrEqual(Number(from.slice(8)));
    }));
  });
});

describe('time in São Paulo', () => {
  it('reads today in São Paulo whatever TZ the process runs in', () => {
    // 02:30 UTC on the 25th is still 23:30 on the 24th in São Paulo (UTC−3, no DST since 2019).
    expect(todayIn(new Date('2026-11-25T02:30:00Z'))).toBe('2026-11-24');
    expect(todayIn(new Date('2026-11-25T03:00:00Z'))).toBe('2026-11-25');
    expect(todayIn({ now: () => new Date('2026-11-24T12:00:00Z') })).toBe('2026-11-24');
    expect(zonedDateTime(Date.parse('2026-11-24T11:15:00Z'))).toEqual({ date: '2026-11-24', minuteOfDay: 8 * 60 + 15, weekday: 2 });
  });

  it('honours historical daylight saving time', () => {
    // 2018-11-04: clocks jumped from 00:00 to 01:00 in São Paulo; 12:00 UTC was 10:00 local (UTC−2).
    expect(zonedDateTime(new Date('2018-11-04T12:00:00Z')).minuteOfDay).toBe(10 * 60);
  });

  it('finds the instant of a wall-clock time', () => {
    expect(instantAt(civilDate('2026-11-24'), 8 * 60).toISOString()).toBe('2026-11-24T11:00:00.000Z');
  });
});
