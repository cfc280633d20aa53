import { err, ok, type Result } from 'neverthrow';
import { cobrancaError, type CobrancaError, type InputOf } from '../errors.js';
import type { BureauGateway, BureauStatusReport, OutboxEffect } from '../ports/index.js';
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
import { negotiate, previewAgreement } from './agreements/negotiate.js';
import { cancelAgreement } from './agreements/cancel-agreement.js';
import { agreementCategories } from './registers/categories.js';
import { emailTemplates } from './registers/email-templates.js';
import { classifyNow } from './cycle/classify-pass.js';
import { recordPayment } from './payments/record-payment.js';
import { owedNow } from './payments/owed-now.js';
import { recordDispute, resolveDispute } from './disputes/disputes.js';
import { importReturnFile } from './payments/import-return-file.js';
import { requestNegativation } from './negativation/request-negativation.js';
import { recordNoticeRead } from './negativation/notice-read.js';
import { cancelNegativation, requestRemoval } from './negativation/removal-and-cancel.js';
import { applyBureauReport, negativationEffectHandlers } from './negativation/effect-handlers.js';
import type { dailyCycleInputSchema} from './cycle/run-daily-cycle.js';
import { runDailyCycle } from './cycle/run-daily-cycle.js';
import { FOLLOWED_UP_KINDS, recordTookEffect } from './cycle/took-effect.js';
import { settleEffect } from './effects/settle-effect.js';
import { upsertCustomers } from './imports/upsert-customers.js';
import { upsertInvoices } from './imports/upsert-invoices.js';
import { requestProtest } from './protest/request-protest.js';
import { addToSpcControl, convertSpcControl, removeFromSpcControl } from './spc-control/spc-control.js';
import { recordProtestEvent } from './protest/record-protest-event.js';
import type { CollectionsError } from './errors.js';

