import type { CivilDate } from '../../calendar/index.js';
import { maskDeep, maskPersonalData } from '../../documents/index.js';
import type { CobrancaError } from '../../errors.js';
import { NOTICE_MODES, refusalVerdict, type GuardViolation, type Negativation, type NegativationEventInput, type RequestOrigin } from '../../negativation/index.js';
import type { StoreTransaction } from '../../ports/index.js';
import { attempt } from '../command.js';
import { recordAudit } from '../audit.js';
import type { AppContext } from '../dependencies.js';
import type { CollectionsError } from '../errors.js';
import { startRequest, type RequestAuthorization } from '../negativation/request-negativation.js';
import { CYCLE_ACTOR } from './actor.js';

/** What asking for an automatic registration came to. */
export type AutomaticRequestOutcome =
  | { readonly status: 'requested'; readonly negativationId: string }
  | { readonly status: 'already_done' }
  /** A guard that time heals (minimum days overdue): asked again every cycle, it happens once it passes. */
  | { readonly status: 'waiting'; readonly reason: 'time'; readonly guards: readonly string[]; readonly allowedFrom?: CivilDate }
  /** Debtor data missing (seed 000): asked again once the customer record changes. */
  | { readonly status: 'waiting'; readonly reason: 'debtor_data'; readonly missing: readonly string[] }
  /** A refusal that will not heal (too old, duplicate, disputed, paid …): final, logged, an operator alerted. */
  | { readonly status: 'refused'; readonly error: CobrancaError };

/** One automatic request: the action-log key it happens under, the invoice, what authorised it. */
export interface AutomaticRequest {
  readonly key: string;
  readonly stepId: string;
  readonly invoiceId: string;
  readonly customerId: string;
  readonly origin: RequestOrigin;
  readonly bureau?: string;
  readonly authorization: RequestAuthorization;
}

/** The automatic analysis's reason, by notice mode, made once (one string each, not a copy per negativation kept in its history): a fixed table, no state that grows. */
const ANALYSIS_REASONS: ReadonlyMap<string, string> = new Map(NOTICE_MODES.map((mode) => [mode, analysisReasonText(mode)]));

function analysisReasonText(noticeMode: string): string {
  return `automatic analysis: request guards passed; notice mode ${noticeMode}`;
}

/**
 * The daily cycle's automatic analysis of a negativation in analysis: `analysis_approved` on `today` at the cycle's
 * instant, by the cycle, with the reason naming its notice mode. The one event the negativation pass approves with and
 * the cycle's own requests are approved with as they are made. Built as a literal (no object spread on this path).
 */
export function automaticAnalysisEvent(negativation: Negativation, today: CivilDate, at: string): NegativationEventInput {
  const mode = negativation.settings.noticeMode;
  return { type: 'analysis_approved', on: today, actor: CYCLE_ACTOR, at, reason: ANALYSIS_REASONS.get(mode) ?? analysisReasonText(mode) };
}

/** The negativations each cycle's context requested and approved at once, by that context (one per cycle run). */
const approvedByCycle = new WeakMap<AppContext, Set<string>>();

/**
 * Takes the ids of the negativations the cycle running with `context` requested and approved in the same write (see
 * {@link requestAutomatically}): the negativation pass reports them as its approvals and does not read them again.
 * A second call answers an empty set.
 */
export function takeApprovedOnRequest(context: AppContext): ReadonlySet<string> {
  const approved = approvedByCycle.get(context);
  approvedByCycle.delete(context);
  return approved ?? new Set();
}

/** The action-log key under which a request that waits for the customer's data (at this version of the record) is logged. */
export function debtorDataKey(requestKey: string, customerVersion: number | undefined): string {
  return `${requestKey}#debtor-data@v${customerVersion ?? 0}`;
}

/**
 * Reads at once what each of these requests reads one by one in {@link requestAutomatically} (its key and its
 * debtor-data key in the action log, its customer, the customer's negativations, the invoice's payments), in the
 * transaction the requests then run in: a store that keeps what a transaction read (the PostgreSQL store) answers the
 * requests without a round trip each; another store reads them twice.
 */
export async function readAheadRequests(tx: StoreTransaction, requests: readonly Pick<AutomaticRequest, 'key' | 'invoiceId' | 'customerId'>[]): Promise<void> {
  if (requests.length === 0) return;
  const customerIds = requests.map((request) => request.customerId);
  const [customers] = await Promise.all([
    tx.customers.getMany(customerIds),
    tx.negativations.listFor('customerId', customerIds),
    tx.payments.listFor('invoiceId', requests.map((request) => request.invoiceId)),
  ]);
  const versions = new Map(customers.map((customer) => [customer.id, customer.version]));
  await tx.actionLog.hasMany(requests.flatMap((request) => [request.key, debtorDataKey(request.key, versions.get(request.customerId))]));
}

/**
 * Asks for a registration on the cycle's behalf and tells waiting from
 * refusing (issue "waiting is not refusing"). The key is logged only when the
 * request was made or finally refused, so a request that must wait comes back
 * every cycle and happens exactly once. Each waiting state is written once to
 * the invoice's history (per guard; per customer version for missing data) and
 * reported by the caller in the cycle report. A request made is approved by the
 * cycle's automatic analysis in the same write when that analysis passes now
 * (it is what the negativation pass would do later today to the same record:
 * `transition` is a pure function of the record, the event and the calendar):
 * one record written in `processing`, the request's and the approval's audit
 * lines in one append, the approval's effects queued; otherwise (the analysis
 * refuses) it stays in analysis for the negativation pass, as before.
 */
