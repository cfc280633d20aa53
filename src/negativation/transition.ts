import { err, ok, type Result } from 'neverthrow';
import { calendarOption, defaultBusinessCalendar, type BusinessCalendar } from '../calendar/index.js';
import { cobrancaError, fail } from '../errors.js';
import type { NegativationEffect } from './effects.js';
import type { NegativationError } from './errors.js';
import type { NegativationEvent, NegativationEventInput } from './events.js';
import { factsOf } from './facts.js';
import { runGuards, type GuardViolation } from './guards/index.js';
import { HANDLERS, isRefusal, type NegativationPatch, type PatchableField, type Refusal, type Step } from './handlers/index.js';
import type { HistoryEntry, Negativation } from './negativation.js';
import { appended } from './appended.js';
import { negativationRecord } from './record.js';
import { isVouched, vouch } from './vouched.js';
import { looksLikeNegativation } from './looks-like-negativation.js';
import { parseNegativationEvent } from './parse-event.js';
import { eventAppliesIn, eventsAllowedIn, findRule, type TransitionRule } from './transition-table.js';

/** What a transition returns: the new negativation and what the host must do. */
export interface TransitionResult {
  readonly negativation: Negativation;
  readonly effects: readonly NegativationEffect[];
}

/** Options of {@link transition}. */
export interface TransitionOptions {
  /** The calendar for removal deadlines (default: the national banking calendar). */
  readonly calendar?: BusinessCalendar;
}

/**
 * The national banking calendar, built once.
 * @deprecated the same calendar as `defaultBusinessCalendar` of the calendar module; use that.
 * @example
 * ```ts
 * import { defaultBusinessCalendar } from 'cobranca';
 * import { defaultNegativationCalendar } from 'cobranca/negativation';
 *
 * console.log(defaultNegativationCalendar() === defaultBusinessCalendar()); // use defaultBusinessCalendar
 * // → true
 * ```
 */
export const defaultNegativationCalendar: () => BusinessCalendar = defaultBusinessCalendar;

/** The error of a guard refusal, listing every violation. */
export function guardFailed(violations: readonly GuardViolation[]): NegativationError {
  return cobrancaError('guard_failed', `refused: ${violations.map((v) => `${v.guard} (${v.message})`).join('; ')}`, {
    details: { violations, guards: violations.map((v) => v.guard) },
  });
}

/**
 * The most events a negativation keeps before it refuses those that leave its
 * status unchanged (`history_full`): each event copies the history (the value
 * is plain, immutable data), so an unbounded run of same-status events (partial
 * payments, notices, records) would cost quadratic time. Events that change the
 * status (a removal, a cancellation, the bureau's answers) are always taken, so
 * the cap never blocks a legal removal. A real negativation holds a few dozen.
 */
export const MAX_HISTORY_EVENTS = 2000;

/**
 * Applies a decided step: new status, patched fields, version + 1, and the event appended to the history.
 * The record is built by {@link negativationRecord} (one fixed field order, so few object shapes); a patch
 * value of `undefined` removes the field. `hideBanner`: the step takes the portal banner down.
 */
function applyStep(n: Negativation, event: NegativationEvent, rule: TransitionRule, patch: NegativationPatch, hideBanner: boolean): Negativation {
  const version = n.version + 1;
  const entry: HistoryEntry = { version, from: n.status, to: rule.to, event };
  let { outstanding, inActiveAgreement, agreementId, notices, portalBannerShown, bureauNoticeRequestedOn, noticePeriodElapsedOn, submittedOn, bureauReference, registeredOn, payments, settlement, removal, failure } = n;
  // a patch holds one to four fields: each is written by name (a keyed write would need an object to write into)
  for (const key in patch) {
    const field = key as PatchableField;
    switch (field) {
      case 'outstanding': outstanding = patch.outstanding as Negativation['outstanding']; break;
      case 'inActiveAgreement': inActiveAgreement = patch.inActiveAgreement as boolean; break;
      case 'agreementId': agreementId = patch.agreementId; break;
      case 'notices': notices = patch.notices as Negativation['notices']; break;
      case 'portalBannerShown': portalBannerShown = patch.portalBannerShown as boolean; break;
      case 'bureauNoticeRequestedOn': bureauNoticeRequestedOn = patch.bureauNoticeRequestedOn; break;
      case 'noticePeriodElapsedOn': noticePeriodElapsedOn = patch.noticePeriodElapsedOn; break;
      case 'submittedOn': submittedOn = patch.submittedOn; break;
      case 'bureauReference': bureauReference = patch.bureauReference; break;
      case 'registeredOn': registeredOn = patch.registeredOn; break;
      case 'payments': payments = patch.payments as Negativation['payments']; break;
      case 'settlement': settlement = patch.settlement; break;
      case 'removal': removal = patch.removal; break;
      case 'failure': failure = patch.failure; break;
      default: throw new Error(`a step cannot change ${String(field satisfies never)}`);
    }
  }
  if (hideBanner) portalBannerShown = false; // once taken down, the banner is not taken down again
  const next = negativationRecord({
    id: n.id,
    version,
    status: rule.to,
    origin: n.origin,
    bureau: n.bureau,
    creditor: n.creditor,
    debtor: n.debtor,
    title: n.title,
    registration: n.registration,
    outstanding,
    requestedOn: n.requestedOn,
    ageLimitOn: n.ageLimitOn,
    prescribesOn: n.prescribesOn,
    expiresOn: n.expiresOn,
    submissionCutoffOn: n.submissionCutoffOn,
    settings: n.settings,
    inActiveAgreement,
    disputed: n.disputed,
    agreementId,
    notices,
    portalBannerShown,
    bureauNoticeRequestedOn,
    noticePeriodElapsedOn,
    submittedOn,
    bureauReference,
    registeredOn,
    payments,
    settlement,
    removal,
    failure,
    lastEventOn: event.on,
    history: appended(n.history, entry),
  });
  // a step from a record this module vouches for gives one too; from a host's object, a plain record as before
  return isVouched(n) ? vouch(next, n) : next;
}

