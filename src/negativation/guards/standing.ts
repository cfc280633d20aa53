import type { Guard } from './guard.js';

/** Never register a paid debt: payment during the notice period cancels the request (seed 000; CDC art. 43 §1 accuracy). */
export const notPaidGuard: Guard = {
  name: 'not_paid',
  basis: 'CDC art. 43 §1; seed 000',
  check: (facts) => {
    return facts.paid ? { guard: 'not_paid', basis: 'CDC art. 43 §1; seed 000', message: 'the title is paid' } : undefined;
  },
};

/** Not while the invoice is in an active agreement: the debt is being settled, not overdue (docs/legal.md §3). */
export const notInAgreementGuard: Guard = {
  name: 'not_in_agreement',
  basis: 'docs/legal.md §3; CDC art. 43 §1',
  check: (facts) => {
    return facts.inActiveAgreement ? { guard: 'not_in_agreement', basis: 'docs/legal.md §3; CDC art. 43 §1', message: 'the invoice is in an active agreement' } : undefined;
  },
};

/** Not while the debt is disputed: a contested debt may not be published as certain (CDC art. 43 §1, §3). */
export const notDisputedGuard: Guard = {
  name: 'not_disputed',
  basis: 'CDC art. 43 §§1 and 3',
  check: (facts) => {
    return facts.disputed ? { guard: 'not_disputed', basis: 'CDC art. 43 §§1 and 3', message: 'the debt is disputed' } : undefined;
  },
};

/** One registration per (debtor document, creditor, title, bureau); each new debt needs its own notice (docs/legal.md §3). */
export const noDuplicateGuard: Guard = {
  name: 'no_duplicate',
  basis: 'docs/legal.md §3 (one registration per debtor, creditor, title and bureau)',
  check: (facts) => {
    if (facts.key === undefined || facts.liveKeys === undefined || !facts.liveKeys.has(facts.key)) return undefined;
    return { guard: 'no_duplicate', basis: 'docs/legal.md §3 (one registration per debtor, creditor, title and bureau)', message: 'this title of this debtor is already being negativated at this bureau', details: { key: facts.key } };
  },
};
