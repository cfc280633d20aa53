import type { BusinessCalendar, CivilDate } from '../calendar/index.js';
import { letterOfConsentDeadline, registrationDeadline } from './deadlines.js';
import type { ProtestEffect, ProtestEffectType } from './effects.js';
import type { ProtestEventOf, ProtestEventType } from './events.js';
import type { ProtestGuardStage } from './guards.js';
import type { Protest, ProtestPayment } from './protest.js';
import type { ProtestStatus } from './status.js';

/** Fields a step changes; `undefined` removes an optional field. */
export type ProtestPatch = { -readonly [K in keyof Protest]?: Protest[K] | undefined };

/** What a row does to a protest: the fields it changes and the effects for the host. */
export interface ProtestStep {
  readonly patch: ProtestPatch;
  readonly effects: readonly ProtestEffect[];
}

/**
 * One legal move: in status `from`, event `event` (in the situation `variant`,
 * picked by `when`) leads to `to` after the guards of `guards` pass. The row
 * itself computes the change and its effects, typed by the effect kinds it
 * declares, so the table, the code and the diagram cannot disagree.
 */
export interface ProtestRule {
  readonly from: ProtestStatus | null;
  readonly event: ProtestEventType;
  readonly variant: string;
  readonly to: ProtestStatus;
  readonly guards?: ProtestGuardStage;
  readonly effects: readonly ProtestEffectType[];
  readonly when: (protest: Protest, event: never) => boolean;
  readonly apply: (protest: Protest, event: never, calendar: BusinessCalendar) => ProtestStep;
}

interface RuleSpec<T extends ProtestEventType, E extends ProtestEffectType> {
  readonly from: ProtestStatus | null | readonly ProtestStatus[];
  readonly event: T;
  readonly to: ProtestStatus;
  readonly variant?: string;
  readonly guards?: ProtestGuardStage;
  readonly effects?: readonly E[];
  readonly when?: (protest: Protest, event: ProtestEventOf<T>) => boolean;
  readonly apply?: (protest: Protest, event: ProtestEventOf<T>, calendar: BusinessCalendar) => { patch?: ProtestPatch; effects?: Extract<ProtestEffect, { type: E }>[] };
}

function rule<T extends ProtestEventType, E extends ProtestEffectType = never>(spec: RuleSpec<T, E>): ProtestRule[] {
  const froms = Array.isArray(spec.from) ? (spec.from as readonly ProtestStatus[]) : [spec.from as ProtestStatus | null];
  return froms.map((from) => ({
    from,
    event: spec.event,
    variant: spec.variant ?? 'default',
    to: spec.to,
    ...(spec.guards ? { guards: spec.guards } : {}),
    effects: spec.effects ?? [],
    when: (spec.when ?? (() => true)) as ProtestRule['when'],
    apply: ((protest: Protest, event: ProtestEventOf<T>, calendar: BusinessCalendar): ProtestStep => {
      const step = spec.apply?.(protest, event, calendar) ?? {};
      return { patch: step.patch ?? {}, effects: step.effects ?? [] };
    }) as ProtestRule['apply'],
  }));
}

const BEFORE_PROTEST: readonly ProtestStatus[] = ['requested', 'protocolled', 'notified'];

const paymentOf = (where: ProtestPayment['where'], e: ProtestEventOf<'paid_at_notary' | 'payment_received'>): ProtestPayment => ({ where, amount: e.amount, paidOn: e.paidOn, fundsAvailableOn: e.fundsAvailableOn });

const withdrawal = (p: Protest): Extract<ProtestEffect, { type: 'request_withdrawal' }> => ({ type: 'request_withdrawal', protestId: p.id, notary: p.notary });

