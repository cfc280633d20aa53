import { err, ok, type Result } from 'neverthrow';
import { calendarOption, civilDateSchema, toEpochDay, type BusinessCalendar, type CivilDate } from '../calendar/index.js';
import { fail, parseInput } from '../errors.js';
import type { NegativationEffect } from './effects.js';
import type { NegativationError } from './errors.js';
import { looksLikeNegativation } from './looks-like-negativation.js';
import { isRegistered, type Negativation } from './negativation.js';
import { parseReconcileInvoices } from './parse-invoices.js';
import type { ReconcileInvoice, ReconcileInvoiceInput } from './reconcile-invoice.js';
import { removalAlarmOn, removalDeadlineOf } from './removal-deadline.js';
import type { NegativationStatus } from './status.js';

/** How close a deadline is. */
export type DeadlineState = 'ok' | 'near' | 'overdue';

/** A registration whose invoice is paid but which the bureau still holds (seed 004 "Críticas de SPC"). */
export interface Critique {
  readonly negativationId: string;
  readonly titleId: string;
  readonly status: NegativationStatus;
  readonly paidOn: CivilDate;
  readonly fundsAvailableOn: CivilDate;
  /** Last day to request removal (STJ Súmula 548). */
  readonly removalDeadline: CivilDate;
  /** When removal was requested, if it was. */
  readonly removalRequestedOn?: CivilDate;
  /** For unrequested removals: whether the deadline is still ahead, within the alarm window, or past. */
  readonly deadline: DeadlineState;
}

/** A registration at or near its age limit (CDC art. 43 §1, §5). */
export interface AgeLimitFinding {
  readonly negativationId: string;
  readonly titleId: string;
  readonly expiresOn: CivilDate;
  readonly daysLeft: number;
}

/** A submission waiting for the bureau's return longer than `settings.stuckSubmissionDays`. */
export interface StuckSubmission {
  readonly negativationId: string;
  readonly submittedOn: CivilDate;
  readonly daysWaiting: number;
}

/** An invoice paid while its negativation is still pending (the host should record the payment, which cancels it). */
export interface PaidWhilePending {
  readonly negativationId: string;
  readonly titleId: string;
  readonly status: NegativationStatus;
  readonly paidOn: CivilDate;
}

/** What reconciliation found, with the operator alerts to raise. */
export interface ReconciliationReport {
  readonly asOf: CivilDate;
  /** Paid but still at the bureau (including removals requested and not yet confirmed). */
  readonly critiques: readonly Critique[];
  /** Paid, at the bureau, removal not requested, deadline passed. */
  readonly removalsPastDeadline: readonly Critique[];
  /** Paid, at the bureau, removal not requested, deadline within the alarm window. */
  readonly removalsNearDeadline: readonly Critique[];
  readonly pastAgeLimit: readonly AgeLimitFinding[];
  readonly nearAgeLimit: readonly AgeLimitFinding[];
  readonly stuckSubmissions: readonly StuckSubmission[];
  readonly paidWhilePending: readonly PaidWhilePending[];
  /** `alert_operator` effects for everything that needs a person. */
  readonly effects: readonly NegativationEffect[];
}

/** Options of {@link reconcile}. */
export interface ReconcileOptions {
  readonly calendar?: BusinessCalendar;
}

/** Only the fields {@link reconcileTrusted} reads. */
interface PaidFact {
  readonly paidOn: CivilDate;
  readonly fundsAvailableOn: CivilDate;
}

/**
 * Reconciliation (seed 004's panels; docs/legal.md §3): compares registrations
 * with their invoices as of a day and lists registrations whose invoices are
 * paid ("críticas"), removals past or near their deadline (STJ Súmula 548),
 * registrations past or near their age limit (CDC art. 43 §1), submissions
 * stuck awaiting the bureau, and paid invoices whose negativation is still pending.
 * Parses the invoices and the date; negativations must be ones this module produced.
 * @example
 * ```ts
 * import { reconcile, startNegativation, transition, type NegativationEventInput } from 'cobranca/negativation';
 *
 * const started = startNegativation({
 *   id: 'neg-1', origin: 'negativation_menu', bureau: 'serasa', on: '2026-10-20', actor: 'operator.ana',
 *   creditor: { id: 'acme', name: 'ACME Telecom Ltda', document: '11.222.333/0001-81' },
 *   debtor: { document: '529.982.247-25', name: 'Maria Souza', address: { street: 'Rua das Flores', number: '100', city: 'São Paulo', state: 'SP', cep: '01001-000' } },
 *   title: { id: 'inv-1', amount: '373.52', dueDate: '2026-09-10' },
 * });
 * if (started.isErr()) throw new Error(started.error.message);
 * const { negativation } = started.value;
 * const events: NegativationEventInput[] = [
 *   { type: 'analysis_approved', on: '2026-10-20', actor: 'operator.ana' },
 *   { type: 'notice_sent', on: '2026-10-20', actor: 'system', channel: 'letter', proofOfPosting: 'AR-123456' },
 *   { type: 'notice_period_elapsed', on: '2026-10-30', actor: 'system' },
 *   { type: 'submitted', on: '2026-10-30', actor: 'system' },
 *   { type: 'bureau_accepted', on: '2026-10-30', actor: 'serasa' },
 * ];
 * let current = negativation;
 * for (const event of events) {
 *   const next = transition(current, event);
 *   if (next.isErr()) throw new Error(next.error.message);
 *   current = next.value.negativation;
 * }
 * // The invoice was paid at the bank, but nobody told the negativation: a "crítica".
 * const report = reconcile([current], [{ id: 'inv-1', status: 'paid', dueDate: '2026-09-10', amount: '373.52', paidOn: '2026-11-16' }], '2026-11-24');
 * if (report.isOk()) for (const critique of report.value.critiques) console.log(critique.titleId, critique.status, critique.removalDeadline, critique.deadline);
 * // → inv-1 negativated 2026-11-24 near
 * ```
 */
