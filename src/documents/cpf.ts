import { err, ok, type Result } from 'neverthrow';
import { cobrancaError, type CobrancaError, type ErrorPath } from '../errors.js';
import { cpfCheckDigits } from './check-digits.js';
import { shown } from './redact.js';
import { documentProblem, type DocumentProblem } from './problem.js';

declare const cpfBrand: unique symbol;

/** A valid CPF as its eleven digits, no mask (`'12345678909'`). */
export type Cpf = string & { readonly [cpfBrand]: true };

/**
 * Parses a CPF written bare (`'12345678909'`) or masked (`'123.456.789-09'`).
 * The error (`invalid_cpf`) says why in `details.reason`: `characters`,
 * `length`, `repeated_digits` (111.111.111-11 passes the arithmetic but the
 * Receita issues none) or `check_digits` (with the expected digits).
 * @example
 * ```ts
 * import { formatCpf, parseCpf } from 'cobranca/documents';
 *
 * parseCpf('52998224725').match(
 *   (cpf) => console.log(formatCpf(cpf)), // → 529.982.247-25
 *   (error) => console.error(error.code, error.message),
 * );
 * const typo = parseCpf('529.982.247-26', ['debtor', 'document']);
 * if (typo.isErr()) console.log(typo.error.code, typo.error.path?.join('.')); // → invalid_cpf debtor.document
 * ```
 */
export function parseCpf(input: unknown, path: ErrorPath = []): Result<Cpf, CobrancaError<'invalid_cpf'>> {
  const problem = cpfProblem(input);
  return problem ? err(cobrancaError('invalid_cpf', `invalid CPF: ${problem.message}`, { path, details: { reason: problem.reason, ...problem.details } })) : ok(unmask(input as string) as Cpf);
}

/** Drops the mask's punctuation (dots, dashes, slashes) and white space. */
function unmask(text: string): string {
  return text.replace(/[\s./-]/g, '');
}

/**
 * What is wrong with a would-be CPF, or `undefined` when it is valid.
 * @example
 * ```ts
 * import { cpfProblem } from 'cobranca/documents';
 *
 * // Why a CPF is wrong, for a form's message (undefined when it is valid).
 * console.log(cpfProblem('529.982.247-25'), cpfProblem('111.111.111-11')?.reason, cpfProblem('529.982.247-26')?.reason); // → undefined repeated_digits check_digits
 * ```
 */
export function cpfProblem(input: unknown): DocumentProblem | undefined {
  if (typeof input !== 'string') return documentProblem('characters', `expected text, got ${input === null ? 'null' : typeof input}`);
  const digits = unmask(input);
  if (!/^\d*$/.test(digits)) return documentProblem('characters', `${shown(input)} has characters other than digits (mask: 000.000.000-00)`);
  if (digits.length !== 11) return documentProblem('length', `a CPF has 11 digits, ${shown(input)} has ${digits.length}`);
  if (/^(\d)\1{10}$/.test(digits)) return documentProblem('repeated_digits', `${shown(input)} repeats one digit, which no CPF does`);
  const expected = cpfCheckDigits(digits.slice(0, 9));
  if (digits.slice(9) !== expected) return documentProblem('check_digits', `the check digits of ${shown(input)} do not match (typed wrong?)`);
  return undefined;
}

/**
 * Masks a CPF: `'12345678909'` → `'123.456.789-09'`.
 * @example
 * ```ts
 * import { formatCpf, parseCpf } from 'cobranca/documents';
 *
 * const cpf = parseCpf('529 982 247 25');
 * if (cpf.isOk()) console.log(formatCpf(cpf.value)); // → 529.982.247-25
 * ```
 */
export function formatCpf(cpf: Cpf): string {
  return `${cpf.slice(0, 3)}.${cpf.slice(3, 6)}.${cpf.slice(6, 9)}-${cpf.slice(9)}`;
}
