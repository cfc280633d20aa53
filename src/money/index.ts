/**
 * Brazilian reais, exact to the centavo.
 * @module money
 */
export { type Money, ZERO, brl, fromCents, parseMoney, isMoney, toDecimalString, toDecimal, toCents } from './money.js';
export { add, subtract, sum, negate, abs, fromDecimal, multiply, percentOf, exactCentsTimes, compare, equals, lessThan, greaterThan, isZero, isPositive, isNegative, min, max } from './arithmetic.js';
export { type RoundingMode, ROUNDING_MODES, roundToInteger, decimalJsRounding } from './rounding.js';
export { type AllocationPolicy, ALLOCATION_POLICIES, MAX_ALLOCATION_PARTS, allocate } from './allocate.js';
export { formatBrl, parseBrl } from './format.js';
export { MAX_INPUT_CENTS, MAX_EXACT_CENTS, INPUT_RANGE_TEXT, withinInputLimit, withinExactLimit, exactSumCents, exactAddCents, ExactTotal } from './limits.js';
export { type DecimalInput, parseDecimal } from './decimal.js';
export { moneySchema, nonNegativeMoneySchema, decimalSchema, nonNegativePercentSchema, roundingModeSchema, allocationPolicySchema } from './schema.js';
