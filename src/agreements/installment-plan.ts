import * as z from 'zod';
import { civilDateSchema, type CivilDate } from '../calendar/index.js';
import { allocationPolicySchema, moneySchema, type AllocationPolicy, type Money } from '../money/index.js';
import { componentsSchema, type Components } from './components.js';
import { MAX_INSTALLMENTS } from './schedule.js';
import { MAX_AGREEMENT_INVOICES } from './invoice.js';

/** The chart-of-accounts code of each component (seed 004's "Unidades de plano de contas adicionais"). */
export const accountPlanSchema = z.object({
  base: z.string().min(1).max(100).optional(),
  surcharge: z.string().min(1).max(100).optional(),
  fine: z.string().min(1).max(100).optional(),
  discount: z.string().min(1).max(100).optional(),
  charges: z.string().min(1).max(100).optional(),
  fees: z.string().min(1).max(100).optional(),
});

/** Chart-of-accounts codes by component. */
export type AccountPlan = z.output<typeof accountPlanSchema>;

/** One installment (parcela): its number (from 1), due date, amount and the amount by component. */
export interface Installment {
  readonly number: number;
  readonly dueDate: CivilDate;
  readonly amount: Money;
  /** The amount by component; adds up exactly to `amount`. */
  readonly breakdown: Components;
  /** For a keep_terms agreement: the original invoice this installment is. */
  readonly invoiceId?: string;
}

/**
 * An agreement's installments with everything needed to re-check and re-split them. Three sums
 * hold exactly: the installments add up to `total`; each component's parts add up to that
 * component; each installment's breakdown adds up to the installment.
 */
export interface InstallmentPlan {
  /** The date the plan was made (no installment may fall before it). */
  readonly asOf: CivilDate;
  readonly total: Money;
  readonly components: Components;
  readonly installments: readonly Installment[];
  readonly allocation: AllocationPolicy;
  readonly allowNegativeInstallments: boolean;
  readonly accountPlan: AccountPlan;
  readonly description: string;
  readonly paymentProfile: string;
  /** Seed 004: keep the contract's on-time discount on the new invoice(s). */
  readonly keepOnTimeDiscount: boolean;
}

const installmentSchema = z.object({
  number: z.number().int().min(1),
  dueDate: civilDateSchema,
  amount: moneySchema,
  breakdown: componentsSchema,
  invoiceId: z.string().optional(),
});

/** The most installments a plan may hold: a new proposal's limit, or one per invoice of a keep_terms agreement. */
export const MAX_PLAN_INSTALLMENTS = Math.max(MAX_INSTALLMENTS, MAX_AGREEMENT_INVOICES);

/** Installments must be numbered 1, 2, … n in order, so each payment is credited to exactly one. */
export function numberedInOrder(installments: readonly { readonly number: number }[]): boolean {
  return installments.every((installment, index) => installment.number === index + 1);
}

/** zod schema for an {@link InstallmentPlan} read back from a store. */
export const installmentPlanSchema = z.object({
  asOf: civilDateSchema,
  total: moneySchema,
  components: componentsSchema,
  installments: z
    .array(installmentSchema)
    .min(1)
    .max(MAX_PLAN_INSTALLMENTS)
    .refine(numberedInOrder, 'installments must be numbered 1, 2, … in order')
    .readonly(),
  allocation: allocationPolicySchema,
  allowNegativeInstallments: z.boolean(),
  accountPlan: accountPlanSchema,
  description: z.string(),
  paymentProfile: z.string(),
  keepOnTimeDiscount: z.boolean(),
});
