/**
 * Masks for personal data (LGPD): what may appear in an error, alert, key, log
 * line or metric instead of the whole value. Each keeps just enough for a
 * person to tell records apart, never enough to rebuild the value.
 */

/**
 * Masks a CPF or CNPJ, bare or formatted: a CPF keeps its middle six digits
 * (`***.444.777-**`), a CNPJ its branch part (`**.***.***\/0001-**`); any other
 * text keeps at most its last two characters. Never throws.
 * @example
 * ```ts
 * import { maskTaxId } from 'cobranca/documents';
 *
 * // A CPF keeps its middle six digits, a CNPJ its branch part.
 * console.log(maskTaxId('529.982.247-25')); // → ***.982.247-**
 * console.log(maskTaxId('11222333000181').endsWith('0001-**')); // → true
 * ```
 */
export function maskTaxId(text: unknown): string {
  if (typeof text !== 'string') return '***';
  const bare = text.replace(/[\s./-]/g, '').toUpperCase();
  if (bare.length === 11) return `***.${bare.slice(3, 6)}.${bare.slice(6, 9)}-**`;
  if (bare.length === 14) return `**.***.***/${bare.slice(8, 12)}-**`;
  return bare.length <= 4 ? '*'.repeat(bare.length) : `${'*'.repeat(Math.min(bare.length - 2, 12))}${bare.slice(-2)}`;
}

/**
 * Masks a person's or company's name to its initials: `Maria Souza` → `M. S.`. Never throws.
 * @example
 * ```ts
 * import { maskName } from 'cobranca/documents';
 *
 * console.log(maskName('Maria da Silva Souza')); // → M. D. S. S.
 * ```
 */
export function maskName(name: unknown): string {
  if (typeof name !== 'string') return '***';
  const initials = name
    .trim()
    .split(/\s+/)
    .filter((word) => word !== '')
    .slice(0, 4)
    .map((word) => `${word.charAt(0).toUpperCase()}.`);
  return initials.length > 0 ? initials.join(' ') : '***';
}

/**
 * Masks a CEP to its region (first five digits): `01001-000` → `01001-***`. Never throws.
 * @example
 * ```ts
 * import { maskCep } from 'cobranca/documents';
 *
 * console.log(maskCep('80010-000')); // → 80010-***
 * ```
 */
export function maskCep(cep: unknown): string {
  if (typeof cep !== 'string') return '***';
  const digits = cep.replace(/\D/g, '');
  return digits.length === 8 ? `${digits.slice(0, 5)}-***` : '***';
}
