import { Decimal } from 'decimal.js';
import { err, ok, type Result } from 'neverthrow';
import { cobrancaError, quote, type CobrancaError, type ErrorPath } from '../errors.js';

/**
 * The library's own decimal.js constructor: 60 significant digits and half_up
 * by default, cloned so the host's global `Decimal` settings never leak in.
 */
export const Dec = Decimal.clone({ precision: 60, rounding: Decimal.ROUND_HALF_UP, toExpNeg: -30, toExpPos: 40 });

/** A decimal.js value produced by {@link Dec}. */
export type Dec = Decimal;

/** What may be passed where a decimal is expected: a plain decimal string (`'2.5'`), a finite number, or a decimal.js value. */
export type DecimalInput = string | number | Decimal;

const DECIMAL_STRING = /^[+-]?(\d+(\.\d+)?|\.\d+)$/;

/**
 * Parses a decimal written with a dot (`'2.5'`, `'-0.033'`). A comma (`'12,34'`),
 * thousands separators, exponents, `NaN` and infinities are refused: the input is
 * ambiguous or not a number, and guessing would produce a wrong amount.
 * @example
 * ```ts
 * import { parseDecimal } from 'cobranca/money';
 *
 * // A rate from a settings form: a decimal string, exact.
 * parseDecimal('1.015').match(
 *   (rate) => console.log(rate.times(3).toString()), // → 3.045
 *   (error) => console.error(error.code, error.message),
 * );
 * const bad = parseDecimal('1,5', ['interest', 'percent']);
 * if (bad.isErr()) console.log(bad.error.code, bad.error.path?.join('.')); // → invalid_decimal interest.percent
 * ```
 */
export function parseDecimal(input: unknown, path: ErrorPath = []): Result<Decimal, CobrancaError<'invalid_decimal'>> {
  if (input instanceof Decimal) {
    return input.isFinite() ? ok(new Dec(input)) : err(cobrancaError('invalid_decimal', 'expected a finite decimal', { path }));
  }
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) return err(cobrancaError('invalid_decimal', `expected a finite number, got ${String(input)}`, { path }));
    return ok(new Dec(input));
  }
  if (typeof input === 'string') {
    const text = input.trim();
    if (!DECIMAL_STRING.test(text)) {
      const hint = text.includes(',') ? " (use a dot as the decimal separator: '12.34', not '12,34')" : '';
      return err(cobrancaError('invalid_decimal', `expected a decimal like '12.34', got ${quote(input)}${hint}`, { path }));
    }
    return ok(new Dec(text));
  }
  return err(cobrancaError('invalid_decimal', `expected a decimal string or number, got ${describe(input)}`, { path }));
}

/** Converts a trusted {@link DecimalInput}; throws on a malformed value (a programmer error). */
export function toDec(value: DecimalInput): Decimal {
  const parsed = parseDecimal(value);
  if (parsed.isErr()) throw new TypeError(parsed.error.message);
  return parsed.value;
}

/** A short description of a value's type for error messages. */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'number' && Number.isNaN(value)) return 'NaN';
  if (typeof value === 'number') return `number ${String(value)}`;
  if (typeof value === 'string') return `string ${quote(value)}`;
  if (typeof value === 'bigint') return 'a bigint';
  if (typeof value === 'boolean') return `boolean ${String(value)}`;
  if (value === undefined) return 'undefined';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}
