import type { CivilDate } from '../../calendar/index.js';
import { maskDeep, maskPersonalData } from '../../documents/index.js';
import type { DeferredAction, DueAction, SkippedStep } from '../../ruler/index.js';
import type { ActionLogEntry, CustomerRecord, InvoiceRecord, OutboxEffect, StoreTransaction } from '../../ports/index.js';
import type { CobrancaError } from '../../errors.js';
import type { AppErrorCode } from '../errors.js';
import { attempt } from '../command.js';
import { maskedAuditEntry, recordAudit, recordMaskedAudit, type MaskedDetails } from '../audit.js';
import { compact } from '../compact.js';
import { recipientOf } from '../recipient.js';
import type { AppContext } from '../dependencies.js';
import { addToCollection } from '../account/start-collection.js';
import { accountIdOf, saveAccount } from '../account/account-store.js';
import { eventAppliesIn } from '../../negativation/transition-table.js';
import { applyNegativationEvent, negativationOf } from '../negativation/negativation-store.js';
import { startProtestRequest } from '../protest/request-protest.js';
import { CYCLE_ACTOR } from './actor.js';
import { requestAutomatically, type AutomaticRequest, type AutomaticRequestOutcome } from './automatic-negativation.js';
import type { PlannedBatch } from './batched-writes.js';

export { CYCLE_ACTOR } from './actor.js';

/** What applying one due action produced. */
export type ActionOutcome =
  /** Done now: which invoice and step, under which action-log key, and the effects it queued or state it changed. */
  | { readonly status: 'done'; readonly key: string; readonly invoiceId: string; readonly stepId: string; readonly kind: string; readonly effectKinds: readonly string[] }
  | { readonly status: 'already_done'; readonly key: string }
  /** A negativate step a guard holds back for now (time or missing debtor data): not logged, so it comes back next cycle and happens once allowed. */
  | { readonly status: 'waiting'; readonly key: string; readonly kind: string; readonly invoiceId: string; readonly stepId: string; readonly waiting: Extract<AutomaticRequestOutcome, { status: 'waiting' }> }
  | { readonly status: 'refused'; readonly key: string; readonly kind: string; readonly error: CobrancaError };

interface Step {
  readonly tx: StoreTransaction;
  readonly context: AppContext;
  readonly action: DueAction | DeferredAction;
  readonly today: CivilDate;
  readonly effects: string[];
}

/**
 * The outbox effect of a ruler action of `kind`, its payload complete (with the action's ids), under the action's key
 * (`actionKey`: the evaluator builds `action.key` anew at each read, so the appliers read it once).
 */
function rulerEffect(context: AppContext, actionKey: string, kind: string, payload: Record<string, unknown>, notBefore?: string): OutboxEffect {
  const id = context.ids.next('effect');
  const key = `ruler:${actionKey}:${kind}`;
  const createdAt = context.nowIso();
  return notBefore
    ? { id, key, kind, payload, status: 'pending', attempts: 0, createdAt, notBefore }
    : { id, key, kind, payload, status: 'pending', attempts: 0, createdAt };
}

/** Queues one effect of a ruler action (see {@link rulerEffect}). */
async function enqueue(step: Step, effect: OutboxEffect): Promise<void> {
  await step.tx.outbox.enqueue(effect);
  step.effects.push(effect.kind);
}

/** An operator alert about a ruler action: its fields masked, the action's ids after them. */
function operatorAlert(context: AppContext, action: DueAction | DeferredAction, fields: Record<string, unknown>): OutboxEffect {
  // Object.assign, not a spread of the fields followed by the ids: on Node 20 that spread takes V8's slow path (~2 µs an effect).
  const payload = compact(Object.assign({}, maskDeep(fields) as Record<string, unknown>, { invoiceId: action.invoiceId, customerId: action.customerId, stepId: action.stepId }));
  return rulerEffect(context, action.key, 'alert_operator', payload);
}

/** What a notify step queues: the contact, or (the customer has no address for its channel) an operator alert and the refusal. */
interface NotifyEffect {
  readonly effect: OutboxEffect;
  readonly refusal: CobrancaError<Extract<AppErrorCode, 'missing_contact'>> | undefined;
}

