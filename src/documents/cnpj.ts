import { err, ok, type Result } from 'neverthrow';
import { cobrancaError, type CobrancaError, type ErrorPath } from '../errors.js';
import { cnpjCheckDigits } from './check-digits.js';
import { shown } from './redact.js';
import { documentProblem, type DocumentProblem } from './problem.js';

declare const cnpjBrand: unique symbol;

/**
 * A valid CNPJ as its fourteen characters, no mask, upper case: twelve of
 * `[0-9A-Z]` (alphanumeric CNPJs are issued from July 2026, IN RFB 2.229/2024)
 * and two check digits (`'12ABC34501DE35'`).
 */
export type Cnpj = string & { readonly [cnpjBrand]: true };

/** Drops the mask's punctuation (dots, dashes, slashes) and white space, and upper-cases. */
function unmask(text: string): string {
  return text.replace(/[\s./-]/g, '').toUpperCase();
}

/**
 * Parses a CNPJ, numeric or alphanumeric, bare or masked
 * (`'12.ABC.345/01DE-35'`); lower case letters are accepted and upper-cased.
 * The error (`invalid_cnpj`) says why in `details.reason`: `characters`,
 * `length`, `repeated_digits` or `check_digits` (with the expected digits).
 * @example
 * ```ts
 * import { formatCnpj, parseCnpj } from 'cobranca/documents';
 *
 * parseCnpj('11222333000181').match(
 *   (cnpj) => console.log(formatCnpj(cnpj)), // → 11.222.333/0001-81
 *   (error) => console.error(error.code, error.message),
 * );
 * const short = parseCnpj('11.222.333/0001');
 * if (short.isErr()) console.log(short.error.code); // → invalid_cnpj
 * ```
 */
export function parseCnpj(input: unknown, path: ErrorPath = []): Result<Cnpj, CobrancaError<'invalid_cnpj'>> {
  const problem = cnpjProblem(input);
  return problem ? err(cobrancaError('invalid_cnpj', `invalid CNPJ: ${problem.message}`, { path, details: { reason: problem.reason, ...problem.details } })) : ok(unmask(input as string) as Cnpj);
}

/**
 * What is wrong with a would-be CNPJ, or `undefined` when it is valid.
 * @example
 * ```ts
 * import { cnpjProblem } from 'cobranca/documents';
 *
 * console.log(cnpjProblem('11.222.333/0001-81'), cnpjProblem('11.222.333/0001-80')?.reason); // → undefined check_digits
 * ```
 */
export function cnpjProblem(input: unknown): DocumentProblem | undefined {
  if (typeof input !== 'string') return documentProblem('characters', `expected text, got ${input === null ? 'null' : typeof input}`);
  const chars = unmask(input);
  if (!/^[0-9A-Z]*$/.test(chars)) return documentProblem('characters', `${shown(input)} has characters other than 0-9 and A-Z (mask: 00.000.000/0000-00)`);
  if (chars.length !== 14) return documentProblem('length', `a CNPJ has 14 characters, ${shown(input)} has ${chars.length}`);
  if (!/^\d{2}$/.test(chars.slice(12))) return documentProblem('characters', `the last two characters of a CNPJ are digits, ${shown(input)} does not end in two`);
  if (/^(\d)\1{13}$/.test(chars)) return documentProblem('repeated_digits', `${shown(input)} repeats one digit, which no CNPJ does`);
  const expected = cnpjCheckDigits(chars.slice(0, 12));
  if (chars.slice(12) !== expected) return documentProblem('check_digits', `the check digits of ${shown(input)} do not match (typed wrong?)`);
  return undefined;
}

/**
 * Masks a CNPJ: `'12ABC34501DE35'` → `'12.ABC.345/01DE-35'`.
 * @example
 * ```ts
 * import { formatCnpj, parseCnpj } from 'cobranca/documents';
 *
 * const cnpj = parseCnpj('11222333000181');
 * if (cnpj.isOk()) console.log(formatCnpj(cnpj.value)); // → 11.222.333/0001-81
 * ```
 */
export function formatCnpj(cnpj: Cnpj): string {
  return `${cnpj.slice(0, 2)}.${cnpj.slice(2, 5)}.${cnpj.slice(5, 8)}/${cnpj.slice(8, 12)}-${cnpj.slice(12)}`;
}

/**
 * Whether a CNPJ has letters (the alphanumeric format).
 * @example
 * ```ts
 * import { isAlphanumericCnpj, parseCnpj } from 'cobranca/documents';
 *
 * // The alphanumeric CNPJ (from July 2026) has letters in its first twelve places.
 * const cnpj = parseCnpj('12.ABC.345/01DE-35');
 * cnpj.match(
 *   (value) => console.log(isAlphanumericCnpj(value)), // → true
 *   (error) => console.error(error.code, error.message),
 * );
 * ```
 */
export function isAlphanumericCnpj(cnpj: Cnpj): boolean {
  return /[A-Z]/.test(cnpj);
}
