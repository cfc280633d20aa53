import { err, ok, type Result } from 'neverthrow';
import { isBusinessCalendar, type BusinessCalendar } from '../calendar/index.js';
import { cobrancaError, fail, parseInput } from '../errors.js';
import type { ProtestEffect } from './effects.js';
import type { ProtestError } from './errors.js';
import { protestEventSchema, type ProtestEvent, type ProtestEventInput } from './events.js';
import { protestFacts } from './facts.js';
import { runProtestGuards, type ProtestGuardViolation } from './guards.js';
import type { Protest, ProtestHistoryEntry } from './protest.js';
import { PROTEST_STATUSES } from './status.js';
import { protestEventsAllowedIn, protestRulesFor, type ProtestPatch, type ProtestRule } from './transition-table.js';

/** What a transition returns: the new protest and what the host must do. */
export interface ProtestTransitionResult {
  readonly protest: Protest;
  readonly effects: readonly ProtestEffect[];
}

/** The error of a guard refusal, listing every violation. */
export function protestGuardFailed(violations: readonly ProtestGuardViolation[]): ProtestError {
  return cobrancaError('guard_failed', `refused: ${violations.map((v) => `${v.guard} (${v.message})`).join('; ')}`, {
    details: { violations, guards: violations.map((v) => v.guard) },
  });
}

function looksLikeProtest(value: unknown): value is Protest {
  if (typeof value !== 'object' || value === null) return false;
  const p = value as Partial<Protest>;
  return (
    typeof p.id === 'string' &&
    typeof p.status === 'string' &&
    (PROTEST_STATUSES as readonly string[]).includes(p.status) &&
    Number.isSafeInteger(p.version) &&
    Array.isArray(p.history) &&
    p.history.length === p.version &&
    typeof p.lastEventOn === 'string' &&
    typeof p.settings === 'object' &&
    typeof p.title === 'object'
  );
}

/** Applies a row: its patch, the new status, version + 1 and the event appended to the history. */
function applyProtestRule(protest: Protest, event: ProtestEvent, rule: ProtestRule, patch: ProtestPatch): Protest {
  const version = protest.version + 1;
  const entry: ProtestHistoryEntry = { version, from: protest.status, to: rule.to, event };
  const next: Record<string, unknown> = { ...protest, ...patch, status: rule.to, version, lastEventOn: event.on, history: [...protest.history, entry] };
  for (const key in patch) if (next[key] === undefined) Reflect.deleteProperty(next, key);
  return next as unknown as Protest;
}

/**
 * Applies one event to a protest (Lei 9.492/1997; the table is
 * `PROTEST_TRANSITIONS`). Returns the new protest (version + 1, the event in
 * its history) and the effects for the host. Never changes its input. Errors:
 * `invalid_input`, `event_out_of_order`, `illegal_transition`, `guard_failed`
 * (every violation listed), `invalid_protest`.
 * @example
 * ```ts
 * import { brazilianCalendar } from 'cobranca';
 * import { startProtest, transitionProtest } from 'cobranca/protest';
 *
 * const started = startProtest({
 *   id: 'pro-1', notary: '1º Tabelionato de Protesto de Curitiba',
 *   creditor: { id: 'c1', name: 'Provedor Exemplo Ltda', document: '11.222.333/0001-81' },
 *   debtor: { document: '529.982.247-25', name: 'Maria Souza',
 *             address: { street: 'Rua das Flores', number: '100', city: 'Curitiba', state: 'PR', cep: '80010-000' } },
 *   title: { id: 'inv-1', amount: '1234.56', dueDate: '2026-10-01' },
 *   on: '2026-11-16', actor: 'operator.ana',
 * });
 * // The notary protocols it on Thursday 19 November; Friday 20 is a holiday.
 * const protocolled = started.andThen(({ protest }) =>
 *   transitionProtest(protest, { type: 'protocolled', on: '2026-11-19', actor: 'cartorio', protocolNumber: 'P-1' }, { calendar: brazilianCalendar() }));
 * protocolled.match(
 *   ({ protest }) => console.log(protest.status, protest.registerBy), // → protocolled 2026-11-25
 *   (error) => console.error(error.code, error.message),
 * );
 * ```
 */
export function transitionProtest(protest: Protest, event: ProtestEventInput, options: { readonly calendar: BusinessCalendar }): Result<ProtestTransitionResult, ProtestError> {
  if (!looksLikeProtest(protest)) return fail('invalid_protest', 'not a protest produced by this module (check version and history)', { path: ['protest'] });
  if (!isBusinessCalendar(options?.calendar)) return fail('invalid_input', 'expected a business calendar (brazilianCalendar())', { path: ['calendar'] });
  const parsed = parseInput(protestEventSchema, event);
  if (parsed.isErr()) return err(parsed.error);
  const e = parsed.value;
  if (e.on < protest.lastEventOn) {
    return fail('event_out_of_order', `the event is dated ${e.on}, before the last event (${protest.lastEventOn})`, { path: ['on'], details: { lastEventOn: protest.lastEventOn } });
  }
  const rows = e.type === 'request' ? [] : protestRulesFor(protest.status, e.type);
  const row = rows.find((candidate) => (candidate.when as (p: Protest, ev: ProtestEvent) => boolean)(protest, e));
  if (row === undefined) {
    return fail('illegal_transition', `${e.type} does not apply to a protest ${protest.status}`, {
      path: ['type'],
      details: { status: protest.status, event: e.type, allowed: protestEventsAllowedIn(protest.status) },
    });
  }
  if (row.guards !== undefined) {
    const violations = runProtestGuards(row.guards, protestFacts(protest, e.on, options.calendar));
    if (violations.length > 0) return err(protestGuardFailed(violations));
  }
  const step = (row.apply as (p: Protest, ev: ProtestEvent, c: BusinessCalendar) => ReturnType<ProtestRule['apply']>)(protest, e, options.calendar);
  return ok({ protest: applyProtestRule(protest, e, row, step.patch), effects: step.effects });
}
