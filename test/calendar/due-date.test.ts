import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { brazilianCalendar, civilDate, daysOverdue, fromEpochDay, payableOn, toEpochDay, type BusinessCalendar, type CivilDate } from '../../src/calendar/index.js';
import { daysOverdueEpoch, payableEpochDay } from '../../src/calendar/due-date.js';

const runs = Number(process.env.PROPERTY_RUNS ?? 300);
const banking = brazilianCalendar();

describe('payableOn and daysOverdue: the one due-date rule (DOMAIN.md §1)', () => {
  it('rolls a due date on a weekend or holiday to the next business day', () => {
    expect(payableOn(civilDate('2026-11-21'), banking)).toBe('2026-11-23'); // Saturday
    expect(payableOn(civilDate('2026-11-20'), banking)).toBe('2026-11-23'); // Consciência Negra, a Friday
    expect(payableOn(civilDate('2026-12-25'), banking)).toBe('2026-12-28'); // Christmas, a Friday
    expect(payableOn(civilDate('2026-11-24'), banking)).toBe('2026-11-24'); // a business day stays
  });

  it('counts nothing until the payable day has passed, then every day from the original due date', () => {
    const saturday = civilDate('2026-11-21');
    expect(daysOverdue(saturday, civilDate('2026-11-21'), banking)).toBe(0);
    expect(daysOverdue(saturday, civilDate('2026-11-23'), banking)).toBe(0); // paid Monday: on time
    expect(daysOverdue(saturday, civilDate('2026-11-24'), banking)).toBe(3); // Tuesday: 3 days from Saturday
    expect(daysOverdue(civilDate('2026-11-24'), civilDate('2026-11-25'), banking)).toBe(1);
    expect(daysOverdue(civilDate('2026-11-24'), civilDate('2026-11-01'), banking)).toBe(0); // not yet due
  });
});

/** The rule written the slow, obvious way with the calendar's own methods. */
function referenceDaysOverdue(due: CivilDate, asOf: CivilDate, calendar: BusinessCalendar): number {
  const payable = calendar.isBusinessDay(due) ? due : calendar.nextBusinessDay(due);
  return asOf > payable ? toEpochDay(asOf) - toEpochDay(due) : 0;
}

const day = fc.integer({ min: toEpochDay(civilDate('1990-01-01')), max: toEpochDay(civilDate('2060-12-31')) });
const calendars = fc.constantFrom(
  banking,
  brazilianCalendar({ banking: false }),
  brazilianCalendar({ state: 'SP' }),
  brazilianCalendar({ state: 'RJ', extraHolidays: [{ name: 'Feriado municipal', month: 1, day: 20 }, { name: 'Ponte', easterOffset: 1 }] }),
);

describe('property: the fast (epoch-day) and the checked (civil-date) forms agree, for every date and calendar', () => {
  it('payableEpochDay ≡ payableOn, daysOverdueEpoch ≡ daysOverdue ≡ the obvious reading', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: -40, max: 400 }), calendars, (due, ahead, calendar) => {
        const dueDate = fromEpochDay(due);
        const asOf = fromEpochDay(due + ahead);
        expect(fromEpochDay(payableEpochDay(due, calendar))).toBe(payableOn(dueDate, calendar));
        expect(daysOverdueEpoch(due, due + ahead, calendar)).toBe(daysOverdue(dueDate, asOf, calendar));
        expect(daysOverdue(dueDate, asOf, calendar)).toBe(referenceDaysOverdue(dueDate, asOf, calendar));
      }),
      { numRuns: runs },
    );
  });
});
