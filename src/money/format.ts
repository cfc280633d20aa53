import { err, type Result } from 'neverthrow';
import { cobrancaError, type CobrancaError, type ErrorPath } from '../errors.js';
import { describe } from './decimal.js';
import { parseMoney, type Money } from './money.js';

/**
 * Formats as Brazilians write it: `R$ 1.234,56`, `-R$ 0,05`. The space is a
 * plain space (not the no-break space `Intl` emits), so the text round-trips
 * through {@link parseBrl} and compares equal in tests.
 */
export function formatBrl(money: Money): string {
  const negative = money.cents < 0;
  const abs = Math.abs(money.cents);
  const whole = Math.trunc(abs / 100);
  const fraction = String(abs - whole * 100).padStart(2, '0');
  const grouped = String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${negative ? '-' : ''}R$ ${grouped},${fraction}`;
}

const BRL_TEXT = /^([+-]?)\s*(?:R\$)?\s*([+-]?)\s*(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d{1,2}))?$/;

/**
 * Parses money written the Brazilian way: `R$ 1.234,56`, `1234,5`, `-R$ 10,00`,
 * `R$ -10,00` (no-break spaces are fine). Thousands dots must group by three;
 * at most two decimals. Never throws.
 */
export function parseBrl(text: unknown, path: ErrorPath = []): Result<Money, CobrancaError<'invalid_money' | 'money_out_of_range'>> {
  if (typeof text !== 'string') return err(cobrancaError('invalid_money', `expected text such as 'R$ 1.234,56', got ${describe(text)}`, { path }));
  const match = BRL_TEXT.exec(text.replace(/[\u00a0\u202f]/g, ' ').trim());
  const [, outerSign = '', innerSign = '', whole = '', fraction = ''] = match ?? [];
  if (!match || (outerSign !== '' && innerSign !== '')) {
    return err(cobrancaError('invalid_money', `expected an amount such as 'R$ 1.234,56', got '${text}'`, { path }));
  }
  const sign = outerSign === '-' || innerSign === '-' ? '-' : '';
  return parseMoney(`${sign}${whole.replaceAll('.', '')}${fraction ? `.${fraction}` : ''}`, path);
}
