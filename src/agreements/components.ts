import * as z from 'zod';
import { moneySchema, type Money } from '../money/index.js';

/** The components of an agreement's total (seed 004's "Nova proposta"), in the order they appear. */
export const COMPONENT_NAMES = ['base', 'surcharge', 'fine', 'discount', 'charges', 'fees'] as const;

/** One component of an agreement. */
export type ComponentName = (typeof COMPONENT_NAMES)[number];

/**
 * The amounts of an agreement (or of one installment) by component, each signed as it counts
 * towards the total: `discount` is zero or negative (positive only for seed 001's "negative
 * discount", which is a surcharge). `total = base + surcharge + fine + discount + charges + fees`.
 */
export type Components = Readonly<Record<ComponentName, Money>>;

/** Components that go once, on the first installment (seed 004: encargos, honorários, multa). */
export const ONCE_COMPONENTS = ['fine', 'charges', 'fees'] as const satisfies readonly ComponentName[];

/** Components spread over every installment (seed 004: base, acréscimo, descontos). */
export const SPREAD_COMPONENTS = ['base', 'surcharge', 'discount'] as const satisfies readonly ComponentName[];

/** zod schema for {@link Components} (for plans read back from a store). */
export const componentsSchema = z.object({
  base: moneySchema,
  surcharge: moneySchema,
  fine: moneySchema,
  discount: moneySchema,
  charges: moneySchema,
  fees: moneySchema,
});

/** The sum of the components, in centavos. */
export function componentsTotalCents(components: Components): number {
  let total = 0;
  for (const name of COMPONENT_NAMES) total += components[name].cents;
  return total;
}
