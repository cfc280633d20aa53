import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays, type CivilDate } from '../../src/calendar/index.js';
import { isRegistered, parseNegativation, reconcile, transition, type Negativation, type NegativationEffect, type NegativationErrorCode, type NegativationEventType, type NegativationStatus } from '../../src/negativation/index.js';
import { eventAppliesIn, eventsAllowedIn } from '../../src/negativation/transition-table.js';
import { calendar, started } from './fixtures.js';

/** What the generator decides about one event; the concrete event is built from the current state. */
interface EventSpec {
  readonly type: NegativationEventType | 'bogus';
  /** When set, the type is replaced by one of the events allowed in the current status (index modulo their count), to reach deep states. */
  readonly allowedPick: number | null;
  /** Days after the last event (negative = out of order). */
  readonly step: number;
  readonly channel: 'letter' | 'email' | 'sms';
  readonly withProof: boolean;
  readonly kind: 'full' | 'partial' | 'agreement_installment';
  readonly cents: number;
  readonly paidBack: number;
  readonly fundsDelay: number;
  readonly paidOutside: boolean;
}

interface Model {
  /** The statuses this run reached. */
  readonly visited: Set<NegativationStatus>;
}
interface Real {
  n: Negativation;
}

const ERROR_CODES: readonly NegativationErrorCode[] = ['invalid_input', 'unknown_event', 'illegal_transition', 'event_out_of_order', 'guard_failed', 'removal_not_allowed'];

/** The events that move each status forward (favoured, so sequences reach the deep states). */
const FORWARD: Readonly<Partial<Record<NegativationStatus, readonly NegativationEventType[]>>> = {
  in_analysis: ['analysis_approved'],
  processing: ['notice_sent', 'notice_read', 'bureau_notice_requested', 'bureau_notice_posted', 'notice_period_elapsed', 'submitted'],
  awaiting_return: ['bureau_accepted'],
  negativated: ['payment_received', 'removal_requested'],
  recovering: ['bureau_removed'],
  cancelling: ['cancel_confirmed', 'bureau_removed'],
  failed: ['retry'],
};

function resolveType(spec: EventSpec, n: Negativation): EventSpec {
  if (spec.allowedPick === null) return spec;
  // events that move a negativation forward are favoured over those that end it early
  const forward = FORWARD[n.status] ?? [];
  const allowed = eventsAllowedIn(n.status).flatMap((type) => (forward.includes(type) ? new Array<NegativationEventType>(8).fill(type) : [type]));
  const type = allowed[spec.allowedPick % Math.max(1, allowed.length)];
  return type === undefined ? spec : { ...spec, type };
}

function buildEvent(spec: EventSpec, n: Negativation): Record<string, unknown> {
  const on = addDays(n.lastEventOn, spec.step);
  const paidOn = addDays(on, -spec.paidBack);
  const base = { type: spec.type, on, actor: 'model', reason: 'model step' };
  switch (spec.type) {
    case 'notice_sent':
      return { ...base, channel: spec.channel, ...(spec.withProof ? { proofOfPosting: 'PP-1' } : {}) };
    case 'notice_read':
      return { ...base, ...(spec.withProof ? { proofOfPosting: 'PP-1' } : {}) };
    case 'bureau_notice_posted':
      return { ...base, ...(spec.withProof ? { proofOfPosting: `BUREAU-${n.version}` } : {}) };
    case 'payment_received':
      return { ...base, kind: spec.kind, amount: { cents: spec.cents }, paidOn, fundsAvailableOn: addDays(paidOn, spec.fundsDelay), ...(spec.kind === 'agreement_installment' ? { installmentNumber: 1 } : {}) };
    case 'agreement_made':
      return { ...base, agreementId: 'ag-model' };
    case 'removal_requested':
      return spec.paidOutside ? { ...base, paidOutside: { paidOn, fundsAvailableOn: addDays(paidOn, spec.fundsDelay) } } : base;
    default:
      return base;
  }
}

/**
 * The oracle of CDC art. 43 §2 under each notice mode, written apart from the guard: the debtor was told at least the
 * waiting period before `day` by the event the mode names (a creditor notice by a qualifying channel, the reading of
 * the e-mail, or the bureau's posting; a bureau's posting counts in every mode).
 */
function toldBefore(n: Negativation, day: CivilDate): boolean {
  const waited = (from: CivilDate | undefined) => from !== undefined && addDays(from, n.settings.noticeWaitingDays) <= day;
  return n.notices.some((notice) => {
    if (notice.sender === 'bureau') return waited(notice.sentOn);
    if (n.settings.noticeMode === 'creditor_letter') return n.settings.qualifyingNoticeChannels.includes(notice.channel) && waited(notice.sentOn);
    if (n.settings.noticeMode === 'email_then_bureau_letter') return waited(notice.readOn);
    return false;
  });
}

