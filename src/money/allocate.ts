import type { Decimal } from 'decimal.js';
import { err, ok, type Result } from 'neverthrow';
import { cobrancaError, type CobrancaError } from '../errors.js';
import { Dec, parseDecimal, type DecimalInput } from './decimal.js';
import { unsafeMoney, type Money } from './money.js';

/**
 * Where the centavos that do not divide evenly go, one centavo at a time:
 * - `first`: from the first part on (as dinero.js does for equal shares): 1000.00 in 3 → 333.34, 333.33, 333.33;
 * - `last`: from the last part back: 333.33, 333.33, 333.34;
 * - `largest_remainder`: to the parts whose exact share lost the most in truncation (Hamilton's method), ties to the earlier part.
 *
 * Parts with a zero ratio never receive a centavo.
 */
export type AllocationPolicy = 'first' | 'last' | 'largest_remainder';

/** Every allocation policy, for schemas and property tests. */
export const ALLOCATION_POLICIES = ['first', 'last', 'largest_remainder'] as const satisfies readonly AllocationPolicy[];

/** The most parts one allocation may produce. */
export const MAX_ALLOCATION_PARTS = 1_000_000;

/**
 * Splits `total` into parts that add up exactly to it: `count` equal parts, or
 * parts proportional to `ratios` (non-negative; decimals allowed). Each part is
 * the exact share truncated towards zero; the leftover centavos (fewer than the
 * number of parts) are then placed one at a time by `policy`. A negative total
 * is split like its absolute value, with every part negated.
 *
 * Errors (`invalid_allocation`): a count that is not a whole number from 1 up,
 * an empty list, a negative or non-finite ratio, or ratios that are all zero
 * while the total is not.
 * @example
 * ```ts
 * import { allocate, brl, formatBrl } from 'cobranca/money';
 *
 * const parts = allocate(brl('1000.00'), 3, 'first');
 * if (parts.isOk()) console.log(parts.value.map((part) => formatBrl(part))); // R$ 333,34, R$ 333,33, R$ 333,33
 * ```
 */
export function allocate(
  total: Money,
  countOrRatios: number | readonly DecimalInput[],
  policy: AllocationPolicy = 'first',
): Result<Money[], CobrancaError<'invalid_allocation'>> {
  // Typed as Money, but a caller from JavaScript may pass `{ cents: 100.5 }` or `'100.00'`: parse it rather than compute NaN or a wrong sum.
  const totalCents = (total as { cents?: unknown } | null | undefined)?.cents;
  if (typeof total !== 'object' || total === null || typeof totalCents !== 'number' || !Number.isSafeInteger(totalCents)) {
    return err(cobrancaError('invalid_allocation', 'the total must be Money: a safe whole number of centavos such as { cents: 10000 } (parse text with parseMoney first)', { path: ['total'] }));
  }
  if (typeof countOrRatios !== 'number' && !Array.isArray(countOrRatios)) {
    return err(cobrancaError('invalid_allocation', 'expected a number of parts or a list of ratios'));
  }
  if (typeof countOrRatios === 'number') {
    if (!Number.isSafeInteger(countOrRatios) || countOrRatios < 1 || countOrRatios > MAX_ALLOCATION_PARTS) {
      return err(cobrancaError('invalid_allocation', `the number of parts must be a whole number from 1 to ${MAX_ALLOCATION_PARTS}, got ${String(countOrRatios)}`));
    }
    return ok(toMoney(splitEqually(total.cents, countOrRatios, policy)));
  }
  const ratios = integerRatios(countOrRatios);
  if (ratios.isErr()) return err(ratios.error);
  const { numbers, bigints, sumIsZero } = ratios.value;
  if (sumIsZero) {
    if (total.cents !== 0) return err(cobrancaError('invalid_allocation', 'cannot allocate a non-zero total when every ratio is zero'));
    return ok(toMoney(new Array<number>(numbers?.length ?? bigints?.length ?? 0).fill(0)));
  }
  if (numbers) {
    const ratioSum = numbers.reduce((a, b) => a + b, 0);
    if (Number.isSafeInteger(ratioSum) && Math.abs(total.cents) * ratioSum <= Number.MAX_SAFE_INTEGER) {
      return ok(toMoney(splitByRatios(total.cents, numbers, ratioSum, policy)));
    }
  }
  const big = bigints ?? (numbers ?? []).map(BigInt);
  return ok(toMoney(splitByBigRatios(BigInt(total.cents), big, policy).map(Number)));
}

function toMoney(parts: number[]): Money[] {
  const out = new Array<Money>(parts.length);
  for (let i = 0; i < parts.length; i++) {
    const cents = parts[i] ?? 0;
    out[i] = unsafeMoney(cents === 0 ? 0 : cents);
  }
  return out;
}

/** `count` equal parts of `cents`; the fast path behind `allocate(total, n)`. */
function splitEqually(cents: number, count: number, policy: AllocationPolicy): number[] {
  const negative = cents < 0;
  const magnitude = negative ? -cents : cents;
  const quotient = Math.floor(magnitude / count);
  let leftover = magnitude - quotient * count;
  const parts = new Array<number>(count).fill(quotient);
  if (policy === 'last') {
    for (let i = count - 1; leftover > 0; i--, leftover--) parts[i] = quotient + 1;
  } else {
    // Equal shares lose the same fraction, so largest_remainder ties resolve to the earliest parts: same as `first`.
    for (let i = 0; leftover > 0; i++, leftover--) parts[i] = quotient + 1;
  }
  return negative ? parts.map((p) => -p) : parts;
}

