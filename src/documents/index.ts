/**
 * CPF and CNPJ (numeric and alphanumeric) parsing, validation and masks.
 * @module documents
 */
export { type Cpf, parseCpf, formatCpf, cpfProblem } from './cpf.js';
export { type Cnpj, parseCnpj, formatCnpj, cnpjProblem, isAlphanumericCnpj } from './cnpj.js';
export { type TaxId, parseTaxId, formatTaxId } from './tax-id.js';
export { cpfCheckDigits, cnpjCheckDigits } from './check-digits.js';
export { type DocumentProblem, type DocumentProblemReason } from './problem.js';
export { taxIdSchema } from './schema.js';
export { maskTaxId, maskName, maskCep } from './mask.js';
export { maskEmail, maskPhone, maskPersonalData, echo, MAX_ECHO_LENGTH } from './redact.js';
