import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays } from '../../src/calendar/index.js';
import {
  effectiveNoticeOn,
  isFinalProtestStatus,
  letterOfConsentDeadline,
  PROTEST_EVENT_TYPES,
  protestEventsAllowedIn,
  registrationDeadline,
  transitionProtest,
  type Protest,
  type ProtestErrorCode,
  type ProtestEventType,
  type ProtestStatus,
} from '../../src/protest/index.js';
import { calendar, requested } from './fixtures.js';

interface Spec {
  readonly pick: number | null;
  readonly type: ProtestEventType | 'bogus';
  readonly step: number;
  readonly channel: 'electronic' | 'paper' | 'public_notice';
  readonly paidBack: number;
  readonly fundsDelay: number;
}

const CODES: readonly ProtestErrorCode[] = ['invalid_input', 'illegal_transition', 'event_out_of_order', 'guard_failed'];

const FORWARD: Readonly<Partial<Record<ProtestStatus, readonly ProtestEventType[]>>> = {
  requested: ['protocolled'],
  protocolled: ['notice_sent'],
  notified: ['notice_sent', 'notice_confirmed', 'protest_registered'],
  protested: ['payment_received'],
  paid: ['letter_of_consent_issued'],
  awaiting_cancellation: ['cancellation_requested', 'cancellation_confirmed'],
  withdrawing: ['withdrawal_confirmed'],
};

function eventOf(spec: Spec, p: Protest): Record<string, unknown> {
  // events that move a protest forward are favoured, so sequences reach the deep states
  const forward = FORWARD[p.status] ?? [];
  const allowed = protestEventsAllowedIn(p.status).flatMap((t) => (forward.includes(t) ? new Array<ProtestEventType>(6).fill(t) : [t]));
  const type = spec.pick === null ? spec.type : (allowed[spec.pick % Math.max(1, allowed.length)] ?? spec.type);
  const on = addDays(p.lastEventOn, spec.step);
  const paidOn = addDays(on, -spec.paidBack);
  const base = { type, on, actor: 'model', reason: 'model step' };
  switch (type) {
    case 'protocolled':
      return { ...base, protocolNumber: 'P-1' };
    case 'notice_sent':
      return { ...base, channel: spec.channel };
    case 'notice_confirmed':
      return { ...base, channel: spec.channel === 'public_notice' ? 'paper' : spec.channel };
    case 'paid_at_notary':
    case 'payment_received':
      return { ...base, amount: '373.52', paidOn, fundsAvailableOn: addDays(paidOn, spec.fundsDelay) };
    default:
      return base;
  }
}

function step(p: Protest, spec: Spec, reached: Set<ProtestStatus>): Protest {
  const snapshot = structuredClone(p);
  const event = eventOf(spec, p);
  const result = transitionProtest(p, event as never, { calendar });
  expect(p).toEqual(snapshot);
  if (result.isErr()) {
    expect(CODES).toContain(result.error.code);
    return p;
  }
  const next = result.value.protest;
  reached.add(next.status);
  // the history is append-only and complete
  expect(next.version).toBe(p.version + 1);
  expect(next.history.slice(0, -1)).toEqual(p.history);
  expect(next.history.at(-1)).toMatchObject({ from: p.status, to: next.status, event: { type: event['type'], on: event['on'] } });
  // a final status takes no event
  expect(isFinalProtestStatus(p.status)).toBe(false);
  // art. 12: the window is three business days from the protocol
  if (next.protocol) expect(next.registerBy).toBe(registrationDeadline(next.protocol.on, next.settings, calendar));
  // art. 14: protested from notified only with an effective notice and no payment
  if (p.status === 'notified' && next.status === 'protested') {
    expect(effectiveNoticeOn(p.notices, next.protestedOn as never)).toBeDefined();
    expect(p.payment).toBeUndefined();
  }
  // never protested after paying at the notary
  if (p.payment?.where === 'notary') expect(next.protestedOn).toBeUndefined();
  // Tema 725: the letter of consent goes to the debtor unless the creditor agreed to cancel
  if (next.letterOfConsent) {
    expect(next.letterOfConsent.deliveredTo).toBe(next.settings.creditorCancels ? 'notary' : 'debtor');
    expect(next.letterOfConsent.dueBy).toBe(letterOfConsentDeadline(next.payment?.fundsAvailableOn as never, next.settings, calendar));
  }
  if (next.cancellation?.requestedOn !== undefined) expect(next.settings.creditorCancels).toBe(true);
  // plain data
  expect(JSON.parse(JSON.stringify(next))).toEqual(next);
  return next;
}

const specArb: fc.Arbitrary<Spec> = fc.record({
  pick: fc.oneof({ weight: 6, arbitrary: fc.nat({ max: 40 }) }, { weight: 1, arbitrary: fc.constant(null) }),
  type: fc.constantFrom<ProtestEventType | 'bogus'>(...PROTEST_EVENT_TYPES, 'bogus'),
  step: fc.oneof({ weight: 10, arbitrary: fc.integer({ min: 0, max: 4 }) }, { weight: 1, arbitrary: fc.integer({ min: -2, max: -1 }) }),
  channel: fc.constantFrom('electronic', 'paper', 'public_notice'),
  paidBack: fc.integer({ min: 0, max: 2 }),
  fundsDelay: fc.integer({ min: 0, max: 3 }),
});

describe('model-based: random event sequences keep the protest invariants', () => {
  it('art. 12 window, art. 14 notice before the protest, Tema 725 letter of consent, append-only history', () => {
    const reached = new Map<ProtestStatus, number>();
    fc.assert(
      fc.property(fc.boolean(), fc.array(specArb, { maxLength: 40 }), (creditorCancels, specs) => {
        let protest = requested({ settings: { creditorCancels } });
        const seen = new Set<ProtestStatus>();
        for (const spec of specs) protest = step(protest, spec, seen);
        for (const status of seen) reached.set(status, (reached.get(status) ?? 0) + 1);
      }),
      { numRuns: 400 },
    );
    if (process.env['SHOW_COVERAGE'] === '1') console.log(Object.fromEntries(reached));
    for (const status of ['protested', 'paid', 'awaiting_cancellation', 'cancelled', 'paid_at_notary', 'withdrawn', 'returned'] as const) expect(reached.get(status) ?? 0).toBeGreaterThanOrEqual(5);
  });
});
