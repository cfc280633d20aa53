import { err, ok, type Result } from 'neverthrow';
import * as z from 'zod';
import { calendarOption, civilDateSchema, type BusinessCalendar } from '../calendar/index.js';
import { taxIdSchema } from '../documents/index.js';
import { parseInput, type InputOf } from '../errors.js';
import { moneySchema } from '../money/index.js';
import type { ProtestEffect } from './effects.js';
import type { ProtestError } from './errors.js';
import type { ProtestEvent } from './events.js';
import { protestPrescriptionOn, runProtestGuards } from './guards.js';
import { protestKey, type Protest } from './protest.js';
import { DEFAULT_PROTEST_SETTINGS, protestSettingsSchema } from './settings.js';
import { PROTEST_STATUSES, protestOccupiesKey } from './status.js';
import { protestGuardFailed } from './transition.js';
import { protestRulesFor, type ProtestStep } from './transition-table.js';

const text = z.string().trim().min(1);

/** zod schema of a protest request: what the notary needs (the title, the debtor with a full address, the creditor) and the facts the guards read. */
export const protestRequestSchema = z
  .object({
    /** The host's id for the new protest. */
    id: text,
    /** The notary's office the title goes to (usually the one of the debtor's town, art. 6). */
    notary: text,
    creditor: z.object({ id: text, name: text, document: taxIdSchema }).strict(),
    debtor: z
      .object({
        document: taxIdSchema,
        name: text,
        address: z
          .object({
            street: text,
            number: text,
            complement: z.string().optional(),
            district: z.string().optional(),
            city: text,
            state: z.string().trim().length(2),
            cep: z.string().regex(/^\d{5}-?\d{3}$/, 'a CEP has eight digits'),
          })
          .strict(),
      })
      .strict(),
    title: z
      .object({
        id: text,
        amount: moneySchema.refine((m) => m.cents > 0, 'the amount must be positive'),
        dueDate: civilDateSchema,
        /** The species of the title (espécie): DM duplicata mercantil, DS duplicata de serviço, NP nota promissória … */
        kind: text.default('DS'),
        prescribesOn: civilDateSchema.optional(),
        paid: z.boolean().default(false),
        inActiveAgreement: z.boolean().default(false),
        disputed: z.boolean().default(false),
      })
      .strict(),
    settings: protestSettingsSchema.optional(),
    /** Protests already on record, for the duplicate guard (stored protests fit). */
    existing: z
      .array(z.object({ status: z.enum(PROTEST_STATUSES), creditor: z.object({ id: z.string() }), title: z.object({ id: z.string() }), debtor: z.object({ document: z.object({ number: z.string() }) }) }))
      .default([]),
    on: civilDateSchema,
    actor: text,
    reason: z.string().optional(),
    at: z.iso.datetime({ offset: true }).optional(),
  })
  .strict();

/** A protest request as the host writes it. */
export type ProtestRequestInput = InputOf<typeof protestRequestSchema>;

/**
 * Requests the protest of a title: parses the request, runs the request guards
 * (overdue, minimum amount, not paid, not in an agreement, not disputed, not
 * prescribed, no duplicate) and returns it `requested`, version 1, with the
 * `submit_to_notary` effect. A refusal is `guard_failed` listing every violation.
 * Days overdue are counted on `options.calendar` (default: the national banking calendar).
 * @example
 * ```ts
 * import { startProtest } from 'cobranca/protest';
 *
 * const started = startProtest({
 *   id: 'pro-1', notary: '1º Tabelionato de Protesto de Curitiba',
 *   creditor: { id: 'c1', name: 'Provedor Exemplo Ltda', document: '11.222.333/0001-81' },
 *   debtor: { document: '529.982.247-25', name: 'Maria Souza',
 *             address: { street: 'Rua das Flores', number: '100', city: 'Curitiba', state: 'PR', cep: '80010-000' } },
 *   title: { id: 'inv-1', amount: '1234.56', dueDate: '2026-10-01' },
 *   on: '2026-11-16', actor: 'operator.ana',
 * });
 * started.match(
 *   ({ protest, effects }) => console.log(protest.status, effects.map((effect) => effect.type).join(', ')), // → requested submit_to_notary
 *   (error) => console.error(error.code, error.message),
 * );
 * ```
 */
export function startProtest(input: ProtestRequestInput, options: { readonly calendar?: BusinessCalendar } = {}): Result<{ protest: Protest; effects: readonly ProtestEffect[] }, ProtestError> {
  const calendar = calendarOption(options.calendar);
  if (calendar.isErr()) return err(calendar.error);
  const parsed = parseInput(protestRequestSchema, input);
  if (parsed.isErr()) return err(parsed.error);
  const request = parsed.value;
  const settings = request.settings ?? DEFAULT_PROTEST_SETTINGS;
  const { title, debtor, creditor } = request;
  const key = protestKey({ debtorDocument: debtor.document.number, creditorId: creditor.id, titleId: title.id });
  const liveKeys = new Set(request.existing.filter((p) => protestOccupiesKey(p.status)).map((p) => protestKey({ debtorDocument: p.debtor.document.number, creditorId: p.creditor.id, titleId: p.title.id })));
  const violations = runProtestGuards('request', {
    asOf: request.on,
    settings,
    dueDate: title.dueDate,
    calendar: calendar.value,
    amount: title.amount,
    paid: title.paid,
    inActiveAgreement: title.inActiveAgreement,
    disputed: title.disputed,
    prescribesOn: title.prescribesOn ?? protestPrescriptionOn(title.dueDate, settings.prescriptionYears),
    notices: [],
    key,
    liveKeys,
  });
  if (violations.length > 0) return err(protestGuardFailed(violations));
  const row = protestRulesFor(null, 'request')[0];
  if (row === undefined) throw new Error('the protest table has no request rule');
  const event: ProtestEvent = { type: 'request', on: request.on, actor: request.actor, ...(request.reason !== undefined ? { reason: request.reason } : {}), ...(request.at !== undefined ? { at: request.at } : {}) };
  const protest: Protest = {
    id: request.id,
    version: 1,
    status: row.to,
    notary: request.notary,
    creditor,
    debtor: { document: debtor.document, name: debtor.name, address: Object.fromEntries(Object.entries(debtor.address).filter(([, v]) => v !== undefined)) as Protest['debtor']['address'] },
    title: { id: title.id, amount: title.amount, dueDate: title.dueDate, kind: title.kind },
    settings,
    requestedOn: request.on,
    notices: [],
    lastEventOn: request.on,
    history: [{ version: 1, from: null, to: row.to, event }],
  };
  // the request row reads no calendar
  const effects = (row.apply as unknown as (p: Protest, e: ProtestEvent) => ProtestStep)(protest, event).effects;
  return ok({ protest, effects });
}
