import type { Decimal } from 'decimal.js';
import { daysInMonth } from '../calendar/index.js';
import { Dec } from '../money/decimal.js';
import { correctionExcess, type CorrectionExcess } from './correction-factor.js';
import { monthAndDayOf, monthCoverage } from './month-coverage.js';
import { monthLabel, type MonthlySeries } from './month-series.js';

/** A correction-index series indexed once, so the factor over any period never walks the series again. */
export interface CorrectionIndex {
  /** The correction factor's excess over 1 for the days in `(from, to]`: the same answer as `correctionExcess`. */
  excess(from: number, to: number): CorrectionExcess;
}

const ONE: CorrectionExcess = { excess: 0 };
/** How close to a half unit the factor may fall before the index hands the period to the exact month-by-month walk. */
const TIE_MARGIN = new Dec('1e-9');
const HALF = new Dec('0.5');

/**
 * Indexes a monthly correction series (IPCA) once: running products of the whole months' factors
 * (decimal.js, 60 digits). A period's factor is its two partial months times a quotient of two
 * running products, a handful of operations whatever its length. The quotient carries a relative
 * error far below 10^-40, so it rounds to `decimals` places (half_up, never below 1) exactly as
 * the month-by-month walk does, except within {@link TIE_MARGIN} of a half unit, where a rounding
 * could turn on that error: such a period (and any period of a series with a month of −100% or
 * less) is computed by the walk itself, so the answer is always the walk's.
 */
export function indexCorrectionSeries(variations: MonthlySeries, decimals: number): CorrectionIndex {
  const coverage = monthCoverage(variations);
  const { first, count } = coverage;
  const monthly: Decimal[] = new Array<Decimal>(count);
  /** `product[k]`: the factors of the whole months `first … first + k − 1`, multiplied. */
  const product: Decimal[] = new Array<Decimal>(count + 1);
  product[0] = new Dec(1);
  let walkInstead = false;
  for (let k = 0; k < count; k++) {
    const variation = variations.get(first + k);
    monthly[k] = variation ?? new Dec(0);
    const factor = (monthly[k] as Decimal).div(100).plus(1);
    if (!factor.isPositive() || factor.isZero()) walkInstead = true;
    product[k + 1] = (product[k] as Decimal).times(factor);
  }
  const scale = new Dec(10).pow(decimals);

  /** The factor of `days` days of month `k`, of `length` days (pro rata die, as the walk takes it). */
  function partial(k: number, days: number, length: number): Decimal {
    return new Dec(1).plus((monthly[k] as Decimal).times(days).div(100 * length));
  }

  return {
    excess(from: number, to: number): CorrectionExcess {
      if (walkInstead) return correctionExcess(variations, decimals, from, to);
      if (to <= from) return ONE;
      const start = monthAndDayOf(from + 1);
      const end = monthAndDayOf(to);
      const gap = coverage.firstGap(start.month, end.month);
      if (gap !== undefined) return { excess: 0, missing: monthLabel(gap) };
      const a = start.month - first;
      const b = end.month - first;
      const startLength = daysInMonth(start.year, start.monthOfYear);
      const factor =
        a === b
          ? partial(a, to - from, startLength)
          : partial(a, startLength - start.day + 1, startLength)
              .times((product[b] as Decimal).div(product[a + 1] as Decimal))
              .times(partial(b, end.day, daysInMonth(end.year, end.monthOfYear)));
      const units = factor.minus(1).times(scale);
      if (units.minus(units.floor()).minus(HALF).abs().lt(TIE_MARGIN)) return correctionExcess(variations, decimals, from, to);
      const excess = units.toDecimalPlaces(0, Dec.ROUND_HALF_UP);
      if (!excess.isPositive() || excess.isZero()) return ONE; // never below 1, and never −0
      return excess.lte(Number.MAX_SAFE_INTEGER) ? { excess: excess.toNumber() } : { excess: 0, big: BigInt(excess.toFixed(0)) };
    },
  };
}
