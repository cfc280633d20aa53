import { err, ok, type Result } from 'neverthrow';
import { defaultBusinessCalendar, FIRST_SUPPORTED_YEAR, LAST_SUPPORTED_YEAR, type BusinessCalendar } from '../calendar/index.js';
import { isSupportedEpochDay } from '../calendar/civil-date.js';
import { daysSinceDueEpoch, payableEpochDay } from '../calendar/due-date.js';
import { cobrancaError, parseInput } from '../errors.js';
import { exactSumCents, MAX_EXACT_CENTS, MAX_INPUT_CENTS, withinExactLimit, type RoundingMode } from '../money/index.js';
import type { AgreementsError } from './errors.js';
import { bigMulDivRound, mulDivRound } from '../money/exact-ratio.js';
import { describe } from '../money/decimal.js';
import { lateChargesPolicySchema, type LateChargesPolicy, type LateChargesPolicyInput } from './late-charges-policy.js';
import { indexCorrectionSeries } from './correction-index.js';
import { toMonthlySeries, type MonthlySeries } from './month-series.js';
import { pairMemo } from './pair-cache.js';
import { scalePercent } from './percent.js';
import { indexRateSeries } from './rate-series-index.js';

/** The fine rule as applied: what the policy asked for, the cap and what was charged. */
export interface AppliedFineRule {
  /** The fine percentage the policy asked for. */
  readonly requestedPercent: string;
  /** The percentage charged (the requested one, or the cap when lower). */
  readonly appliedPercent: string;
  /** The consumer cap in force (CDC art. 52 §1), or `null` when the contract is not a consumer one. */
  readonly capPercent: string | null;
  /** Whether the cap reduced the fine. */
  readonly capped: boolean;
}

/** The charges of one invoice with no payments, in centavos (the fast path's result). */
export interface LateChargesFigures {
  /** Calendar days after the original due date (0 when not yet due; `daysSinceDueEpoch`). */
  readonly daysLate: number;
  /** Whether charges apply (the as-of date is after the charge-free window). */
  readonly late: boolean;
  readonly fineCents: number;
  readonly interestCents: number;
  readonly correctionCents: number;
  /** Principal + fine + interest + correction. */
  readonly totalCents: number;
}

/** Interest and correction accrued on a principal over the days in `(from, to]`. */
export interface Accrual {
  readonly interestCents: number;
  readonly correctionCents: number;
}

/** Column input of {@link LateChargesCalculator.batch}: one entry per invoice. */
export interface LateChargesBatchInput {
  /** Principal of each invoice in centavos (whole, 0 to R$ 1 trillion). */
  readonly principalCents: ArrayLike<number>;
  /** Original due date of each invoice as an epoch day (`toEpochDay`). */
  readonly dueEpochDays: ArrayLike<number>;
  /** The as-of date of the whole batch as an epoch day. */
  readonly asOfEpochDay: number;
}

/** Column output of {@link LateChargesCalculator.batch}, index-aligned with the input. */
export interface LateChargesColumns {
  readonly daysLate: Int32Array;
  readonly fineCents: Float64Array;
  readonly interestCents: Float64Array;
  readonly correctionCents: Float64Array;
  readonly totalCents: Float64Array;
}

/**
 * A late-charges policy compiled once into integer constants: the trusted fast path behind
 * {@link calculateLateCharges} and the way to price a large portfolio. Every figure is the exact
 * rational value rounded once with the policy's mode, identical to a decimal.js computation that
 * divides last (a property test proves it).
 */
export interface LateChargesCalculator {
  readonly policy: LateChargesPolicy;
  readonly fineRule: AppliedFineRule;
  /**
   * The last epoch day on which an invoice due on `dueEpochDay` may be paid with no charges: the
   * next business day when the due date is not one, and at least the due date + grace days.
   */
  chargeFreeUntil(dueEpochDay: number): number;
  /** The fine on a principal (charged once). */
  fineCents(principalCents: number): number;
  /** Interest and correction on a principal over the days in `(fromEpochDay, toEpochDay]` (`amount_out_of_range` past 2^53 − 1 centavos). */
  accrue(principalCents: number, fromEpochDay: number, toEpochDay: number): Result<Accrual, AgreementsError>;
  /** The charges of one invoice with no payments (`amount_out_of_range` when the total passes 2^53 − 1 centavos). */
  figures(principalCents: number, dueEpochDay: number, asOfEpochDay: number): Result<LateChargesFigures, AgreementsError>;
  /** The charges of many invoices with no payments, written into columns (no per-invoice allocation); every figure exact or `amount_out_of_range`. */
  batch(input: LateChargesBatchInput): Result<LateChargesColumns, AgreementsError>;
}

