import { civilDate, parseCivilDate, type CivilDate } from '../calendar/index.js';
import { fromCents, type Money } from '../money/index.js';
import type { FieldSpec } from './layouts.js';

/** The raw text of a field (1-based inclusive positions). */
export function fieldText(line: string, field: FieldSpec): string {
  return line.slice(field.from - 1, field.to);
}

/** An amount written as digits with two implied decimals (`0000000031000` = R$ 310,00), or `undefined` when it is not digits. */
export function fieldMoney(line: string, field: FieldSpec): Money | undefined {
  const raw = fieldText(line, field);
  if (!/^\d+$/.test(raw)) return undefined;
  return fromCents(Number(raw));
}

/**
 * A date written `DDMMYY` (CNAB 400, years 2000–2099) or `DDMMYYYY` (CNAB 240):
 * `undefined` when blank or zeros, `null` when it is not a calendar date.
 */
export function fieldDate(line: string, field: FieldSpec): CivilDate | undefined | null {
  const raw = fieldText(line, field);
  if (/^[0 ]*$/.test(raw)) return undefined;
  if (!/^\d+$/.test(raw) || (raw.length !== 6 && raw.length !== 8)) return null;
  const year = raw.length === 6 ? `20${raw.slice(4, 6)}` : raw.slice(4, 8);
  const text = `${year}-${raw.slice(2, 4)}-${raw.slice(0, 2)}`;
  return parseCivilDate(text).isOk() ? civilDate(text) : null;
}
