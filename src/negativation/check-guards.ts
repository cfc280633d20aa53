import { err, ok, type Result } from 'neverthrow';
import * as z from 'zod';
import { civilDateSchema, calendarOption, type BusinessCalendar } from '../calendar/index.js';
import { parseInput, type InputOf } from '../errors.js';
import { noticeDaySchema } from './date-room.js';
import { debtorInputSchema } from './debtor.js';
import type { NegativationError } from './errors.js';
import { runGuards, type GuardStage, type GuardViolation } from './guards/index.js';
import { requestFacts } from './facts.js';
import { creditorInputSchema, existingNegativationSchema, titleInputSchema } from './request-schema.js';
import { DEFAULT_NEGATIVATION_SETTINGS, negativationSettingsSchema, NOTICE_CHANNELS } from './settings.js';

/** zod schema of the input of {@link checkNegativationGuards}. */
export const guardCheckInputSchema = z
  .object({
    stage: z.enum(['request', 'submission']),
    asOf: civilDateSchema,
    title: titleInputSchema,
    settings: negativationSettingsSchema.optional(),
    debtor: debtorInputSchema.optional(),
    notices: z.array(z.object({ channel: z.enum(NOTICE_CHANNELS), sentOn: noticeDaySchema, proofOfPosting: z.string().optional() }).strict()).default([]),
    bureau: z.string().trim().min(1).optional(),
    creditor: creditorInputSchema.optional(),
    existing: z.array(existingNegativationSchema).default([]),
  })
  .strict();

/** The input of {@link checkNegativationGuards}, as a host writes it (`z.input` of {@link guardCheckInputSchema}). */
export type GuardCheckInput = InputOf<typeof guardCheckInputSchema>;

/** The verdict of the guards: allowed when there is no violation. */
export interface GuardReport {
  readonly stage: GuardStage;
  readonly allowed: boolean;
  readonly violations: readonly GuardViolation[];
}

/**
 * Runs the guards of a stage (`request` or `submission`) without changing
 * anything: a pre-flight for a UI (what debtor data is missing, when the
 * notice period ends). The duplicate guard runs when debtor, creditor and
 * bureau are given.
 * @example
 * ```ts
 * import { checkNegativationGuards } from 'cobranca/negativation';
 *
 * // A pre-flight for the operator's screen: what stops this request today?
 * const report = checkNegativationGuards({
 *   stage: 'request', asOf: '2026-11-24',
 *   title: { id: 'inv-1', amount: '373.52', dueDate: '2026-10-13' },
 *   debtor: { document: '529.982.247-25', name: 'Maria Souza', address: { street: 'Rua das Flores', city: 'São Paulo', state: 'SP', cep: '01001-000' } },
 * });
 * report.match(
 *   (verdict) => { for (const v of verdict.violations) console.log(verdict.allowed, v.guard, v.message); },
 *   (error) => console.log(error.code, error.path?.join('.')),
 * );
 * // → false debtor_data debtor data incomplete or invalid: address.number
 * ```
 */
export function checkNegativationGuards(input: GuardCheckInput, options: { readonly calendar?: BusinessCalendar } = {}): Result<GuardReport, NegativationError> {
  const calendar = calendarOption(options.calendar);
  if (calendar.isErr()) return err(calendar.error);
  const parsed = parseInput(guardCheckInputSchema, input);
  if (parsed.isErr()) return err(parsed.error);
  const { stage, asOf, title, debtor, notices, bureau, creditor, existing } = parsed.value;
  const settings = parsed.value.settings ?? DEFAULT_NEGATIVATION_SETTINGS;
  const facts = requestFacts({
    asOf,
    calendar: calendar.value,
    settings,
    title,
    notices: notices.map((n) => ({ channel: n.channel, sentOn: n.sentOn, ...(n.proofOfPosting !== undefined ? { proofOfPosting: n.proofOfPosting } : {}) })),
    ...(debtor ? { debtor } : {}),
    ...(creditor ? { creditorId: creditor.id } : {}),
    ...(bureau !== undefined ? { bureau } : {}),
    existing,
  });
  const violations = runGuards(stage, facts);
  return ok({ stage, allowed: violations.length === 0, violations });
}
