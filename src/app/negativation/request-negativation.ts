import * as z from 'zod';
import type { NegativationRecord, StoreTransaction } from '../../ports/index.js';
import { REQUEST_ORIGINS, startNegativation, transition, type Negativation, type NegativationEventInput, type NegativationRequestInput, type NegativationSettings, type RegistrationGroup, type TransitionResult } from '../../negativation/index.js';
import { cobrancaError, withPathPrefix, type InputOf } from '../../errors.js';
import { abort, commandBaseSchema, notFound, runCommand } from '../command.js';
import { appendNegativationAudit, eventAuditDetails, negativationAuditEntries, requestAuditDetails, type NegativationAuditLine, type NegativationAuditLines } from './audit-details.js';
import type { RequestAuthorization } from './request-authorization.js';
import { requestReason } from './request-reason.js';
import type { AppContext } from '../dependencies.js';
import { debtorOf, existingOf, titleOf } from './debtor-of.js';
import { enqueueNegativationEffects, negativationEventAction, negativationOf, newNegativationRecord } from './negativation-store.js';

/** Input of {@link requestNegativation}. */
export const requestNegativationSchema = commandBaseSchema.extend({
  invoiceId: z.string().min(1),
  /** Seed 000's three ways (menu, the invoice's "Negativar" flag at creation, the invoice's details) or the automatic one (seed 002). */
  origin: z.enum(REQUEST_ORIGINS).default('negativation_menu'),
  /** The bureau, when not the one the invoice's branch is set to (it must be one of the app's gateways). */
  bureau: z.string().min(1).optional(),
  reason: z.string().max(2000).optional(),
  /**
   * Several titles in one registration (seed 000): more overdue invoices of the same customer registered together with
   * `invoiceId`. One prior notice names them all; each title keeps its own status and removal deadline. Every title
   * passes the guards, or nothing is written.
   */
  withInvoiceIds: z.array(z.string().min(1)).min(1).max(99).optional(),
  /**
   * Seed 000: the operator accepts the negativation terms before requesting:
   * who, when, and which version of the text. Required; recorded in the
   * negativation's and the invoice's history.
   */
  termsAcceptance: z
    .strictObject({ acceptedBy: z.string().trim().min(1).max(200), acceptedAt: z.iso.datetime({ offset: true }), version: z.string().trim().min(1).max(100) })
    .optional(),
});

/** Input of {@link requestNegativation} as the host writes it. */
export type RequestNegativationInput = InputOf<typeof requestNegativationSchema>;

/**
 * Requests the registration of an invoice at a bureau, through every legal
 * guard of the negativation module (debtor data, duplicates, minimum amount and
 * days, age limit, prescription, paid, agreement, dispute). Refused requests
 * are `guard_failed` with the list of what is wrong (missing debtor data field
 * by field); nothing is written.
 * @example
 * ```ts
 * import { brazilianCalendar, createCollections } from 'cobranca';
 * import { MemoryStore } from 'cobranca/adapters/memory';
 * import { fakeBureau, manualClock, recordingNotifier, sequentialIds, staticRates } from 'cobranca/testing';
 *
 * const clock = manualClock('2026-11-24T10:00:00-03:00');
 * const built = createCollections({
 *   store: new MemoryStore(), bureau: fakeBureau(), notifier: recordingNotifier(), rates: staticRates(), ids: sequentialIds(),
 *   clock, calendar: brazilianCalendar({ state: 'SP' }),
 *   creditor: { id: 'acme', name: 'ACME Telecom Ltda', document: '11.222.333/0001-81' },
 *   ruler: { id: 'padrao', steps: [{ id: 'atraso', offsetDays: 1, action: { kind: 'notify', channel: 'email', template: 'atraso' } }] },
 * });
 * if (built.isErr()) throw new Error(built.error.message);
 * const app = built.value;
 * await app.upsertCustomers({ idempotencyKey: 'crm-1', actor: 'crm', customers: [{ id: 'c-1', name: 'Maria Souza', taxId: '529.982.247-25', kind: 'person', email: 'maria.souza@exemplo.com.br',
 *   address: { street: 'Rua das Flores', number: '100', district: 'Centro', city: 'São Paulo', state: 'SP', cep: '01001-000' } }] });
 * await app.upsertInvoices({ idempotencyKey: 'erp-1', actor: 'erp', invoices: [{ id: 'inv-1', customerId: 'c-1', amount: '373.52', dueDate: '2026-10-13' }] });
 * const requested = await app.requestNegativation({
 *   idempotencyKey: 'neg-inv-1', actor: 'operator.ana', invoiceId: 'inv-1',
 *   termsAcceptance: { acceptedBy: 'operator.ana', acceptedAt: '2026-11-24T10:00:00-03:00', version: 'termos-v3' },
 * });
 * requested.match(
 *   (record) => console.log(record.id, record.status, record.negativation.bureau),
 *   (error) => console.log(error.code, error.message), // guard_failed lists every guard that refused
 * );
 * // → negativation-1 in_analysis serasa
 * ```
 */