/** Options of {@link lateChargesCalculator} and {@link calculateLateCharges}. */
export interface LateChargesOptions {
  /** The business-day calendar for due dates on weekends and holidays (default: the national banking calendar). */
  readonly calendar?: BusinessCalendar;
}

/** Every calculator handed out by `lateChargesCalculator`: a host may pass one wherever a policy goes. */
const handles = new WeakSet<object>();

/** Whether `value` is a calculator from `lateChargesCalculator` (a compiled policy a host passes in place of a policy). */
export function isPolicyHandle(value: unknown): value is LateChargesCalculator {
  return typeof value === 'object' && value !== null && handles.has(value);
}

const NONE = 0;
const LINEAR = 1;
const SERIES = 2;
/** Returned by the internal figures when a series has no value for a month. */
const MISSING = -1;


/** A principal that is not a whole number of centavos within the supported range, as a typed error. */
function badPrincipal(principal: unknown, path: (string | number)[]): AgreementsError | undefined {
  if (typeof principal === 'number' && Number.isSafeInteger(principal) && principal >= 0 && principal <= MAX_INPUT_CENTS) return undefined;
  return cobrancaError('invalid_input', `principal must be a whole number of centavos from 0 to ${MAX_INPUT_CENTS}, got ${describe(principal)}`, { path });
}

/** An epoch day that is not a whole day within the supported years, as a typed error. */
function badDay(day: unknown, path: (string | number)[]): AgreementsError | undefined {
  if (isSupportedEpochDay(day)) return undefined;
  return cobrancaError('invalid_input', `expected a whole epoch day between the years ${FIRST_SUPPORTED_YEAR} and ${LAST_SUPPORTED_YEAR}, got ${describe(day)}`, { path });
}

/**
 * Compiles a late-charges policy (docs/legal.md §1). Errors: `invalid_input` naming the policy field.
 * @example
 * ```ts
 * import { lateChargesCalculator } from 'cobranca/agreements';
 * import { civilDate, toEpochDay } from 'cobranca/calendar';
 *
 * // A portfolio: compile the policy once, then pass columns of centavos and epoch days.
 * const calculator = lateChargesCalculator({ interest: { kind: 'monthly', percent: '1' }, fine: { percent: '2' } });
 * const columns = calculator.andThen((c) => c.batch({
 *   principalCents: [123_456, 37_352],
 *   dueEpochDays: [civilDate('2026-03-10'), civilDate('2026-02-10')].map(toEpochDay),
 *   asOfEpochDay: toEpochDay(civilDate('2026-04-09')),
 * }));
 * columns.match(
 *   (figures) => console.log(Array.from(figures.totalCents).join(' ')), // → 127160 38821
 *   (error) => console.error(error.code, error.message),
 * );
 * ```
 */
export function lateChargesCalculator(policyInput: LateChargesPolicyInput, options: LateChargesOptions = {}): Result<LateChargesCalculator, AgreementsError> {
  const parsed = parseInput(lateChargesPolicySchema, policyInput, ['policy']);
  if (parsed.isErr()) return err(parsed.error);
  const calculator = compile(parsed.value, options.calendar ?? defaultBusinessCalendar());
  handles.add(calculator);
  return ok(calculator);
}

/** Compiles an already-parsed policy. */
export function compileLateChargesPolicy(policy: LateChargesPolicy, calendar: BusinessCalendar = defaultBusinessCalendar()): LateChargesCalculator {
  return compile(policy, calendar);
}

/** The fine rule compiled: the rule as applied and its ratio (percent / 100, capped for consumer contracts). */
function compileFine(policy: LateChargesPolicy): { readonly fineRule: AppliedFineRule; readonly fineNum: number; readonly fineDen: number } {
  const requested = policy.fine.percent;
  const cap = policy.fine.consumerContract ? policy.fine.consumerCapPercent : null;
  const applied = cap !== null && cap.lt(requested) ? cap : requested;
  const fineRule: AppliedFineRule = {
    requestedPercent: requested.toString(),
    appliedPercent: applied.toString(),
    capPercent: cap === null ? null : cap.toString(),
    capped: cap !== null && cap.lt(requested),
  };
  const finePct = scalePercent(applied);
  return { fineRule, fineNum: finePct.numerator, fineDen: finePct.scale * 100 };
}

