import { err, ok, type Result } from 'neverthrow';
import type { CobrancaError } from '../errors.js';
import type { BureauStatusReport, OutboxEffect } from '../ports/index.js';
import { appContext, type AppContext, type Ports } from './dependencies.js';
import { resolvePolicies, type PolicyOptions } from './policies.js';
import { performPendingEffects, type EffectHandler, type GuardedEffectHandler, type OutboxPass } from './outbox.js';
import { toAppError } from './command.js';
import { notifyHandler } from './notify-handler.js';
import { startCollection } from './account/start-collection.js';
import { confirmCollection } from './account/confirm-collection.js';
import { addComment } from './account/comments.js';
import { addAttachment, describeAttachment, removeAttachment } from './account/attachments.js';
import { sendEmail, sendMessage } from './account/messages.js';
import { cancelTask, completeTask, createTask, editTask } from './account/tasks.js';
import { accountHistory, invoiceHistory } from './account/history.js';
import { negotiate } from './agreements/negotiate.js';
import { recordPayment } from './payments/record-payment.js';
import { requestNegativation } from './negativation/request-negativation.js';
import { cancelNegativation, requestRemoval } from './negativation/removal-and-cancel.js';
import { applyBureauReport, negativationEffectHandlers } from './negativation/effect-handlers.js';
import { runDailyCycle } from './cycle/run-daily-cycle.js';

/** Options of {@link createCollections}: the ports, the policies, and handlers for effects only the host can perform. */
export type CollectionsOptions = Ports &
  PolicyOptions & {
    /**
     * Handlers for effects the host performs (`suspend-service`, `protest`,
     * `issue_updated_invoice`, `portal_banner`, `alert_operator` …). Effects
     * with no handler stay pending in the outbox for the host to read.
     */
    readonly effectHandlers?: Readonly<Record<string, EffectHandler>>;
  };

/**
 * Builds the collections application over the host's ports: the daily cycle,
 * the collection account, negotiation, payments and negativation commands.
 * Every command takes `idempotencyKey` and `actor`, validates its input and
 * returns a `Result`; nothing is half-written on an error.
 */
export function createCollections(options: CollectionsOptions) {
  const { store, bureau, notifier, clock, rates, calendar, ids, effectHandlers, ...policyOptions } = options;
  const policies = resolvePolicies(policyOptions, rates, calendar);
  if (policies.isErr()) return err(policies.error);
  const context = appContext({ store, bureau, notifier, clock, rates, calendar, ids }, policies.value);
  const handlers = (at: AppContext): Record<string, EffectHandler | GuardedEffectHandler> => ({ notify: notifyHandler(at), ...negativationEffectHandlers(at), ...effectHandlers });
  return ok({
    /** Runs the daily cycle as of now (or `{ asOf }`): agreements, negativations, the ruler, reconciliation, the outbox. */
    runDailyCycle: (input?: unknown) => runDailyCycle(context, handlers, input),
    /** Performs pending outbox effects now (what the cycle does last). */
    performEffects: (): Promise<Result<OutboxPass, CobrancaError>> => performPendingEffects(context, { handlers: handlers(context) }).then((pass) => ok(pass), (e: unknown) => err(toAppError(e))),
    /** Effects waiting in the outbox (for a host that performs its own kinds by polling). */
    pendingEffects: (limit = 100): Promise<Result<OutboxEffect[], CobrancaError>> => store.transaction((tx) => tx.outbox.pending(limit)).then((effects) => ok(effects), (e: unknown) => err(toAppError(e))),
    startCollection: startCollection(context),
    confirmCollection: confirmCollection(context),
    addComment: addComment(context),
    addAttachment: addAttachment(context),
    describeAttachment: describeAttachment(context),
    removeAttachment: removeAttachment(context),
    sendEmail: sendEmail(context),
    sendMessage: sendMessage(context),
    createTask: createTask(context),
    editTask: editTask(context),
    cancelTask: cancelTask(context),
    completeTask: completeTask(context),
    accountHistory: accountHistory(context),
    invoiceHistory: invoiceHistory(context),
    negotiate: negotiate(context),
    recordPayment: recordPayment(context),
    requestNegativation: requestNegativation(context),
    requestRemoval: requestRemoval(context),
    cancelNegativation: cancelNegativation(context),
    /** Applies a bureau's status report (from its verified webhook or a status query). */
    applyBureauReport: (report: BureauStatusReport) => applyBureauReport(context, report),
  });
}

/** The collections application built by {@link createCollections}. */
export type Collections = ReturnType<typeof createCollections> extends Result<infer C, CobrancaError> ? C : never;
