import type { Decimal } from 'decimal.js';
import { Dec, toDec, type DecimalInput } from './decimal.js';
import { exactSumCents, withinExactLimit } from './limits.js';
import { unsafeMoney, type Money } from './money.js';
import { roundToInteger, type RoundingMode } from './rounding.js';

function checked(cents: number | undefined): Money {
  if (cents === undefined || !withinExactLimit(cents)) throw new RangeError('money arithmetic left the exact range (beyond ±MAX_EXACT_CENTS centavos, see limits.ts)');
  return unsafeMoney(cents === 0 ? 0 : cents);
}

/** `a + b`, exact. */
export function add(a: Money, b: Money): Money {
  return checked(a.cents + b.cents);
}

/** `a − b`, exact. */
export function subtract(a: Money, b: Money): Money {
  return checked(a.cents - b.cents);
}

/**
 * The sum of any number of amounts (zero for none), exact in any order. Throws a `RangeError`
 * beyond ±`MAX_EXACT_CENTS` (a programmer error: with amounts from outside, sum with
 * `exactSumCents` and refuse with a typed error).
 */
export function sum(amounts: Iterable<Money>): Money {
  return checked(exactSumCents(centsOf(amounts)));
}

function* centsOf(amounts: Iterable<Money>): Generator<number> {
  for (const amount of amounts) yield amount.cents;
}

/** `−a`. */
export function negate(a: Money): Money {
  return checked(-a.cents);
}

/** `|a|`. */
export function abs(a: Money): Money {
  return checked(Math.abs(a.cents));
}

/**
 * Money from an amount in reais that may carry more than two decimals,
 * rounded to the centavo with a named mode: `fromDecimal('10.005', 'half_up')` is R$ 10,01.
 */
export function fromDecimal(reais: DecimalInput, mode: RoundingMode): Money {
  return checked(roundToInteger(toDec(reais).times(100), mode).toNumber());
}

/** `a × factor`, rounded to the centavo with a named mode. */
export function multiply(a: Money, factor: DecimalInput, mode: RoundingMode): Money {
  return checked(roundToInteger(new Dec(a.cents).times(toDec(factor)), mode).toNumber());
}

/**
 * `percent`% of `a`, rounded to the centavo with a named mode:
 * `percentOf(brl('373.52'), '2', 'half_up')` is R$ 7,47.
 */
export function percentOf(a: Money, percent: DecimalInput, mode: RoundingMode): Money {
  return checked(roundToInteger(new Dec(a.cents).times(toDec(percent)).div(100), mode).toNumber());
}

/** `a` as a decimal number of centavos times a decimal factor, unrounded (for callers that round once at the end). */
export function exactCentsTimes(a: Money, factor: DecimalInput): Decimal {
  return new Dec(a.cents).times(toDec(factor));
}

/** −1, 0 or 1 as `a` is less than, equal to or greater than `b`. */
export function compare(a: Money, b: Money): -1 | 0 | 1 {
  return a.cents < b.cents ? -1 : a.cents > b.cents ? 1 : 0;
}

/** Whether two amounts are equal. */
export function equals(a: Money, b: Money): boolean {
  return a.cents === b.cents;
}

/** `a < b`. */
export function lessThan(a: Money, b: Money): boolean {
  return a.cents < b.cents;
}

/** `a > b`. */
export function greaterThan(a: Money, b: Money): boolean {
  return a.cents > b.cents;
}

/** Whether the amount is zero. */
export function isZero(a: Money): boolean {
  return a.cents === 0;
}

/** Whether the amount is above zero. */
export function isPositive(a: Money): boolean {
  return a.cents > 0;
}

/** Whether the amount is below zero. */
export function isNegative(a: Money): boolean {
  return a.cents < 0;
}

/** The smaller of two amounts. */
export function min(a: Money, b: Money): Money {
  return a.cents <= b.cents ? a : b;
}

/** The larger of two amounts. */
export function max(a: Money, b: Money): Money {
  return a.cents >= b.cents ? a : b;
}
