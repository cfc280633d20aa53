import type { NegativationRecord, OutboxEffect, StoreTransaction } from '../../ports/index.js';
import { maskDeep } from '../../documents/index.js';
import { keyOf, NEGATIVATION_EVENT_TYPES, transition, type Negativation, type NegativationEffect, type NegativationEventInput, type NegativationStatus } from '../../negativation/index.js';
import { abort, notFound } from '../command.js';
import { appendNegativationAudit, eventAuditDetails } from './audit-details.js';
import type { AppContext } from '../dependencies.js';
import { breakdownOf, owedCalculator, owedOfInvoice } from '../owed.js';
import { addYears, type CivilDate } from '../../calendar/index.js';
import type { LateChargesCalculator } from '../../agreements/index.js';

/** The domain negativation inside a stored record. */
export function negativationOf(record: NegativationRecord): Negativation {
  return record.negativation;
}

/** The status of a stored negativation, as the negativation module typed it. */
export function statusOfRecord(record: NegativationRecord): NegativationStatus {
  return negativationOf(record).status;
}

/** Reads a negativation record, aborting with `not_found`. */
export async function requireNegativation(tx: StoreTransaction, id: string, path: (string | number)[] = ['negativationId']): Promise<NegativationRecord> {
  const record = await tx.negativations.get(id);
  if (!record) abort(notFound('negativation', id, path));
  return record;
}

/** The stored record of a new negativation (its first write: version 1, whatever steps the negativation already took). */
export function newNegativationRecord(negativation: Negativation, customerId: string): NegativationRecord {
  return { id: negativation.id, version: 1, customerId, invoiceId: negativation.title.id, uniqueKey: keyOf(negativation), status: negativation.status, negativation };
}

/** The outbox kind each negativation effect becomes. Kinds the library performs: `negativation_notice`, `bureau_register`, `bureau_remove`; `bureau_notice` (ask the bureau to post the notice letter) is the host's, which reports the posting with `applyBureauReport` (`notice_posted`). */
export const NEGATIVATION_EFFECT_KINDS: Readonly<Record<NegativationEffect['type'], string>> = {
  send_notice: 'negativation_notice',
  request_bureau_notice: 'bureau_notice',
  submit_to_bureau: 'bureau_register',
  request_removal: 'bureau_remove',
  show_portal_banner: 'portal_banner',
  hide_portal_banner: 'portal_banner',
  issue_updated_invoice: 'issue_updated_invoice',
  alert_operator: 'alert_operator',
};

/** Puts a negativation's effects in the outbox, keyed by negativation, version and position (a replay enqueues nothing). */
export async function enqueueNegativationEffects(tx: StoreTransaction, context: AppContext, negativation: Negativation, customerId: string, effects: readonly NegativationEffect[]): Promise<void> {
  if (effects.length === 0) return;
  const queued: OutboxEffect[] = [];
  const titleId = negativation.title.id;
  for (let index = 0; index < effects.length; index++) {
    const effect = effects[index] as NegativationEffect;
    // Object.assign, not a spread of the effect followed by the ids: on Node 20 that spread of an unfrozen object takes V8's slow path (~2 µs an effect); the same fields in the same order.
    const payload: Record<string, unknown> = Object.assign({}, effect.type === 'alert_operator' ? (maskDeep(effect) as typeof effect) : effect);
    if (effect.type === 'issue_updated_invoice') Object.assign(payload, await updatedInvoiceFigures(tx, context, titleId));
    payload['customerId'] = customerId;
    payload['titleId'] = titleId;
    queued.push({
      id: context.ids.next('effect'),
      key: `negativation:${negativation.id}:v${negativation.version}:${index}:${effect.type}`,
      kind: NEGATIVATION_EFFECT_KINDS[effect.type],
      payload,
      status: 'pending',
      attempts: 0,
      createdAt: context.nowIso(),
    });
  }
  // One write for the step's effects (one statement on PostgreSQL), in the same transaction as the step.
  await tx.outbox.enqueueMany(queued);
}

/**
 * Seed 000's updated invoice ("valor atualizado, juros e a multa"): the amount
 * owed today by the one owed-amount rule, with its breakdown.
 */
async function updatedInvoiceFigures(tx: StoreTransaction, context: AppContext, invoiceId: string): Promise<Record<string, unknown>> {
  const invoice = await tx.invoices.get(invoiceId);
  if (!invoice) return {};
  const today = context.today();
  const owed = await owedOfInvoice(tx, context, invoice, today, await calculatorOf(tx, context, today, invoice.dueDate));
  return { outstanding: owed.owed, dueDate: invoice.dueDate, breakdown: breakdownOf(owed) };
}

/** The late-charges calculators a transaction built, by day (see {@link calculatorOf}). */
const calculatorsByTransaction = new WeakMap<StoreTransaction, Map<CivilDate, Promise<LateChargesCalculator | undefined>>>();

/**
 * The late-charges calculator for an invoice due on `dueDate`, as of `asOf`:
 * the day's calculator (rate series reaching back six years, what the cycle's
 * ruler and classification use) built once per transaction and day, so a page
 * of registrations approved together reads the rates and compiles the policy
 * once, not once per invoice; an invoice due earlier gets its own.
 */
function calculatorOf(tx: StoreTransaction, context: AppContext, asOf: CivilDate, dueDate: CivilDate): Promise<LateChargesCalculator | undefined> {
  if (dueDate < addYears(asOf, -6)) return owedCalculator(context, asOf, dueDate);
  let byDay = calculatorsByTransaction.get(tx);
  if (byDay === undefined) {
    byDay = new Map();
    calculatorsByTransaction.set(tx, byDay);
  }
  let calculator = byDay.get(asOf);
  if (calculator === undefined) {
    calculator = owedCalculator(context, asOf);
    byDay.set(asOf, calculator);
  }
  return calculator;
}

/** The audit action of each event type, made once (one string each, not a copy per line): a fixed table, no state that grows. */
const AUDIT_ACTIONS: ReadonlyMap<string, string> = new Map(NEGATIVATION_EVENT_TYPES.map((type) => [type, `negativation_${type}`]));

/** The audit action of a negativation event's lines (`negativation_<type>`). */
export function negativationEventAction(eventType: string): string {
  return AUDIT_ACTIONS.get(eventType) ?? `negativation_${eventType}`;
}

/**
 * Applies one event to a stored negativation inside the caller's transaction:
 * the transition (guards and all), the record written back, an audit line on
 * the negativation and its invoice, and the effects put in the outbox. An
 * illegal event or a failed guard aborts the transaction with the domain's error.
 */
export async function applyNegativationEvent(
  tx: StoreTransaction,
  context: AppContext,
  record: NegativationRecord,
  event: NegativationEventInput,
): Promise<NegativationRecord> {
  const result = transition(negativationOf(record), event, { calendar: context.calendar });
  if (result.isErr()) abort(result.error);
  const { negativation, effects } = result.value;
  // Object.assign, not a spread: the same record, without V8's slow clone path on Node 20.
  const next: NegativationRecord = Object.assign({}, record, { version: record.version + 1, status: negativation.status, negativation });
  await tx.negativations.update(next);
  const from = negativationOf(record).status;
  const lines = eventAuditDetails(event, from, negativation.status, record.id);
  await appendNegativationAudit(tx, context, { actor: event.actor, action: negativationEventAction(event.type), negativationId: record.id, invoiceId: record.invoiceId }, lines);
  // Most steps that are not an approval queue nothing (a notice sent, a request): no call, no promise.
  if (effects.length > 0) await enqueueNegativationEffects(tx, context, negativation, record.customerId, effects);
  return next;
}