/** The effect of a notify step, from its invoice and customer as they stand ({@link NotifyEffect}). */
function notifyEffect(context: AppContext, due: DueAction | DeferredAction, key: string, action: Extract<DueAction['action'], { kind: 'notify' }>, invoice: InvoiceRecord | undefined, customer: CustomerRecord | undefined): NotifyEffect {
  const channel = action.channel === 'default' ? context.policies.rulerSettings(invoice?.branchId, invoice?.contractId).values.defaultContactType : action.channel;
  const to = recipientOf(customer, channel);
  if (!to) {
    const effect = operatorAlert(context, due, { alert: 'missing_contact', message: `customer ${due.customerId} has no ${channel} contact for step ${due.stepId}` });
    return { effect, refusal: { code: 'missing_contact', message: `customer ${due.customerId} has no ${channel} contact` } };
  }
  const notBefore = 'notBefore' in due ? due.notBefore.instant : undefined;
  // One literal with the ids (the fields a contact may lack dropped by compact), in the order the payload always had.
  const payload = compact({ channel, to, templateId: action.template, text: action.text, openAmount: due.openAmount, daysOverdue: due.daysOverdue, dueDate: invoice?.dueDate, invoiceId: due.invoiceId, customerId: due.customerId, stepId: due.stepId });
  return { effect: rulerEffect(context, key, 'notify', payload, notBefore), refusal: undefined };
}

async function notify(step: Step, action: Extract<DueAction['action'], { kind: 'notify' }>): Promise<CobrancaError<Extract<AppErrorCode, 'missing_contact'>> | undefined> {
  const invoice = await step.tx.invoices.get(step.action.invoiceId);
  const customer = await step.tx.customers.get(step.action.customerId);
  const { effect, refusal } = notifyEffect(step.context, step.action, step.action.key, action, invoice, customer);
  await enqueue(step, effect);
  return refusal;
}

/** The payload of a service step (suspend, reduce, restore): the action's figures and ids. */
function servicePayload(action: DueAction | DeferredAction): Record<string, unknown> {
  return compact({ daysOverdue: action.daysOverdue, openAmount: action.openAmount, invoiceId: action.invoiceId, customerId: action.customerId, stepId: action.stepId });
}

/** The history line of an applied ruler action of `kind` under `key` (its `action.key`, read once; see {@link actionDetails}). */
function actionAudit(action: DueAction | DeferredAction, key: string, kind: string, refused: string | undefined) {
  return { actor: CYCLE_ACTOR, subjectType: 'invoice', subjectId: action.invoiceId, action: `ruler_${kind}`, details: actionDetails({ stepId: action.stepId, key, scheduledFor: action.scheduledFor }, refused) } as const;
}

/** The history line of a logged skipped step (see {@link skippedDetails}). */
function skippedAudit(skipped: SkippedStep) {
  return { actor: CYCLE_ACTOR, subjectType: 'invoice', subjectId: skipped.invoiceId, action: 'ruler_step_skipped', details: skippedDetails(skipped) } as const;
}

/**
 * A due negativate step (automatic registration on) becomes an automatic
 * request through every guard of the negativation module; it waits (not
 * logged, back next cycle) while a guard that heals holds it.
 */
