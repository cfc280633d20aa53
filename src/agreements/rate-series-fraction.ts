import type { Decimal } from 'decimal.js';
import { monthLabel, monthSlices, type MonthlySeries } from './month-series.js';
import { MAX_PERCENT_DECIMALS } from './percent.js';

/** lcm(28, 29, 30, 31): a common denominator for "days ÷ days in the month". */
const MONTH_LCM = 377_580;
const SCALE = 10 ** MAX_PERCENT_DECIMALS;
const MAX_SAFE_BIG = BigInt(Number.MAX_SAFE_INTEGER);

/**
 * The exact fraction of the principal a monthly rate series earns over a period, reduced:
 * `Σ max(rate, 0) × days ÷ days-in-month ÷ 100`. `big` holds it when it does not fit doubles;
 * `missing` names the first month with no rate.
 */
export interface SeriesFraction {
  readonly numerator: number;
  readonly denominator: number;
  readonly big?: readonly [bigint, bigint];
  readonly missing?: string;
}

function bigGcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x === 0n ? 1n : x;
}

/**
 * The fraction a monthly rate series (e.g. the legal rate, CC art. 406) earns over the days in
 * `(from, to]`: each day earns its month's rate ÷ the month's days; a negative month counts as zero
 * (art. 406 §3). Exact: computed in BigInt over a common denominator.
 */
export function seriesFraction(rates: MonthlySeries, from: number, to: number): SeriesFraction {
  let numerator = 0n;
  for (const slice of monthSlices(from, to)) {
    const rate = rates.get(slice.month);
    if (rate === undefined) return { numerator: 0, denominator: 1, missing: monthLabel(slice.month) };
    numerator += earned(rateUnits(rate), slice.days, slice.daysInMonth);
  }
  return reducedSeriesFraction(numerator);
}

/** The common denominator of every series numerator: `SCALE × 100 × lcm(28, 29, 30, 31)`. */
export const SERIES_DENOMINATOR = BigInt(SCALE) * 100n * BigInt(MONTH_LCM);

/** A month's rate as a whole number of 10^-6 percent (a negative rate counts as zero, CC art. 406 §3). */
export function rateUnits(rate: Decimal): bigint {
  return rate.isNegative() ? 0n : BigInt(rate.times(SCALE).toFixed(0));
}

/** What `days` days of a month of `daysInMonth` days earn at `units`, over {@link SERIES_DENOMINATOR}. */
export function earned(units: bigint, days: number, daysInMonth: number): bigint {
  return units * BigInt(days * (MONTH_LCM / daysInMonth));
}

/** `numerator / SERIES_DENOMINATOR` reduced, in doubles when both fit. */
export function reducedSeriesFraction(total: bigint): SeriesFraction {
  let numerator = total;
  let denominator = SERIES_DENOMINATOR;
  const divisor = bigGcd(numerator, denominator);
  numerator /= divisor;
  denominator /= divisor;
  if (numerator > MAX_SAFE_BIG || denominator > MAX_SAFE_BIG) return { numerator: 0, denominator: 1, big: [numerator, denominator] };
  return { numerator: Number(numerator), denominator: Number(denominator) };
}
