import { err, ok, type Result } from 'neverthrow';
import * as z from 'zod';
import { civilDateSchema, calendarOption, type BusinessCalendar } from '../calendar/index.js';
import { parseInput, type InputOf } from '../errors.js';
import { registrationExpiresOn } from './dates.js';
import { requestFacts } from './facts.js';
import { debtorInputSchema, toDebtor } from './debtor.js';
import type { NegativationEffect } from './effects.js';
import type { NegativationError } from './errors.js';
import type { NegativationEvent } from './events.js';
import { runGuards } from './guards/index.js';
import type { Negativation } from './negativation.js';
import { creditorInputSchema, existingNegativationSchema, titleInputSchema } from './request-schema.js';
import { DEFAULT_NEGATIVATION_SETTINGS, negativationSettingsSchema } from './settings.js';
import { REQUEST_ORIGINS } from './status.js';
import { guardFailed } from './transition.js';
import { findRule } from './transition-table.js';

/** zod schema of a negativation request. */
export const negativationRequestSchema = z
  .object({
    /** The host's id for the new negativation. */
    id: z.string().trim().min(1),
    origin: z.enum(REQUEST_ORIGINS),
    bureau: z.string().trim().min(1),
    creditor: creditorInputSchema,
    debtor: debtorInputSchema,
    title: titleInputSchema,
    /**
     * Several titles in one registration (seed 000): the registration's id and every title in it (this one included).
     * Each title is requested on its own, with the same `registration`; the guards run per title.
     */
    registration: z
      .object({ id: z.string().trim().min(1), titleIds: z.array(z.string().trim().min(1)).min(2).max(100) })
      .strict()
      .refine((r) => new Set(r.titleIds).size === r.titleIds.length, { message: 'a title appears twice in the registration', path: ['titleIds'] })
      .optional(),
    /** The branch's resolved settings (see `resolveNegativationSettings`); defaults when absent. */
    settings: negativationSettingsSchema.optional(),
    /** Negativations already on record, for the duplicate guard (stored negativations fit). */
    existing: z.array(existingNegativationSchema).default([]),
    on: civilDateSchema,
    actor: z.string().trim().min(1, 'actor is required'),
    reason: z.string().optional(),
    at: z.iso.datetime({ offset: true }).optional(),
  })
  .strict()
  .refine((r) => r.registration === undefined || r.registration.titleIds.includes(r.title.id), { message: "the registration's titleIds must include this title", path: ['registration', 'titleIds'] });

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
  const parsed = parseInput(negativationRequestSchema, input);
  if (parsed.isErr()) return err(parsed.error);
  const request = parsed.value;
  const settings = request.settings ?? DEFAULT_NEGATIVATION_SETTINGS;
  const { title } = request;
  const facts = requestFacts({ asOf: request.on, calendar: calendar.value, settings, title, debtor: request.debtor, creditorId: request.creditor.id, bureau: request.bureau, existing: request.existing });
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
  const negativation: Negativation = {
    id: request.id,
    version: 1,
    status: rule.to,
    origin: request.origin,
    bureau: request.bureau,
    creditor: request.creditor,
    debtor: toDebtor(request.debtor),
    title: { id: title.id, amount: title.amount, dueDate: title.dueDate },
    ...(request.registration !== undefined ? { registration: request.registration } : {}),
    outstanding: facts.outstanding,
    requestedOn: request.on,
    ageLimitOn: facts.ageLimitOn,
    prescribesOn: facts.prescribesOn,
    expiresOn: registrationExpiresOn(title.dueDate, facts.prescribesOn),
    submissionCutoffOn: facts.submissionCutoffOn,
    settings,
    inActiveAgreement: false,
    disputed: false,
    notices: [],
    portalBannerShown: false,
    payments: [],
    lastEventOn: request.on,
    history: [{ version: 1, from: null, to: rule.to, event }],
  };
  return ok({ negativation, effects: [] });
}
