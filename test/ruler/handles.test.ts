import { describe, expect, it } from 'vitest';
import { evaluateRuler } from '../../src/ruler/index.js';
import { autoSettings, calendar, exampleRuler, exampleSpec, rulerOf, settingsOf } from './fixtures.js';

/**
 * Rulers and settings are parsed once into handles and planned once per pair
 * (the plan is cached by their identity). That is safe only because a handle
 * cannot change: these tests fail if the freezing is dropped.
 */
describe('ruler and settings handles', () => {
  it('a defined ruler is frozen all the way down', () => {
    const ruler = rulerOf(exampleSpec);
    expect(() => (ruler.steps as unknown as unknown[]).push({})).toThrow(TypeError);
    expect(() => Object.assign(ruler.steps[0] as object, { offsetDays: -30 })).toThrow(TypeError);
    expect(() => Object.assign(ruler.steps[0]?.action as object, { kind: 'negativate' })).toThrow(TypeError);
  });

  it('resolved settings are frozen all the way down', () => {
    const settings = settingsOf({ registerAutomatically: 'yes' });
    expect(() => Object.assign(settings.values, { registerAutomatically: false })).toThrow(TypeError);
    expect(Array.isArray(settings.values.enabledChannels) && Object.isFrozen(settings.values.enabledChannels)).toBe(true);
  });

  it('the same handles evaluated twice give the same answer, and a changed disabled list cannot leak into the next evaluation', () => {
    const input = { ruler: exampleRuler, settings: autoSettings, invoices: [{ id: 'i', customerId: 'c', dueDate: '2026-03-02', amount: { cents: 10_000 } }], asOf: '2026-03-20T10:00:00-03:00', calendar };
    const first = evaluateRuler(input)._unsafeUnwrap();
    (first.disabledSteps as unknown as unknown[]).push({ stepId: 'x', reason: 'channel_disabled' });
    const second = evaluateRuler(input)._unsafeUnwrap();
    expect(second.disabledSteps).toEqual([]);
    expect(second.due.map((a) => a.key)).toEqual(first.due.map((a) => a.key));
  });
});
