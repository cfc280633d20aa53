import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, type CivilDate } from '../../src/calendar/index.js';
import { eventsAllowedIn, parseNegativationEvent, startNegativation, transition, type Negativation, type NegativationEvent, type NegativationEventType } from '../../src/negativation/index.js';
import { HANDLERS, isRefusal, type Step } from '../../src/negativation/handlers/index.js';
import { findRule } from '../../src/negativation/transition-table.js';
import { calendar, requestInput } from './fixtures.js';

/**
 * A step builds the new negativation with `negativationRecord` (one fixed field order, so few object shapes) instead
 * of spreading the previous one. On random walks through every status this proves it gives exactly what the spread
 * gave (the reference below is the step as it was written before: a shallow copy, the handler's patch written into it,
 * a patch value of `undefined` removing the field), and that the record holds only fields of its type, none of them
 * `undefined`, in the fixed order. Records this module built are vouched for (frozen, the check skipped): a copy of
 * one, a host's plain object, takes the full check and must get the same answer at every step.
 */

/** The fields of a negativation in the order records are built (optional fields after `history`, `registration` after `title`). */
const ORDER = [
  'id', 'version', 'status', 'origin', 'bureau', 'creditor', 'debtor', 'title', 'registration', 'outstanding', 'requestedOn', 'ageLimitOn', 'prescribesOn', 'expiresOn',
  'submissionCutoffOn', 'settings', 'inActiveAgreement', 'disputed', 'notices', 'portalBannerShown', 'payments', 'lastEventOn', 'history',
  'agreementId', 'bureauNoticeRequestedOn', 'noticePeriodElapsedOn', 'submittedOn', 'bureauReference', 'registeredOn', 'settlement', 'removal', 'failure',
];

/** The step as `applyStep` computed it with a spread (the reference). */
function spreadStep(n: Negativation, event: NegativationEvent): Negativation | undefined {
  const handler = HANDLERS[event.type] as (n: Negativation, e: NegativationEvent, c: typeof calendar) => Step | { refused: unknown };
  const decided = handler(n, event, calendar);
  if (isRefusal(decided as Step)) return undefined;
  const { variant, patch, effects } = decided as Step;
  const rule = findRule(n.status, event.type, variant);
  if (rule === undefined) return undefined;
  const next: Record<string, unknown> = { ...n };
  for (const [key, value] of Object.entries(effects.some((e) => e.type === 'hide_portal_banner') ? { ...patch, portalBannerShown: false } : patch)) {
    if (value === undefined) Reflect.deleteProperty(next, key);
    else next[key] = value;
  }
  next.status = rule.to;
  next.version = n.version + 1;
  next.lastEventOn = event.on;
  next.history = [...n.history, { version: n.version + 1, from: n.status, to: rule.to, event }];
  return next as unknown as Negativation;
}

/** The happy path to a registration, taken in part so walks start from every early status. */
const PREFIX = [
  { type: 'analysis_approved', on: '2026-10-20', actor: 'system' },
  { type: 'notice_sent', on: '2026-10-21', actor: 'serasa', channel: 'letter', proofOfPosting: 'PP-1' },
  { type: 'bureau_notice_posted', on: '2026-10-21', actor: 'serasa', proofOfPosting: 'BP-1' },
  { type: 'submitted', on: '2026-11-02', actor: 'system' },
  { type: 'bureau_accepted', on: '2026-11-03', actor: 'serasa' },
] as const;

const spec = fc.record({
  pick: fc.nat(),
  anyType: fc.integer({ min: 0, max: 9 }).map((x) => x === 0),
  days: fc.integer({ min: -1, max: 12 }),
  channel: fc.constantFrom('letter', 'email', 'sms'),
  proof: fc.boolean(),
  kind: fc.constantFrom('full', 'partial', 'agreement_installment'),
  cents: fc.integer({ min: 1, max: 60_000 }),
  back: fc.integer({ min: 0, max: 3 }),
  delay: fc.integer({ min: 0, max: 4 }),
  reference: fc.boolean(),
  outside: fc.boolean(),
});
type Spec = typeof spec extends fc.Arbitrary<infer S> ? S : never;
const TYPES = ['analysis_approved', 'analysis_rejected', 'notice_sent', 'notice_read', 'bureau_notice_requested', 'bureau_notice_posted', 'notice_period_elapsed', 'submitted', 'bureau_accepted', 'bureau_rejected', 'payment_received', 'agreement_made', 'removal_requested', 'bureau_removed', 'cancel_requested', 'cancel_confirmed', 'failure', 'retry'] as const satisfies readonly NegativationEventType[];

