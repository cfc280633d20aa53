import type { Result } from 'neverthrow';
import { err, ok } from 'neverthrow';
import * as z from 'zod';
import { civilDateSchema } from '../calendar/index.js';
import { parseTaxId, type TaxId } from '../documents/index.js';
import { fail, parseInput } from '../errors.js';
import { moneySchema } from '../money/index.js';
import type { NegativationError } from './errors.js';
import { negativationEventSchema } from './events.js';
import type { Negativation } from './negativation.js';
import { negativationSettingsSchema, NOTICE_CHANNELS } from './settings.js';
import { NEGATIVATION_STATUSES, REQUEST_ORIGINS } from './status.js';

const status = z.enum(NEGATIVATION_STATUSES);
const text = z.string().min(1);
const storedTaxId = z
  .object({ kind: z.enum(['cpf', 'cnpj']), number: z.string() })
  .strict()
  .transform((stored, ctx): TaxId => {
    const parsed = parseTaxId(stored.number);
    if (parsed.isOk() && parsed.value.kind === stored.kind && parsed.value.number === stored.number) return parsed.value;
    ctx.addIssue({ code: 'custom', message: 'not a valid CPF or CNPJ of that kind' });
    return z.NEVER;
  });
const removalReason = z.enum(['paid', 'agreement_installment', 'agreement', 'cancelled', 'age_limit']);

/** zod schema of a stored {@link Negativation} (what `JSON.stringify` of one gives back). */
export const negativationSchema = z
  .object({
    id: text,
    version: z.number().int().min(1),
    status,
    origin: z.enum(REQUEST_ORIGINS),
    bureau: text,
    creditor: z.object({ id: text, name: text, document: storedTaxId }).strict(),
    debtor: z
      .object({
        document: storedTaxId,
        name: text,
        birthDate: civilDateSchema.optional(),
        address: z
          .object({ street: text, number: text, complement: z.string().optional(), district: z.string().optional(), city: text, state: text, cep: z.string().regex(/^\d{5}-\d{3}$/) })
          .strict(),
        email: z.string().optional(),
        phone: z.string().optional(),
      })
      .strict(),
    title: z.object({ id: text, amount: moneySchema, dueDate: civilDateSchema }).strict(),
    registration: z.object({ id: text, titleIds: z.array(text).min(2) }).strict().optional(),
    outstanding: moneySchema,
    requestedOn: civilDateSchema,
    ageLimitOn: civilDateSchema,
    prescribesOn: civilDateSchema,
    expiresOn: civilDateSchema,
    submissionCutoffOn: civilDateSchema,
    settings: negativationSettingsSchema,
    inActiveAgreement: z.boolean(),
    disputed: z.boolean(),
    agreementId: z.string().optional(),
    notices: z.array(
      z
        .object({ channel: z.enum(NOTICE_CHANNELS), sentOn: civilDateSchema, proofOfPosting: z.string().optional(), sender: z.literal('bureau').optional(), readOn: civilDateSchema.optional() })
        .strict(),
    ),
    bureauNoticeRequestedOn: civilDateSchema.optional(),
    portalBannerShown: z.boolean(),
    noticePeriodElapsedOn: civilDateSchema.optional(),
    submittedOn: civilDateSchema.optional(),
    bureauReference: z.string().optional(),
    registeredOn: civilDateSchema.optional(),
    payments: z.array(
      z
        .object({
          kind: z.enum(['full', 'partial', 'agreement_installment']),
          amount: moneySchema,
          paidOn: civilDateSchema,
          fundsAvailableOn: civilDateSchema,
          installmentNumber: z.number().int().min(1).optional(),
        })
        .strict(),
    ),
    settlement: z
      .object({ kind: z.enum(['paid', 'agreement_installment']), paidOn: civilDateSchema, fundsAvailableOn: civilDateSchema, removalDeadline: civilDateSchema })
      .strict()
      .optional(),
    removal: z.object({ reason: removalReason, requestedOn: civilDateSchema, deadline: civilDateSchema.optional(), confirmedOn: civilDateSchema.optional() }).strict().optional(),
    failure: z.object({ reason: z.string(), on: civilDateSchema, from: status }).strict().optional(),
    lastEventOn: civilDateSchema,
    history: z.array(z.object({ version: z.number().int().min(1), from: status.nullable(), to: status, event: negativationEventSchema }).strict()).min(1),
  })
  .strict();

/**
 * Parses a negativation read back from storage (JSON), checking every field and
 * that the history is consistent: versions 1…n in order, each entry starting
 * where the previous ended, the last one ending in `status`, events in date
 * order. Errors are `invalid_stored_negativation` with the path of the bad field.
 * @example
 * ```ts
 * import { parseNegativation, startNegativation } from 'cobranca/negativation';
 *
 * const started = startNegativation({
 *   id: 'neg-1', origin: 'negativation_menu', bureau: 'serasa', on: '2026-10-20', actor: 'operator.ana',
 *   creditor: { id: 'acme', name: 'ACME Telecom Ltda', document: '11.222.333/0001-81' },
 *   debtor: { document: '529.982.247-25', name: 'Maria Souza', address: { street: 'Rua das Flores', number: '100', city: 'São Paulo', state: 'SP', cep: '01001-000' } },
 *   title: { id: 'inv-1', amount: '373.52', dueDate: '2026-09-10' },
 * });
 * if (started.isErr()) throw new Error(started.error.message);
 * const { negativation } = started.value;
 * const stored = JSON.stringify(negativation); // as your database keeps it
 * parseNegativation(JSON.parse(stored)).match(
 *   (loaded) => console.log(loaded.id, loaded.status, loaded.version),
 *   (error) => console.log(error.code, error.path?.join('.')),
 * );
 * const tampered = parseNegativation({ ...negativation, version: 7 });
 * if (tampered.isErr()) console.log(tampered.error.code);
 * // → neg-1 in_analysis 1
 * // → invalid_stored_negativation
 * ```
 */
export function parseNegativation(input: unknown): Result<Negativation, NegativationError> {
  const parsed = parseInput(negativationSchema, input);
  if (parsed.isErr()) return err({ ...parsed.error, code: 'invalid_stored_negativation' });
  const n = parsed.value;
  if (n.history.length !== n.version) return fail('invalid_stored_negativation', `version ${n.version} but ${n.history.length} history entries`, { path: ['version'] });
  let previous: (typeof n.history)[number] | undefined;
  for (const [i, entry] of n.history.entries()) {
    const where = ['history', i];
    if (entry.version !== i + 1) return fail('invalid_stored_negativation', `history entry ${i} has version ${entry.version}`, { path: [...where, 'version'] });
    if (entry.from !== (previous?.to ?? null)) return fail('invalid_stored_negativation', 'the history entry does not start where the previous one ended', { path: [...where, 'from'] });
    if (previous && entry.event.on < previous.event.on) return fail('invalid_stored_negativation', 'history events are out of date order', { path: [...where, 'event', 'on'] });
    previous = entry;
  }
  if (previous?.to !== n.status) return fail('invalid_stored_negativation', 'the status is not where the history ends', { path: ['status'] });
  if (previous.event.on !== n.lastEventOn) return fail('invalid_stored_negativation', 'lastEventOn is not the date of the last event', { path: ['lastEventOn'] });
  return ok(n as Negativation);
}
