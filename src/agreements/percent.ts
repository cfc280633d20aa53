import type { Decimal } from 'decimal.js';
import * as z from 'zod';
import { decimalSchema } from '../money/index.js';

/** The most decimal places a percentage or rate may carry. */
export const MAX_PERCENT_DECIMALS = 6;

/** The largest percentage accepted (1000%), so every exact product stays in range. */
export const MAX_PERCENT = 1000;

/** A percentage as an exact fraction of integers: `percent = numerator / scale`. */
export interface ScaledPercent {
  readonly numerator: number;
  readonly scale: number;
}

/** Splits a decimal percentage with at most {@link MAX_PERCENT_DECIMALS} places into an integer numerator and a power-of-ten scale. */
export function scalePercent(value: Decimal, scale = 10 ** Math.max(0, value.decimalPlaces())): ScaledPercent {
  return { numerator: value.times(scale).toNumber(), scale };
}

function withinPrecision(d: Decimal): boolean {
  return d.decimalPlaces() <= MAX_PERCENT_DECIMALS && d.abs().lte(MAX_PERCENT);
}

const precisionMessage = `a percentage has at most ${MAX_PERCENT_DECIMALS} decimal places and lies within ±${MAX_PERCENT}`;

/** zod schema for a percentage from 0 to 1000 with at most six decimals (`'2'` is 2%); outputs a decimal.js value. */
export const percentSchema = decimalSchema
  .refine((d) => !d.isNegative() || d.isZero(), 'a percentage may not be negative')
  .refine(withinPrecision, precisionMessage);

/** zod schema for a signed percentage (a monthly index variation may be negative). */
export const signedPercentSchema = decimalSchema.refine(withinPrecision, precisionMessage);

/** zod schema for a month written `YYYY-MM`. */
export const monthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected a month as YYYY-MM');
