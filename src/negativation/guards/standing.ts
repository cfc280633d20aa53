import { defineGuard, type Guard } from './guard.js';

/** Never register a paid debt: payment during the notice period cancels the request (seed 000; CDC art. 43 §1 accuracy). */
export const notPaidGuard: Guard = defineGuard('not_paid', 'CDC art. 43 §1; seed 000', (facts) => (facts.paid ? { message: 'the title is paid' } : undefined));

/** Not while the invoice is in an active agreement: the debt is being settled, not overdue (docs/legal.md §3). */
export const notInAgreementGuard: Guard = defineGuard('not_in_agreement', 'docs/legal.md §3; CDC art. 43 §1', (facts) =>
  facts.inActiveAgreement ? { message: 'the invoice is in an active agreement' } : undefined,
);

/** Not while the debt is disputed: a contested debt may not be published as certain (CDC art. 43 §1, §3). */
export const notDisputedGuard: Guard = defineGuard('not_disputed', 'CDC art. 43 §§1 and 3', (facts) => (facts.disputed ? { message: 'the debt is disputed' } : undefined));

/** One registration per (debtor document, creditor, title, bureau); each new debt needs its own notice (docs/legal.md §3). */
export const noDuplicateGuard: Guard = defineGuard('no_duplicate', 'docs/legal.md §3 (one registration per debtor, creditor, title and bureau)', (facts) => {
  if (facts.key === undefined || facts.liveKeys === undefined || !facts.liveKeys.has(facts.key)) return undefined;
  return { message: 'this title of this debtor is already being negativated at this bureau', details: { key: facts.key } };
});