async function negativateStep(tx: StoreTransaction, context: AppContext, action: DueAction | DeferredAction, today: CivilDate): Promise<ActionOutcome> {
  const invoice = await tx.invoices.get(action.invoiceId);
  const settings = context.policies.settingsFor(invoice?.branchId, invoice?.contractId);
  const bureau = action.action.kind === 'negativate' ? action.action.bureau : undefined;
  const authorization = { kind: 'setting', setting: 'registerAutomatically', path: settings.pathOf('registerAutomatically'), rulerId: action.rulerId, stepId: action.stepId } as const;
  // Two literals, not a spread of an optional bureau: no copy through V8's slow path for each step.
  const request: AutomaticRequest =
    bureau === undefined
      ? { key: action.key, stepId: action.stepId, invoiceId: action.invoiceId, customerId: action.customerId, origin: 'automatic', authorization }
      : { key: action.key, stepId: action.stepId, invoiceId: action.invoiceId, customerId: action.customerId, origin: 'automatic', bureau, authorization };
  const outcome = await requestAutomatically(tx, context, request, today);
  if (outcome.status === 'already_done') return { status: 'already_done', key: action.key };
  if (outcome.status === 'waiting') return { status: 'waiting', key: action.key, kind: 'negativate', invoiceId: action.invoiceId, stepId: action.stepId, waiting: outcome };
  await recordMaskedAudit(tx, context, { actor: CYCLE_ACTOR, subjectType: 'invoice', subjectId: action.invoiceId, action: 'ruler_negativate', details: actionDetails(action, outcome.status === 'refused' ? outcome.error.code : undefined) });
  if (outcome.status === 'refused') return { status: 'refused', key: action.key, kind: 'negativate', error: outcome.error };
  return { status: 'done', key: action.key, invoiceId: action.invoiceId, stepId: action.stepId, kind: 'negativate', effectKinds: ['negativation_requested'] };
}

/**
 * The history details of an applied ruler action: its step, key and scheduled date, and the refusal's code
 * when it was refused. One literal of a known shape, every field masked as `maskDeep` would (the property
 * test `masked-audit-details` proves it equal): no deep walk, no spread, for each action.
 */
export function actionDetails(action: Pick<DueAction, 'stepId' | 'key' | 'scheduledFor'>, refused: string | undefined): MaskedDetails {
  const stepId = maskPersonalData(action.stepId);
  const key = maskPersonalData(action.key);
  const scheduledFor = maskPersonalData(action.scheduledFor);
  const details = refused === undefined ? { stepId, key, scheduledFor } : { stepId, key, scheduledFor, refused: maskPersonalData(refused) };
  return details as Readonly<Record<string, unknown>> as MaskedDetails;
}

/** The history details of a logged skipped step, as {@link actionDetails} builds them: its step, the reason, and the step that superseded it, if one did. */
export function skippedDetails(skipped: Pick<SkippedStep, 'stepId' | 'reason' | 'supersededBy'>): MaskedDetails {
  const stepId = maskPersonalData(skipped.stepId);
  const reason = maskPersonalData(skipped.reason);
  const details = skipped.supersededBy === undefined ? { stepId, reason } : { stepId, reason, supersededBy: maskPersonalData(skipped.supersededBy) };
  return details as Readonly<Record<string, unknown>> as MaskedDetails;
}

/** A due protest step becomes a protest request, through every guard of the protest module; a refusal alerts an operator. */
async function protest(step: Step): Promise<CobrancaError | undefined> {
  const result = await attempt(() => startProtestRequest(step.tx, step.context, { idempotencyKey: step.action.key, actor: CYCLE_ACTOR, invoiceId: step.action.invoiceId, reason: `ruler step ${step.action.stepId}` }));
  if (result.ok) {
    step.effects.push('protest_requested');
    return undefined;
  }
  await enqueue(step, operatorAlert(step.context, step.action, { alert: 'protest_refused', message: result.error.message, details: result.error.details }));
  return result.error;
}

async function removeNegativation(step: Step): Promise<CobrancaError | undefined> {
  for (const record of await step.tx.negativations.list({ invoiceId: step.action.invoiceId })) {
    if (!eventAppliesIn(negativationOf(record).status, 'removal_requested')) continue;
    const result = await attempt(() => applyNegativationEvent(step.tx, step.context, record, { type: 'removal_requested', on: step.today, actor: CYCLE_ACTOR, at: step.context.nowIso(), reason: `ruler step ${step.action.stepId}` }));
    if (!result.ok) return result.error;
    step.effects.push('removal_requested');
  }
  return undefined;
}

