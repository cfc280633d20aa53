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

/** The masked form of a tax id: `123.456.789-09` or `12.ABC.345/01DE-35`. */
export function formatTaxId(taxId: TaxId): string {
  return taxId.kind === 'cpf' ? formatCpf(taxId.number) : formatCnpj(taxId.number);
}
