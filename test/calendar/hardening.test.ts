import { describe, expect, it } from 'vitest';
import { brazilianCalendar, civilDate, defaultBusinessCalendar, type CivilDate } from '../../src/calendar/index.js';

const banking = brazilianCalendar();

describe('a calendar refuses what is not a civil date (it used to loop for ever)', () => {
  it('nextBusinessDay, addBusinessDays and the other methods throw a TypeError naming the method', () => {
    expect(() => banking.nextBusinessDay('2026-1-5' as CivilDate)).toThrow(TypeError);
    expect(() => banking.nextBusinessDay('2026-1-5' as CivilDate)).toThrow(/nextBusinessDay/);
    expect(() => banking.addBusinessDays('' as CivilDate, 5)).toThrow(TypeError);
    expect(() => banking.previousBusinessDay('2026-02-30' as CivilDate)).toThrow(TypeError);
    expect(() => banking.businessDayOnOrAfter('x' as CivilDate)).toThrow(TypeError);
    expect(() => banking.businessDaysBetween(civilDate('2026-01-05'), '2026-13-01' as CivilDate)).toThrow(TypeError);
    expect(() => banking.isBusinessDay('' as CivilDate)).toThrow(TypeError);
    expect(() => banking.holidayOn('2026-1-1' as CivilDate)).toThrow(TypeError);
  });

  it('answers for days at the end of the supported range without throwing', () => {
    expect(banking.isBusinessDay(civilDate('9999-12-31'))).toBe(true); // a Friday
    expect(banking.isBusinessEpochDay(2932897 + 3)).toBe(true); // past 9999: weekends only
    expect(banking.nextBusinessDay(civilDate('9999-12-30'))).toBe('9999-12-31');
    expect(banking.isBusinessDay(civilDate('1000-01-01'))).toBe(false); // Confraternização Universal
  });
});

describe('moving business days never walks for ever', () => {
  it('a count that leaves the supported years is a RangeError at once (1e12 days used to loop for hours)', () => {
    expect(() => banking.addBusinessDays(civilDate('2026-01-05'), 1e12)).toThrow(RangeError);
    expect(() => banking.addBusinessDays(civilDate('2026-01-05'), -1e12)).toThrow(RangeError);
    expect(() => banking.addBusinessDays(civilDate('9999-12-30'), 5)).toThrow(/supported years/);
    expect(banking.addBusinessDays(civilDate('2026-11-19'), 5)).toBe('2026-11-27');
  });
});

describe('a bad extra holiday is refused when the calendar is built, not later', () => {
  it.each([
    ['an impossible date', ['2026-13-01']],
    ['a day that no month has', [{ name: 'x', month: 2, day: 30 }]],
    ['a month out of range', [{ name: 'x', month: 13, day: 1 }]],
    ['a fractional Easter offset', [{ name: 'x', easterOffset: 1.5 }]],
    ['a missing name', [{ month: 1, day: 20 }]],
    ['not a rule at all', [42]],
  ])('%s', (_what, extraHolidays) => {
    expect(() => brazilianCalendar({ extraHolidays: extraHolidays as never })).toThrow(TypeError);
    expect(() => brazilianCalendar({ extraHolidays: extraHolidays as never })).toThrow(/extraHolidays\[0\]/);
  });

  it('an unknown state is refused too', () => {
    expect(() => brazilianCalendar({ state: 'XX' as never })).toThrow(/state/);
  });

  it('a 29 February holiday closes only leap years (it used to close 1 March of common years)', () => {
    const calendar = brazilianCalendar({ extraHolidays: [{ name: 'Bissexto', month: 2, day: 29 }] });
    expect(calendar.isBusinessDay(civilDate('2028-02-29'))).toBe(false);
    expect(calendar.isBusinessDay(civilDate('2027-03-01'))).toBe(true);
  });
});

describe('one default calendar', () => {
  it('is built once and shared', () => {
    expect(defaultBusinessCalendar()).toBe(defaultBusinessCalendar());
    expect(defaultBusinessCalendar().isBusinessDay(civilDate('2026-11-20'))).toBe(false);
  });
});