/** Every legal transition of a protest (Lei 9.492/1997; STJ Tema 725). Anything not here is an `illegal_transition`. */
export const PROTEST_TRANSITIONS: readonly ProtestRule[] = [
  ...rule({
    from: null,
    event: 'request',
    to: 'requested',
    guards: 'request',
    effects: ['submit_to_notary'],
    apply: (p) => ({ effects: [{ type: 'submit_to_notary', protestId: p.id, notary: p.notary }] }),
  }),
  ...rule({
    from: 'requested',
    event: 'protocolled',
    to: 'protocolled',
    apply: (p, e, calendar) => ({ patch: { protocol: { number: e.protocolNumber, on: e.on }, registerBy: registrationDeadline(e.on, p.settings, calendar) } }),
  }),
  ...rule({
    from: ['protocolled', 'notified'],
    event: 'notice_sent',
    to: 'notified',
    apply: (p, e) => ({ patch: { notices: [...p.notices, { channel: e.channel, sentOn: e.on }] } }),
  }),
  ...rule({
    from: 'notified',
    event: 'notice_confirmed',
    to: 'notified',
    when: (p, e) => p.notices.some((n) => n.channel === e.channel && n.confirmedOn === undefined),
    apply: (p, e) => {
      const index = p.notices.findLastIndex((n) => n.channel === e.channel && n.confirmedOn === undefined);
      return { patch: { notices: p.notices.map((n, i) => (i === index ? { ...n, confirmedOn: e.on } : n)) } };
    },
  }),
  ...rule({
    from: ['protocolled', 'notified'],
    event: 'paid_at_notary',
    to: 'paid_at_notary',
    apply: (_p, e) => ({ patch: { payment: paymentOf('notary', e) } }),
  }),
  ...rule({
    from: 'notified',
    event: 'protest_registered',
    to: 'protested',
    variant: 'within the art. 12 window',
    guards: 'registration',
    when: (p, e) => p.registerBy === undefined || e.on <= p.registerBy,
    apply: (_p, e) => ({ patch: { protestedOn: e.on } }),
  }),
  ...rule({
    from: 'notified',
    event: 'protest_registered',
    to: 'protested',
    variant: 'after the art. 12 deadline',
    guards: 'registration',
    effects: ['alert_operator'],
    when: (p, e) => p.registerBy !== undefined && e.on > p.registerBy,
    apply: (p, e) => ({
      patch: { protestedOn: e.on },
      effects: [{ type: 'alert_operator', protestId: p.id, alert: 'registration_overdue', message: `the notary registered the protest on ${e.on}, after its deadline ${p.registerBy ?? ''} (Lei 9.492/1997 art. 12)`, ...(p.registerBy ? { deadline: p.registerBy } : {}) }],
    }),
  }),
  ...rule({
    from: BEFORE_PROTEST,
    event: 'payment_received',
    to: 'withdrawing',
    variant: 'paid to the creditor before the protest',
    effects: ['request_withdrawal'],
    apply: (p, e) => ({ patch: { payment: paymentOf('creditor', e), withdrawal: { reason: 'paid to the creditor', requestedOn: e.on } }, effects: [withdrawal(p)] }),
  }),
  ...rule({
    from: 'protested',
    event: 'payment_received',
    to: 'paid',
    effects: ['issue_letter_of_consent'],
    apply: (p, e, calendar) => {
      const dueBy = letterOfConsentDeadline(e.fundsAvailableOn, p.settings, calendar);
      const deliverTo = p.settings.creditorCancels ? 'notary' : 'debtor';
      return {
        patch: { payment: paymentOf('creditor', e), letterOfConsent: { dueBy, deliveredTo: deliverTo }, cancellation: { by: p.settings.creditorCancels ? 'creditor' : 'debtor' } },
        effects: [{ type: 'issue_letter_of_consent', protestId: p.id, deliverTo, dueBy }],
      };
    },
  }),
  ...rule({
    from: 'paid',
    event: 'letter_of_consent_issued',
    to: 'awaiting_cancellation',
    variant: 'the debtor cancels (STJ Tema 725)',
    effects: ['alert_operator'],
    when: (p) => !p.settings.creditorCancels,
    apply: (p, e) => ({ patch: { letterOfConsent: issued(p, e.on) }, effects: lateLetter(p, e.on) }),
  }),
  ...rule({
    from: 'paid',
    event: 'letter_of_consent_issued',
    to: 'awaiting_cancellation',
    variant: 'the creditor cancels (agreed)',
    effects: ['request_cancellation', 'alert_operator'],
    when: (p) => p.settings.creditorCancels,
    apply: (p, e) => ({ patch: { letterOfConsent: issued(p, e.on) }, effects: [{ type: 'request_cancellation', protestId: p.id, notary: p.notary }, ...lateLetter(p, e.on)] }),
  }),
  ...rule({
    from: 'awaiting_cancellation',
    event: 'cancellation_requested',
    to: 'awaiting_cancellation',
    when: (p) => p.cancellation?.by === 'creditor' && p.cancellation.requestedOn === undefined,
    apply: (p, e) => ({ patch: { cancellation: { by: 'creditor', requestedOn: e.on } } }),
  }),
  ...rule({
    from: ['paid', 'awaiting_cancellation'],
    event: 'cancellation_confirmed',
    to: 'cancelled',
    apply: (p, e) => ({ patch: { cancellation: { by: p.cancellation?.by ?? 'debtor', ...(p.cancellation?.requestedOn ? { requestedOn: p.cancellation.requestedOn } : {}), confirmedOn: e.on } } }),
  }),
  ...rule({
    from: BEFORE_PROTEST,
    event: 'withdrawal_requested',
    to: 'withdrawing',
    effects: ['request_withdrawal'],
    apply: (p, e) => ({ patch: { withdrawal: { reason: e.reason, requestedOn: e.on } }, effects: [withdrawal(p)] }),
  }),
  ...rule({
    from: 'withdrawing',
    event: 'withdrawal_confirmed',
    to: 'withdrawn',
    apply: (p, e) => ({ patch: p.withdrawal ? { withdrawal: { ...p.withdrawal, confirmedOn: e.on } } : {} }),
  }),
  ...rule({
    from: 'withdrawing',
    event: 'protest_registered',
    to: 'paid',
    variant: 'registered before the withdrawal, already paid',
    effects: ['issue_letter_of_consent'],
    when: (p) => p.payment !== undefined,
    apply: (p, e, calendar) => {
      const payment = p.payment as ProtestPayment;
      const dueBy = letterOfConsentDeadline(payment.fundsAvailableOn, p.settings, calendar);
      const deliverTo = p.settings.creditorCancels ? 'notary' : 'debtor';
      return {
        patch: { protestedOn: e.on, withdrawal: undefined, letterOfConsent: { dueBy, deliveredTo: deliverTo }, cancellation: { by: p.settings.creditorCancels ? 'creditor' : 'debtor' } },
        effects: [{ type: 'issue_letter_of_consent', protestId: p.id, deliverTo, dueBy }],
      };
    },
  }),
  ...rule({
    from: ['requested', 'protocolled'],
    event: 'returned',
    to: 'returned',
    effects: ['alert_operator'],
    apply: (p, e) => ({ patch: { returned: { reason: e.reason, on: e.on } }, effects: [{ type: 'alert_operator', protestId: p.id, alert: 'returned', message: `the notary returned the title without protest: ${e.reason}` }] }),
  }),
];