/** The invariants that must hold after every applied event. */
function checkInvariants(before: Negativation, next: Negativation, event: Record<string, unknown>, effects: readonly NegativationEffect[]): void {
  // history is append-only and complete; version counts events
  expect(next.version).toBe(before.version + 1);
  expect(next.history).toHaveLength(next.version);
  expect(next.history.slice(0, -1)).toEqual(before.history);
  const last = next.history.at(-1);
  expect(last).toMatchObject({ version: next.version, from: before.status, to: next.status, event: { type: event['type'], on: event['on'], actor: 'model', reason: 'model step' } });
  expect(next.lastEventOn >= before.lastEventOn).toBe(true);

  // never submitted or registered without a notice at least the waiting period old (CDC art. 43 §2)
  if (next.submittedOn !== undefined) expect(toldBefore(next, next.submittedOn)).toBe(true);

  // the notice goes the way the mode says: the creditor never sends it in bureau_sends mode, only by e-mail in the
  // e-mail mode; the bureau is asked only outside creditor_letter mode, and only once outside a retry
  const mode = next.settings.noticeMode;
  for (const effect of effects) {
    if (effect.type === 'send_notice') expect(mode === 'bureau_sends' ? 'none' : mode === 'email_then_bureau_letter' ? 'email' : next.settings.defaultNoticeChannel).toBe(effect.channel);
    if (effect.type === 'request_bureau_notice') {
      expect(mode).not.toBe('creditor_letter');
      if (event['type'] !== 'retry') expect(before.bureauNoticeRequestedOn).toBeUndefined();
    }
  }
  // a read receipt marks one e-mail read, once; a bureau posting is a letter from the bureau
  if (event['type'] === 'notice_read') expect(next.notices.filter((x) => x.readOn !== undefined).length).toBe(before.notices.filter((x) => x.readOn !== undefined).length + 1);
  if (event['type'] === 'bureau_notice_posted') expect(next.notices.at(-1)).toMatchObject({ channel: 'letter', sender: 'bureau', sentOn: event['on'] });
  if (next.registeredOn !== undefined) expect(next.submittedOn).toBeDefined();

  // never registered while paid
  const paid = next.settlement?.kind === 'paid';
  if (next.status === 'awaiting_return') expect(paid).toBe(false);
  if (next.status !== before.status && (next.status === 'awaiting_return' || next.status === 'negativated')) expect(paid).toBe(false);
  if (next.status === 'negativated' && paid) expect(next.settings.removeAutomatically).toBe(false);

  // every paid registration has a removal request no later than its deadline (STJ Súmula 548):
  // automatic removal asks at once; manual removal (seed 002 "Não") is listed by reconciliation
  // until someone asks, and a late request was flagged as past its deadline beforehand
  const atBureau = isRegistered(next) || next.status === 'awaiting_return' || (next.status === 'cancelling' && next.submittedOn !== undefined);
  if (paid && atBureau && next.settlement) {
    const deadline = next.settlement.removalDeadline;
    const requestedOn = next.removal?.requestedOn;
    if (next.settings.removeAutomatically) {
      expect(requestedOn !== undefined && requestedOn <= deadline).toBe(true);
    } else if (requestedOn === undefined) {
      const report = reconcile([next], [], next.lastEventOn, { calendar })._unsafeUnwrap();
      expect(report.critiques.map((c) => [c.negativationId, c.removalDeadline])).toEqual([[next.id, deadline]]);
    } else if (requestedOn > deadline && before.removal === undefined) {
      const report = reconcile([before], [], requestedOn, { calendar })._unsafeUnwrap();
      expect(report.removalsPastDeadline.map((c) => c.negativationId)).toEqual([next.id]);
      expect(effects).toContainEqual(expect.objectContaining({ type: 'alert_operator', alert: 'removal_deadline_passed' }));
    }
  }

  // the portal banner is shown once, on approval, and taken down once
  const shows = effects.filter((e) => e.type === 'show_portal_banner').length;
  const hides = effects.filter((e) => e.type === 'hide_portal_banner').length;
  if (shows > 0) expect([before.portalBannerShown, next.portalBannerShown, shows]).toEqual([false, true, 1]);
  if (hides > 0) expect([before.portalBannerShown, next.portalBannerShown, hides]).toEqual([true, false, 1]);

  // plain data: survives JSON unchanged, and reads back through the storage schema
  const stored: unknown = JSON.parse(JSON.stringify(next));
  expect(stored).toEqual(next);
  expect(parseNegativation(stored)._unsafeUnwrap()).toEqual(next);
}

