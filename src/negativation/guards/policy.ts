import { daysOverdue, fromEpochDay, toEpochDay } from '../../calendar/index.js';
import { isSupportedEpochDay } from '../../calendar/civil-date.js';
import { firstEpochDayOverdueBy } from '../../calendar/due-date.js';
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
 * be at least `minimumDaysOverdue` days overdue, counted as `daysOverdue`
 * counts them (a due date on a non-business day is not overdue before its
 * payable day has passed). Time heals it: `details.allowedFrom` is the first
 * day it passes (absent when that day lies past the supported calendar).
 */
export const minimumDaysOverdueGuard: Guard = {
  name: 'minimum_days_overdue',
  basis: 'seed 003 (creditor policy)',
  check: (facts) => {
    const overdue = daysOverdue(facts.dueDate, facts.asOf, facts.calendar);
    const needed = facts.settings.minimumDaysOverdue;
    if (overdue >= needed && overdue > 0) return undefined;
    const allowedFrom = firstEpochDayOverdueBy(toEpochDay(facts.dueDate), needed, facts.calendar);
    return {
      guard: 'minimum_days_overdue',
      basis: 'seed 003 (creditor policy)',
      message: `the title is ${overdue} days overdue; ${needed} are required`,
      details: { daysOverdue: overdue, required: needed, ...(isSupportedEpochDay(allowedFrom) ? { allowedFrom: fromEpochDay(allowedFrom) } : {}) },
    };
  },
};
