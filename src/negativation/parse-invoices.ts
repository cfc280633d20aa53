import { err, ok, type Result } from 'neverthrow';
import { parseCivilDate, type CivilDate } from '../calendar/index.js';
import { parseInput } from '../errors.js';
import { parseMoney } from '../money/index.js';
import { LATEST_FUNDS_DAY } from './date-room.js';
import type { NegativationError } from './errors.js';
import { reconcileInvoiceSchema, type ReconcileInvoice } from './reconcile-invoice.js';

const ALLOWED_KEYS = new Set(['id', 'status', 'dueDate', 'amount', 'paidOn', 'fundsAvailableOn']);

function date(value: unknown): CivilDate | undefined {
  if (typeof value !== 'string') return undefined;
  const parsed = parseCivilDate(value);
  return parsed.isOk() ? parsed.value : undefined;
}

/**
 * The fast check of one invoice: the same rules as {@link reconcileInvoiceSchema}
 * without zod's per-object machinery. `undefined` means "not sure it is valid":
 * the caller then asks zod, which gives the error (and the final word).
 */
export function fastInvoice(value: unknown): ReconcileInvoice | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const v = value as Record<string, unknown>;
  for (const key in v) if (!ALLOWED_KEYS.has(key)) return undefined;
  const { id, status } = v;
  if (typeof id !== 'string' || id.length === 0 || (status !== 'open' && status !== 'paid')) return undefined;
  const dueDate = date(v['dueDate']);
  if (dueDate === undefined) return undefined;
  const amount = parseMoney(v['amount']);
  if (amount.isErr()) return undefined;
  const invoice: { -readonly [K in keyof ReconcileInvoice]: ReconcileInvoice[K] } = { id, status, dueDate, amount: amount.value };
  if (v['paidOn'] !== undefined) {
    const paidOn = date(v['paidOn']);
    if (paidOn === undefined || paidOn > LATEST_FUNDS_DAY) return undefined;
    invoice.paidOn = paidOn;
  }
  if (v['fundsAvailableOn'] !== undefined) {
    const funds = date(v['fundsAvailableOn']);
    if (funds === undefined || funds > LATEST_FUNDS_DAY) return undefined;
    invoice.fundsAvailableOn = funds;
  }
  if (status === 'paid' && invoice.paidOn === undefined) return undefined;
  if (invoice.paidOn !== undefined && invoice.fundsAvailableOn !== undefined && invoice.fundsAvailableOn < invoice.paidOn) return undefined;
  return invoice;
}

/**
 * Parses the invoices given to reconciliation: each goes through the fast
 * check, and any it is not sure of through {@link reconcileInvoiceSchema}
 * (so errors are zod's, with the path `invoices[i].field`). A property test
 * proves both agree.
 * @example
 * ```ts
 * import { parseReconcileInvoices } from 'cobranca/negativation';
 *
 * const parsed = parseReconcileInvoices([
 *   { id: 'inv-1', status: 'paid', dueDate: '2026-09-10', amount: '373.52', paidOn: '2026-11-16' },
 *   { id: 'inv-2', status: 'paid', dueDate: '2026-09-10', amount: '189.90' },
 * ]);
 * if (parsed.isErr()) console.log(parsed.error.code, parsed.error.path?.join('.'));
 * // → invalid_input invoices.1.paidOn
 * ```
 */
export function parseReconcileInvoices(input: unknown): Result<ReconcileInvoice[], NegativationError> {
  if (!Array.isArray(input)) return parseInput(reconcileInvoiceSchema.array(), input, ['invoices']);
  const out = new Array<ReconcileInvoice>(input.length);
  for (let i = 0; i < input.length; i++) {
    const item: unknown = input[i];
    const fast = fastInvoice(item);
    if (fast !== undefined) {
      out[i] = fast;
      continue;
    }
    const slow = parseInput(reconcileInvoiceSchema, item, ['invoices', i]);
    if (slow.isErr()) return err(slow.error);
    out[i] = slow.value;
  }
  return ok(out);
}
