/**
 * The range of amounts, in one place (docs/agreements.md "Amounts and their range").
 *
 * - An amount **given** to the library (an invoice, a payment, a discount, an installment read
 *   back) lies within ±{@link MAX_INPUT_CENTS} (R$ 1 trillion). So does an amount the library hands
 *   back for the host to give again later: an agreement's total, components and installments.
 * - A figure the library **computes** and only reports (late charges, sums of payments, an
 *   agreement's paid total) is exact up to ±{@link MAX_EXACT_CENTS} (2^53 − 1 centavos, about
 *   R$ 90 trillion): sums are taken in doubles while they are exact and in BigInt past that, and a
 *   figure beyond this limit is refused with a typed `amount_out_of_range` error, never rounded and
 *   never thrown.
 * @module
 */

/**
 * The largest amount accepted from outside, in centavos (R$ 1 trillion), and the largest amount
 * the library hands back to be given again (an agreement's total and installments).
 */
export const MAX_INPUT_CENTS = 100_000_000_000_000;

/** {@link MAX_INPUT_CENTS} as people read it in an error message: `±R$ 1 trillion`. */
export const INPUT_RANGE_TEXT = '±R$ 1 trillion';

/** The largest figure the library computes exactly, in centavos (2^53 − 1); beyond it, `amount_out_of_range`. */
export const MAX_EXACT_CENTS = Number.MAX_SAFE_INTEGER;

/**
 * Whether whole `cents` lie within ±{@link MAX_INPUT_CENTS}.
 * @example
 * ```ts
 * import { withinInputLimit } from 'cobranca/money';
 *
 * // Input is accepted up to ±R$ 1 trillion (100 trillion centavos).
 * console.log(withinInputLimit(123456), withinInputLimit(100_000_000_000_001)); // → true false
 * ```
 */
export function withinInputLimit(cents: number): boolean {
  return Number.isSafeInteger(cents) && Math.abs(cents) <= MAX_INPUT_CENTS;
}

/**
 * Whether whole `cents` lie within ±{@link MAX_EXACT_CENTS} (a safe integer).
 * @example
 * ```ts
 * import { withinExactLimit } from 'cobranca/money';
 *
 * console.log(withinExactLimit(Number.MAX_SAFE_INTEGER), withinExactLimit(2 ** 53)); // → true false
 * ```
 */
export function withinExactLimit(cents: number): boolean {
  return Number.isSafeInteger(cents);
}

/**
 * A running exact total of whole centavos (a portfolio panel, a chart point): adds in doubles while
 * exact and in BigInt past that; `cents` is `undefined` when the total lies beyond ±{@link MAX_EXACT_CENTS}.
 */
export class ExactTotal {
  private small = 0;
  private big: bigint | undefined;

  /** Adds a safe-integer number of centavos. */
  add(cents: number): void {
    if (this.big !== undefined) {
      this.big += BigInt(cents);
      return;
    }
    const next = this.small + cents;
    if (Number.isSafeInteger(next)) this.small = next;
    else this.big = BigInt(this.small) + BigInt(cents);
  }

  /** The total, or `undefined` beyond ±{@link MAX_EXACT_CENTS}. */
  get cents(): number | undefined {
    if (this.big === undefined) return this.small === 0 ? 0 : this.small;
    const result = Number(this.big);
    return Number.isSafeInteger(result) && BigInt(result) === this.big ? result : undefined;
  }
}

/**
 * The exact sum of whole numbers of centavos, or `undefined` when it lies beyond
 * ±{@link MAX_EXACT_CENTS}. Exact whatever the order of the terms: an intermediate sum past 2^53
 * (`[2^53 − 1, 2, −2]`) is finished in BigInt instead of being rounded. Each term must be a safe integer.
 * @example
 * ```ts
 * import { exactSumCents } from 'cobranca/money';
 *
 * console.log(exactSumCents([123456, 2469, 1235])); // → 127160
 * console.log(exactSumCents([Number.MAX_SAFE_INTEGER, 1])); // → undefined
 * ```
 */
export function exactSumCents(values: Iterable<number>): number | undefined {
  const total = new ExactTotal();
  for (const value of values) total.add(value);
  return total.cents;
}

/**
 * `exactSumCents` of two terms: `a + b`, or `undefined` beyond ±{@link MAX_EXACT_CENTS}.
 * @example
 * ```ts
 * import { exactAddCents } from 'cobranca/money';
 *
 * console.log(exactAddCents(123456, 2469)); // → 125925
 * console.log(exactAddCents(Number.MAX_SAFE_INTEGER, 1)); // → undefined
 * ```
 */
export function exactAddCents(a: number, b: number): number | undefined {
  const total = a + b;
  return Number.isSafeInteger(total) ? (total === 0 ? 0 : total) : undefined;
}
