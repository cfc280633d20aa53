import type { Decimal } from 'decimal.js';
import { Dec, toDec, type DecimalInput } from './decimal.js';
import { exactSumCents, withinExactLimit } from './limits.js';
import { unsafeMoney, type Money } from './money.js';
import { roundToInteger, type RoundingMode } from './rounding.js';

function checked(cents: number | undefined): Money {
  if (cents === undefined || !withinExactLimit(cents)) throw new RangeError('money arithmetic left the exact range (beyond ±MAX_EXACT_CENTS centavos, see limits.ts)');
  return unsafeMoney(cents === 0 ? 0 : cents);
}

/**
 * `a + b`, exact.
 * @example
 * ```ts
 * import { add, brl, formatBrl } from 'cobranca/money';
 *
 * console.log(formatBrl(add(brl('1234.56'), brl('0.44')))); // → R$ 1.235,00
 * ```
 */
export function add(a: Money, b: Money): Money {
  return checked(a.cents + b.cents);
}

/**
 * `a − b`, exact.
 * @example
 * ```ts
 * import { brl, formatBrl, subtract } from 'cobranca/money';
 *
 * console.log(formatBrl(subtract(brl('1234.56'), brl('1500.00')))); // → -R$ 265,44
 * ```
 */
export function subtract(a: Money, b: Money): Money {
  return checked(a.cents - b.cents);
}

/**
 * The sum of any number of amounts (zero for none), exact in any order. Throws a `RangeError`
 * beyond ±`MAX_EXACT_CENTS` (a programmer error: with amounts from outside, sum with
 * `exactSumCents` and refuse with a typed error).
 * @example
 * ```ts
 * import { brl, formatBrl, sum } from 'cobranca/money';
 *
 * const installments = [brl('411.52'), brl('411.52'), brl('411.52')];
 * console.log(formatBrl(sum(installments))); // → R$ 1.234,56
 * ```
 */
export function sum(amounts: Iterable<Money>): Money {
  return checked(exactSumCents(centsOf(amounts)));
}

function* centsOf(amounts: Iterable<Money>): Generator<number> {
  for (const amount of amounts) yield amount.cents;
}

/**
 * `−a`.
 * @example
 * ```ts
 * import { brl, formatBrl, negate } from 'cobranca/money';
 *
 * console.log(formatBrl(negate(brl('30.00')))); // → -R$ 30,00
 * ```
 */
export function negate(a: Money): Money {
  return checked(-a.cents);
}

/**
 * `|a|`.
 * @example
 * ```ts
 * import { abs, brl, formatBrl } from 'cobranca/money';
 *
 * console.log(formatBrl(abs(brl('-265.44')))); // → R$ 265,44
 * ```
 */
export function abs(a: Money): Money {
  return checked(Math.abs(a.cents));
}

/**
 * Money from an amount in reais that may carry more than two decimals,
 * rounded to the centavo with a named mode: `fromDecimal('10.005', 'half_up')` is R$ 10,01.
 * @example
 * ```ts
 * import { formatBrl, fromDecimal } from 'cobranca/money';
 *
 * // R$ 1.234,56 split in 7, rounded as named.
 * console.log(formatBrl(fromDecimal('176.3657142', 'half_up')), formatBrl(fromDecimal('176.3657142', 'down'))); // → R$ 176,37 R$ 176,36
 * ```
 */
export function fromDecimal(reais: DecimalInput, mode: RoundingMode): Money {
  return checked(roundToInteger(toDec(reais).times(100), mode).toNumber());
}

/**
 * `a × factor`, rounded to the centavo with a named mode.
 * @example
 * ```ts
 * import { brl, formatBrl, multiply } from 'cobranca/money';
 *
 * // The IPCA correction factor of a quarter applied to R$ 1.234,56.
 * console.log(formatBrl(multiply(brl('1234.56'), '1.01234567', 'half_up'))); // → R$ 1.249,80
 * ```
 */
export function multiply(a: Money, factor: DecimalInput, mode: RoundingMode): Money {
  return checked(roundToInteger(new Dec(a.cents).times(toDec(factor)), mode).toNumber());
}

/**
 * `percent`% of `a`, rounded to the centavo with a named mode:
 * `percentOf(brl('373.52'), '2', 'half_up')` is R$ 7,47.
 * @example
 * ```ts
 * import { brl, formatBrl, percentOf } from 'cobranca/money';
 *
 * // A 2% fine on R$ 1.234,56 (R$ 24,6912).
 * console.log(formatBrl(percentOf(brl('1234.56'), '2', 'half_up')), formatBrl(percentOf(brl('1234.56'), '2', 'up'))); // → R$ 24,69 R$ 24,70
 * ```
 */