/** An accrual compiled from the policy: the centavos over `(from, to]`, or MISSING with the month it lacks. */
interface CompiledAccrual {
  cents(principal: number, from: number, to: number): number;
  /** The month a series lacked on the last MISSING answer. */
  readonly missingMonth: () => string;
}

/** Interest compiled: a linear rate (monthly/30 or annual/365) or a monthly series indexed once. */
function compileInterest(policy: LateChargesPolicy, mode: RoundingMode): CompiledAccrual {
  const interest = policy.interest;
  let interestKind = NONE;
  let rateNum = 0;
  let rateDen = 1;
  const rates: MonthlySeries = interest.kind === 'series' ? toMonthlySeries(interest.rates) : new Map();
  if (interest.kind === 'monthly' || interest.kind === 'annual') {
    const pct = scalePercent(interest.percent);
    interestKind = pct.numerator === 0 ? NONE : LINEAR;
    rateNum = pct.numerator;
    rateDen = pct.scale * 100 * (interest.kind === 'monthly' ? 30 : 365);
  } else if (interest.kind === 'series') interestKind = SERIES;
  // Indexed once per policy: a period's fraction is then two look-ups, however long the series (issue 12 item 10).
  const rateIndex = indexRateSeries(rates);
  const seriesFractionOf = pairMemo((from, to) => rateIndex.fraction(from, to));
  let missingRateMonth = '';
  return {
    cents(principal, from, to) {
      if (interestKind === LINEAR) return mulDivRound(principal, rateNum * (to - from), rateDen, mode);
      if (interestKind === NONE || to <= from) return 0;
      const fraction = seriesFractionOf(from, to);
      if (fraction.missing !== undefined) {
        missingRateMonth = fraction.missing;
        return MISSING;
      }
      if (fraction.big) return bigMulDivRound(BigInt(principal) * fraction.big[0], fraction.big[1], mode);
      return mulDivRound(principal, fraction.numerator, fraction.denominator, mode);
    },
    missingMonth: () => missingRateMonth,
  };
}

/** Monetary correction compiled: the index's running products, indexed once per policy. */
function compileCorrection(policy: LateChargesPolicy, mode: RoundingMode): CompiledAccrual {
  const correction = policy.correction;
  const variations: MonthlySeries = correction ? toMonthlySeries(correction.variations) : new Map();
  const factorDecimals = correction?.factorDecimals ?? 8;
  const factorScale = 10 ** factorDecimals;
  // Indexed once per policy too: a factor is two partial months and a quotient of running products.
  const correctionIndex = indexCorrectionSeries(variations, factorDecimals);
  const correctionExcessOf = pairMemo((from, to) => correctionIndex.excess(from, to));
  let missingIndexMonth = '';
  return {
    cents(principal, from, to) {
      if (!correction || to <= from) return 0;
      const factor = correctionExcessOf(from, to);
      if (factor.missing !== undefined) {
        missingIndexMonth = factor.missing;
        return MISSING;
      }
      if (factor.big !== undefined) return bigMulDivRound(BigInt(principal) * factor.big, BigInt(factorScale), mode);
      return mulDivRound(principal, factor.excess, factorScale, mode);
    },
    missingMonth: () => missingIndexMonth,
  };
}

