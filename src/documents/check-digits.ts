/** The mod-11 check digit used by CPF and CNPJ: remainder below 2 → 0, else 11 − remainder. */
function mod11Digit(values: readonly number[], weights: readonly number[]): number {
  let total = 0;
  for (let i = 0; i < weights.length; i++) total += (values[i] ?? 0) * (weights[i] ?? 0);
  const remainder = total % 11;
  return remainder < 2 ? 0 : 11 - remainder;
}

/** Value of a CPF/CNPJ character: its ASCII code minus 48 (`'0'` → 0, `'A'` → 17), per IN RFB 2.229/2024. */
function charValue(char: string): number {
  return char.charCodeAt(0) - 48;
}

const CPF_WEIGHTS_1 = [10, 9, 8, 7, 6, 5, 4, 3, 2];
const CPF_WEIGHTS_2 = [11, 10, 9, 8, 7, 6, 5, 4, 3, 2];
const CNPJ_WEIGHTS_1 = [5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2];
const CNPJ_WEIGHTS_2 = [6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2];

/**
 * The two check digits of a CPF from its first nine digits (`'123456789'` → `'09'`).
 * @example
 * ```ts
 * import { cpfCheckDigits } from 'cobranca/documents';
 *
 * // The two check digits of a CPF's first nine.
 * console.log(cpfCheckDigits('529982247')); // → 25
 * ```
 */
export function cpfCheckDigits(base: string): string {
  const values = [...base].map(charValue);
  const first = mod11Digit(values, CPF_WEIGHTS_1);
  const second = mod11Digit([...values, first], CPF_WEIGHTS_2);
  return `${first}${second}`;
}

/**
 * The two check digits of a CNPJ from its first twelve characters, numeric or alphanumeric (`'12ABC34501DE'` → `'35'`).
 * @example
 * ```ts
 * import { cnpjCheckDigits } from 'cobranca/documents';
 *
 * console.log(cnpjCheckDigits('112223330001'), cnpjCheckDigits('12ABC34501DE')); // → 81 35
 * ```
 */
export function cnpjCheckDigits(base: string): string {
  const values = [...base.toUpperCase()].map(charValue);
  const first = mod11Digit(values, CNPJ_WEIGHTS_1);
  const second = mod11Digit([...values, first], CNPJ_WEIGHTS_2);
  return `${first}${second}`;
}