export function reconcile(negativations: readonly Negativation[], invoices: readonly ReconcileInvoiceInput[], asOf: string, options: ReconcileOptions = {}): Result<ReconciliationReport, NegativationError> {
  const calendarResult = calendarOption(options.calendar);
  if (calendarResult.isErr()) return err(calendarResult.error);
  const calendar = calendarResult.value;
  if (!Array.isArray(negativations)) return fail('invalid_input', 'expected an array of negativations', { path: ['negativations'] });
  const day = parseInput(civilDateSchema, asOf, ['asOf']);
  if (day.isErr()) return err(day.error);
  const parsed = parseReconcileInvoices(invoices);
  if (parsed.isErr()) return err(parsed.error);
  for (let i = 0; i < negativations.length; i++) {
    if (!looksLikeNegativation(negativations[i])) return fail('not_a_negativation', 'not a negativation produced by this module (check version and history)', { path: ['negativations', i] });
  }
  return ok(reconcileTrusted(negativations, parsed.value, day.value, calendar));
}

/** {@link reconcile} without parsing: the trusted fast path for inputs already parsed. */
function reconcileTrusted(
  negativations: readonly Negativation[],
  invoices: readonly Pick<ReconcileInvoice, 'id' | 'status' | 'paidOn' | 'fundsAvailableOn'>[],
  asOf: CivilDate,
  calendar: BusinessCalendar,
): ReconciliationReport {
  const paidById = paidInvoicesById(invoices);
  const day: ReconcileDay = { asOf, today: toEpochDay(asOf), deadlines: deadlineMemo(calendar) };
  const findings = emptyFindings();
  for (const n of negativations) {
    if (n.status === 'recovered' || n.status === 'cancelled') continue;
    const settlement = n.settlement?.kind === 'paid' ? n.settlement : undefined;
    checkPayment(n, settlement, settlement ?? paidById.get(n.title.id), day, findings);
    checkAgeLimit(n, day, findings);
    checkStuckSubmission(n, day, findings);
  }
  return { asOf, ...findings };
}

/** The day reconciliation looks from, with its memoised deadlines. */
interface ReconcileDay {
  readonly asOf: CivilDate;
  readonly today: number;
  readonly deadlines: ReturnType<typeof deadlineMemo>;
}

/** The report's lists, filled one negativation at a time. */
type Findings = { -readonly [K in Exclude<keyof ReconciliationReport, 'asOf'>]: ReconciliationReport[K] extends readonly (infer T)[] ? T[] : never };

function emptyFindings(): Findings {
  return { critiques: [], removalsPastDeadline: [], removalsNearDeadline: [], pastAgeLimit: [], nearAgeLimit: [], stuckSubmissions: [], paidWhilePending: [], effects: [] };
}

/** Paid invoices by id, with the day their funds became available (the payment day when not given). */
function paidInvoicesById(invoices: readonly Pick<ReconcileInvoice, 'id' | 'status' | 'paidOn' | 'fundsAvailableOn'>[]): Map<string, PaidFact> {
  const paidById = new Map<string, PaidFact>();
  for (const invoice of invoices) {
    if (invoice.status === 'paid' && invoice.paidOn !== undefined) paidById.set(invoice.id, { paidOn: invoice.paidOn, fundsAvailableOn: invoice.fundsAvailableOn ?? invoice.paidOn });
  }
  return paidById;
}

/**
 * A paid debt: at the bureau, its removal deadline is watched until the bureau confirms the removal
 * (whatever happened to the request: it may have failed every retry); still pending, the host is told
 * to record the payment.
 */
