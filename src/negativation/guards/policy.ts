import { formatBrl } from '../../money/index.js';
import type { Guard } from './guard.js';

/** Minimum amount (seed 003, creditor policy per branch): what is owed must reach `settings.minimumAmount`. */
export const minimumAmountGuard: Guard = {
  name: 'minimum_amount',
  basis: 'seed 003 (creditor policy)',
  check: (facts) => {
    if (facts.outstanding.cents >= facts.settings.minimumAmount.cents && facts.outstanding.cents > 0) return undefined;
    return {
      guard: 'minimum_amount',
      basis: 'seed 003 (creditor policy)',
      message: `${formatBrl(facts.outstanding)} owed is below the minimum of ${formatBrl(facts.settings.minimumAmount)}`,
      details: { outstanding: facts.outstanding, minimumAmount: facts.settings.minimumAmount },
    };
  },
};

/**
 * Minimum days overdue (seed 003; seed 002 "Dias para executar"): the title
 * must be at least `daysAfterDueDate` days overdue (and overdue at all), counted
 * as `daysOverdue` counts them: a due date on a non-business day is not overdue
 * before its payable day has passed.
 */
export const minimumDaysOverdueGuard: Guard = {
  name: 'minimum_days_overdue',
  basis: 'seeds 002 and 003 (creditor policy)',
  check: (facts) => {
    const overdue = facts.daysOverdue;
    const needed = Math.max(1, facts.settings.daysAfterDueDate);
    if (overdue >= needed) return undefined;
    return {
      guard: 'minimum_days_overdue',
      basis: 'seeds 002 and 003 (creditor policy)',
      message: `the title is ${overdue} days overdue; ${needed} are required`,
      details: { daysOverdue: overdue, required: needed },
    };
  },
};
