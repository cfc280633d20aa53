import type { Decimal } from 'decimal.js';
import { err, ok, type Result } from 'neverthrow';
import { cobrancaError, quote, type CobrancaError, type ErrorPath } from '../errors.js';
import { Dec, describe } from './decimal.js';
import { INPUT_RANGE_TEXT, withinInputLimit } from './limits.js';

declare const moneyBrand: unique symbol;

/**
 * An amount in Brazilian reais, held as an exact whole number of centavos.
 *
 * `cents` is always a safe integer, so every sum and difference is exact; any
 * operation that can produce a fraction of a centavo (percentages, ratios)
 * goes through decimal.js and names its rounding mode. Build one with
 * {@link brl}, {@link fromCents} or {@link parseMoney}; it serialises to JSON
 * as `{ "cents": 37352 }`.
 */
export interface Money {
  readonly cents: number;
  readonly [moneyBrand]: 'BRL';
}


/** Wraps a safe integer number of centavos; internal, callers use {@link fromCents}. */
export function unsafeMoney(cents: number): Money {
  return { cents } as Money;
}

/** The zero amount. */
export const ZERO: Money = unsafeMoney(0);

/**
 * Money from a whole number of centavos (`fromCents(37352)` is R$ 373,52).
 * Throws a `RangeError` when `cents` is not a safe integer: that is a programmer
 * error; use {@link parseMoney} for input from outside, and `exactSumCents` (limits.ts) to
 * sum before building one, so a sum beyond the exact range is a typed error instead.
 * @example
 * ```ts
 * import { formatBrl, fromCents } from 'cobranca/money';
 *
 * console.log(formatBrl(fromCents(123456))); // → R$ 1.234,56
 * ```
 */
export function fromCents(cents: number | bigint): Money {
  const value = typeof cents === 'bigint' ? Number(cents) : cents;
  if (!Number.isSafeInteger(value) || (typeof cents === 'bigint' && BigInt(value) !== cents)) {
    throw new RangeError(`fromCents expects a safe integer number of centavos, got ${String(cents)}`);
  }
  return unsafeMoney(value === 0 ? 0 : value);
}

const MONEY_STRING = /^([+-]?)(\d+)(?:\.(\d{1,2}))?$/;

/**
 * Money from a decimal literal in reais written in code: `brl('373.52')`,
 * `brl('-10')`. Throws on a malformed literal (a programmer error); input from
 * users, files or the network goes through {@link parseMoney}.
 * @example
 * ```ts
 * import { brl, formatBrl } from 'cobranca/money';
 *
 * const price = brl('373.52'); // { cents: 37352 }
 * console.log(formatBrl(price)); // R$ 373,52
 * ```
 */
export function brl(literal: string): Money {
  const parsed = parseMoney(literal);
  if (parsed.isErr()) throw new TypeError(`brl(): ${parsed.error.message}`);
  return parsed.value;
}

/**
 * Parses an amount from outside, never throwing. Accepts a decimal string in
 * reais with a dot and at most two decimals (`'373.52'`), `{ cents: 37352 }`, or
 * a {@link Money}. A bare JS number is refused because it is ambiguous (reais or
 * centavos?) and may already carry a float error; `'12,34'` is refused with a hint
 * (use {@link parseBrl} for `R$ 12,34`).
 * @example
 * ```ts
 * import { formatBrl, parseMoney } from 'cobranca/money';
 *
 * // A request body's amount: a string in reais, or { cents }.
 * parseMoney('1234.56').match(
 *   (amount) => console.log(formatBrl(amount)), // → R$ 1.234,56
 *   (error) => console.error(error.code, error.message),
 * );
 * const typo = parseMoney('1.234,56', ['amount']);
 * if (typo.isErr()) console.log(typo.error.code, typo.error.path?.join('.')); // → invalid_money amount
 * ```
 */