export async function requestAutomatically(tx: StoreTransaction, context: AppContext, request: AutomaticRequest, today: CivilDate): Promise<AutomaticRequestOutcome> {
  if (await tx.actionLog.has(request.key)) return { status: 'already_done' };
  const customer = await tx.customers.get(request.customerId);
  const dataKey = debtorDataKey(request.key, customer?.version);
  if (await tx.actionLog.has(dataKey)) return { status: 'waiting', reason: 'debtor_data', missing: [] };
  const result = await attempt(() =>
    startRequest(tx, context, {
      idempotencyKey: request.key,
      actor: CYCLE_ACTOR,
      invoiceId: request.invoiceId,
      origin: request.origin,
      authorization: request.authorization,
      ...(request.bureau !== undefined ? { bureau: request.bureau } : {}),
    }, { approve: (negativation) => automaticAnalysisEvent(negativation, today, context.nowIso()) }),
  );
  if (result.ok) {
    if (result.value.status !== 'in_analysis') {
      let approved = approvedByCycle.get(context);
      if (approved === undefined) approvedByCycle.set(context, (approved = new Set()));
      approved.add(result.value.id);
    }
    await logAction(tx, context, request, today, request.key, request.stepId, 'negativate');
    return { status: 'requested', negativationId: result.value.id };
  }
  return notRequested(tx, context, request, today, dataKey, result.error);
}

/** The action-log entry of a request's outcome under `key` (`true` when it was not logged yet). */
function logAction(tx: StoreTransaction, context: AppContext, request: AutomaticRequest, today: CivilDate, key: string, stepId: string, action: string): Promise<boolean> {
  return tx.actionLog.record({ key, invoiceId: request.invoiceId, customerId: request.customerId, stepId, action, on: today, at: context.nowIso() });
}

/** A request a guard held back or refused: waiting (logged once per guard, or per customer version for missing data) or refused for good. */
async function notRequested(tx: StoreTransaction, context: AppContext, request: AutomaticRequest, today: CivilDate, dataKey: string, error: CollectionsError): Promise<AutomaticRequestOutcome> {
  const log = (key: string, stepId: string, action: string) => logAction(tx, context, request, today, key, stepId, action);
  const violations = error.code === 'guard_failed' ? ((error.details?.['violations'] as readonly GuardViolation[] | undefined) ?? []) : [];
  const verdict = violations.length > 0 ? refusalVerdict(violations) : { kind: 'final' as const, guards: [] };
  const history = (action: string, details: Record<string, unknown>) =>
    recordAudit(tx, context, { actor: CYCLE_ACTOR, subjectType: 'invoice', subjectId: request.invoiceId, action, details: { stepId: request.stepId, key: request.key, ...details } });
  if (verdict.kind === 'waits') {
    const since = `${request.key}#waiting:${verdict.guards.join(',')}`;
    if (await log(since, `${request.stepId}#waiting`, `waiting:${verdict.guards.join(',')}`)) {
      await history('negativation_waiting', { guards: verdict.guards, ...(verdict.allowedFrom ? { allowedFrom: verdict.allowedFrom } : {}), message: error.message });
    }
    return { status: 'waiting', reason: 'time', guards: verdict.guards, ...(verdict.allowedFrom ? { allowedFrom: verdict.allowedFrom } : {}) };
  }
  if (verdict.kind === 'needs_data') {
    const missing = violations.flatMap((v) => (v.guard === 'debtor_data' ? ((v.details?.['missing'] as string[] | undefined) ?? []) : []));
    await log(dataKey, `${request.stepId}#debtor-data`, 'waiting:debtor_data');
    await history('negativation_waiting_for_debtor_data', { missing });
    await alert(tx, context, request, `${dataKey}:alert`, 'debtor_data_missing', `the registration of invoice ${request.invoiceId} waits for the customer's ${missing.join(', ')} (seed 000: fill the record and it is asked again)`, { missing });
    return { status: 'waiting', reason: 'debtor_data', missing };
  }
  await log(request.key, request.stepId, `refused:${error.code}`);
  await history('negativation_refused', { code: error.code, guards: verdict.guards, message: error.message });
  await alert(tx, context, request, `${request.key}:refused`, 'negativation_refused', error.message, error.details ?? {});
  return { status: 'refused', error: error };
}

async function alert(tx: StoreTransaction, context: AppContext, request: AutomaticRequest, key: string, alert: string, message: string, details: Readonly<Record<string, unknown>>): Promise<void> {
  await tx.outbox.enqueue({
    id: context.ids.next('effect'),
    key,
    kind: 'alert_operator',
    payload: { alert, invoiceId: request.invoiceId, customerId: request.customerId, stepId: request.stepId, message: maskPersonalData(message), details: maskDeep(details) },
    status: 'pending',
    attempts: 0,
    createdAt: context.nowIso(),
  });
}