/**
 * Applies one event to a negativation (docs/legal.md §3; the table is
 * `TRANSITIONS`). Returns the new negativation (version + 1, the event kept in
 * its history with when, who and why) and the effects for the host to perform.
 * Never changes its input. Errors: `unknown_event`, `invalid_input` (a bad
 * field), `event_out_of_order` (dated before the last event),
 * `illegal_transition` (not allowed in the current status), `guard_failed`
 * (a legal guard refused, listing every violation), `removal_not_allowed`,
 * `not_a_negativation`.
 * @example
 * ```ts
 * import { brazilianCalendar } from 'cobranca';
 * import { startNegativation, transition } from 'cobranca/negativation';
 *
 * const started = startNegativation({
 *   id: 'neg-1', origin: 'negativation_menu', bureau: 'serasa', on: '2026-10-20', actor: 'operator.ana',
 *   creditor: { id: 'acme', name: 'ACME Telecom Ltda', document: '11.222.333/0001-81' },
 *   debtor: { document: '529.982.247-25', name: 'Maria Souza', address: { street: 'Rua das Flores', number: '100', city: 'São Paulo', state: 'SP', cep: '01001-000' } },
 *   title: { id: 'inv-1', amount: '373.52', dueDate: '2026-09-10' },
 * });
 * if (started.isErr()) throw new Error(started.error.message);
 * const { negativation } = started.value;
 * const approved = transition(negativation, { type: 'analysis_approved', on: '2026-10-20', actor: 'operator.ana' }, { calendar: brazilianCalendar({ state: 'SP' }) });
 * approved.match(
 *   (step) => console.log(step.negativation.status, step.effects.map((effect) => effect.type)),
 *   (error) => console.log(error.code, error.message), // illegal_transition, guard_failed …
 * );
 * // → processing [ 'send_notice', 'issue_updated_invoice', 'show_portal_banner' ]
 * ```
 */
export function transition(negativation: Negativation, event: NegativationEventInput, options: TransitionOptions = {}): Result<TransitionResult, NegativationError> {
  if (!isVouched(negativation) && !looksLikeNegativation(negativation)) return fail('not_a_negativation', 'not a negativation produced by this module (check version and history)', { path: ['negativation'] });
  const calendar = calendarOption(options.calendar);
  if (calendar.isErr()) return err(calendar.error);
  const parsed = parseNegativationEvent(event);
  if (parsed.isErr()) return err(parsed.error);
  return applyEvent(negativation, parsed.value, calendar.value);
}

/** {@link transition} for an event already parsed and a trusted negativation (the fast path of hosts replaying stored events). */
export function applyEvent(negativation: Negativation, event: NegativationEvent, calendar: BusinessCalendar): Result<TransitionResult, NegativationError> {
  if (event.on < negativation.lastEventOn) {
    return fail('event_out_of_order', `the event is dated ${event.on}, before the last event (${negativation.lastEventOn})`, {
      path: ['on'],
      details: { lastEventOn: negativation.lastEventOn },
    });
  }
  if (event.type === 'request' || !eventAppliesIn(negativation.status, event.type)) {
    return fail('illegal_transition', `${event.type} does not apply to a negativation ${negativation.status}`, {
      path: ['type'],
      details: {
        status: negativation.status,
        event: event.type,
        allowed: eventsAllowedIn(negativation.status),
      },
    });
  }
  const handler = HANDLERS[event.type] as (n: Negativation, e: NegativationEvent, c: BusinessCalendar) => Step | Refusal;
  const decided = handler(negativation, event, calendar);
  if (isRefusal(decided)) return err(decided.refused);
  const { variant, patch, effects } = decided;
  const rule = findRule(negativation.status, event.type, variant);
  if (rule === undefined) {
    return fail('illegal_transition', `${event.type} does not apply to a negativation ${negativation.status} (${variant})`, {
      path: ['type'],
      details: { status: negativation.status, event: event.type, variant },
    });
  }
  if (rule.to === negativation.status && negativation.version >= MAX_HISTORY_EVENTS) {
    return fail('history_full', `the negativation already holds ${negativation.version} events; ${event.type} would not change its status (limit ${MAX_HISTORY_EVENTS})`, {
      path: ['negativation', 'history'],
      details: { limit: MAX_HISTORY_EVENTS, status: negativation.status, event: event.type },
    });
  }
  if (rule.guards !== undefined) {
    const violations = runGuards(rule.guards, factsOf(negativation, event.on, calendar));
    if (violations.length > 0) return err(guardFailed(violations));
  }
  return ok({
    negativation: applyStep(negativation, event, rule, patch, hidesBanner(effects)),
    effects,
  });
}

function hidesBanner(effects: readonly NegativationEffect[]): boolean {
  for (let i = 0; i < effects.length; i++) if ((effects[i] as NegativationEffect).type === 'hide_portal_banner') return true;
  return false;
}