export function percentOf(a: Money, percent: DecimalInput, mode: RoundingMode): Money {
  return checked(roundToInteger(new Dec(a.cents).times(toDec(percent)).div(100), mode).toNumber());
}

/**
 * `a` as a decimal number of centavos times a decimal factor, unrounded (for callers that round once at the end).
 * @example
 * ```ts
 * import { brl, exactCentsTimes } from 'cobranca/money';
 *
 * // Centavos times a factor, unrounded, to add several terms before rounding once.
 * console.log(exactCentsTimes(brl('1234.56'), '0.02').toString()); // → 2469.12
 * ```
 */
export function exactCentsTimes(a: Money, factor: DecimalInput): Decimal {
  return new Dec(a.cents).times(toDec(factor));
}

/**
 * −1, 0 or 1 as `a` is less than, equal to or greater than `b`.
 * @example
 * ```ts
 * import { brl, compare } from 'cobranca/money';
 *
 * const amounts = [brl('30.00'), brl('1234.56'), brl('0.99')];
 * console.log(amounts.sort(compare).map((a) => a.cents).join(' ')); // → 99 3000 123456
 * ```
 */
export function compare(a: Money, b: Money): -1 | 0 | 1 {
  return a.cents < b.cents ? -1 : a.cents > b.cents ? 1 : 0;
}

/**
 * Whether two amounts are equal.
 * @example
 * ```ts
 * import { brl, equals, fromCents } from 'cobranca/money';
 *
 * console.log(equals(brl('1234.56'), fromCents(123456))); // → true
 * ```
 */
export function equals(a: Money, b: Money): boolean {
  return a.cents === b.cents;
}

/**
 * `a < b`.
 * @example
 * ```ts
 * import { brl, lessThan } from 'cobranca/money';
 *
 * // Was the payment short of the amount owed?
 * console.log(lessThan(brl('1200.00'), brl('1234.56'))); // → true
 * ```
 */
export function lessThan(a: Money, b: Money): boolean {
  return a.cents < b.cents;
}

/**
 * `a > b`.
 * @example
 * ```ts
 * import { brl, greaterThan } from 'cobranca/money';
 *
 * // Did the debtor pay more than owed?
 * console.log(greaterThan(brl('1300.00'), brl('1234.56'))); // → true
 * ```
 */
export function greaterThan(a: Money, b: Money): boolean {
  return a.cents > b.cents;
}

/**
 * Whether the amount is zero.
 * @example
 * ```ts
 * import { brl, isZero, subtract } from 'cobranca/money';
 *
 * console.log(isZero(subtract(brl('1234.56'), brl('1234.56')))); // → true
 * ```
 */
export function isZero(a: Money): boolean {
  return a.cents === 0;
}

/**
 * Whether the amount is above zero.
 * @example
 * ```ts
 * import { brl, isPositive } from 'cobranca/money';
 *
 * console.log(isPositive(brl('0.01')), isPositive(brl('0'))); // → true false
 * ```
 */
export function isPositive(a: Money): boolean {
  return a.cents > 0;
}

/**
 * Whether the amount is below zero.
 * @example
 * ```ts
 * import { brl, isNegative, subtract } from 'cobranca/money';
 *
 * // A balance below zero: the debtor paid too much.
 * console.log(isNegative(subtract(brl('1234.56'), brl('1300.00')))); // → true
 * ```
 */
export function isNegative(a: Money): boolean {
  return a.cents < 0;
}

/**
 * The smaller of two amounts.
 * @example
 * ```ts
 * import { brl, formatBrl, min } from 'cobranca/money';
 *
 * // The discount may not exceed the fine.
 * console.log(formatBrl(min(brl('50.00'), brl('24.69')))); // → R$ 24,69
 * ```
 */
export function min(a: Money, b: Money): Money {
  return a.cents <= b.cents ? a : b;
}

/**
 * The larger of two amounts.
 * @example
 * ```ts
 * import { brl, formatBrl, max } from 'cobranca/money';
 *
 * // Never charge less than the minimum installment.
 * console.log(formatBrl(max(brl('8.50'), brl('10.00')))); // → R$ 10,00
 * ```
 */
export function max(a: Money, b: Money): Money {
  return a.cents >= b.cents ? a : b;
}