function checkPayment(n: Negativation, settlement: { readonly removalDeadline?: CivilDate } | undefined, paid: PaidFact | undefined, day: ReconcileDay, findings: Findings): void {
  if (paid === undefined) return;
  const status = n.status;
  const registered = isRegistered(n);
  if (registered || status === 'awaiting_return') {
    const removalDeadline = settlement?.removalDeadline ?? day.deadlines.deadline(paid.fundsAvailableOn);
    const requestedOn = n.removal?.requestedOn;
    let deadline: DeadlineState = 'ok';
    if (day.asOf > removalDeadline) deadline = 'overdue';
    else if (day.asOf >= day.deadlines.alarm(removalDeadline, n.settings.removalAlarmBusinessDays)) deadline = 'near';
    const critique: Critique = {
      negativationId: n.id,
      titleId: n.title.id,
      status,
      paidOn: paid.paidOn,
      fundsAvailableOn: paid.fundsAvailableOn,
      removalDeadline,
      ...(requestedOn !== undefined ? { removalRequestedOn: requestedOn } : {}),
      deadline,
    };
    findings.critiques.push(critique);
    if (deadline === 'overdue') {
      findings.removalsPastDeadline.push(critique);
      const why = requestedOn === undefined ? 'paid registration not removed' : `removal requested on ${requestedOn}, not confirmed by the bureau`;
      findings.effects.push({ type: 'alert_operator', negativationId: n.id, alert: 'removal_deadline_passed', message: `${why}; the deadline was ${removalDeadline}`, deadline: removalDeadline });
    } else if (deadline === 'near') {
      findings.removalsNearDeadline.push(critique);
      const what = requestedOn === undefined ? 'request removal of the paid registration' : `the removal requested on ${requestedOn} is not confirmed yet: see that it reaches the bureau`;
      findings.effects.push({ type: 'alert_operator', negativationId: n.id, alert: 'removal_deadline_near', message: `${what} by ${removalDeadline}`, deadline: removalDeadline });
    }
  } else if (status === 'in_analysis' || status === 'processing' || (status === 'failed' && !registered)) {
    findings.paidWhilePending.push({ negativationId: n.id, titleId: n.title.id, status, paidOn: paid.paidOn });
    findings.effects.push({ type: 'alert_operator', negativationId: n.id, alert: 'paid_while_pending', message: `the invoice was paid on ${paid.paidOn}: record the payment to cancel the request` });
  }
}

/** A registration past or near its age limit, with no removal under way (CDC art. 43 §1). */
function checkAgeLimit(n: Negativation, day: ReconcileDay, findings: Findings): void {
  if (!isRegistered(n) || n.removal !== undefined) return;
  const daysLeft = toEpochDay(n.expiresOn) - day.today;
  if (daysLeft <= 0) {
    findings.pastAgeLimit.push({ negativationId: n.id, titleId: n.title.id, expiresOn: n.expiresOn, daysLeft });
    findings.effects.push({ type: 'alert_operator', negativationId: n.id, alert: 'age_limit', message: `the registration expired on ${n.expiresOn}: remove it`, deadline: n.expiresOn });
  } else if (daysLeft <= n.settings.ageLimitWarningDays) {
    findings.nearAgeLimit.push({ negativationId: n.id, titleId: n.title.id, expiresOn: n.expiresOn, daysLeft });
  }
}

/** A submission waiting for the bureau's return longer than `settings.stuckSubmissionDays`. */
function checkStuckSubmission(n: Negativation, day: ReconcileDay, findings: Findings): void {
  if (n.status !== 'awaiting_return' || n.submittedOn === undefined) return;
  const daysWaiting = day.today - toEpochDay(n.submittedOn);
  if (daysWaiting > n.settings.stuckSubmissionDays) {
    findings.stuckSubmissions.push({ negativationId: n.id, submittedOn: n.submittedOn, daysWaiting });
    findings.effects.push({ type: 'alert_operator', negativationId: n.id, alert: 'stuck_submission', message: `submitted on ${n.submittedOn}, no return from ${n.bureau} after ${daysWaiting} days` });
  }
}

/** Removal deadlines and alarm days memoised per date: a portfolio has few distinct payment dates. */
function deadlineMemo(calendar: BusinessCalendar): { deadline(funds: CivilDate): CivilDate; alarm(deadline: CivilDate, businessDaysBefore: number): CivilDate } {
  const deadlines = new Map<string, CivilDate>();
  const alarms = new Map<string, CivilDate>();
  return {
    deadline(funds) {
      let found = deadlines.get(funds);
      if (found === undefined) deadlines.set(funds, (found = removalDeadlineOf(funds, calendar)));
      return found;
    },
    alarm(deadline, businessDaysBefore) {
      const key = `${deadline}|${businessDaysBefore}`;
      let found = alarms.get(key);
      if (found === undefined) alarms.set(key, (found = removalAlarmOn(deadline, businessDaysBefore, calendar)));
      return found;
    },
  };
}
