import { describe, expect, it } from 'vitest';
import { transition, type Negativation } from '../../src/negativation/index.js';
import { MAX_HISTORY_EVENTS } from '../../src/negativation/transition.js';
import { calendar, negativatedEvents, run, started } from './fixtures.js';

/** A negativated registration whose history holds `events` events (the real ones, then repeats of the last). */
function withHistory(events: number): Negativation {
  const n = run(started(), negativatedEvents).negativation;
  const last = n.history.at(-1);
  if (!last) throw new Error('no history');
  const history = [...n.history, ...Array.from({ length: events - n.history.length }, (_, i) => ({ ...last, from: n.status, to: n.status, version: n.history.length + i + 1 }))];
  return { ...n, version: events, history };
}

const sameStatus = { type: 'agreement_made', on: '2026-11-20', actor: 'op', agreementId: 'ag-1' } as const;
const removal = { type: 'removal_requested', on: '2026-11-20', actor: 'op', paidOutside: { paidOn: '2026-11-19', fundsAvailableOn: '2026-11-19' } } as const;

describe('the history is bounded without blocking a removal (cost cliff: each event copies the history)', () => {
  it('takes a same-status event below the limit', () => {
    expect(transition(withHistory(MAX_HISTORY_EVENTS - 1), sameStatus, { calendar })._unsafeUnwrap().negativation.version).toBe(MAX_HISTORY_EVENTS);
  });

  it('refuses a same-status event at the limit with a typed error', () => {
    const error = transition(withHistory(MAX_HISTORY_EVENTS), sameStatus, { calendar })._unsafeUnwrapErr();
    expect(error.code).toBe('history_full');
    expect(error.details).toMatchObject({ limit: MAX_HISTORY_EVENTS, status: 'negativated', event: 'agreement_made' });
  });

  it('always takes an event that moves the status, such as a removal request', () => {
    const moved = transition(withHistory(MAX_HISTORY_EVENTS), removal, { calendar })._unsafeUnwrap();
    expect(moved.negativation.status).toBe('recovering');
    expect(moved.effects.map((e) => e.type)).toContain('request_removal');
  });
});
