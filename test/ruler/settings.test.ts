import { describe, expect, it } from 'vitest';
import { DEFAULT_RULER_SETTINGS, resolveSettings } from '../../src/ruler/index.js';

describe('resolveSettings: general → branch → contract, Yes / No / Default (seed 002)', () => {
  it('with nothing set, every value is the library default', () => {
    const resolved = resolveSettings()._unsafeUnwrap();
    expect(resolved.values).toEqual(DEFAULT_RULER_SETTINGS);
    expect(new Set(Object.values(resolved.sources))).toEqual(new Set(['library']));
  });

  it('Default inherits from the level above; Yes/No override it; the source is reported', () => {
    const resolved = resolveSettings(
      { registerAutomatically: 'yes', daysToRegister: 30, removeAutomatically: 'no', defaultContactType: 'sms' },
      { registerAutomatically: 'default', daysToRegister: 45, removeAutomatically: 'default' },
      { registerAutomatically: 'no', daysToRegister: 'default', defaultContactType: 'default', anchor: 'customer' },
    )._unsafeUnwrap();
    expect(resolved.values).toMatchObject({ registerAutomatically: false, daysToRegister: 45, removeAutomatically: false, defaultContactType: 'sms', anchor: 'customer' });
    expect(resolved.sources).toMatchObject({
      registerAutomatically: 'contract',
      daysToRegister: 'branch',
      removeAutomatically: 'general',
      defaultContactType: 'general',
      anchor: 'contract',
      contactWindow: 'library',
    });
  });

  it('reads a contact window as HH:MM and lets a branch close Saturdays', () => {
    const resolved = resolveSettings({}, { contactWindow: { mondayToFriday: { from: '09:00', to: '18:30' }, saturday: null } })._unsafeUnwrap();
    expect(resolved.values.contactWindow).toEqual({ mondayToFriday: { from: 540, to: 1110 }, saturday: null });
    expect(resolved.sources.contactWindow).toBe('branch');
  });

  it('names the level and the field of a bad value', () => {
    expect(resolveSettings({}, { daysToRegister: -1 })._unsafeUnwrapErr()).toMatchObject({ code: 'invalid_input', path: ['branch', 'daysToRegister'] });
    // @ts-expect-error 'maybe' is neither yes, no nor default: the types refuse it as the schema does
    expect(resolveSettings({}, {}, { registerAutomatically: 'maybe' })._unsafeUnwrapErr()).toMatchObject({ path: ['contract', 'registerAutomatically'] });
    expect(resolveSettings({ contactWindow: { mondayToFriday: { from: '20:00', to: '08:00' }, saturday: null } })._unsafeUnwrapErr().path).toEqual([
      'general',
      'contactWindow',
      'mondayToFriday',
      'to',
    ]);
    // @ts-expect-error an unknown setting is a compile error as well as a run-time one
    expect(resolveSettings({ unknown: 1 })._unsafeUnwrapErr().code).toBe('invalid_input');
  });
});
