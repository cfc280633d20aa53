import { defineGuard, type Guard } from './guard.js';

/**
 * Age limit (CDC art. 43 §1; STJ Súmula 323): nothing registered 5 years after
 * the day after the due date, and no new submission from the cutoff on
 * (Serasa: 4 years 11 months by default) so the record is not born expiring.
 */
export const ageLimitGuard: Guard = defineGuard('age_limit', 'CDC art. 43 §1; STJ Súmula 323', (facts) => {
  if (facts.asOf >= facts.ageLimitOn) {
    return { message: `the debt due ${facts.dueDate} passed its 5-year limit on ${facts.ageLimitOn}`, details: { ageLimitOn: facts.ageLimitOn } };
  }
  if (facts.asOf >= facts.submissionCutoffOn) {
    return {
      message: `no new submissions for a debt due ${facts.dueDate} from ${facts.submissionCutoffOn} (${facts.settings.submissionCutoffMonths} months after the day after the due date)`,
      details: { submissionCutoffOn: facts.submissionCutoffOn, ageLimitOn: facts.ageLimitOn },
    };
  }
  return undefined;
});

/**
 * Prescription (CDC art. 43 §5): once the debt has prescribed (CC art. 206 §5 I:
 * 5 years; shorter for some debts, e.g. 3 years for rent) it may not be registered.
 */
export const prescriptionGuard: Guard = defineGuard('prescription', 'CDC art. 43 §5; CC art. 206', (facts) => {
  if (facts.asOf < facts.prescribesOn) return undefined;
  return { message: `the debt due ${facts.dueDate} prescribed on ${facts.prescribesOn}`, details: { prescribesOn: facts.prescribesOn } };
});
