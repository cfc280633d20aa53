import { err, ok, type Result } from 'neverthrow';
import { shown } from './redact.js';
import { cobrancaError, type CobrancaError, type ErrorPath } from '../errors.js';
import { cnpjProblem, formatCnpj, parseCnpj, type Cnpj } from './cnpj.js';
import { cpfProblem, formatCpf, parseCpf, type Cpf } from './cpf.js';

/** A valid taxpayer number: a person's CPF or a company's CNPJ. */
export type TaxId = { readonly kind: 'cpf'; readonly number: Cpf } | { readonly kind: 'cnpj'; readonly number: Cnpj };

/**
 * Parses a CPF or a CNPJ, telling them apart by length once the mask is gone
 * (11 → CPF, 14 → CNPJ). The error (`invalid_tax_id`) keeps the specific reason.
 * @example
 * ```ts
 * import { parseTaxId } from 'cobranca/documents';
 *
 * const taxId = parseTaxId('529.982.247-25');
 * taxId.match(
 *   (id) => console.log(id.kind), // 'cpf'
 *   (error) => console.log(error.code, error.message), // invalid_tax_id, with the reason
 * );
 * ```
 */
export function parseTaxId(input: unknown, path: ErrorPath = []): Result<TaxId, CobrancaError<'invalid_tax_id'>> {
  if (typeof input !== 'string') {
    return err(cobrancaError('invalid_tax_id', `expected a CPF or CNPJ as text, got ${input === null ? 'null' : typeof input}`, { path, details: { reason: 'characters' } }));
  }
  const fast = readTaxIdFast(input);
  if (fast !== undefined) return ok(fast);
  const bare = input.replace(/[\s./-]/g, '');
  if (bare.length === 11 && /^\d+$/.test(bare)) {
    const cpf = parseCpf(input);
    if (cpf.isOk()) return ok({ kind: 'cpf', number: cpf.value });
    const problem = cpfProblem(input);
    return err(cobrancaError('invalid_tax_id', cpf.error.message, { path, details: { kind: 'cpf', reason: problem?.reason, ...problem?.details } }));
  }
  if (bare.length === 14) {
    const cnpj = parseCnpj(input);
    if (cnpj.isOk()) return ok({ kind: 'cnpj', number: cnpj.value });
    const problem = cnpjProblem(input);
    return err(cobrancaError('invalid_tax_id', cnpj.error.message, { path, details: { kind: 'cnpj', reason: problem?.reason, ...problem?.details } }));
  }
  return err(cobrancaError('invalid_tax_id', `expected a CPF (11 digits) or a CNPJ (14 characters), got ${shown(input)}`, { path, details: { reason: 'length' } }));
}

/**
 * The masked form of a tax id: `123.456.789-09` or `12.ABC.345/01DE-35`.
 * @example
 * ```ts
 * import { formatTaxId, parseTaxId } from 'cobranca/documents';
 *
 * for (const text of ['52998224725', '11222333000181']) {
 *   const taxId = parseTaxId(text);
 *   if (taxId.isOk()) console.log(taxId.value.kind, formatTaxId(taxId.value));
 * }
 * // → cpf 529.982.247-25
 * // → cnpj 11.222.333/0001-81
 * ```
 */
export function formatTaxId(taxId: TaxId): string {
  return taxId.kind === 'cpf' ? formatCpf(taxId.number) : formatCnpj(taxId.number);
}

/** Weights of the CNPJ's mod-11 check digits (the CPF's are 10…2 and 11…2). */
const CNPJ_WEIGHTS = [6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2];

/**
 * A valid CPF or CNPJ read in one pass over the text, with no regular expression
 * or intermediate string, or `undefined` at the first doubt (a character other than
 * ASCII letters, digits and the mask's `. / -` and space, a length that is neither,
 * check digits that do not match): {@link parseTaxId} then takes its checked path,
 * which accepts the same valid numbers and says what is wrong. A property test
 * proves both paths give the same tax ids.
 */
export function readTaxIdFast(input: string): TaxId | undefined {
  if (input.length > 40) return undefined;
  const values: number[] = [];
  let letters = false;
  for (let i = 0; i < input.length; i++) {
    let code = input.charCodeAt(i);
    if (code === 46 || code === 47 || code === 45 || code === 32) continue; // . / - space
    if (code >= 97 && code <= 122) code -= 32; // a-z → A-Z
    if (code >= 65 && code <= 90) letters = true;
    else if (code < 48 || code > 57) return undefined;
    values.push(code - 48);
    if (values.length > 14) return undefined;
  }
  if (values.length === 11 && !letters) return checkDigitsMatch(values, 9, 10) && !allSame(values) ? { kind: 'cpf', number: String.fromCharCode(...values.map((v) => v + 48)) as Cpf } : undefined;
  if (values.length !== 14 || (values[12] ?? 0) > 9 || (values[13] ?? 0) > 9) return undefined;
  return checkDigitsMatch(values, 12, 0) && !allSame(values) ? { kind: 'cnpj', number: String.fromCharCode(...values.map((v) => v + 48)) as Cnpj } : undefined;
}

/** The CPF (`base` 9, weights from 10 down) or CNPJ (`base` 12, weights 5…2, 9…2) mod-11 check digits against the two that follow the base. */
function checkDigitsMatch(values: readonly number[], base: number, firstWeight: number): boolean {
  for (let digit = 0; digit < 2; digit++) {
    let total = 0;
    const length = base + digit;
    for (let i = 0; i < length; i++) {
      const weight = firstWeight === 0 ? (CNPJ_WEIGHTS[i + 1 - digit] ?? 0) : firstWeight + digit - i;
      total += (values[i] ?? 0) * weight;
    }
    const remainder = total % 11;
    if ((remainder < 2 ? 0 : 11 - remainder) !== values[length]) return false;
  }
  return true;
}

function allSame(values: readonly number[]): boolean {
  for (const value of values) if (value !== values[0]) return false;
  return true;
}
