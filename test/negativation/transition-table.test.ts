import { describe, expect, it } from 'vitest';
import { NEGATIVATION_EVENT_TYPES, NEGATIVATION_STATUSES, transition, type Negativation, type NegativationEventInput, type NegativationEventType, type NegativationStatus } from '../../src/negativation/index.js';
import { hideBanner, step, type Handler } from '../../src/negativation/handlers/step.js';
import { TRANSITIONS, eventAppliesIn, eventsAllowedIn } from '../../src/negativation/transition-table.js';
import { approval, approvedAndNotified, calendar, negativatedEvents, run, started } from './fixtures.js';

const paidOutside = { paidOn: '2026-11-10', fundsAvailableOn: '2026-11-11' };
const cancel: NegativationEventInput = { type: 'cancel_requested', on: '2026-11-12', actor: 'op-ana', reason: 'operator' };

/** A real negativation in each status, reached through events. */
const IN: Readonly<Record<NegativationStatus, readonly NegativationEventInput[]>> = {
  in_analysis: [],
  processing: [approval],
  awaiting_return: [...approvedAndNotified, { type: 'submitted', on: '2026-10-31', actor: 'system' }],
  negativated: negativatedEvents,
  recovering: [...negativatedEvents, { type: 'removal_requested', on: '2026-11-12', actor: 'op-ana', paidOutside }],
  recovered: [...negativatedEvents, { type: 'removal_requested', on: '2026-11-12', actor: 'op-ana', paidOutside }, { type: 'bureau_removed', on: '2026-11-13', actor: 'boa_vista' }],
  cancelling: [...negativatedEvents, cancel],
  cancelled: [cancel],
  failed: [{ type: 'failure', on: '2026-10-21', actor: 'system', reason: 'bureau down' }],
};

function negativationIn(status: NegativationStatus): Negativation {
  const n = run(started(), IN[status]).negativation;
  expect(n.status).toBe(status);
  return n;
}

/** An event of each type, well formed, dated after every fixture above. */
function eventOf(type: NegativationEventType): Record<string, unknown> {
  const base = { type, on: '2026-11-20', actor: 'table-test', reason: 'derived from the table' };
  switch (type) {
    case 'notice_sent':
      return { ...base, channel: 'letter', proofOfPosting: 'PP-1' };
    case 'bureau_notice_posted':
      return { ...base, proofOfPosting: 'BV-POST-1' };
    case 'payment_received':
      return { ...base, kind: 'full', amount: { cents: 37_352 }, paidOn: '2026-11-20', fundsAvailableOn: '2026-11-20' };
    case 'agreement_made':
      return { ...base, agreementId: 'ag-1' };
    case 'removal_requested':
      return { ...base, paidOutside };
    default:
      return base;
  }
}

describe('the transition table drives transition()', () => {
  const pairs = NEGATIVATION_STATUSES.flatMap((status) => NEGATIVATION_EVENT_TYPES.map((event) => [status, event] as const));

  it.each(pairs.filter(([status, event]) => !eventAppliesIn(status, event)))('%s + %s is not in the table: illegal_transition, naming what is allowed', (status, event) => {
    const n = negativationIn(status);
    const result = transition(n, eventOf(event) as never, { calendar });
    expect(result.isErr()).toBe(true);
    const error = result._unsafeUnwrapErr();
    expect(error.code).toBe('illegal_transition');
    expect(error.details).toMatchObject({ status, event, allowed: eventsAllowedIn(status) });
  });

  it.each(pairs.filter(([status, event]) => eventAppliesIn(status, event)))('%s + %s is in the table: never refused as absent from it, and lands on one of its rows', (status, event) => {
    const n = negativationIn(status);
    const result = transition(n, eventOf(event) as never, { calendar });
    if (result.isErr()) {
      // a refusal for the situation (a guard, nothing to retry …), never "not in the table"
      expect(result.error.details?.['allowed']).toBeUndefined();
      return;
    }
    const next = result.value.negativation;
    const rows = TRANSITIONS.filter((row) => row.from === status && row.event === event && row.to === next.status);
    expect(rows.length).toBeGreaterThan(0);
    const declared = new Set(rows.flatMap((row) => row.effects));
    for (const effect of result.value.effects) expect(declared.has(effect.type)).toBe(true);
  });

  it('every row of the table starts from a status, or is the request', () => {
    for (const row of TRANSITIONS) expect(row.from === null ? row.event === 'request' : NEGATIVATION_STATUSES.includes(row.from)).toBe(true);
  });
});

// Compile-time: a handler's step must name a row of the table and only the effects that row declares.
// These lines are checked by the typecheck (`tsc --noEmit`); each @ts-expect-error fails the typecheck if the line compiles.
export const typeChecks: Handler<'cancel_requested'>[] = [
  (n) => step('processing', 'default', {}, hideBanner(n)),
  // @ts-expect-error the row in_analysis --cancel_requested--> declares no effect
  (n) => step('in_analysis', 'default', {}, hideBanner(n)),
  // @ts-expect-error no row has this variant
  (n) => step('processing', 'no such variant', {}, hideBanner(n)),
  // @ts-expect-error cancel_requested does not apply to recovered
  (n) => step('recovered', 'default', {}, hideBanner(n)),
];
