import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays, civilDate, daysOverdue, defaultBusinessCalendar, fromEpochDay, toEpochDay, type CivilDate } from '../../src/calendar/index.js';
import { fromCents } from '../../src/money/index.js';
import { ageLimitOn, DEFAULT_NEGATIVATION_SETTINGS, debtorDataProblems, prescriptionOn, submissionCutoffOn, type GuardFacts, type NegativationSettings, type Notice } from '../../src/negativation/index.js';
import { ageLimitGuard, GUARDS_BY_STAGE, minimumAmountGuard, minimumDaysOverdueGuard, priorNoticeGuard } from '../../src/negativation/guards/index.js';
import { debtor } from './fixtures.js';

const days = fc.integer({ min: toEpochDay(civilDate('2015-01-01')), max: toEpochDay(civilDate('2035-12-31')) }).map(fromEpochDay);

function facts(asOf: CivilDate, dueDate: CivilDate, overrides: Partial<GuardFacts> = {}, settings: Partial<NegativationSettings> = {}): GuardFacts {
  const s = { ...DEFAULT_NEGATIVATION_SETTINGS, ...settings };
  return {
    asOf,
    settings: s,
    dueDate,
    calendar: defaultBusinessCalendar(),
    outstanding: fromCents(37352),
    submissionCutoffOn: submissionCutoffOn(dueDate, s.submissionCutoffMonths),
    ageLimitOn: ageLimitOn(dueDate),
    prescribesOn: prescriptionOn(dueDate, s.prescriptionYears),
    paid: false,
    inActiveAgreement: false,
    disputed: false,
    notices: [],
    ...overrides,
  };
}

describe('guards, one rule each', () => {
  it('prior notice: allowed exactly when the qualifying notice is at least the waiting period old (CDC art. 43 §2)', () => {
    fc.assert(
      fc.property(days, fc.integer({ min: 0, max: 30 }), fc.integer({ min: -5, max: 45 }), fc.constantFrom<Notice['channel']>('letter', 'email', 'sms'), (sentOn, wait, elapsed, channel) => {
        const notices: Notice[] = [{ channel, sentOn }];
        const violation = priorNoticeGuard.check(facts(addDays(sentOn, elapsed), civilDate('2014-01-01'), { notices }, { noticeWaitingDays: wait }));
        expect(violation === undefined).toBe(channel === 'letter' && elapsed >= wait);
      }),
    );
  });

  it('prior notice counts from the earliest qualifying notice', () => {
    const notices: Notice[] = [
      { channel: 'email', sentOn: civilDate('2026-10-01') },
      { channel: 'letter', sentOn: civilDate('2026-10-12') },
      { channel: 'letter', sentOn: civilDate('2026-10-05') },
    ];
    expect(priorNoticeGuard.check(facts(civilDate('2026-10-14'), civilDate('2026-09-01'), { notices }))).toMatchObject({ details: { allowedFrom: '2026-10-15' } });
    expect(priorNoticeGuard.check(facts(civilDate('2026-10-15'), civilDate('2026-09-01'), { notices }))).toBeUndefined();
  });

  it('age limit: no submission from the cutoff on (CDC art. 43 §1; Súmula 323)', () => {
    fc.assert(
      fc.property(days, fc.integer({ min: 0, max: 2200 }), fc.integer({ min: 1, max: 60 }), (due, late, months) => {
        const asOf = addDays(due, late);
        const violation = ageLimitGuard.check(facts(asOf, due, {}, { submissionCutoffMonths: months }));
        expect(violation === undefined).toBe(asOf < submissionCutoffOn(due, months) && asOf < ageLimitOn(due));
      }),
    );
  });

  it('minimum days overdue: at least the setting, and at least one day (seeds 002, 003)', () => {
    fc.assert(
      fc.property(days, fc.integer({ min: -10, max: 200 }), fc.integer({ min: 0, max: 120 }), (due, late, needed) => {
        const asOf = addDays(due, late);
        const violation = minimumDaysOverdueGuard.check(facts(asOf, due, {}, { minimumDaysOverdue: needed }));
        // days overdue as the calendar module counts them (DOMAIN §1: not before the payable day of a weekend/holiday due date)
        const overdue = daysOverdue(due, asOf, defaultBusinessCalendar());
        expect(violation === undefined).toBe(overdue >= needed && overdue > 0);
        if (violation) expect(daysOverdue(due, violation.details?.['allowedFrom'] as CivilDate, defaultBusinessCalendar())).toBeGreaterThanOrEqual(Math.max(1, needed));
      }),
    );
  });

  it('minimum amount: what is owed reaches the minimum and is not zero (seed 003)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 0, max: 100_000 }), (owed, minimum) => {
        const violation = minimumAmountGuard.check(facts(civilDate('2026-10-20'), civilDate('2026-09-10'), { outstanding: fromCents(owed) }, { minimumAmount: fromCents(minimum) }));
        expect(violation === undefined).toBe(owed >= minimum && owed > 0);
      }),
    );
  });

  it('every guard names its legal or policy basis', () => {
    for (const guard of [...GUARDS_BY_STAGE.request, ...GUARDS_BY_STAGE.submission]) expect(guard.basis.length).toBeGreaterThan(5);
    expect(GUARDS_BY_STAGE.submission.map((g) => g.name)).toContain('prior_notice');
    expect(GUARDS_BY_STAGE.request.map((g) => g.name)).toContain('debtor_data');
  });

  it('every violation carries the name and basis of the guard that found it', () => {
    const everythingWrong = facts('2035-01-10' as CivilDate, '2026-01-10' as CivilDate, {
      outstanding: fromCents(0), paid: true, disputed: true, inActiveAgreement: true, notices: [], key: 'k', liveKeys: new Set(['k']), debtor: { ...debtor, name: '' },
    }, { minimumDaysOverdue: 100_000 });
    for (const guard of new Set([...GUARDS_BY_STAGE.request, ...GUARDS_BY_STAGE.submission])) {
      expect(guard.check(everythingWrong), guard.name).toMatchObject({ guard: guard.name, basis: guard.basis });
    }
  });
});

describe('debtorDataProblems (seed 000: what is missing is listed)', () => {
  it('accepts complete data with a bare or masked CEP, any case of UF', () => {
    expect(debtorDataProblems(debtor, false)).toEqual([]);
    expect(debtorDataProblems({ ...debtor, address: { ...debtor.address, cep: '80010000', state: 'pr' } }, false)).toEqual([]);
  });

  it.each([
    ['80010-00', 'address.cep', 'invalid'],
    ['   ', 'address.cep', 'missing'],
    ['ABCDE-FGH', 'address.cep', 'invalid'],
  ])('CEP %j → %s %s', (cep, field, problem) => {
    expect(debtorDataProblems({ ...debtor, address: { ...debtor.address, cep } }, false)).toEqual([expect.objectContaining({ field, problem })]);
  });

  it('an unknown UF and a CNPJ with wrong check digits are invalid, not missing', () => {
    expect(debtorDataProblems({ ...debtor, address: { ...debtor.address, state: 'XX' } }, false)).toEqual([expect.objectContaining({ field: 'address.state', problem: 'invalid' })]);
    expect(debtorDataProblems({ ...debtor, document: '12.ABC.345/01DE-36' }, false)).toEqual([expect.objectContaining({ field: 'document', problem: 'invalid' })]);
  });
});
