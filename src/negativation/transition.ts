import { err, ok, type Result } from 'neverthrow';
import { calendarOption, defaultBusinessCalendar, type BusinessCalendar } from '../calendar/index.js';
import { cobrancaError, fail } from '../errors.js';
import type { NegativationEffect } from './effects.js';
import type { NegativationError } from './errors.js';
import type { NegativationEvent, NegativationEventInput } from './events.js';
import { factsOf } from './facts.js';
import { runGuards, type GuardViolation } from './guards/index.js';
import { HANDLERS, isRefusal, type NegativationPatch, type Refusal, type Step } from './handlers/index.js';
import type { HistoryEntry, Negativation } from './negativation.js';
import { appended } from './appended.js';
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

/** Applies a decided step: new status, patched fields, version + 1, and the event appended to the history. */
function applyStep(negativation: Negativation, event: NegativationEvent, rule: TransitionRule, patch: NegativationPatch): Negativation {
  const version = negativation.version + 1;
  const entry: HistoryEntry = {
    version,
    from: negativation.status,
    to: rule.to,
    event,
  };
  // One shallow copy (a bare spread: with fields after it in the literal the copy took a slower path), then the patch
  // written into it: a patch value of undefined removes the field, so the value stays plain JSON.
  const next: Record<string, unknown> = { ...negativation };
  for (const key in patch) {
    const value = patch[key as keyof NegativationPatch];
    if (value === undefined) Reflect.deleteProperty(next, key);
    else next[key] = value;
  }
  next.status = rule.to;
  next.version = version;
  next.lastEventOn = event.on;
  next.history = appended(negativation.history, entry);
  return next as unknown as Negativation;
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
  if (!looksLikeNegativation(negativation)) return fail('not_a_negativation', 'not a negativation produced by this module (check version and history)', { path: ['negativation'] });
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
  // once taken down, the banner is not taken down again
  const bannerPatch: NegativationPatch = effects.some((effect) => effect.type === 'hide_portal_banner') ? { ...patch, portalBannerShown: false } : patch;
  return ok({
    negativation: applyStep(negativation, event, rule, bannerPatch),
    effects,
  });
}
