import { describe, expect, it } from 'vitest';
import { brazilianCalendar } from '../../../src/calendar/index.js';
import { MemoryStore } from '../../../src/adapters/memory/index.js';
import { createCollections } from '../../../src/app/index.js';
import { formatPath } from '../../../src/errors.js';
import { fakeBureau, manualClock, recordingNotifier, sequentialIds, staticRates } from '../../../src/testing/index.js';
import { exampleSpec } from '../../ruler/fixtures.js';

const build = (options: Partial<Parameters<typeof createCollections>[0]>) =>
  createCollections({
      store: new MemoryStore(), clock: manualClock('2026-11-07T10:00:00-03:00'), notifier: recordingNotifier(), bureau: fakeBureau(),
      rates: staticRates(), calendar: brazilianCalendar(), ids: sequentialIds(),
      creditor: { id: 'provedor', name: 'Provedor Internet Ltda', document: '11.222.333/0001-81' },
      ruler: exampleSpec,
      ...options,
  });

describe('a contradiction names its path once', () => {
  it('createCollections: the message starts with the path, and does not repeat it', () => {
    const error = build({ settings: { branches: { norte: { ruler: 'regua-vip' } } } })._unsafeUnwrapErr();
    expect(error.code).toBe('contradictory_configuration');
    const where = formatPath(error.path ?? []);
    expect(where).toBe('settings.branches.norte.ruler');
    expect(error.message.startsWith(`${where}: `)).toBe(true);
    expect(error.message.split(where)).toHaveLength(2);
  });

  it('with the one-ruler shorthand, a contradiction at a step says `ruler.steps[i]…` once and keeps its whole reason', () => {
    const error = build({ settings: { general: { registerAutomatically: 'yes' }, branches: { b1: { minimumDaysOverdue: 30 } } } })._unsafeUnwrapErr();
    expect(error.code).toBe('contradictory_configuration');
    expect(error.path).toEqual(['ruler', 'steps', 3, 'offsetDays']);
    expect(error.message).toMatch(/^ruler\.steps\[3\]\.offsetDays: ruler 'regua-padrao' asks for the registration 15 days after the due date/);
    expect(error.message.split('steps[3]')).toHaveLength(2);
  });
});
