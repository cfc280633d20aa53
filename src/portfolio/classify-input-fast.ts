import { epochDayOfText } from '../calendar/civil-date.js';
import { withinInputLimit } from '../money/index.js';
import type { ParsedClassifierInvoice } from './classify-input.js';

const COLLECTIONS = new Set(['forwarded', 'selected', 'started']);
const AGREEMENT_STATES = new Set(['active', 'fulfilled', 'broken', 'cancelled']);

/** Whether a value is a label in the schema's output form (1 to 200 characters, trimmed). */
export function isLabel(value: unknown): boolean {
  if (typeof value !== 'string' || value.length < 1 || value.length > 200) return false;
  // Printable ASCII other than the space at both ends is never trimmed (trim removes only white space and line terminators): no trim asked.
  const first = value.charCodeAt(0);
  const last = value.charCodeAt(value.length - 1);
  if (first > 32 && first < 127 && last > 32 && last < 127) return true;
  return value.trim() === value;
}

/** Whether a value is a civil date on the calendar. */
export function isDate(value: unknown): boolean {
  return !Number.isNaN(epochDayOfText(value));
}

/** Whether a value is an amount in the schema's output form (whole non-negative centavos within the input limit). */
export function isAmount(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const cents = (value as { cents?: unknown }).cents;
  return typeof cents === 'number' && Number.isInteger(cents) && cents >= 0 && !Object.is(cents, -0) && withinInputLimit(cents);
}

function isPlainRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function optional(value: unknown, check: (value: unknown) => boolean): boolean {
  return value === undefined || check(value);
}

function isSpan(value: unknown, from: string, to: string): boolean {
  return isPlainRecord(value) && isDate(value[from]) && optional(value[to], isDate);
}

/**
 * A classifier invoice read by hand, without zod, when it is already in the
 * form the schema would output (labels trimmed, dates on the calendar, amounts
 * as whole non-negative centavos within range); `undefined` otherwise, and the
 * caller parses it with {@link classifierInvoiceSchema} (which builds the
 * error). What it answers equals the schema's output in every field the
 * classifier reads.
 */
export function readClassifierInvoiceFast(raw: unknown): ParsedClassifierInvoice | undefined {
  if (!isPlainRecord(raw)) return undefined;
  if (!isLabel(raw.id) || !isLabel(raw.customerId) || !isDate(raw.dueDate) || !isAmount(raw.amount)) return undefined;
  if (!optional(raw.owed, isAmount) || !optional(raw.paidOn, isDate) || !optional(raw.replacedBy, isLabel) || !optional(raw.city, isLabel) || !optional(raw.operator, isLabel)) return undefined;
  if (raw.collection !== undefined && !COLLECTIONS.has(raw.collection as string)) return undefined;
  if (!optional(raw.negativation, (v) => isSpan(v, 'registeredOn', 'removedOn'))) return undefined;
  if (!optional(raw.spcControl, (v) => isSpan(v, 'addedOn', 'removedOn'))) return undefined;
  if (!optional(raw.protest, (v) => isSpan(v, 'protestedOn', 'cancelledOn'))) return undefined;
  const agreement = raw.agreement;
  if (agreement === undefined) return raw as unknown as ParsedClassifierInvoice;
  if (!isPlainRecord(agreement) || !isLabel(agreement.id) || !isDate(agreement.createdOn) || !isDate(agreement.toleranceDate)) return undefined;
  if (agreement.cancelled !== undefined && typeof agreement.cancelled !== 'boolean') return undefined;
  if (agreement.status !== undefined && !AGREEMENT_STATES.has(agreement.status as string)) return undefined;
  if (!optional(agreement.city, isLabel) || !optional(agreement.operator, isLabel)) return undefined;
  return { ...raw, agreement: { ...agreement, cancelled: agreement.cancelled ?? false } } as unknown as ParsedClassifierInvoice;
}
