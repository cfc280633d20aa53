import type { Guard } from './guard.js';

/**
 * Age limit (CDC art. 43 §1; STJ Súmula 323): nothing registered 5 years after
 * the day after the due date, and no new submission from the cutoff on
 * (Serasa: 4 years 11 months by default) so the record is not born expiring.
 */
export const ageLimitGuard: Guard = {
  name: 'age_limit',
  basis: 'CDC art. 43 §1; STJ Súmula 323',
  check: (facts) => {
    if (facts.asOf >= facts.ageLimitOn) {
      return { guard: 'age_limit', basis: 'CDC art. 43 §1; STJ Súmula 323', message: `the debt due ${facts.dueDate} passed its 5-year limit on ${facts.ageLimitOn}`, details: { ageLimitOn: facts.ageLimitOn } };
    }
    if (facts.asOf >= facts.submissionCutoffOn) {
      return {
        guard: 'age_limit',
        basis: 'CDC art. 43 §1; STJ Súmula 323',
        message: `no new submissions for a debt due ${facts.dueDate} from ${facts.submissionCutoffOn} (${facts.settings.submissionCutoffMonths} months after the day after the due date)`,
        details: { submissionCutoffOn: facts.submissionCutoffOn, ageLimitOn: facts.ageLimitOn },
      };
    }
    return undefined;
  },
};

/**
 * Prescription (CDC art. 43 §5): once the debt has prescribed (CC art. 206 §5 I:
 * 5 years; shorter for some debts, e.g. 3 years for rent) it may not be registered.
 */
export const prescriptionGuard: Guard = {
  name: 'prescription',
  basis: 'CDC art. 43 §5; CC art. 206',
  check: (facts) => {
    if (facts.asOf < facts.prescribesOn) return undefined;
    return { guard: 'prescription', basis: 'CDC art. 43 §5; CC art. 206', message: `the debt due ${facts.dueDate} prescribed on ${facts.prescribesOn}`, details: { prescribesOn: facts.prescribesOn } };
  },
};
