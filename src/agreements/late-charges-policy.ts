import * as z from 'zod';
import { roundingModeSchema } from '../money/index.js';
import { monthSchema, percentSchema, signedPercentSchema } from './percent.js';
import type { InputOf } from '../errors.js';

/** One month of a rate or index series supplied by the host: `{ month: '2026-03', percent: '0.52' }`. */
export const monthlyValueSchema = z.object({ month: monthSchema, percent: signedPercentSchema });

/**
 * How default interest (juros de mora) accrues, always simple and pro-rata by calendar day:
 * - `monthly`: `percent` a month, `percent / 30` a day (the common contract form, e.g. 1% a month);
 * - `annual`: `percent` a year, actual/365;
 * - `series`: a monthly rate per month supplied by the host, e.g. the legal rate "Selic minus IPCA"
 *   the Banco Central publishes (CC art. 406 as changed by Lei 14.905/2024; Resolução CMN 5.171/2024);
 *   a negative month counts as zero (art. 406 §3); each day earns its month's rate ÷ the month's days;
 * - `none`: no interest.
 */
export const interestRuleSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('none') }),
  z.object({ kind: z.literal('monthly'), percent: percentSchema }),
  z.object({ kind: z.literal('annual'), percent: percentSchema }),
  z.object({ kind: z.literal('series'), rates: z.array(monthlyValueSchema).max(1200) }),
]);

/**
 * Monetary correction (correção monetária) by an index series supplied by the host (IPCA when the
 * contract names none, CC art. 389): monthly variations in percent, each month pro-rata by its days,
 * compounded across months. The accumulated factor is rounded to `factorDecimals` places (as
 * published correction tables do) and never goes below 1 (deflation never reduces the debt).
 */
export const correctionRuleSchema = z.object({
  index: z.string().min(1).max(40).default('IPCA'),
  variations: z.array(monthlyValueSchema).max(1200),
  factorDecimals: z.number().int().min(2).max(10).default(8),
});

/**
 * The late-fee (multa) rule: `percent` of the principal, charged once when late. For a consumer
 * contract it is capped at `consumerCapPercent` (2%, CDC art. 52 §1); the host may change the cap.
 */
export const fineRuleSchema = z.object({
  percent: percentSchema.default(() => percentSchema.parse('2')),
  consumerContract: z.boolean().default(true),
  consumerCapPercent: percentSchema.default(() => percentSchema.parse('2')),
});

/**
 * A late-charges policy (docs/legal.md §1). Defaults are the legally safe ones: a 2% fine capped at 2%
 * for consumer contracts, no grace days, half_up rounding, payments covering charges before principal.
 */
export const lateChargesPolicySchema = z.object({
  interest: interestRuleSchema,
  correction: correctionRuleSchema.optional(),
  fine: fineRuleSchema.default(() => fineRuleSchema.parse({})),
  /** Calendar days after the due date during which no charges apply (after them, days count from the due date). */
  graceDays: z.number().int().min(0).max(3650).default(0),
  rounding: roundingModeSchema.default('half_up'),
  /**
   * What interest accrues on: the principal (default) or the principal plus its monetary correction
   * (the usual reading when IPCA correction and the legal rate apply together, CC arts. 389 and 406).
   */
  interestOn: z.enum(['principal', 'corrected']).default('principal'),
  /** Which a partial payment covers first: the accrued charges (default, so they are never lost) or the principal. */
  paymentOrder: z.enum(['charges_first', 'principal_first']).default('charges_first'),
});

/** A late-charges policy as written by the host (before defaults). */
export type LateChargesPolicyInput = InputOf<typeof lateChargesPolicySchema>;

/** A parsed late-charges policy. */
export type LateChargesPolicy = z.output<typeof lateChargesPolicySchema>;
