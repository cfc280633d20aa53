import { cobrancaError, type ErrorPath } from '../errors.js';
import { epochDayOfText } from '../calendar/civil-date.js';
import { isNegativationStatus, isRegistered, occupiesKey, type NegativationStatus } from '../lifecycle/index.js';
import { parseMoney, type Money } from '../money/index.js';
import type { RulerError } from './errors.js';
import type { CustomerKind } from './step.js';

/** Agreement states an invoice can be in (docs/legal.md §2). `active` and `fulfilled` cover the invoice and stop its ruler. */
export type AgreementState = 'proposed' | 'active' | 'fulfilled' | 'broken' | 'cancelled';

/** Negativation states (docs/legal.md §3, seed 000): the one list of the lifecycle kernel. */
export type NegativationState = NegativationStatus;

/** An amount as accepted from outside: `'373.52'`, `{ cents: 37352 }` or a Money. */
export type AmountInput = Money | { readonly cents: number } | string;

/**
 * An invoice as the evaluator reads it. Amounts: `{ cents }` is the fast path;
 * decimal strings are accepted too. `updatedAmount` is the amount with late
 * charges as of the evaluation day, computed by the application with the
 * agreements module (the ruler imports no other domain module); conditions use
 * it when present. The invoice is settled on `paidOn`, or when its payments
 * (dated up to the evaluation day) reach `amount`.
 */
export interface RulerInvoice {
  readonly id: string;
  readonly customerId: string;
  readonly dueDate: string;
  readonly amount: AmountInput;
  readonly updatedAmount?: AmountInput;
  readonly payments?: readonly { readonly date: string; readonly amount: AmountInput }[];
  readonly paidOn?: string;
  readonly agreement?: { readonly state: AgreementState; readonly since: string };
  /**
   * The invoice's most significant negativation. `registeredOn`: the day the
   * bureau accepted the registration (it took effect); follow-ups after a
   * registration (`daysToNextAction`) count from it and never run without it.
   */
  readonly negativation?: { readonly state: NegativationState; readonly registeredOn?: string };
  /**
   * The day a `suspend_service` or `reduce_service` step of this invoice took
   * effect (the host performed it). `restore_service` runs only after one did.
   */
  readonly serviceCutOn?: string;
  readonly customerKind?: CustomerKind;
  readonly tags?: readonly string[];
  readonly branch?: string;
  /**
   * Step ids of this ruler already done (or skipped) for this invoice: the
   * per-invoice shape of the action log, which a store can join into the
   * invoice stream so memory stays bounded. In per-customer mode, the anchor
   * invoice's list holds the customer-level steps done while it was the anchor.
   */
  readonly done?: readonly string[];
}

const AGREEMENT_STATES = new Set<string>(['proposed', 'active', 'fulfilled', 'broken', 'cancelled']);

/** What the evaluator needs of one invoice, read once on the trusted fast path. */
export interface InvoiceFacts {
  dueDay: number;
  /** Open amount in centavos as of the evaluation day (never negative). */
  openCents: number;
  /** Epoch day the invoice was settled or covered by an agreement (`NaN` while open). */
  settledDay: number;
  /** The earliest epoch day after the evaluation day on which a dated fact (a payment, `paidOn`, an agreement's `since`) takes effect (`Infinity`: none). */
  changesOn: number;
}

function centsOf(value: unknown): number {
  if (typeof value === 'object' && value !== null) {
    const cents = (value as { cents?: unknown }).cents;
    if (typeof cents === 'number' && Number.isSafeInteger(cents)) return cents;
    return Number.NaN;
  }
  const parsed = parseMoney(value);
  return parsed.isOk() ? parsed.value.cents : Number.NaN;
}

function invalid(path: ErrorPath, message: string): RulerError {
  return cobrancaError('invalid_input', message, { path });
}

/**
 * Checks one invoice and reads its facts as of `today` into `out` (reused, so
 * the hot loop does not allocate). Returns a typed error with the field's path
 * (`invoices[7].dueDate`) when the invoice is malformed.
 */