async function createTask(step: Step, title: string, assignee: string | undefined): Promise<void> {
  const invoice = await step.tx.invoices.get(step.action.invoiceId);
  if (invoice?.status === 'open') await addToCollection(step.tx, step.context, step.action.customerId, [invoice.id], CYCLE_ACTOR);
  const account = await step.tx.accounts.get(accountIdOf(step.action.customerId));
  if (!account) return;
  const task = { id: step.context.ids.next('task'), title, scheduledAt: step.context.nowIso(), assignee: assignee ?? 'unassigned', status: 'open' as const, createdBy: CYCLE_ACTOR, createdAt: step.context.nowIso(), description: `Ruler step ${step.action.stepId} for invoice ${step.action.invoiceId}` };
  await saveAccount(step.tx, account, { tasks: [...account.tasks, task] });
  step.effects.push('task_created');
}

/** The action-log entry of a due action other than a negativate step (those are logged by {@link requestAutomatically} once requested or refused). */
export function dueActionEntry(context: AppContext, action: DueAction | DeferredAction, today: CivilDate): ActionLogEntry {
  return { key: action.key, invoiceId: action.invoiceId, customerId: action.customerId, stepId: action.stepId, action: action.action.kind, on: today, at: context.nowIso() };
}

/** The action-log entry of a skipped step (not a superseded one: see the ruler pass). */
export function skippedStepEntry(context: AppContext, skipped: SkippedStep, today: CivilDate): ActionLogEntry {
  return { key: skipped.key, invoiceId: skipped.invoiceId, customerId: skipped.customerId, stepId: skipped.stepId, action: `skipped:${skipped.reason}`, on: today, at: context.nowIso() };
}

/**
 * Performs the application side of one due ruler action, exactly once: the
 * action log records its key first (a key already there means it was done),
 * then the action's writes and outbox effects follow in the same transaction.
 * A refusal (a missing contact) is logged as done and reported, with an
 * operator alert, so it does not repeat every day. Negativate steps go
 * through {@link requestAutomatically}: logged when requested or finally
 * refused, waiting (not logged) while a guard that heals holds them.
 * `entry`: the action's log entry when the caller built it already ({@link dueActionEntry}).
 */
export async function applyDueAction(tx: StoreTransaction, context: AppContext, action: DueAction | DeferredAction, today: CivilDate, entry?: ActionLogEntry): Promise<ActionOutcome> {
  if (action.action.kind === 'negativate') return negativateStep(tx, context, action, today);
  const fresh = await tx.actionLog.record(entry ?? dueActionEntry(context, action, today));
  if (!fresh) return { status: 'already_done', key: action.key };
  const step: Step = { tx, context, action, today, effects: [] };
  let refusal: CobrancaError | undefined;
  const kind = action.action.kind;
  switch (action.action.kind) {
    case 'notify':
      refusal = await notify(step, action.action);
      break;
    case 'forward_to_collections': {
      const forwarded = forwardedInvoice(await tx.invoices.get(action.invoiceId), today);
      if (forwarded !== undefined) await tx.invoices.update(forwarded);
      step.effects.push('forwarded');
      break;
    }
    case 'remove_negativation':
      refusal = await removeNegativation(step);
      break;
    case 'create_task':
      await createTask(step, action.action.title, action.action.assignee);
      break;
    case 'protest':
      refusal = await protest(step);
      break;
    case 'suspend_service':
    case 'reduce_service':
    case 'restore_service':
      await enqueue(step, rulerEffect(context, action.key, kind, servicePayload(action)));
      break;
  }
  await recordMaskedAudit(tx, context, actionAudit(action, action.key, kind, refusal?.code));
  return refusal ? { status: 'refused', key: action.key, kind, error: refusal } : { status: 'done', key: action.key, invoiceId: action.invoiceId, stepId: action.stepId, kind, effectKinds: step.effects };
}

/**
 * The next version of an invoice a `forward_to_collections` step forwards on `today`, or `undefined` when it
 * stays as it is (gone, not open, forwarded already). Seed 004: the step lands the invoice in "classified"
 * (no contact yet); an operator's selection (startCollection) moves it to "in contact".
 */
function forwardedInvoice(invoice: InvoiceRecord | undefined, today: CivilDate): InvoiceRecord | undefined {
  return invoice?.status === 'open' && invoice.forwardedOn === undefined ? { ...invoice, version: invoice.version + 1, forwardedOn: today } : undefined;
}

