import { err, ok, type Result } from 'neverthrow';
import type { BureauAnswer, BureauStatusReport, NegativationRecord, StoreTransaction } from '../../ports/index.js';
import { isRemovalUnderWay } from '../../lifecycle/index.js';
import { bureauAnswerEvent, bureauReportEvent } from './bureau-report.js';
import type { NegativationEventInput } from '../../negativation/index.js';
import { formatTaxId } from '../../documents/index.js';
import { attempt, toAppError } from '../command.js';
import { recipientOf } from '../recipient.js';
import { gatewayOf, type AppContext } from '../dependencies.js';
import type { EffectHandler, GuardedEffectHandler } from '../outbox.js';
import { applyNegativationEvent, negativationOf } from './negativation-store.js';
import type { CollectionsError } from '../errors.js';

type Step = (record: NegativationRecord) => NegativationEventInput | undefined;

/**
 * Applies follow-up events to a negativation after a port call succeeded, each
 * only if it still applies (a rerun after a crash finds them applied and does nothing).
 */
async function follow(context: AppContext, negativationId: string, steps: readonly Step[]): Promise<void> {
  await context.store.transaction(async (tx) => {
    let record = await tx.negativations.get(negativationId);
    for (const step of steps) {
      if (!record) break;
      const event = step(record);
      if (event) record = await applyNegativationEvent(tx, context, record, event);
    }
  });
}

function common(context: AppContext, actor: string) {
  return { on: context.today(), actor, at: context.nowIso() };
}

/** What a prior notice sent: the negativations it named and the notifier's message id (its proof of posting). */
interface NoticeSent {
  readonly records: readonly NegativationRecord[];
  readonly channel: 'letter' | 'email' | 'sms';
  readonly messageId: string;
}

/**
 * Sends the prior notice through the notifier, then records `notice_sent` with the proof of posting (the notifier's
 * message id), in the transaction that settles the effect, with the other notices of its page (see
 * {@link GuardedEffectHandler}). For several titles in one registration (seed 000) one notice names every title still
 * waiting for it, and `notice_sent` is recorded on each; the other titles' own notice effects then find their notice
 * sent and do nothing.
 */
function sendNotice(context: AppContext): GuardedEffectHandler<NoticeSent | undefined> {
  return {
    readAhead: async (tx, effects) => {
      // What perform reads for the page's notices, at once: their negativations and customers, and the negativations of
      // the customers with a registration of several titles (its other titles).
      const negativationIds: string[] = [];
      const customerIds: string[] = [];
      for (const { payload } of effects) {
        if (typeof payload['negativationId'] === 'string') negativationIds.push(payload['negativationId']);
        if (typeof payload['customerId'] === 'string') customerIds.push(payload['customerId']);
      }
      const [records] = await Promise.all([tx.negativations.getMany(negativationIds), tx.customers.getMany(customerIds)]);
      const registered = records.flatMap((record) => (record.status === 'processing' && negativationOf(record).registration !== undefined ? [record.customerId] : []));
      if (registered.length > 0) await tx.negativations.listFor('customerId', registered);
    },
    // A notice no longer awaited is done without a message (perform finds nothing to send), as before pages.
    obsolete: () => Promise.resolve(undefined),
    perform: async (effect, tx) => {
      const { negativationId, channel, customerId } = effect.payload as { negativationId: string; channel: 'letter' | 'email' | 'sms'; customerId: string };
      const customer = await tx.customers.get(customerId);
      const records = await awaitingNotice(tx, negativationId);
      const first = records[0];
      if (!customer || !first) return undefined;
      const negativation = negativationOf(first);
      const to = recipientOf(customer, channel);
      if (!to) throw new Error(`customer ${customer.id} has no ${channel === 'letter' ? 'postal address' : channel} for the prior notice`);
      const { registration } = negativation;
      const { messageId } = await context.notifier.send({
        key: effect.key,
        channel,
        customerId,
        to,
        templateId: 'negativation-prior-notice',
        data: {
          negativationId,
          creditor: context.policies.creditor.name,
          creditorDocument: context.policies.creditor.document,
          titleId: negativation.title.id,
          amount: negativation.outstanding,
          dueDate: negativation.title.dueDate,
          debtorDocument: formatTaxId(negativation.debtor.document),
          // The titles listed only for a registration of several (not built for every notice).
          ...(registration !== undefined ? { registrationId: registration.id, titles: records.map((r) => ({ titleId: negativationOf(r).title.id, amount: negativationOf(r).outstanding, dueDate: negativationOf(r).title.dueDate })) } : {}),
        },
      });
      return { records, channel, messageId };
    },
    async record(tx, _effect, sent) {
      if (sent === undefined) return;
      const { channel, messageId } = sent;
      // Read in this transaction by perform, just before: each record is current (an earlier notice of the page wrote through the same transaction).
      for (const record of sent.records) {
        if (record.status !== 'processing' || postedAs(negativationOf(record).notices, messageId)) continue;
        // A literal with `common`'s fields written out (type, on, actor, at, then the notice's): no spread of a fresh object per notice.
        await applyNegativationEvent(tx, context, record, { type: 'notice_sent', on: context.today(), actor: 'system', at: context.nowIso(), channel, proofOfPosting: messageId });
      }
    },
  };
}

