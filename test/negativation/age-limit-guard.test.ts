import { describe, expect, it } from 'vitest';
import { civilDate, defaultBusinessCalendar } from '../../src/calendar/index.js';
import { brl } from '../../src/money/index.js';
import { ageLimitOn, DEFAULT_NEGATIVATION_SETTINGS, submissionCutoffOn, type GuardFacts } from '../../src/negativation/index.js';
import { ageLimitGuard } from '../../src/negativation/guards/index.js';

/** Facts for a debt due 2021-06-10, with the cutoff set as far as the settings allow (60 months: the age limit itself). */
function facts(asOf: string, cutoffMonths: number): GuardFacts {
  const dueDate = civilDate('2021-06-10');
  return {
    asOf: civilDate(asOf),
    settings: { ...DEFAULT_NEGATIVATION_SETTINGS, submissionCutoffMonths: cutoffMonths },
    dueDate,
    calendar: defaultBusinessCalendar(),
    outstanding: brl('100'),
    submissionCutoffOn: submissionCutoffOn(dueDate, cutoffMonths),
    ageLimitOn: ageLimitOn(dueDate),
    prescribesOn: civilDate('2099-01-01'),
    paid: false,
    inActiveAgreement: false,
    disputed: false,
    notices: [],
  };
}

describe('the 5-year age limit on its own (CDC art. 43 §1; STJ Súmula 323)', () => {
  it('is 5 years from the day after the due date', () => {
    expect(ageLimitOn(civilDate('2021-06-10'))).toBe('2026-06-11');
  });

  it('refuses on the age-limit day and after, naming the limit, even when no earlier cutoff applies', () => {
    expect(ageLimitGuard.check(facts('2026-06-10', 60))).toBeUndefined();
    const refused = ageLimitGuard.check(facts('2026-06-11', 60));
    expect(refused?.details).toEqual({ ageLimitOn: '2026-06-11' });
    expect(refused?.message).toContain('passed its 5-year limit');
  });

  it('with the default cutoff (4 years 11 months) refuses a month earlier, saying so', () => {
    const refused = ageLimitGuard.check(facts('2026-05-20', 59));
    expect(refused?.details).toMatchObject({ submissionCutoffOn: '2026-05-11' });
  });
});
