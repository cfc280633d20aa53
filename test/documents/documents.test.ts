import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isValidCnpj, isValidCpf } from '@brazilian-utils/brazilian-utils';
import { cnpjCheckDigits, cpfCheckDigits, formatCnpj, formatCpf, formatTaxId, parseCnpj, parseCpf, parseTaxId } from '../../src/documents/index.js';

const DIGITS = '0123456789';
const ALNUM = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const chars = (alphabet: string, length: number) => fc.array(fc.constantFrom(...alphabet), { minLength: length, maxLength: length }).map((a) => a.join(''));
const validCpf = chars(DIGITS, 9).filter((b) => !/^(\d)\1+$/.test(b)).map((base) => base + cpfCheckDigits(base));
const validCnpj = fc.oneof(chars(DIGITS, 12), chars(ALNUM, 12)).filter((b) => !/^(\d)\1+$/.test(b)).map((base) => base + cnpjCheckDigits(base));

/** Every string that differs from `text` in exactly one position (within the alphabet). */
const oneCharChange = (text: string, alphabet: string) => fc.tuple(fc.nat({ max: text.length - 1 }), fc.constantFrom(...alphabet))
  .filter(([i, c]) => text[i] !== c)
  .map(([i, c]) => text.slice(0, i) + c + text.slice(i + 1));

describe('CPF', () => {
  it('parses bare and masked forms and formats back', () => {
    expect(parseCpf('123.456.789-09')._unsafeUnwrap()).toBe('12345678909');
    expect(parseCpf(' 12345678909 ')._unsafeUnwrap()).toBe('12345678909');
    expect(formatCpf(parseCpf('12345678909')._unsafeUnwrap())).toBe('123.456.789-09');
  });

  it.each([
    ['123.456.789-00', 'check_digits'],
    ['1234567890', 'length'],
    ['123456789012', 'length'],
    ['123.456.789_09', 'characters'],
    ['12345678a09', 'characters'],
    ['111.111.111-11', 'repeated_digits'],
  ])('refuses %j, saying why (%s)', (input, reason) => {
    const error = parseCpf(input, ['debtor', 'document'])._unsafeUnwrapErr();
    expect(error.code).toBe('invalid_cpf');
    expect(error.details?.['reason']).toBe(reason);
    expect(error.path).toEqual(['debtor', 'document']);
  });

  it('never says which check digits were expected, nor echoes the document (issue 12, defect 8: that rebuilds a valid CPF)', () => {
    const error = parseCpf('123.456.789-00')._unsafeUnwrapErr();
    expect(error.details?.['expected']).toBeUndefined();
    expect(JSON.stringify(error)).not.toMatch(/09|123\.?456\.?789/);
    expect(error.message).toContain('***.456.789-**');
  });

  it.each([12345678909, null, undefined, {}])('refuses %j as a typed error', (input) => {
    expect(parseCpf(input)._unsafeUnwrapErr().code).toBe('invalid_cpf');
  });

  it('a one-digit change can yield another valid CPF: remainders 0 and 1 both give check digit 0', () => {
    expect(parseCpf('361.054.068-00').isOk()).toBe(true);
    expect(parseCpf('261.054.068-00').isOk()).toBe(true);
    expect(isValidCpf('26105406800')).toBe(true);
  });

  it('generated valid CPFs parse; a changed check digit is always refused; any other change is refused exactly when @brazilian-utils refuses it', () => {
    fc.assert(fc.property(validCpf.chain((cpf) => fc.tuple(fc.constant(cpf), oneCharChange(cpf, DIGITS))), ([cpf, changed]) => {
      expect(parseCpf(cpf).isOk()).toBe(true);
      expect(isValidCpf(cpf)).toBe(true);
      if (changed.slice(0, 9) === cpf.slice(0, 9)) expect(parseCpf(changed).isErr()).toBe(true);
      expect(parseCpf(changed).isOk()).toBe(isValidCpf(changed));
    }), { numRuns: 1000 });
  });

  it('almost every one-digit change is caught (the scheme misses under 1%)', () => {
    const samples = fc.sample(validCpf.chain((cpf) => oneCharChange(cpf, DIGITS)), { numRuns: 5000, seed: 42 });
    const missed = samples.filter((changed) => parseCpf(changed).isOk()).length;
    expect(missed / samples.length).toBeLessThan(0.01);
  });
});