function compile(policy: LateChargesPolicy, calendar: BusinessCalendar): LateChargesCalculator {
  const mode: RoundingMode = policy.rounding;
  const graceDays = policy.graceDays;
  const onCorrected = policy.interestOn === 'corrected';
  const { fineRule, fineNum, fineDen } = compileFine(policy);
  const interest = compileInterest(policy, mode);
  const correction = compileCorrection(policy, mode);

  function chargeFreeUntil(due: number): number {
    if (!Number.isSafeInteger(due)) throw new RangeError(`chargeFreeUntil expects a whole epoch day, got ${describe(due)}`);
    const rolled = payableEpochDay(due, calendar);
    const graceEnd = due + graceDays;
    return graceEnd > rolled ? graceEnd : rolled;
  }

  function fineCents(principal: number): number {
    if (badPrincipal(principal, [])) throw new RangeError(`fineCents expects a whole number of centavos from 0 to ${MAX_INPUT_CENTS}, got ${describe(principal)}`);
    return fineNum === 0 ? 0 : mulDivRound(principal, fineNum, fineDen, mode);
  }

  function outOfRange(path: (string | number)[]): AgreementsError {
    return cobrancaError('amount_out_of_range', `the late charges are beyond what can be computed exactly (±${MAX_EXACT_CENTS} centavos)`, { path });
  }

  function missingRate(): AgreementsError {
    const month = interest.missingMonth();
    return cobrancaError('rate_missing', `the interest-rate series has no rate for ${month}`, { path: ['policy', 'interest', 'rates'], details: { month } });
  }

  function missingIndex(): AgreementsError {
    const month = correction.missingMonth();
    const index = policy.correction?.index;
    return cobrancaError('index_missing', `the ${index ?? 'correction'} series has no variation for ${month}`, { path: ['policy', 'correction', 'variations'], details: { month, index } });
  }

  function accrue(principal: number, from: number, to: number): Result<Accrual, AgreementsError> {
    const problem = badPrincipal(principal, ['principalCents']) ?? badDay(from, ['fromEpochDay']) ?? badDay(to, ['toEpochDay']);
    if (problem) return err(problem);
    const correctionPart = correction.cents(principal, from, to);
    if (correctionPart === MISSING) return err(missingIndex());
    if (!withinExactLimit(correctionPart)) return err(outOfRange(['principalCents']));
    const interestPart = interest.cents(onCorrected ? principal + correctionPart : principal, from, to);
    if (interestPart === MISSING) return err(missingRate());
    if (!withinExactLimit(interestPart)) return err(outOfRange(['principalCents']));
    return ok({ interestCents: interestPart, correctionCents: correctionPart });
  }

  function figures(principal: number, due: number, asOf: number): Result<LateChargesFigures, AgreementsError> {
    const problem = badPrincipal(principal, ['principalCents']) ?? badDay(due, ['dueEpochDay']) ?? badDay(asOf, ['asOfEpochDay']);
    if (problem) return err(problem);
    const daysLate = daysSinceDueEpoch(due, asOf);
    if (asOf <= chargeFreeUntil(due)) {
      return ok({ daysLate, late: false, fineCents: 0, interestCents: 0, correctionCents: 0, totalCents: principal });
    }
    const accrual = accrue(principal, due, asOf);
    if (accrual.isErr()) return err(accrual.error);
    const fine = fineCents(principal);
    const { interestCents: interestPart, correctionCents: correctionPart } = accrual.value;
    const totalCents = exactSumCents([principal, fine, interestPart, correctionPart]);
    if (totalCents === undefined) return err(outOfRange(['principalCents']));
    return ok({ daysLate, late: true, fineCents: fine, interestCents: interestPart, correctionCents: correctionPart, totalCents });
  }

  function batch(input: LateChargesBatchInput): Result<LateChargesColumns, AgreementsError> {
    const { principalCents, dueEpochDays, asOfEpochDay: asOf } = input;
    const count = principalCents.length;
    if (dueEpochDays.length !== count) {
      return err(cobrancaError('invalid_input', `expected one due date per principal (${count}), got ${dueEpochDays.length}`, { path: ['dueEpochDays'] }));
    }
    const asOfProblem = badDay(asOf, ['asOfEpochDay']);
    if (asOfProblem) return err(asOfProblem);
    const out: LateChargesColumns = {
      daysLate: new Int32Array(count),
      fineCents: new Float64Array(count),
      interestCents: new Float64Array(count),
      correctionCents: new Float64Array(count),
      totalCents: new Float64Array(count),
    };
    for (let i = 0; i < count; i++) {
      const principal = principalCents[i] ?? -1;
      const due = dueEpochDays[i] ?? Number.NaN;
      const problem = badPrincipal(principal, ['principalCents', i]) ?? badDay(due, ['dueEpochDays', i]);
      if (problem) return err(problem);
      out.daysLate[i] = daysSinceDueEpoch(due, asOf);
      let total = principal;
      if (asOf > chargeFreeUntil(due)) {
        const correctionPart = correction.cents(principal, due, asOf);
        if (correctionPart === MISSING) return err(missingIndex());
        const interestPart = interest.cents(onCorrected ? principal + correctionPart : principal, due, asOf);
        if (interestPart === MISSING) return err(missingRate());
        const fine = fineNum === 0 ? 0 : mulDivRound(principal, fineNum, fineDen, mode);
        out.fineCents[i] = fine;
        out.interestCents[i] = interestPart;
        out.correctionCents[i] = correctionPart;
        total += fine + interestPart + correctionPart;
        // Every part is exact while the total is (each is non-negative): past 2^53 it is refused, never rounded.
        if (!withinExactLimit(total)) return err(outOfRange(['principalCents', i]));
      }
      out.totalCents[i] = total;
    }
    return ok(out);
  }

  return { policy, fineRule, chargeFreeUntil, fineCents, accrue, figures, batch };
}