function eventFor(s: Spec, n: Negativation): Record<string, unknown> {
  const allowed = eventsAllowedIn(n.status);
  const type = s.anyType ? TYPES[s.pick % TYPES.length] : (allowed[s.pick % Math.max(1, allowed.length)] ?? 'retry');
  const on = addDays(n.lastEventOn, s.days);
  const paidOn: CivilDate = addDays(on, -s.back);
  const base = { type, on, actor: 'walk', reason: 'a walk' };
  switch (type) {
    case 'notice_sent':
      return { ...base, channel: s.channel, ...(s.proof ? { proofOfPosting: 'PP-1' } : {}) };
    case 'notice_read':
      return { ...base, ...(s.proof ? { proofOfPosting: 'PP-1' } : {}) };
    case 'bureau_notice_posted':
      return { ...base, proofOfPosting: `BP-${n.version}` };
    case 'submitted':
    case 'bureau_accepted':
      return s.reference ? { ...base, bureauReference: 'REF-1' } : base;
    case 'payment_received':
      return { ...base, kind: s.kind, amount: (s.cents / 100).toFixed(2), paidOn, fundsAvailableOn: addDays(paidOn, s.delay), ...(s.kind === 'agreement_installment' ? { installmentNumber: 1 } : {}) };
    case 'agreement_made':
      return { ...base, agreementId: 'ag-1' };
    case 'removal_requested':
      return s.outside ? { ...base, paidOutside: { paidOn, fundsAvailableOn: addDays(paidOn, s.delay) } } : base;
    default:
      return base;
  }
}

const settings = fc.record(
  {
    noticeMode: fc.constantFrom('creditor_letter', 'email_then_bureau_letter', 'bureau_sends'),
    removeAutomatically: fc.boolean(),
    removeAfterFirstAgreementInstallment: fc.boolean(),
  },
  { requiredKeys: [] },
);

describe('the record a step builds', () => {
  it('equals the spread of the previous record with the patch written in, and holds its fields in the fixed order', () => {
    const statuses = new Set<string>();
    let steps = 0;
    fc.assert(
      fc.property(settings, fc.boolean(), fc.integer({ min: 0, max: PREFIX.length }), fc.array(spec, { minLength: 1, maxLength: 30 }), (chosen, grouped, prefix, specs) => {
        const start = startNegativation(requestInput({ settings: chosen, ...(grouped ? { registration: { id: 'reg-1', titleIds: ['inv-1', 'inv-2'] } } : {}) }), { calendar });
        if (start.isErr()) return;
        let n = start.value.negativation;
        for (const input of [...PREFIX.slice(0, prefix), ...specs.map((s) => (current: Negativation) => eventFor(s, current))]) {
          const event = typeof input === 'function' ? input(n) : input;
          const result = transition(n, event as never, { calendar });
          // a copy is a host's plain object: not vouched for, checked in full; the answer is the same
          const fromCopy = transition(structuredClone(n), structuredClone(event) as never, { calendar });
          expect(fromCopy.isOk() ? fromCopy.value : fromCopy.error).toStrictEqual(result.isOk() ? result.value : result.error);
          if (result.isErr()) continue;
          const parsed = parseNegativationEvent(event);
          if (parsed.isErr()) throw new Error('an applied event must parse');
          const next = result.value.negativation;
          expect(next).toStrictEqual(spreadStep(n, parsed.value));
          const keys = Object.keys(next);
          expect(keys).toEqual(ORDER.filter((key) => key in next));
          expect(keys.filter((key) => (next as unknown as Record<string, unknown>)[key] === undefined)).toEqual([]);
          statuses.add(next.status);
          steps++;
          n = next;
        }
      }),
      { numRuns: 600, seed: 20261202 },
    );
    expect(steps).toBeGreaterThan(1000);
    // every status was reached, so every handler's patch was compared
    expect([...statuses].sort()).toEqual(['awaiting_return', 'cancelled', 'cancelling', 'failed', 'in_analysis', 'negativated', 'processing', 'recovered', 'recovering']);
  });
});