export function readInvoice(raw: unknown, index: number, today: number, out: InvoiceFacts): RulerError | undefined {
  if (typeof raw !== 'object' || raw === null) return invalid(['invoices', index], 'expected an invoice object');
  const invoice = raw as RulerInvoice;
  if (typeof invoice.id !== 'string' || invoice.id.length === 0) return invalid(['invoices', index, 'id'], 'expected a non-empty invoice id');
  if (typeof invoice.customerId !== 'string' || invoice.customerId.length === 0) return invalid(['invoices', index, 'customerId'], 'expected a non-empty customer id');
  const dueDay = epochDayOfText(invoice.dueDate);
  if (Number.isNaN(dueDay)) return invalid(['invoices', index, 'dueDate'], invoice.dueDate === undefined ? 'the invoice has no due date' : 'expected a due date as YYYY-MM-DD');
  const amount = centsOf(invoice.amount);
  if (Number.isNaN(amount) || amount < 0) return invalid(['invoices', index, 'amount'], 'expected a non-negative amount such as { cents: 1234 } or "12.34"');
  let basis = amount;
  if (invoice.updatedAmount !== undefined) {
    basis = centsOf(invoice.updatedAmount);
    if (Number.isNaN(basis) || basis < 0) return invalid(['invoices', index, 'updatedAmount'], 'expected a non-negative amount');
  }
  let settledDay = Number.NaN;
  let changesOn = Number.POSITIVE_INFINITY;
  let paid = 0;
  if (invoice.payments !== undefined) {
    if (!Array.isArray(invoice.payments)) return invalid(['invoices', index, 'payments'], 'expected an array of payments');
    const payments = invoice.payments as readonly { date: string; amount: AmountInput }[];
    for (let p = 0; p < payments.length; p++) {
      const payment = payments[p];
      const day = epochDayOfText(payment?.date);
      if (Number.isNaN(day)) return invalid(['invoices', index, 'payments', p, 'date'], 'expected a payment date as YYYY-MM-DD');
      const cents = centsOf(payment?.amount);
      if (Number.isNaN(cents) || cents < 0) return invalid(['invoices', index, 'payments', p, 'amount'], 'expected a non-negative amount');
      if (day <= today) paid += cents;
      else if (day < changesOn) changesOn = day;
    }
    // Settled only once the payments cover what is owed with late charges (docs/legal.md §1: payments cover charges first; unpaid charges are not lost).
    if (paid >= basis && basis > 0) settledDay = lastPaymentDay(payments, basis, today);
  }
  if (invoice.paidOn !== undefined) {
    const day = epochDayOfText(invoice.paidOn);
    if (Number.isNaN(day)) return invalid(['invoices', index, 'paidOn'], 'expected a date as YYYY-MM-DD');
    if (day <= today && !(settledDay <= day)) settledDay = day;
    else if (day > today && day < changesOn) changesOn = day;
  }
  if (invoice.agreement !== undefined) {
    const agreement = invoice.agreement;
    if (typeof agreement !== 'object' || agreement === null || !AGREEMENT_STATES.has(agreement.state)) {
      return invalid(['invoices', index, 'agreement', 'state'], 'expected an agreement state: proposed, active, fulfilled, broken or cancelled');
    }
    const since = epochDayOfText(agreement.since);
    if (Number.isNaN(since)) return invalid(['invoices', index, 'agreement', 'since'], 'expected a date as YYYY-MM-DD');
    if (agreement.state === 'active' || agreement.state === 'fulfilled') {
      if (since <= today && !(settledDay <= since)) settledDay = since;
      else if (since > today && since < changesOn) changesOn = since;
    }
  }
  if (invoice.negativation !== undefined && (typeof invoice.negativation !== 'object' || invoice.negativation === null || !isNegativationStatus(invoice.negativation.state))) {
    return invalid(['invoices', index, 'negativation', 'state'], 'expected a negativation state');
  }
  if (invoice.negativation?.registeredOn !== undefined && Number.isNaN(epochDayOfText(invoice.negativation.registeredOn))) {
    return invalid(['invoices', index, 'negativation', 'registeredOn'], 'expected a date as YYYY-MM-DD');
  }
  if (invoice.serviceCutOn !== undefined && Number.isNaN(epochDayOfText(invoice.serviceCutOn))) return invalid(['invoices', index, 'serviceCutOn'], 'expected a date as YYYY-MM-DD');
  if (invoice.customerKind !== undefined && invoice.customerKind !== 'person' && invoice.customerKind !== 'company') {
    return invalid(['invoices', index, 'customerKind'], "expected 'person' or 'company'");
  }
  if (invoice.tags !== undefined && !Array.isArray(invoice.tags)) return invalid(['invoices', index, 'tags'], 'expected an array of tags');
  if (invoice.branch !== undefined && typeof invoice.branch !== 'string') return invalid(['invoices', index, 'branch'], 'expected a branch name');
  if (invoice.done !== undefined && !Array.isArray(invoice.done)) return invalid(['invoices', index, 'done'], 'expected an array of step ids');
  out.dueDay = dueDay;
  out.openCents = basis - paid > 0 ? basis - paid : 0;
  out.settledDay = settledDay;
  out.changesOn = changesOn;
  return undefined;
}

function lastPaymentDay(payments: readonly { date: string; amount: AmountInput }[], amount: number, today: number): number {
  const dated = payments.map((p) => ({ day: epochDayOfText(p.date), cents: centsOf(p.amount) })).filter((p) => p.day <= today);
  dated.sort((a, b) => a.day - b.day);
  let total = 0;
  for (const p of dated) {
    total += p.cents;
    if (total >= amount) return p.day;
  }
  return today;
}

/** Whether a negativation of the invoice is requested, pending, in place or being lifted: a new request would duplicate it (`occupiesKey` of the lifecycle kernel). */
export function isNegativationInProgress(negativation: RulerInvoice['negativation']): boolean {
  return negativation !== undefined && occupiesKey(negativation.state);
}

/**
 * Whether the bureau holds the invoice's registration (`isRegistered` of the
 * lifecycle kernel: negativated, recovering, or cancelling/failed after the
 * bureau accepted), so a settled invoice needs its removal step.
 */
export function holdsRegistration(negativation: RulerInvoice['negativation']): boolean {
  return negativation !== undefined && isRegistered({ status: negativation.state, registeredOn: negativation.registeredOn });
}