describe('CNPJ', () => {
  it('accepts the Receita Federal published alphanumeric example 12.ABC.345/01DE-35', () => {
    const cnpj = parseCnpj('12.ABC.345/01DE-35')._unsafeUnwrap();
    expect(cnpj).toBe('12ABC34501DE35');
    expect(formatCnpj(cnpj)).toBe('12.ABC.345/01DE-35');
    expect(parseCnpj('12abc34501de35')._unsafeUnwrap()).toBe('12ABC34501DE35');
    expect(isValidCnpj('12.ABC.345/01DE-35', { version: 2 })).toBe(true);
  });

  it('accepts numeric CNPJs', () => {
    expect(parseCnpj('11.222.333/0001-81')._unsafeUnwrap()).toBe('11222333000181');
  });

  it.each([
    ['12.ABC.345/01DE-36', 'check_digits'],
    ['12.ABC.345/01DE-3X', 'characters'],
    ['12.ABC.345/01DE', 'length'],
    ['12.ABC.345/01DÉ-35', 'characters'],
    ['00.000.000/0000-00', 'repeated_digits'],
  ])('refuses %j, saying why (%s)', (input, reason) => {
    const error = parseCnpj(input)._unsafeUnwrapErr();
    expect(error.code).toBe('invalid_cnpj');
    expect(error.details?.['reason']).toBe(reason);
  });

  it('generated valid CNPJs parse; a changed check digit is always refused; any other change is refused exactly when @brazilian-utils v2 refuses it', () => {
    fc.assert(fc.property(validCnpj.chain((cnpj) => fc.tuple(fc.constant(cnpj), oneCharChange(cnpj, ALNUM))), ([cnpj, changed]) => {
      expect(parseCnpj(cnpj).isOk()).toBe(true);
      expect(isValidCnpj(cnpj, { version: 2 })).toBe(true);
      if (changed.slice(0, 12) === cnpj.slice(0, 12)) expect(parseCnpj(changed).isErr()).toBe(true);
      expect(parseCnpj(changed).isOk()).toBe(isValidCnpj(changed, { version: 2 }));
    }), { numRuns: 1000 });
  });

  it('alphanumeric bases let more one-character changes through: OV1C0TW46DXA20 → OVRC0TW46DXA20 stays valid', () => {
    // '1' (value 1) and 'R' (value 34) differ by 33 = 3 × 11: the weighted sum moves by a multiple of 11.
    expect(parseCnpj('OV1C0TW46DXA20').isOk()).toBe(true);
    expect(parseCnpj('OVRC0TW46DXA20').isOk()).toBe(true);
  });
});

describe('tax ids', () => {
  it('tells CPF from CNPJ by length', () => {
    expect(parseTaxId('123.456.789-09')._unsafeUnwrap()).toEqual({ kind: 'cpf', number: '12345678909' });
    expect(parseTaxId('12.ABC.345/01DE-35')._unsafeUnwrap()).toEqual({ kind: 'cnpj', number: '12ABC34501DE35' });
    expect(formatTaxId(parseTaxId('12345678909')._unsafeUnwrap())).toBe('123.456.789-09');
  });

  it('keeps the specific reason', () => {
    const error = parseTaxId('123.456.789-00')._unsafeUnwrapErr();
    expect(error.code).toBe('invalid_tax_id');
    expect(error.details).toMatchObject({ kind: 'cpf', reason: 'check_digits' });
    expect(error.details?.['expected']).toBeUndefined();
    expect(parseTaxId('123')._unsafeUnwrapErr().details).toMatchObject({ reason: 'length' });
    expect(parseTaxId(undefined)._unsafeUnwrapErr().code).toBe('invalid_tax_id');
  });
});
