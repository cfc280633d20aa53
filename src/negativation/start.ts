import { err, ok, type Result } from 'neverthrow';
import { calendarOption, type BusinessCalendar } from '../calendar/index.js';
import { parseInput, type InputOf } from '../errors.js';
import { expiresOnOf } from './dates.js';
import { requestFacts } from './facts.js';
import { toDebtor } from './debtor.js';
import type { NegativationEffect } from './effects.js';
import type { NegativationError } from './errors.js';
import type { NegativationEvent } from './events.js';
import { runGuards } from './guards/index.js';
import type { Negativation } from './negativation.js';
import { negativationRecord } from './record.js';
import { vouch } from './vouched.js';
import { readNegativationRequestFast, type FastRequest } from './request-fast-input.js';
import { negativationRequestSchema } from './request-schema.js';
import { DEFAULT_NEGATIVATION_SETTINGS } from './settings.js';
import { guardFailed } from './transition.js';
import { findRule } from './transition-table.js';

export { negativationRequestSchema } from './request-schema.js';

/** A negativation request as the host writes it. */
export type NegativationRequestInput = InputOf<typeof negativationRequestSchema>;

/**
 * Requests a negativation (seed 000's three ways, or seed 002's automatic
 * one): parses the request, runs the request guards (debtor data complete and
 * valid, no duplicate, minimum amount and days overdue, age limit,
 * prescription, not paid, not in an agreement, not disputed) and returns it
 * `in_analysis`, version 1, with the request in its history. A refusal is
 * `guard_failed` with every violation (missing debtor data listed field by field).
 * @example
 * ```ts
 * import { startNegativation } from 'cobranca/negativation';
 *
 * const started = startNegativation({
 *   id: 'neg-1', origin: 'negativation_menu', bureau: 'serasa', on: '2026-10-20', actor: 'operator.ana',
 *   creditor: { id: 'acme', name: 'ACME Telecom Ltda', document: '11.222.333/0001-81' },
 *   debtor: { document: '529.982.247-25', name: 'Maria Souza', address: { street: 'Rua das Flores', number: '100', city: 'São Paulo', state: 'SP', cep: '01001-000' } },
 *   title: { id: 'inv-1', amount: '373.52', dueDate: '2026-09-10' },
 * });
 * started.match(
 *   ({ negativation }) => console.log(negativation.status, negativation.version, negativation.ageLimitOn),
 *   (error) => console.log(error.code, error.message), // guard_failed lists every violation
 * );
 * // → in_analysis 1 2031-09-11
 * ```
 */
export function startNegativation(input: NegativationRequestInput, options: { readonly calendar?: BusinessCalendar } = {}): Result<{ negativation: Negativation; effects: readonly NegativationEffect[] }, NegativationError> {
  const calendar = calendarOption(options.calendar);
  if (calendar.isErr()) return err(calendar.error);
  const read = readRequest(input);
  if (read.isErr()) return err(read.error);
  const { request, debtorTaxId } = read.value;
  const settings = request.settings ?? DEFAULT_NEGATIVATION_SETTINGS;
  const { title } = request;
  const facts = requestFacts({
    asOf: request.on,
    calendar: calendar.value,
    settings,
    title,
    debtor: request.debtor,
    ...(debtorTaxId !== undefined ? { debtorTaxId } : {}),
    creditorId: request.creditor.id,
    bureau: request.bureau,
    existing: request.existing,
  });
  const violations = runGuards('request', facts);
  if (violations.length > 0) return err(guardFailed(violations));

  const event: NegativationEvent = {
    type: 'request',
    on: request.on,
    actor: request.actor,
    ...(request.reason !== undefined ? { reason: request.reason } : {}),
    ...(request.at !== undefined ? { at: request.at } : {}),
  };
  const rule = findRule(null, 'request', 'default');
  if (rule === undefined) throw new Error('transition table has no request rule');
  const negativation = vouch(negativationRecord({
    id: request.id,
    version: 1,
    status: rule.to,
    origin: request.origin,
    bureau: request.bureau,
    creditor: request.creditor,
    debtor: toDebtor(request.debtor, facts.debtorTaxId),
    title: { id: title.id, amount: title.amount, dueDate: title.dueDate },
    registration: request.registration,
    outstanding: facts.outstanding,
    requestedOn: request.on,
    ageLimitOn: facts.ageLimitOn,
    prescribesOn: facts.prescribesOn,
    expiresOn: expiresOnOf(facts.ageLimitOn, facts.prescribesOn),
    submissionCutoffOn: facts.submissionCutoffOn,
    settings,
    inActiveAgreement: false,
    disputed: false,
    agreementId: undefined,
    notices: [],
    portalBannerShown: false,
    bureauNoticeRequestedOn: undefined,
    noticePeriodElapsedOn: undefined,
    submittedOn: undefined,
    bureauReference: undefined,
    registeredOn: undefined,
    payments: [],
    settlement: undefined,
    removal: undefined,
    failure: undefined,
    lastEventOn: request.on,
    history: [{ version: 1, from: null, to: rule.to, event }],
  }));
  return ok({ negativation, effects: [] });
}

/** The request read by hand ({@link readNegativationRequestFast}), or by the schema when the reader doubts (the schema builds the error). */
function readRequest(input: unknown): Result<FastRequest, NegativationError> {
  const fast = readNegativationRequestFast(input);
  if (fast !== undefined) return ok(fast);
  const parsed = parseInput(negativationRequestSchema, input);
  return parsed.isErr() ? err(parsed.error) : ok({ request: parsed.value, debtorTaxId: undefined });
}
