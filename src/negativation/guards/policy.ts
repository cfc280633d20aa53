import { daysOverdue, fromEpochDay, toEpochDay } from '../../calendar/index.js';
import { isSupportedEpochDay } from '../../calendar/civil-date.js';
import { firstEpochDayOverdueBy } from '../../calendar/due-date.js';
import { formatBrl } from '../../money/index.js';
import { defineGuard, type Guard } from './guard.js';

const CREDITOR_POLICY = 'seed 003 (creditor policy)';

/** Minimum amount (seed 003, creditor policy per branch): what is owed must reach `settings.minimumAmount`. */
export const minimumAmountGuard: Guard = defineGuard('minimum_amount', CREDITOR_POLICY, (facts) => {
  if (facts.outstanding.cents >= facts.settings.minimumAmount.cents && facts.outstanding.cents > 0) return undefined;
  return {
    message: `${formatBrl(facts.outstanding)} owed is below the minimum of ${formatBrl(facts.settings.minimumAmount)}`,
    details: { outstanding: facts.outstanding, minimumAmount: facts.settings.minimumAmount },
  };
});

/**
 * Minimum days overdue (seed 003, creditor policy per branch): the title must
 * be at least `minimumDaysOverdue` days overdue, counted as `daysOverdue`
 * counts them (a due date on a non-business day is not overdue before its
 * payable day has passed). Time heals it: `details.allowedFrom` is the first
 * day it passes (absent when that day lies past the supported calendar).
 */
export const minimumDaysOverdueGuard: Guard = defineGuard('minimum_days_overdue', CREDITOR_POLICY, (facts) => {
  const overdue = daysOverdue(facts.dueDate, facts.asOf, facts.calendar);
  const needed = facts.settings.minimumDaysOverdue;
  if (overdue >= needed && overdue > 0) return undefined;
  const allowedFrom = firstEpochDayOverdueBy(toEpochDay(facts.dueDate), needed, facts.calendar);
  return {
    message: `the title is ${overdue} days overdue; ${needed} are required`,
    details: { daysOverdue: overdue, required: needed, ...(isSupportedEpochDay(allowedFrom) ? { allowedFrom: fromEpochDay(allowedFrom) } : {}) },
  };
});