export function parseMoney(input: unknown, path: ErrorPath = []): Result<Money, CobrancaError<'invalid_money' | 'amount_out_of_range'>> {
  if (typeof input === 'string') return parseMoneyString(input, path);
  if (typeof input === 'object' && input !== null && !Array.isArray(input) && 'cents' in input) {
    const cents = (input as { cents: unknown }).cents;
    if (typeof cents !== 'number' || !Number.isInteger(cents)) {
      return err(cobrancaError('invalid_money', `cents must be a whole number of centavos, got ${describe(cents)}`, { path: [...path, 'cents'] }));
    }
    return checkRange(cents, path);
  }
  const hint = typeof input === 'number' ? " (pass a decimal string such as '12.34' or { cents: 1234 })" : '';
  return err(cobrancaError('invalid_money', `expected an amount such as '12.34' or { cents: 1234 }, got ${describe(input)}${hint}`, { path }));
}

function parseMoneyString(input: string, path: ErrorPath): Result<Money, CobrancaError<'invalid_money' | 'amount_out_of_range'>> {
  const match = MONEY_STRING.exec(input.trim());
  if (!match) {
    const hint = input.includes(',') ? " (use a dot as the decimal separator: '12.34', not '12,34'; parseBrl reads 'R$ 12,34')" : '';
    const places = /^[+-]?\d+\.\d{3,}$/.test(input.trim()) ? ' (at most two decimal places: round it first and say how)' : '';
    return err(cobrancaError('invalid_money', `expected an amount such as '12.34', got ${quote(input)}${hint}${places}`, { path }));
  }
  const [, sign = '', whole = '0', fraction = ''] = match;
  if (whole.length > 15) return err(outOfRange(path));
  const cents = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  return checkRange(sign === '-' ? -cents : cents, path);
}

function checkRange(cents: number, path: ErrorPath): Result<Money, CobrancaError<'invalid_money' | 'amount_out_of_range'>> {
  if (!withinInputLimit(cents)) return err(outOfRange(path));
  return ok(unsafeMoney(cents === 0 ? 0 : cents));
}

function outOfRange(path: ErrorPath): CobrancaError<'amount_out_of_range'> {
  return cobrancaError('amount_out_of_range', `amount is beyond the supported range of ${INPUT_RANGE_TEXT}`, { path });
}

/**
 * Whether a value is a {@link Money} (a plain object with a safe-integer `cents`).
 * @example
 * ```ts
 * import { brl, isMoney } from 'cobranca/money';
 *
 * console.log(isMoney(brl('10.00')), isMoney({ cents: 10.5 }), isMoney('10.00')); // → true false false
 * ```
 */
export function isMoney(value: unknown): value is Money {
  return typeof value === 'object' && value !== null && Number.isSafeInteger((value as { cents?: unknown }).cents);
}

/**
 * The amount as a decimal string in reais with two places: `'373.52'`, `'-0.05'`.
 * @example
 * ```ts
 * import { fromCents, toDecimalString } from 'cobranca/money';
 *
 * console.log(toDecimalString(fromCents(123456)), toDecimalString(fromCents(-5))); // → 1234.56 -0.05
 * ```
 */
export function toDecimalString(money: Money): string {
  const negative = money.cents < 0;
  const abs = Math.abs(money.cents);
  const whole = Math.trunc(abs / 100);
  const fraction = String(abs - whole * 100).padStart(2, '0');
  return `${negative ? '-' : ''}${whole}.${fraction}`;
}

/**
 * The amount in reais as a decimal.js value (exact).
 * @example
 * ```ts
 * import { brl, toDecimal } from 'cobranca/money';
 *
 * // A decimal.js value in reais, for your own exact arithmetic.
 * console.log(toDecimal(brl('1234.56')).div(3).toFixed(4)); // → 411.5200
 * ```
 */
export function toDecimal(money: Money): Decimal {
  return new Dec(money.cents).div(100);
}

/**
 * The whole number of centavos.
 * @example
 * ```ts
 * import { brl, toCents } from 'cobranca/money';
 *
 * console.log(toCents(brl('1234.56'))); // → 123456
 * ```
 */
export function toCents(money: Money): number {
  return money.cents;
}