/** Proportional split where every product fits a safe integer. */
function splitByRatios(cents: number, ratios: readonly number[], ratioSum: number, policy: AllocationPolicy): number[] {
  const negative = cents < 0;
  const magnitude = negative ? -cents : cents;
  const parts = new Array<number>(ratios.length);
  const remainders = new Array<number>(ratios.length);
  let leftover = magnitude;
  for (let i = 0; i < ratios.length; i++) {
    const product = magnitude * (ratios[i] ?? 0);
    const share = Math.floor(product / ratioSum);
    parts[i] = share;
    remainders[i] = product - share * ratioSum;
    leftover -= share;
  }
  placeLeftover(parts, leftover, ratios.map((r) => r > 0), (a, b) => (remainders[b] ?? 0) - (remainders[a] ?? 0), policy);
  return negative ? parts.map((p) => -p) : parts;
}

/** The same split in BigInt, for ratios or totals too large for exact doubles. */
function splitByBigRatios(cents: bigint, ratios: readonly bigint[], policy: AllocationPolicy): bigint[] {
  const negative = cents < 0n;
  const magnitude = negative ? -cents : cents;
  const ratioSum = ratios.reduce((a, b) => a + b, 0n);
  const shares: bigint[] = [];
  const remainders: bigint[] = [];
  let leftover = magnitude;
  for (const ratio of ratios) {
    const product = magnitude * ratio;
    shares.push(product / ratioSum);
    remainders.push(product % ratioSum);
    leftover -= product / ratioSum;
  }
  const parts = shares.map(Number);
  const byRemainderDesc = (a: number, b: number): number => {
    const ra = remainders[a] ?? 0n;
    const rb = remainders[b] ?? 0n;
    return ra === rb ? 0 : ra > rb ? -1 : 1;
  };
  placeLeftover(parts, Number(leftover), ratios.map((r) => r > 0n), byRemainderDesc, policy);
  return parts.map((p) => BigInt(negative ? -p : p));
}

/**
 * Adds one centavo at a time to `parts` (in place) until `leftover` is used,
 * in the order the policy names. `byRemainderDesc` ranks part indexes for
 * `largest_remainder` (ties go to the earlier part).
 */
function placeLeftover(
  parts: number[],
  leftover: number,
  eligible: readonly boolean[],
  byRemainderDesc: (a: number, b: number) => number,
  policy: AllocationPolicy,
): void {
  if (leftover === 0) return;
  let order: number[];
  if (policy === 'largest_remainder') {
    order = parts.map((_, i) => i).filter((i) => eligible[i]);
    order.sort((a, b) => byRemainderDesc(a, b) || a - b);
  } else {
    order = [];
    for (let i = 0; i < parts.length; i++) if (eligible[i]) order.push(i);
    if (policy === 'last') order.reverse();
  }
  for (let k = 0; k < leftover; k++) {
    const index = order[k % order.length] ?? 0;
    parts[index] = (parts[index] ?? 0) + 1;
  }
}

interface IntegerRatios {
  /** The ratios as safe integers, when they all are. */
  readonly numbers?: number[];
  /** The ratios scaled to integers, when some are decimals or too large. */
  readonly bigints?: bigint[];
  readonly sumIsZero: boolean;
}

function integerRatios(ratios: readonly DecimalInput[]): Result<IntegerRatios, CobrancaError<'invalid_allocation'>> {
  if (ratios.length === 0) return err(cobrancaError('invalid_allocation', 'at least one ratio is needed'));
  if (ratios.length > MAX_ALLOCATION_PARTS) return err(cobrancaError('invalid_allocation', `at most ${MAX_ALLOCATION_PARTS} parts`));
  if (ratios.every((r) => typeof r === 'number' && Number.isSafeInteger(r) && r >= 0)) {
    const numbers = ratios as number[];
    return ok({ numbers: numbers.slice(), sumIsZero: numbers.every((r) => r === 0) });
  }
  const decimals: Decimal[] = [];
  for (const [i, ratio] of ratios.entries()) {
    const parsed = parseDecimal(ratio, [i]);
    if (parsed.isErr()) return err(cobrancaError('invalid_allocation', `ratio ${i} is not a finite decimal`, { path: [i] }));
    if (parsed.value.isNegative() && !parsed.value.isZero()) return err(cobrancaError('invalid_allocation', `ratio ${i} is negative`, { path: [i] }));
    decimals.push(parsed.value);
  }
  // A loop, not Math.max(...list): spreading 150,000 arguments overflows the stack.
  let places = 0;
  for (const d of decimals) places = Math.max(places, d.decimalPlaces());
  const scale = new Dec(10).pow(places);
  const bigints = decimals.map((d) => BigInt(d.times(scale).toFixed(0)));
  return ok({ bigints, sumIsZero: bigints.every((b) => b === 0n) });
}
