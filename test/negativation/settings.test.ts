import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_NEGATIVATION_SETTINGS, resolveNegativationSettings } from '../../src/negativation/index.js';

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
