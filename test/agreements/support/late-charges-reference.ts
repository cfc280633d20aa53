import type { Decimal } from 'decimal.js';
import { dateParts, daysInMonth, epochDayOf, fromEpochDay, type BusinessCalendar } from '../../../src/calendar/index.js';
import { type RoundingMode } from '../../../src/money/index.js';
import { Dec } from '../../../src/money/decimal.js';

/** A policy in the plain shape the straightforward decimal.js computation reads. */
export interface ReferencePolicy {
  readonly finePercent: string;
  readonly consumerCapPercent: string | null;
  readonly interest: { kind: 'none' } | { kind: 'monthly' | 'annual'; percent: string } | { kind: 'series'; rates: Record<string, string> };
  readonly correction?: { variations: Record<string, string>; factorDecimals: number };
  readonly graceDays: number;
  readonly rounding: RoundingMode;
  /** Interest on the principal (default) or on the principal plus its rounded correction. */
  readonly interestOn?: 'principal' | 'corrected';
}

const MODE: Record<RoundingMode, Decimal.Rounding> = { 'half_up': Dec.ROUND_HALF_UP, 'half_even': Dec.ROUND_HALF_EVEN, down: Dec.ROUND_DOWN, up: Dec.ROUND_UP };

function monthKey(epochDay: number): string {
  return fromEpochDay(epochDay).slice(0, 7);
}

/**
 * The straightforward decimal.js computation of the late charges of one invoice, written from
 * DOMAIN.md §1 independently of the fast path: walk the days, build each figure as a decimal, divide
 * last, round once.
 */
export function referenceLateCharges(
  principalCents: number,
  dueEpochDay: number,
  asOfEpochDay: number,
  policy: ReferencePolicy,
  calendar: BusinessCalendar,
  /** Optional memo of the correction factor by (due, as-of), as a straightforward implementation would keep one. */
  factorCache?: Map<number, Decimal>,
): { fine: number; interest: number; correction: number; total: number } {
  let rolled = dueEpochDay;
  while (!calendar.isBusinessEpochDay(rolled)) rolled += 1;
  const chargeFree = Math.max(rolled, dueEpochDay + policy.graceDays);
  if (asOfEpochDay <= chargeFree) return { fine: 0, interest: 0, correction: 0, total: principalCents };
  const principal = new Dec(principalCents);
  const days = asOfEpochDay - dueEpochDay;
  const mode = MODE[policy.rounding];

  let finePct = new Dec(policy.finePercent);
  if (policy.consumerCapPercent !== null) finePct = Dec.min(finePct, new Dec(policy.consumerCapPercent));
  const fine = principal.times(finePct).div(100).toDecimalPlaces(0, mode);

  const correction = correctionOf(principalCents, dueEpochDay, asOfEpochDay, policy, factorCache);
  const roundedCorrection = correction.toDecimalPlaces(0, mode);
  const interestBase = policy.interestOn === 'corrected' ? principal.plus(roundedCorrection) : principal;
  let interest = new Dec(0);
  const rule = policy.interest;
  if (rule.kind === 'monthly') interest = interestBase.times(rule.percent).times(days).div(100 * 30);
  else if (rule.kind === 'annual') interest = interestBase.times(rule.percent).times(days).div(100 * 365);
  else if (rule.kind === 'series') {
    // Σ rate × days-in-month-of-the-period / days-in-month, over a common denominator so the division is last.
    let numerator = new Dec(0);
    const common = 377_580;
    for (let day = dueEpochDay + 1; day <= asOfEpochDay; day++) {
      const key = monthKey(day);
      const rate = Dec.max(new Dec(rule.rates[key] ?? Number.NaN), 0);
      const { year, month } = dateParts(fromEpochDay(day));
      numerator = numerator.plus(rate.times(common / daysInMonth(year, month)));
    }
    interest = interestBase.times(numerator).div(100 * common);
  }

  const roundedInterest = interest.toDecimalPlaces(0, mode);
  const plain = (d: Decimal): number => d.toNumber() + 0; // decimal.js keeps the sign of zero; a centavo count does not.
  return {
    fine: plain(fine),
    interest: plain(roundedInterest),
    correction: plain(roundedCorrection),
    total: plain(principal.plus(fine).plus(roundedInterest).plus(roundedCorrection)),
  };
}

function correctionOf(principalCents: number, dueEpochDay: number, asOfEpochDay: number, policy: ReferencePolicy, factorCache?: Map<number, Decimal>): Decimal {
  if (policy.correction) {
    const scale = new Dec(10).pow(policy.correction.factorDecimals);
    const key = dueEpochDay * 1_000_000 + asOfEpochDay;
    let excess = factorCache?.get(key);
    if (excess === undefined) {
      // Month by month: each month's variation × its days in the period ÷ its length, compounded.
      let factor = new Dec(1);
      let day = dueEpochDay + 1;
      while (day <= asOfEpochDay) {
        const { year, month } = dateParts(fromEpochDay(day));
        const length = daysInMonth(year, month);
        const last = Math.min(epochDayOf(year, month, length), asOfEpochDay);
        const variation = new Dec(policy.correction.variations[fromEpochDay(day).slice(0, 7)] ?? Number.NaN);
        factor = factor.times(new Dec(1).plus(variation.times(last - day + 1).div(100 * length)));
        day = last + 1;
      }
      excess = Dec.max(factor.minus(1).times(scale).toDecimalPlaces(0, Dec.ROUND_HALF_UP), 0);
      factorCache?.set(key, excess);
    }
    return new Dec(principalCents).times(excess).div(scale);
  }
  return new Dec(0);
}
