import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { civilDate } from '../../src/calendar/index.js';
import { automaticRegistrationOn, DEFAULT_NEGATIVATION_SETTINGS, isDueForAutomaticRegistration, resolveNegativationSettings } from '../../src/negativation/index.js';

describe('settings general → branch (seed 002: Sim / Não / Padrão)', () => {
  it('the defaults are the legally safe ones', () => {
    expect(resolveNegativationSettings({})._unsafeUnwrap()).toEqual(DEFAULT_NEGATIVATION_SETTINGS);
    expect(DEFAULT_NEGATIVATION_SETTINGS).toMatchObject({ noticeWaitingDays: 10, qualifyingNoticeChannels: ['letter'], submissionCutoffMonths: 59, removeAutomatically: true });
  });

  it('Yes and No override the general value, Default inherits it', () => {
    const general = { registerAutomatically: true, removeAutomatically: false, daysAfterDueDate: 45 };
    expect(resolveNegativationSettings(general, { registerAutomatically: 'no', removeAutomatically: 'yes', daysAfterDueDate: 20 })._unsafeUnwrap()).toMatchObject({
      registerAutomatically: false,
      removeAutomatically: true,
      daysAfterDueDate: 20,
    });
    expect(resolveNegativationSettings(general, { registerAutomatically: 'default', daysAfterDueDate: 'default' })._unsafeUnwrap()).toMatchObject(general);
    expect(resolveNegativationSettings(general)._unsafeUnwrap()).toMatchObject(general);
  });

  it('a branch choice always decides over the general one (property)', () => {
    fc.assert(
      fc.property(fc.boolean(), fc.constantFrom('yes', 'no', 'default'), (general, branch) => {
        const resolved = resolveNegativationSettings({ removeAutomatically: general }, { removeAutomatically: branch })._unsafeUnwrap();
        expect(resolved.removeAutomatically).toBe(branch === 'default' ? general : branch === 'yes');
      }),
    );
  });

  it('bad settings are typed errors with the path', () => {
    expect(resolveNegativationSettings({ minimumAmount: 10 })._unsafeUnwrapErr()).toMatchObject({ code: 'invalid_input', path: ['general', 'minimumAmount'] });
    expect(resolveNegativationSettings({}, { removeAutomatically: 'maybe' })._unsafeUnwrapErr().path).toEqual(['branch', 'removeAutomatically']);
    expect(resolveNegativationSettings({ unknownSwitch: true })._unsafeUnwrapErr().code).toBe('invalid_input');
  });
});

describe('automatic registration (seed 002 "Negativar automaticamente", "Dias para executar")', () => {
  it('falls due the set number of days after the due date, only when the branch says so', () => {
    const yes = resolveNegativationSettings({ registerAutomatically: true, daysAfterDueDate: 30 })._unsafeUnwrap();
    expect(automaticRegistrationOn(yes, civilDate('2026-09-10'))).toBe('2026-10-10');
    expect(isDueForAutomaticRegistration(yes, civilDate('2026-09-10'), civilDate('2026-10-09'))).toBe(false);
    expect(isDueForAutomaticRegistration(yes, civilDate('2026-09-10'), civilDate('2026-10-10'))).toBe(true);
    const branchNo = resolveNegativationSettings({ registerAutomatically: true }, { registerAutomatically: 'no' })._unsafeUnwrap();
    expect(automaticRegistrationOn(branchNo, civilDate('2026-09-10'))).toBeUndefined();
    expect(isDueForAutomaticRegistration(branchNo, civilDate('2026-09-10'), civilDate('2027-01-01'))).toBe(false);
  });
});
