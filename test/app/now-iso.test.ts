import { describe, expect, it } from 'vitest';
import { appContext } from '../../src/app/dependencies.js';
import { resolvePolicies } from '../../src/app/policies.js';
import { brazilianCalendar } from '../../src/calendar/index.js';
import { MemoryStore } from '../../src/adapters/memory/index.js';
import { exampleSpec } from '../ruler/fixtures.js';
import { fakeBureau, manualClock, recordingNotifier, sequentialIds, staticRates } from '../../src/testing/index.js';

describe("the context's nowIso (one text per instant)", () => {
  it('answers the clock as ISO text, the same text while the clock stays in one millisecond and the new instant as soon as it moves', () => {
    const calendar = brazilianCalendar();
    const policies = resolvePolicies({ creditor: { id: 'provedor', name: 'Provedor Ltda', document: '11.222.333/0001-81' }, ruler: exampleSpec }, ['serasa'], staticRates(), calendar)._unsafeUnwrap();
    const clock = manualClock('2026-11-24T10:00:00-03:00');
    const context = appContext({ store: new MemoryStore(), bureaus: { serasa: fakeBureau() }, notifier: recordingNotifier(), clock, rates: staticRates(), calendar, ids: sequentialIds() }, policies);
    const first = context.nowIso();
    expect(first).toBe('2026-11-24T13:00:00.000Z');
    expect(context.nowIso()).toBe(first);
    clock.advance(1);
    expect(context.nowIso()).toBe('2026-11-24T13:00:00.001Z');
    clock.advance(-1);
    expect(context.nowIso(), 'a clock set back answers its instant, not the last text').toBe('2026-11-24T13:00:00.000Z');
    clock.set(Date.parse('2027-01-01T00:00:00Z'));
    expect(context.nowIso()).toBe('2027-01-01T00:00:00.000Z');
  });

  it('throws on a clock that answers an invalid date, as toISOString does', () => {
    const calendar = brazilianCalendar();
    const policies = resolvePolicies({ creditor: { id: 'provedor', name: 'Provedor Ltda', document: '11.222.333/0001-81' }, ruler: exampleSpec }, ['serasa'], staticRates(), calendar)._unsafeUnwrap();
    const context = appContext({ store: new MemoryStore(), bureaus: { serasa: fakeBureau() }, notifier: recordingNotifier(), clock: { now: () => new Date(Number.NaN) }, rates: staticRates(), calendar, ids: sequentialIds() }, policies);
    expect(() => context.nowIso()).toThrow(RangeError);
    expect(() => context.nowIso()).toThrow(RangeError);
  });
});