export function requestNegativation(context: AppContext) {
  return (input: InputOf<typeof requestNegativationSchema>) =>
    runCommand(context, 'requestNegativation', requestNegativationSchema, input, async (tx, cmd) => {
      const { termsAcceptance } = cmd;
      if (!termsAcceptance) abort(cobrancaError('terms_not_accepted', 'a manual request needs the operator to accept the negativation terms: termsAcceptance { acceptedBy, acceptedAt, version } (seed 000)', { path: ['termsAcceptance'] }));
      return startRequest(tx, context, { ...cmd, authorization: { kind: 'terms', ...termsAcceptance } });
    });
}

export type { RequestAuthorization } from './request-authorization.js';

/** A request as the cycle or the command makes it. */
export type StartRequest = Omit<z.output<typeof requestNegativationSchema>, 'termsAcceptance'> & { readonly authorization: RequestAuthorization };

/** Options of {@link startRequest}. */
export interface StartOptions {
  /**
   * An event to approve each new negativation with in the same write, when it applies now (the daily cycle's automatic
   * analysis): the negativation is stored as that step left it (one record write), the request's and the step's audit
   * lines are appended together and the step's effects queued. When the step is refused the negativation is stored in
   * analysis, as without this option.
   */
  readonly approve?: (negativation: Negativation) => NegativationEventInput;
}

/** The request inside a transaction (shared with the daily cycle's automatic requests); with `withInvoiceIds`, one negativation per title sharing a registration, and the first is returned. */
export async function startRequest(tx: StoreTransaction, context: AppContext, cmd: StartRequest, options?: StartOptions) {
  // One title (the cycle's requests, most commands): no list of titles, no registration.
  if (cmd.withInvoiceIds === undefined) return startOne(tx, context, cmd, cmd.invoiceId, ['invoiceId'], undefined, undefined, options);
  const invoiceIds = [cmd.invoiceId, ...(cmd.withInvoiceIds ?? [])];
  const duplicate = invoiceIds.findIndex((id, index) => invoiceIds.indexOf(id) !== index);
  if (duplicate >= 0) abort(cobrancaError('invalid_input', `invoice '${invoiceIds[duplicate] ?? ''}' appears twice in the registration`, { path: ['withInvoiceIds', duplicate - 1] }));
  const registration = invoiceIds.length > 1 ? { id: context.ids.next('registration'), titleIds: invoiceIds } : undefined;
  const records: NegativationRecord[] = [];
  for (const [index, invoiceId] of invoiceIds.entries()) {
    const path = index === 0 ? ['invoiceId'] : ['withInvoiceIds', index - 1];
    records.push(await startOne(tx, context, cmd, invoiceId, path, registration, records[0], options));
  }
  return records[0] as NegativationRecord;
}

