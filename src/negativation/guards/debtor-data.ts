import { debtorProblemsWith } from '../debtor.js';
import { defineGuard, type Guard } from './guard.js';

/**
 * Debtor data complete and valid (CDC art. 43; seed 000 asks the operator to
 * fill what is missing): CPF/CNPJ with valid check digits, name, address with
 * CEP, birth date of individuals when the bureau asks. The violation lists
 * every missing or invalid field in `details.problems`.
 */
export const debtorDataGuard: Guard = defineGuard('debtor_data', 'CDC art. 43; seed 000', (facts) => {
  if (facts.debtor === undefined) return undefined;
  const problems = debtorProblemsWith(facts.debtor, facts.settings.requireBirthDateForPersons, facts.debtorTaxId);
  if (problems.length === 0) return undefined;
  return {
    message: `debtor data incomplete or invalid: ${problems.map((p) => p.field).join(', ')}`,
    details: { problems, missing: problems.map((p) => p.field) },
  };
});
