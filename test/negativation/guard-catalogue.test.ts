import { describe, expect, it } from 'vitest';
import { checkNegativationGuards, DEFAULT_NEGATIVATION_SETTINGS, NEGATIVATION_GUARDS } from '../../src/negativation/index.js';
import { addDays, civilDate } from '../../src/calendar/index.js';

describe('the guard catalogue (read-only, for hosts)', () => {
  it('lists every guard once, with the stages it runs at, its legal basis and how its refusal heals', () => {
    const byName = new Map(NEGATIVATION_GUARDS.map((g) => [g.name, g]));
    expect(byName.size).toBe(NEGATIVATION_GUARDS.length);
    expect([...byName.keys()].sort()).toEqual(['age_limit', 'debtor_data', 'minimum_amount', 'minimum_days_overdue', 'no_duplicate', 'not_disputed', 'not_in_agreement', 'not_paid', 'prescription', 'prior_notice']);
    expect(byName.get('prior_notice')).toMatchObject({ stages: ['submission'], refusal: 'waits' });
    expect(byName.get('prior_notice')?.basis).toContain('CDC art. 43 §2');
    expect(byName.get('not_disputed')).toMatchObject({ stages: ['request', 'submission'], refusal: 'final', basis: 'CDC art. 43 §§1 and 3' });
    expect(byName.get('debtor_data')).toMatchObject({ stages: ['request'], refusal: 'needs_data' });
  });

  it('says the same basis a violation of that guard carries', () => {
    const asOf = civilDate('2026-11-20');
    const report = checkNegativationGuards({
      stage: 'submission', asOf, settings: { ...DEFAULT_NEGATIVATION_SETTINGS, minimumAmount: '10.00' }, notices: [],
      title: { id: 't', amount: '1.00', dueDate: addDays(asOf, -30), paid: true, inActiveAgreement: true, disputed: true },
    })._unsafeUnwrap();
    expect(report.violations.length).toBeGreaterThanOrEqual(5);
    for (const violation of report.violations) expect(NEGATIVATION_GUARDS.find((g) => g.name === violation.guard)?.basis).toBe(violation.basis);
  });

  it('cannot be changed by a host', () => {
    const first = NEGATIVATION_GUARDS[0];
    expect(Object.isFrozen(NEGATIVATION_GUARDS) && first !== undefined && Object.isFrozen(first) && Object.isFrozen(first.stages)).toBe(true);
    expect(() => (NEGATIVATION_GUARDS as unknown as unknown[]).push({})).toThrow(TypeError);
  });
});
