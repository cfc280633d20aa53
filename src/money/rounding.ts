import { Decimal } from 'decimal.js';

/**
 * How a value with more precision than a centavo is brought to a whole centavo.
 * - `half_up`: nearest, ties away from zero (0.5 → 1, −0.5 → −1). The default for charges.
 * - `half_even`: nearest, ties to the even neighbour (banker's rounding).
 * - `down`: towards zero (truncate).
 * - `up`: away from zero.
 */
export type RoundingMode = 'half_up' | 'half_even' | 'down' | 'up';

/** Every rounding mode, for schemas and property tests. */
export const ROUNDING_MODES = ['half_up', 'half_even', 'down', 'up'] as const satisfies readonly RoundingMode[];

const DECIMAL_JS_MODE: Record<RoundingMode, Decimal.Rounding> = {
  'half_up': Decimal.ROUND_HALF_UP,
  'half_even': Decimal.ROUND_HALF_EVEN,
  down: Decimal.ROUND_DOWN,
  up: Decimal.ROUND_UP,
};

/**
 * Rounds a decimal to an integer with a named mode.
 * @example
 * ```ts
 * import { Decimal } from 'decimal.js';
 * import { roundToInteger } from 'cobranca/money';
 *
 * // 2469.5 centavos: half_up and half_even part ways on a tie.
 * const cents = new Decimal('2469.5');
 * console.log(roundToInteger(cents, 'half_up').toString(), roundToInteger(cents, 'half_even').toString()); // → 2470 2470
 * console.log(roundToInteger(new Decimal('2468.5'), 'half_even').toString()); // → 2468
 * ```
 */
export function roundToInteger(value: Decimal, mode: RoundingMode): Decimal {
  return value.toDecimalPlaces(0, DECIMAL_JS_MODE[mode]);
}

/**
 * The decimal.js constant for a rounding mode (for code that rounds to other scales).
 * @example
 * ```ts
 * import { Decimal } from 'decimal.js';
 * import { decimalJsRounding } from 'cobranca/money';
 *
 * // The decimal.js constant for a named mode, for your own decimal.js figures.
 * console.log(new Decimal('24.6912').toDecimalPlaces(2, decimalJsRounding('up')).toString()); // → 24.7
 * ```
 */
export function decimalJsRounding(mode: RoundingMode): Decimal.Rounding {
  return DECIMAL_JS_MODE[mode];
}