/** Options of {@link createCollections}: the ports, the policies, and handlers for effects only the host can perform. */
export type CollectionsOptions = Omit<Ports, 'bureaus'> &
  PolicyOptions & {
    /** The bureau gateways by name (`{ serasa: gateway, spc: other }`); the setting `bureau` names the one each branch registers with. */
    readonly bureaus?: Readonly<Record<string, BureauGateway>>;
    /** Shorthand for one gateway, named by the general setting `bureau` (`'serasa'` when it names none). */
    readonly bureau?: BureauGateway;
    /**
     * Handlers for effects the host performs (`suspend_service`, `notary_submit`, `letter_of_consent`,
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
 * @example
 * ```ts
 * import { brazilianCalendar, createCollections } from 'cobranca';
 * import { MemoryStore } from 'cobranca/adapters/memory';
 * import { fakeBureau, manualClock, recordingNotifier, sequentialIds, staticRates } from 'cobranca/testing';
 *
 * // The fakes of cobranca/testing stand in for your adapters; in production: your store, bureau gateway, notifier, systemClock() …
 * const ports = {
 *   store: new MemoryStore(), bureau: fakeBureau(), notifier: recordingNotifier(), rates: staticRates(), ids: sequentialIds(),
 *   clock: manualClock('2026-11-24T10:00:00-03:00'), calendar: brazilianCalendar({ state: 'SP' }),
 * };
 * const creditor = { id: 'acme', name: 'ACME Telecom Ltda', document: '11.222.333/0001-81' };
 * const ruler = { id: 'padrao', steps: [
 *   { id: 'lembrete', offsetDays: -3, action: { kind: 'notify', channel: 'email', template: 'lembrete' } },
 *   { id: 'atraso', offsetDays: 1, action: { kind: 'notify', channel: 'sms', template: 'atraso', text: 'ACME: sua fatura venceu. Pague pelo PIX.' } },
 *   { id: 'negativar', offsetDays: 15, action: { kind: 'negativate' } },
 * ] } as const;
 *
 * const built = createCollections({ ...ports, creditor, ruler, settings: { general: { registerAutomatically: 'yes', minimumDaysOverdue: 15 } } });
 * built.match(
 *   (app) => console.log(typeof app.runDailyCycle),
 *   (error) => console.log(error.code, error.message),
 * );
 * const typo = createCollections({ ...ports, creditor, ruler, settings: { general: { minimumDaysOverdu: 15 } } as never });
 * if (typo.isErr()) console.log(typo.error.code, typo.error.path?.join('.'));
 * // → function
 * // → invalid_input settings.general.minimumDaysOverdu
 * ```
 */
export function createCollections(options: CollectionsOptions) {
  // Checked before the destructuring below: a string's rest spread would copy each of its characters into the policy options.
  if (typeof options !== 'object' || options === null || Array.isArray(options)) return err(cobrancaError('invalid_input', `createCollections expects an options object (store, clock, bureau, creditor …), got ${options === null ? 'null' : Array.isArray(options) ? 'an array' : typeof options}`));
  const { store, bureau, bureaus: named, notifier, clock, rates, calendar, ids, effectHandlers, ...policyOptions } = options;
  const bureaus = gatewaysOf(bureau, named, policyOptions.settings);
  if (bureaus.isErr()) return err(bureaus.error);
  const policies = resolvePolicies(policyOptions, Object.keys(bureaus.value), rates, calendar);
  if (policies.isErr()) return err(policies.error);
  const context = appContext({ store, bureaus: bureaus.value, notifier, clock, rates, calendar, ids }, policies.value);
  const handlers = (at: AppContext): Record<string, EffectHandler | GuardedEffectHandler> => ({ notify: notifyHandler(at), ...negativationEffectHandlers(at), ...recordingTookEffect(at, effectHandlers) });
  return ok({
    /**
     * Runs the daily cycle as of now (or `{ asOf }`): agreements, negativations, the ruler, reconciliation, the outbox.
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
     * const report = await app.runDailyCycle(); // run it daily (and on demand): idempotent, crash-safe
     * report.match(
     *   (day) => console.log(day.asOf.date, day.ruler.done.map((action) => `${action.invoiceId} ${action.stepId}`)),
     *   (error) => console.log(error.code, error.message),
     * );
     * // → 2026-11-24 [ 'inv-1 atraso' ]
     * ```
     */
    runDailyCycle: (input?: InputOf<typeof dailyCycleInputSchema>) => runDailyCycle(context, handlers, input),
    /**
     * Performs pending outbox effects now (what the cycle does last).
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
     * await app.startCollection({ idempotencyKey: 'op-0', actor: 'operator.ana', customerId: 'c-1', invoiceIds: ['inv-1'] });
     * await app.sendEmail({ idempotencyKey: 'op-1', actor: 'operator.ana', customerId: 'c-1', to: ['maria.souza@exemplo.com.br'], subject: 'Fatura em aberto', text: 'Olá, Maria. Sua fatura de R$ 373,52 venceu.' });
     * const pass = await app.performEffects(); // sends now, inside the contact window, instead of waiting for the cycle
     * if (pass.isOk()) console.log(pass.value.counts.performed, pass.value.performed.map((effect) => effect.kind));
     * // → 1 [ 'notify' ]
     * ```
     */
    performEffects: (): Promise<Result<OutboxPass, CollectionsError>> => performPendingEffects(context, { handlers: handlers(context) }).then((pass) => ok(pass), (e: unknown) => err(toAppError(e))),
    /**
     * Effects waiting in the outbox (for a host that performs its own kinds by polling).
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
     * await app.requestNegativation({ idempotencyKey: 'neg-1', actor: 'operator.ana', invoiceId: 'inv-1', termsAcceptance: { acceptedBy: 'operator.ana', acceptedAt: '2026-11-24T10:00:00-03:00', version: 'v1' } });
     * await app.runDailyCycle();
     * const pending = await app.pendingEffects(); // kinds with no handler wait here for the host (see settleEffect)
     * if (pending.isOk()) for (const effect of pending.value) console.log(effect.kind, effect.status);
     * // → issue_updated_invoice pending
     * // → portal_banner pending
     * ```
     */
    pendingEffects: (limit = 100): Promise<Result<OutboxEffect[], CollectionsError>> => store.transaction((tx) => tx.outbox.pending(limit)).then((effects) => ok(effects), (e: unknown) => err(toAppError(e))),
    /** The host tells that it performed (`done`) or gave up on (`failed`) an effect it read with `pendingEffects`. */
    settleEffect: settleEffect(context),
    /** Creates or replaces up to 1,000 customers at once (a host's import or sync), all or nothing; a bad row's error names its index. */
    upsertCustomers: upsertCustomers(context),
    /** Creates or replaces up to 1,000 invoices at once, all or nothing; a paid invoice or one in an agreement keeps its amount, due date and status. */
    upsertInvoices: upsertInvoices(context),
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
    /** Computes the agreement a negotiation would make (plan, installments, capped fine) and writes nothing. */
    previewAgreement: previewAgreement(context),
    negotiate: negotiate(context),
    /** An operator cancels an active agreement with a reason; its invoices return to collection. */
    cancelAgreement: cancelAgreement(context),
    ...agreementCategories(context),
    ...emailTemplates(context),
    /**
     * Seed 004's "run the classifier now": reads the portfolio and returns the panels and charts; writes and sends nothing.
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
     * await app.startCollection({ idempotencyKey: 'op-1', actor: 'operator.ana', customerId: 'c-1', invoiceIds: ['inv-1'] });
     * const classified = await app.classifyNow();
     * if (classified.isOk()) {
     *   const { inContact } = classified.value.panels;
     *   console.log(inContact.invoices, inContact.owed.cents, inContact.invoiceIds);
     * }
     * // → 1 37352 [ 'inv-1' ]
     * ```
     */
    classifyNow: () => classifyNow(context),
    /** What an invoice owes on a day (today by default), with its breakdown: the amount to charge before `recordPayment`. Read-only. */
    owedNow: owedNow(context),
    recordPayment: recordPayment(context),
    /** The debtor contests an open invoice: the ruler and negativation stop for it until {@link resolveDispute} (CDC arts. 42 and 43). */
    recordDispute: recordDispute(context),
    /** Ends a dispute: `upheld` resumes collection, `dropped` cancels the invoice. */
    resolveDispute: resolveDispute(context),
    /** Reads a bank return file (CNAB 240/400) and records each liquidation once, with its credit date; bad lines are reported by number. */
    importReturnFile: importReturnFile(context),
    requestNegativation: requestNegativation(context),
    requestRemoval: requestRemoval(context),
    cancelNegativation: cancelNegativation(context),
    /** Records the e-mail provider's read receipt of a prior notice (seed 000; `email_then_bureau_letter` mode). */
    recordNoticeRead: recordNoticeRead(context),
    /** Seed 004: puts an agreement's unpaid invoice in the internal SPC control (no notice, no bureau). */
    addToSpcControl: addToSpcControl(context),
    /** Seed 004: takes an invoice out of the internal SPC control. */
    removeFromSpcControl: removeFromSpcControl(context),
    /** Turns an internal SPC record into a real registration request, through the usual guards. */
    convertSpcControl: convertSpcControl(context),
    /** Sends an invoice to protest (Lei 9.492/1997) through the protest guards. */
    requestProtest: requestProtest(context),
    /** Records what the notary reported, or the creditor's letter of consent, cancellation or withdrawal request. */
    recordProtestEvent: recordProtestEvent(context),
    /**
     * Applies a bureau's status report (from its verified webhook or a status query).
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
     * // The bureau's webhook (verified with parseBureauWebhook from cobranca/adapters/bureau-http) says it removed the registration.
     * await app.requestNegativation({ idempotencyKey: 'neg-1', actor: 'operator.ana', invoiceId: 'inv-1', termsAcceptance: { acceptedBy: 'operator.ana', acceptedAt: '2026-11-24T10:00:00-03:00', version: 'v1' } });
     * await app.runDailyCycle();
     * clock.set('2026-12-04T10:00:00-03:00'); // the notice's ten days are over: the cycle registers it
     * await app.runDailyCycle();
     * const applied = await app.applyBureauReport({ negativationId: 'negativation-1', status: 'removed', reason: 'pagamento', at: '2026-12-05T09:00:00-03:00' });
     * if (applied.isErr()) console.log(applied.error.code, applied.error.message);
     * const history = await app.invoiceHistory('inv-1');
     * if (history.isOk()) console.log(history.value.at(-1)?.action);
     * // → negativation_bureau_removed
     * ```
     */
    applyBureauReport: (report: BureauStatusReport) => applyBureauReport(context, report),
  });
}

/**
 * The host's handlers, those of service cuts recording when the cut took
 * effect (the ruler's `restore_service` follows a suspension the host
 * performed, not one merely asked for).
 */
function recordingTookEffect(context: AppContext, handlers: Readonly<Record<string, EffectHandler>> | undefined): Record<string, EffectHandler> {
  const out: Record<string, EffectHandler> = { ...handlers };
  for (const kind of FOLLOWED_UP_KINDS) {
    const perform = handlers?.[kind];
    if (!perform) continue;
    out[kind] = async (effect) => {
      const result = await perform(effect);
      await recordTookEffect(context, effect);
      return result;
    };
  }
  return out;
}

function gatewaysOf(single: BureauGateway | undefined, named: Readonly<Record<string, BureauGateway>> | undefined, settings: unknown): Result<Readonly<Record<string, BureauGateway>>, CollectionsError> {
  if (single !== undefined && named !== undefined) return err(cobrancaError('invalid_input', 'give either `bureau` (one gateway) or `bureaus` (by name), not both', { path: ['bureau'] }));
  if (named !== undefined) {
    if (typeof named !== 'object' || named === null || Object.keys(named).length === 0) return err(cobrancaError('invalid_input', 'give at least one bureau gateway', { path: ['bureaus'] }));
    return ok(named);
  }
  if (single === undefined) return err(cobrancaError('invalid_input', 'a bureau gateway is required (`bureau` or `bureaus`)', { path: ['bureaus'] }));
  const general = settings !== null && typeof settings === 'object' ? (settings as { general?: { bureau?: unknown } }).general : undefined;
  const name = typeof general?.bureau === 'string' && general.bureau !== 'default' ? general.bureau.trim() : 'serasa';
  return ok({ [name]: single });
}

/** The collections application built by {@link createCollections}. */
export type Collections = ReturnType<typeof createCollections> extends Result<infer C, CobrancaError> ? C : never;