function issued(p: Protest, on: CivilDate): Protest['letterOfConsent'] {
  const letter = p.letterOfConsent ?? { dueBy: on, deliveredTo: 'debtor' as const };
  return { ...letter, issuedOn: on };
}

function lateLetter(p: Protest, on: CivilDate): Extract<ProtestEffect, { type: 'alert_operator' }>[] {
  const dueBy = p.letterOfConsent?.dueBy;
  return dueBy !== undefined && on > dueBy
    ? [{ type: 'alert_operator', protestId: p.id, alert: 'letter_of_consent_due', message: `the letter of consent was issued on ${on}, after ${dueBy}`, deadline: dueBy }]
    : [];
}

const byStatusEvent = new Map<string, ProtestRule[]>();
for (const row of PROTEST_TRANSITIONS) {
  const key = `${row.from ?? '*'}|${row.event}`;
  const rows = byStatusEvent.get(key) ?? [];
  if (rows.some((other) => other.variant === row.variant)) throw new Error(`duplicate protest rule ${key}|${row.variant}`);
  byStatusEvent.set(key, [...rows, row]);
}

/** The rows for a status and event type, in table order (the first whose `when` holds applies). */
export function protestRulesFor(from: ProtestStatus | null, event: ProtestEventType): readonly ProtestRule[] {
  return byStatusEvent.get(`${from ?? '*'}|${event}`) ?? [];
}

/**
 * The event types that apply in a status (what an operator's UI may offer).
 * @example
 * ```ts
 * import { protestEventsAllowedIn } from 'cobranca/protest';
 *
 * // What may happen to a protest once the notary registered it.
 * console.log(protestEventsAllowedIn('protested').join(', ')); // → payment_received
 * ```
 */
export function protestEventsAllowedIn(status: ProtestStatus): ProtestEventType[] {
  return [...new Set(PROTEST_TRANSITIONS.filter((row) => row.from === status).map((row) => row.event))];
}