/** One title of a request: its invoice checked, the negativation started through the guards, stored, audited, effects queued. */
async function startOne(tx: StoreTransaction, context: AppContext, cmd: StartRequest, invoiceId: string, path: (string | number)[], registration: RegistrationGroup | undefined, first: NegativationRecord | undefined, options: StartOptions | undefined) {
  const invoice = await tx.invoices.get(invoiceId);
  if (!invoice) abort(notFound('invoice', invoiceId, path));
  if (invoice.status !== 'open') {
    // Paid, cancelled (e.g. replaced by an agreement), suspended or deleted: there is no debt to register.
    abort(cobrancaError('invalid_state', `invoice '${invoice.id}' is ${invoice.status}; only an open debt can be registered`, { path }));
  }
  if (first !== undefined && invoice.customerId !== first.customerId) abort(cobrancaError('invalid_input', `invoice '${invoice.id}' is another customer's: one registration holds one debtor's titles`, { path }));
  const customer = await tx.customers.get(invoice.customerId);
  if (!customer) abort(notFound('customer', invoice.customerId, path));
  const agreement = invoice.agreementId ? await tx.agreements.get(invoice.agreementId) : undefined;
  const existing = await tx.negativations.list({ customerId: customer.id });
  const { policies } = context;
  const settings = policies.settingsFor(invoice.branchId, invoice.contractId);
  const bureau = cmd.bureau ?? (first !== undefined ? negativationOf(first).bureau : settings.bureau);
  if (!Object.hasOwn(context.bureaus, bureau)) abort(cobrancaError('unknown_bureau', `no bureau gateway is called '${bureau}' (bureaus: ${Object.keys(context.bureaus).join(', ')})`, { path: ['bureau'] }));
  const bureauSource = cmd.bureau !== undefined ? 'request' : first !== undefined ? 'registration' : settings.sources.bureau;
  const bureauChoice = cmd.bureau === undefined && first === undefined ? { bureau, bureauSource, bureauSetting: settings.pathOf('bureau') } : { bureau, bureauSource };
  const started = startNegativation({
    id: context.ids.next('negativation'),
    origin: cmd.origin,
    bureau,
    creditor: policies.creditor,
    debtor: debtorOf(customer),
    title: titleOf(invoice, agreement?.status === 'active'),
    ...(registration !== undefined ? { registration } : {}),
    settings: frozenSettings(settings.negativation) as NegativationRequestInput['settings'],
    existing: existingOf(existing),
    on: context.today(),
    actor: cmd.actor,
    at: context.nowIso(),
    reason: requestReason(context, { reason: cmd.reason, authorization: cmd.authorization, bureau, bureauSource: bureauChoice.bureauSource, registration }),
  }, { calendar: context.calendar });
  if (started.isErr()) abort(first === undefined ? started.error : withPathPrefix(started.error, path));
  const { negativation, effects } = started.value;
  // Object.assign, not spreads: the same fields in the same order, without V8's slow clone path on Node 20.
  const why = Object.assign({ origin: cmd.origin, authorization: cmd.authorization }, bureauChoice, registration ? { registration } : undefined);
  const requested = { actor: cmd.actor, action: 'negativation_requested', negativationId: negativation.id, invoiceId: invoice.id };
  const lines = requestAuditDetails(context, why, invoice.id, negativation.id);
  const approval = options?.approve === undefined ? undefined : approvedStep(context, negativation, options.approve(negativation));
  if (approval !== undefined) {
    // Requested and approved in one write: the record as the approval left it, the four audit lines in one append (the
    // request's, then the approval's, as two writes would have put them), the approval's effects (the request has none).
    const record = newNegativationRecord(approval.step.negativation, customer.id);
    await tx.negativations.insert(record);
    await tx.audit.appendMany([...negativationAuditEntries(context, requested, lines), ...negativationAuditEntries(context, approval.line, approval.lines)]);
    if (effects.length > 0) await enqueueNegativationEffects(tx, context, negativation, customer.id, effects);
    await enqueueNegativationEffects(tx, context, approval.step.negativation, customer.id, approval.step.effects);
    return record;
  }
  const record = newNegativationRecord(negativation, customer.id);
  await tx.negativations.insert(record);
  await appendNegativationAudit(tx, context, requested, lines);
  if (effects.length > 0) await enqueueNegativationEffects(tx, context, negativation, customer.id, effects);
  return record;
}

/** A step `event` takes a new negativation through now, with its audit line and details; `undefined` when it does not apply (refused, illegal). */
function approvedStep(context: AppContext, negativation: Negativation, event: NegativationEventInput): { step: TransitionResult; line: NegativationAuditLine; lines: NegativationAuditLines } | undefined {
  const step = transition(negativation, event, { calendar: context.calendar });
  if (step.isErr()) return undefined;
  const to = step.value.negativation.status;
  return {
    step: step.value,
    line: { actor: event.actor, action: negativationEventAction(event.type), negativationId: negativation.id, invoiceId: negativation.title.id },
    lines: eventAuditDetails(event, negativation.status, to, negativation.id),
  };
}

/** The frozen copy of each subject's negativation settings (see {@link frozenSettings}). */
const frozenSettingsOf = new WeakMap<NegativationSettings, NegativationSettings>();

/**
 * A subject's negativation settings as one deeply frozen copy, made once per settings object: the request reader
 * then reads them once, not once per request, and every negativation of the subject shares the one value it
 * returns (the same values as a copy per request).
 */
function frozenSettings(settings: NegativationSettings): NegativationSettings {
  let frozen = frozenSettingsOf.get(settings);
  if (frozen === undefined) {
    frozen = deepFreeze(structuredClone(settings));
    frozenSettingsOf.set(settings, frozen);
  }
  return frozen;
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const part of Object.values(value)) deepFreeze(part);
    Object.freeze(value);
  }
  return value;
}
