import { describe, expect, it } from 'vitest';
import { brazilianCalendar } from '../../../src/calendar/index.js';
import { MemoryStore } from '../../../src/adapters/memory/index.js';
import { createCollections } from '../../../src/app/index.js';
import { formatPath } from '../../../src/errors.js';
import { fakeBureau, manualClock, recordingNotifier, sequentialIds, staticRates } from '../../../src/testing/index.js';
import { exampleSpec } from '../../ruler/fixtures.js';

describe('a contradiction names its path once', () => {
  it('createCollections: the message starts with the path, and does not repeat it', () => {
    const built = createCollections({
      store: new MemoryStore(), clock: manualClock('2026-11-07T10:00:00-03:00'), notifier: recordingNotifier(), bureau: fakeBureau(),
      rates: staticRates(), calendar: brazilianCalendar(), ids: sequentialIds(),
      creditor: { id: 'provedor', name: 'Provedor Internet Ltda', document: '11.222.333/0001-81' },
      ruler: exampleSpec,
      settings: { branches: { norte: { ruler: 'regua-vip' } } },
    });
    const error = built._unsafeUnwrapErr();
    expect(error.code).toBe('contradictory_configuration');
    const where = formatPath(error.path ?? []);
    expect(where).toBe('settings.branches.norte.ruler');
    expect(error.message.startsWith(`${where}: `)).toBe(true);
    expect(error.message.split(where)).toHaveLength(2);
  });
});