/**
 * {@link applyDueAction} of a ruler batch's planned action whose kind writes nothing but its log entry, at most
 * one effect or one update of its invoice, and its history line (a notify step whose invoice and customer the
 * batch read, a service step, a `forward_to_collections` step whose invoice the batch read): the same records,
 * ids and outcome, answered from the batch and kept with its writes ({@link PlannedBatch}), without a promise
 * per step. `undefined` for any other action (apply it with {@link applyDueAction}).
 * `entry`: the action's planned log entry ({@link dueActionEntry}); `today`: the day it is applied on.
 */
export function applyPlannedAction(batch: PlannedBatch, context: AppContext, action: DueAction | DeferredAction, entry: ActionLogEntry, today: CivilDate): ActionOutcome | undefined {
  const due = action.action;
  const kind = due.kind;
  if (kind === 'notify') {
    if (!batch.invoices.has(action.invoiceId) || !batch.customers.has(action.customerId)) return undefined;
  } else if (kind === 'forward_to_collections') {
    if (!batch.invoices.has(action.invoiceId)) return undefined;
  } else if (kind !== 'suspend_service' && kind !== 'reduce_service' && kind !== 'restore_service') return undefined;
  // The entry's key is the action's (dueActionEntry), built once.
  const key = entry.key;
  if (!batch.record(entry)) return { status: 'already_done', key };
  if (kind === 'forward_to_collections') {
    const forwarded = forwardedInvoice(batch.invoices.get(action.invoiceId), today);
    if (forwarded !== undefined) batch.updateInvoice(forwarded);
    batch.audit(maskedAuditEntry(context, actionAudit(action, key, kind, undefined)));
    return { status: 'done', key, invoiceId: action.invoiceId, stepId: action.stepId, kind, effectKinds: ['forwarded'] };
  }
  const { effect, refusal } =
    due.kind === 'notify'
      ? notifyEffect(context, action, key, due, batch.invoices.get(action.invoiceId), batch.customers.get(action.customerId))
      : { effect: rulerEffect(context, key, kind, servicePayload(action)), refusal: undefined };
  batch.enqueue(effect);
  batch.audit(maskedAuditEntry(context, actionAudit(action, key, kind, refusal?.code)));
  return refusal ? { status: 'refused', key, kind, error: refusal } : { status: 'done', key, invoiceId: action.invoiceId, stepId: action.stepId, kind, effectKinds: [effect.kind] };
}

/**
 * Logs a skipped step (a reminder after the due date, a stale step, a negativation already in progress) so it
 * is not reconsidered, with a history entry. Superseded steps are logged by the ruler pass, one entry per
 * invoice and superseding step (see {@link auditSuperseded}). `entry`: its log entry when the caller built it already ({@link skippedStepEntry}).
 */
export async function logSkippedStep(tx: StoreTransaction, context: AppContext, skipped: SkippedStep, today: CivilDate, entry?: ActionLogEntry): Promise<boolean> {
  const fresh = await tx.actionLog.record(entry ?? skippedStepEntry(context, skipped, today));
  if (fresh) await recordMaskedAudit(tx, context, skippedAudit(skipped));
  return fresh;
}

/** {@link logSkippedStep} of a ruler batch's planned skip, answered from the batch and kept with its writes ({@link PlannedBatch}). */
export function logPlannedSkip(batch: PlannedBatch, context: AppContext, skipped: SkippedStep, entry: ActionLogEntry): boolean {
  const fresh = batch.record(entry);
  if (fresh) batch.audit(maskedAuditEntry(context, skippedAudit(skipped)));
  return fresh;
}

/** One history entry for the earlier steps a later step superseded on an invoice: a catch-up of 100 steps writes one, not 99. */
export async function auditSuperseded(tx: StoreTransaction, context: AppContext, invoiceId: string, supersededBy: string, stepIds: readonly string[]): Promise<void> {
  await recordAudit(tx, context, { actor: CYCLE_ACTOR, subjectType: 'invoice', subjectId: invoiceId, action: 'ruler_steps_superseded', details: { supersededBy, stepIds } });
}
