import type { Decimal } from 'decimal.js';
import * as z from 'zod';
import { parseDecimal } from './decimal.js';
import { parseMoney, type Money } from './money.js';
import { ALLOCATION_POLICIES } from './allocate.js';
import { ROUNDING_MODES } from './rounding.js';

/** zod schema for an amount: `'373.52'`, `{ cents: 37352 }` or a {@link Money}; outputs a {@link Money}. */
export const moneySchema = /* @__PURE__ */ z.custom<Money | string | { cents: number }>().transform((value, ctx): Money => {
  const parsed = parseMoney(value);
  if (parsed.isOk()) return parsed.value;
  ctx.addIssue({ code: 'custom', message: parsed.error.message, params: { code: parsed.error.code } });
  return z.NEVER;
});

/** zod schema for a decimal (`'2.5'` or a finite number); outputs a decimal.js value. */
export const decimalSchema = /* @__PURE__ */ z.custom<string | number | Decimal>().transform((value, ctx): Decimal => {
  const parsed = parseDecimal(value);
  if (parsed.isOk()) return parsed.value;
  ctx.addIssue({ code: 'custom', message: parsed.error.message, params: { code: parsed.error.code } });
  return z.NEVER;
});

/** zod schema for a percentage that may not be negative (`'2'` is 2%). */
export const nonNegativePercentSchema = /* @__PURE__ */ decimalSchema.refine((d) => !d.isNegative() || d.isZero(), 'a percentage may not be negative');

/** zod schema for a non-negative amount. */
export const nonNegativeMoneySchema = /* @__PURE__ */ moneySchema.refine((m) => m.cents >= 0, 'an amount may not be negative');

/** zod schema for a {@link RoundingMode}. */
export const roundingModeSchema = /* @__PURE__ */ z.enum(ROUNDING_MODES);

/** zod schema for an {@link AllocationPolicy}. */
export const allocationPolicySchema = /* @__PURE__ */ z.enum(ALLOCATION_POLICIES);
