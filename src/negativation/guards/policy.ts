import { addDays, daysBetween } from '../../calendar/index.js';
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
 * Minimum days overdue (seed 003, creditor policy per branch): the title must
 * be at least `minimumDaysOverdue` calendar days past due (and past due at
 * all). Time heals it: `details.allowedFrom` is the first day it passes.
 */
export const minimumDaysOverdueGuard: Guard = {
  name: 'minimum_days_overdue',
  basis: 'seed 003 (creditor policy)',
  check: (facts) => {
    const overdue = daysBetween(facts.dueDate, facts.asOf);
    const needed = Math.max(1, facts.settings.minimumDaysOverdue);
    if (overdue >= needed) return undefined;
    return {
      guard: 'minimum_days_overdue',
      basis: 'seed 003 (creditor policy)',
      message: `the title is ${Math.max(0, overdue)} days overdue; ${needed} are required`,
      details: { daysOverdue: overdue, required: needed, allowedFrom: addDays(facts.dueDate, needed) },
    };
  },
};
