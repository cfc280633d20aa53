import type { ProtestRecord, StoreTransaction } from '../../ports/index.js';
import { keyOfProtest, transitionProtest, type Protest, type ProtestEffect, type ProtestEventInput } from '../../protest/index.js';
import { abort, notFound } from '../command.js';
import { recordAudit } from '../audit.js';
import type { AppContext } from '../dependencies.js';

/** The domain protest inside a stored record. */
export function protestOf(record: ProtestRecord): Protest {
  return record.protest;
}

/** Reads a protest record, aborting with `not_found`. */
export async function requireProtest(tx: StoreTransaction, id: string): Promise<ProtestRecord> {
  const record = await tx.protests.get(id);
  if (!record) abort(notFound('protest', id, ['protestId']));
  return record;
}

/** The stored record of a new protest. */
export function newProtestRecord(protest: Protest, customerId: string): ProtestRecord {
  return { id: protest.id, version: 1, customerId, invoiceId: protest.title.id, uniqueKey: keyOfProtest(protest), status: protest.status, protest };
}

/**
 * The outbox kind each protest effect becomes. None is performed by the
 * library: the host reaches its notary (e.g. through the notaries' central)
 * with an effect handler, or reads them with `pendingEffects`.
 */
export const PROTEST_EFFECT_KINDS: Readonly<Record<ProtestEffect['type'], string>> = {
  submit_to_notary: 'notary_submit',
  request_withdrawal: 'notary_withdraw',
  request_cancellation: 'notary_cancel',
  issue_letter_of_consent: 'letter_of_consent',
  alert_operator: 'alert_operator',
};

/** Puts a protest's effects in the outbox, keyed by protest, version and position (a replay enqueues nothing). */
export async function enqueueProtestEffects(tx: StoreTransaction, context: AppContext, protest: Protest, customerId: string, effects: readonly ProtestEffect[]): Promise<void> {
  for (const [index, effect] of effects.entries()) {
    await tx.outbox.enqueue({
      id: context.ids.next('effect'),
      key: `protest:${protest.id}:v${protest.version}:${index}:${effect.type}`,
      kind: PROTEST_EFFECT_KINDS[effect.type],
      payload: { ...effect, customerId, titleId: protest.title.id, notary: protest.notary },
      status: 'pending',
      attempts: 0,
      createdAt: context.nowIso(),
    });
  }
}

/**
 * Applies one event to a stored protest inside the caller's transaction: the
 * transition (guards and all), the record written back, an audit line on the
 * protest and its invoice, the effects in the outbox. A refused event aborts
 * the transaction with the domain's error.
 */
export async function applyProtestEvent(tx: StoreTransaction, context: AppContext, record: ProtestRecord, event: ProtestEventInput): Promise<ProtestRecord> {
  const result = transitionProtest(protestOf(record), event, { calendar: context.calendar });
  if (result.isErr()) abort(result.error);
  const { protest, effects } = result.value;
  const next: ProtestRecord = { ...record, version: record.version + 1, status: protest.status, protest };
  await tx.protests.update(next);
  const details = { event: event.type, from: record.status, to: protest.status, ...(event.reason ? { reason: event.reason } : {}) };
  await recordAudit(tx, context, { actor: event.actor, subjectType: 'protest', subjectId: record.id, action: `protest_${event.type}`, details });
  await recordAudit(tx, context, { actor: event.actor, subjectType: 'invoice', subjectId: record.invoiceId, action: `protest_${event.type}`, details: { ...details, protestId: record.id } });
  await enqueueProtestEffects(tx, context, protest, record.customerId, effects);
  return next;
}
