import { err, type Result } from 'neverthrow';
import { cobrancaError, quote, type CobrancaError, type ErrorPath } from '../errors.js';
import { describe } from './decimal.js';
import { parseMoney, type Money } from './money.js';

/**
 * Formats as Brazilians write it: `R$ 1.234,56`, `-R$ 0,05`. The space is a
 * plain space (not the no-break space `Intl` emits), so the text round-trips
 * through {@link parseBrl} and compares equal in tests.
 * @example
 * ```ts
 * import { brl, formatBrl } from 'cobranca/money';
 *
 * console.log(formatBrl(brl('1234.5'))); // R$ 1.234,50
 * ```
 */
export function formatBrl(money: Money): string {
  const negative = money.cents < 0;
  const abs = Math.abs(money.cents);
  const whole = Math.trunc(abs / 100);
  const fraction = String(abs - whole * 100).padStart(2, '0');
  const grouped = String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${negative ? '-' : ''}R$ ${grouped},${fraction}`;
}

/** The number part of a Brazilian amount: thousands dots grouping by three, or none; a comma and one or two decimals. Anchored, one way to match each character: linear. */
const BRL_NUMBER = /^(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d{1,2}))?$/;

/** Index of the first character at or after `from` that is not white space. */
function skipSpaces(text: string, from: number): number {
  let i = from;
  while (i < text.length && /\s/.test(text.charAt(i))) i++;
  return i;
}

/**
 * Parses money written the Brazilian way: `R$ 1.234,56`, `1234,5`, `-R$ 10,00`,
 * `R$ -10,00` (no-break spaces are fine). Thousands dots must group by three;
 * at most two decimals. Never throws; linear in the text's length (the sign,
 * `R$` and spaces are read by a scanner, not by a backtracking pattern).
 * @example
 * ```ts
 * import { formatBrl, parseBrl } from 'cobranca/money';
 *
 * // What an operator typed, the Brazilian way.
 * parseBrl('R$ 1.234,56').match(
 *   (amount) => console.log(amount.cents, formatBrl(amount)), // → 123456 R$ 1.234,56
 *   (error) => console.error(error.code, error.message),
 * );
 * const bad = parseBrl('1.23,45');
 * if (bad.isErr()) console.log(bad.error.code); // → invalid_money
 * ```
 */
export function parseBrl(text: unknown, path: ErrorPath = []): Result<Money, CobrancaError<'invalid_money' | 'amount_out_of_range'>> {
  if (typeof text !== 'string') return err(cobrancaError('invalid_money', `expected text such as 'R$ 1.234,56', got ${describe(text)}`, { path }));
  const invalid = () => err(cobrancaError('invalid_money', `expected an amount such as 'R$ 1.234,56', got ${quote(text)}`, { path }));
  const trimmed = text.trim();
  let i = 0;
  let sign = '';
  if (trimmed.charAt(i) === '+' || trimmed.charAt(i) === '-') sign = trimmed.charAt(i++);
  i = skipSpaces(trimmed, i);
  if (trimmed.startsWith('R$', i)) i = skipSpaces(trimmed, i + 2);
  if (trimmed.charAt(i) === '+' || trimmed.charAt(i) === '-') {
    if (sign !== '') return invalid();
    sign = trimmed.charAt(i++);
    i = skipSpaces(trimmed, i);
  }
  const match = BRL_NUMBER.exec(trimmed.slice(i));
  if (!match) return invalid();
  const [, whole = '', fraction = ''] = match;
  return parseMoney(`${sign === '-' ? '-' : ''}${whole.replaceAll('.', '')}${fraction ? `.${fraction}` : ''}`, path);
}
