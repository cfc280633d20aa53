import { Dec } from '../money/decimal.js';
import { monthLabel, monthSlices, type MonthlySeries } from './month-series.js';

/**
 * The accumulated correction factor minus one, in whole units of 10^-decimals; `big` holds it
 * exactly when it does not fit a double (then `excess` is 0); `missing` names the first month with
 * no variation.
 */
export interface CorrectionExcess {
  readonly excess: number;
  readonly big?: bigint;
  readonly missing?: string;
}

/**
 * The monetary-correction factor over the days in `(from, to]` (CC art. 389, IPCA by default):
 * `Π (1 + variation × days ÷ days-in-month ÷ 100)` over the months touched, rounded half_up to
 * `decimals` places as published tables are, and never below 1 (deflation never reduces a debt).
 * Returned as the excess over 1 so `correction = principal × excess ÷ 10^decimals`.
 */
export function correctionExcess(variations: MonthlySeries, decimals: number, from: number, to: number): CorrectionExcess {
  let factor = new Dec(1);
  for (const slice of monthSlices(from, to)) {
    const variation = variations.get(slice.month);
    if (variation === undefined) return { excess: 0, missing: monthLabel(slice.month) };
    factor = factor.times(new Dec(1).plus(variation.times(slice.days).div(100 * slice.daysInMonth)));
  }
  const excess = factor.minus(1).times(new Dec(10).pow(decimals)).toDecimalPlaces(0, Dec.ROUND_HALF_UP);
  if (!excess.isPositive() || excess.isZero()) return { excess: 0 }; // never below 1, and never −0
  // Past 2^53 a double would lose units of the factor (and so centavos): keep it exact in BigInt.
  return excess.lte(Number.MAX_SAFE_INTEGER) ? { excess: excess.toNumber() } : { excess: 0, big: BigInt(excess.toFixed(0)) };
}