class EventCommand implements fc.Command<Model, Real> {
  constructor(readonly spec: EventSpec) {}
  check(): boolean {
    return true;
  }
  run(model: Model, real: Real): void {
    const before = real.n;
    const snapshot = structuredClone(before);
    const spec = resolveType(this.spec, before);
    const event = buildEvent(spec, before);
    const result = transition(before, event as never, { calendar });
    // the input is never modified, whatever happens
    expect(before).toEqual(snapshot);
    if (result.isErr()) {
      expect(ERROR_CODES).toContain(result.error.code);
      if (spec.type === 'bogus') expect(result.error.code).toBe('unknown_event');
      return;
    }
    expect(spec.type).not.toBe('bogus');
    expect(spec.step).toBeGreaterThanOrEqual(0);
    expect(eventAppliesIn(before.status, spec.type as NegativationEventType)).toBe(true);
    for (const effect of result.value.effects) expect(effect.negativationId).toBe(before.id);
    checkInvariants(before, result.value.negativation, event, result.value.effects);
    real.n = result.value.negativation;
    model.visited.add(real.n.status);
  }
  toString(): string {
    return `${this.spec.allowedPick === null ? this.spec.type : `allowed#${this.spec.allowedPick}`}(${this.spec.step}d)`;
  }
}

const weighted = <T>(pairs: readonly [number, T][]) => fc.oneof(...pairs.map(([weight, value]) => ({ weight, arbitrary: fc.constant(value) })));

const specArb: fc.Arbitrary<EventSpec> = fc.record({
  type: weighted<EventSpec['type']>([
    [4, 'analysis_approved'],
    [1, 'analysis_rejected'],
    [4, 'notice_sent'],
    [2, 'notice_read'],
    [2, 'bureau_notice_requested'],
    [3, 'bureau_notice_posted'],
    [3, 'notice_period_elapsed'],
    [5, 'submitted'],
    [4, 'bureau_accepted'],
    [1, 'bureau_rejected'],
    [4, 'payment_received'],
    [2, 'agreement_made'],
    [2, 'removal_requested'],
    [3, 'bureau_removed'],
    [1, 'cancel_requested'],
    [2, 'cancel_confirmed'],
    [1, 'failure'],
    [2, 'retry'],
    [1, 'request'],
    [1, 'bogus'],
  ]),
  allowedPick: fc.oneof({ weight: 5, arbitrary: fc.nat({ max: 60 }) }, { weight: 1, arbitrary: fc.constant(null) }),
  step: fc.oneof({ weight: 12, arbitrary: fc.integer({ min: 0, max: 9 }) }, { weight: 1, arbitrary: fc.integer({ min: -3, max: -1 }) }),
  channel: weighted<EventSpec['channel']>([
    [6, 'letter'],
    [1, 'email'],
    [1, 'sms'],
  ]),
  withProof: weighted([
    [5, true],
    [1, false],
  ]),
  kind: weighted<EventSpec['kind']>([
    [3, 'full'],
    [2, 'partial'],
    [1, 'agreement_installment'],
  ]),
  cents: fc.integer({ min: 1, max: 50_000 }),
  paidBack: fc.integer({ min: 0, max: 2 }),
  fundsDelay: fc.integer({ min: 0, max: 3 }),
  paidOutside: fc.boolean(),
});

const settingsArb = fc.record({
  removeAutomatically: fc.boolean(),
  removeAfterFirstAgreementInstallment: fc.boolean(),
  noticeWaitingDays: fc.constantFrom(10, 3),
  qualifyingNoticeChannels: fc.constantFrom(['letter'] as const, ['letter', 'email'] as const),
  noticeMode: fc.constantFrom('creditor_letter' as const, 'email_then_bureau_letter' as const, 'bureau_sends' as const),
  defaultNoticeChannel: fc.constantFrom('letter' as const, 'email' as const),
});

describe('model-based: random event sequences keep the legal invariants', () => {
  it('after every step: notice before registration, never registered while paid, removal by its deadline, append-only history, illegal events change nothing', () => {
    const runsReaching = new Map<NegativationStatus, number>();
    const registeredByMode = new Map<string, number>();
    fc.assert(
      fc.property(settingsArb, fc.commands([specArb.map((spec) => new EventCommand(spec))], { maxCommands: 60, size: 'max' }), (settings, commands) => {
        const model: Model = { visited: new Set() };
        const real: Real = { n: started({ settings: { ...settings, qualifyingNoticeChannels: [...settings.qualifyingNoticeChannels] } }) };
        fc.modelRun(() => ({ model, real }), commands);
        for (const status of model.visited) runsReaching.set(status, (runsReaching.get(status) ?? 0) + 1);
        if (model.visited.has('negativated')) registeredByMode.set(settings.noticeMode, (registeredByMode.get(settings.noticeMode) ?? 0) + 1);
      }),
      { numRuns: 300 },
    );
    // the sequences do reach the deep states, so the invariants above were exercised there
    for (const status of ['negativated', 'recovering', 'recovered', 'cancelling', 'cancelled', 'failed', 'awaiting_return'] as const) expect(runsReaching.get(status) ?? 0).toBeGreaterThanOrEqual(5);
    // and each notice mode reached a registration, so the waiting period was checked from each mode's event
    for (const mode of ['creditor_letter', 'email_then_bureau_letter', 'bureau_sends']) expect(registeredByMode.get(mode) ?? 0).toBeGreaterThanOrEqual(5);
    if (process.env['SHOW_COVERAGE'] === '1') console.log(Object.fromEntries(runsReaching), Object.fromEntries(registeredByMode));
  });
});