/** Whether a notice with this proof of posting is recorded (an indexed loop: `some` over a stored, frozen array takes V8's slow path on Node 20). */
function postedAs(notices: readonly { readonly proofOfPosting?: string }[], messageId: string): boolean {
  for (let i = 0; i < notices.length; i++) if ((notices[i] as { readonly proofOfPosting?: string }).proofOfPosting === messageId) return true;
  return false;
}

/**
 * The negativations one notice goes to: this one, and for a registration of several titles every title of it that is
 * still waiting for its notice (processing, no notice sent yet). Empty when this one no longer waits for a notice.
 */
async function awaitingNotice(tx: StoreTransaction, negativationId: string): Promise<NegativationRecord[]> {
  const record = await tx.negativations.get(negativationId);
  if (!record || record.status !== 'processing') return [];
  const negativation = negativationOf(record);
  const registration = negativation.registration;
  if (registration === undefined) return [record];
  if (negativation.notices.length > 0) return [];
  const together = (await tx.negativations.list({ customerId: record.customerId })).filter(
    (other) => other.id !== record.id && negativationOf(other).registration?.id === registration.id && other.status === 'processing' && negativationOf(other).notices.length === 0,
  );
  return [record, ...together];
}

/**
 * Submits a registration to the bureau. `submitted` is recorded first (its
 * guards run again: a debt that reached its age limit or was paid meanwhile is
 * not sent, and the negativation fails with an operator alert), so a payment or
 * cancellation that arrives while the bureau is being called finds the
 * registration in flight and requests its removal. Then the bureau's answer is
 * recorded if it still applies.
 */
function submitToBureau(context: AppContext): EffectHandler {
  return async (effect) => {
    const { negativationId } = effect.payload as { negativationId: string };
    const inFlight = await context.store.transaction(async (tx) => {
      const record = await tx.negativations.get(negativationId);
      if (!record || record.status !== 'processing') return record;
      const submitted = await attempt(() => applyNegativationEvent(tx, context, record, { type: 'submitted', ...common(context, 'system') }));
      if (submitted.ok) return submitted.value;
      return applyNegativationEvent(tx, context, record, { type: 'failure', ...common(context, 'system'), reason: `submission refused: ${submitted.error.message}` });
    });
    if (!inFlight || inFlight.status !== 'awaiting_return') return;
    const negativation = negativationOf(inFlight);
    const answer: BureauAnswer = await gatewayOf(context, negativation.bureau).register({
      key: effect.key,
      negativationId,
      bureau: negativation.bureau,
      debtor: { taxId: negativation.debtor.document.number, kind: negativation.debtor.document.kind, name: negativation.debtor.name, address: negativation.debtor.address, ...(negativation.debtor.birthDate ? { birthDate: negativation.debtor.birthDate } : {}) },
      creditor: { taxId: negativation.creditor.document.number, name: negativation.creditor.name },
      title: negativation.title.id,
      amount: negativation.outstanding,
      dueDate: negativation.title.dueDate,
      ...(negativation.registration !== undefined ? { registration: negativation.registration } : {}),
    });
    await follow(context, negativationId, [(r) => bureauAnswerEvent(negativationOf(r), answer, common(context, negativation.bureau), context.calendar)]);
  };
}

/** Asks the bureau to remove a registration and, once it confirms, records `bureau_removed`. */
function requestRemoval(context: AppContext): EffectHandler {
  return async (effect) => {
    const { negativationId, reason } = effect.payload as { negativationId: string; reason: string };
    const record = await context.store.transaction((tx) => tx.negativations.get(negativationId));
    if (!record) return;
    const negativation = negativationOf(record);
    if (!isRemovalUnderWay(negativation.status)) return;
    const answer = await gatewayOf(context, negativation.bureau).remove({
      key: effect.key,
      negativationId,
      bureau: negativation.bureau,
      reason,
      on: context.today(),
      ...(negativation.bureauReference ? { protocol: negativation.bureauReference } : {}),
    });
    if (answer.outcome === 'rejected') throw new Error(`the bureau refused the removal: ${answer.reason}`);
    if (answer.outcome !== 'accepted') return;
    const removed: BureauStatusReport = { negativationId, status: 'removed', at: context.nowIso() };
    await follow(context, negativationId, [(r) => (isRemovalUnderWay(negativationOf(r).status) ? bureauReportEvent(negativationOf(r), removed, common(context, negativation.bureau), context.calendar) : undefined)]);
  };
}

/** The handlers of the effects the library performs itself: prior notices, bureau submissions and removals. */
export function negativationEffectHandlers(context: AppContext): Record<string, EffectHandler | GuardedEffectHandler> {
  return {
    negativation_notice: sendNotice(context),
    bureau_register: submitToBureau(context),
    bureau_remove: requestRemoval(context),
  };
}

/**
 * Applies what a bureau reported (a webhook the bureau adapter verified, or a
 * status query): registered → accepted, rejected, removed. A report that no
 * longer applies (already recorded) changes nothing.
 */
export async function applyBureauReport(context: AppContext, report: BureauStatusReport): Promise<Result<void, CollectionsError>> {
  try {
    await follow(context, report.negativationId, [(r) => bureauReportEvent(negativationOf(r), report, common(context, negativationOf(r).bureau), context.calendar)]);
    return ok(undefined);
  } catch (error) {
    return err(toAppError(error));
  }
}
