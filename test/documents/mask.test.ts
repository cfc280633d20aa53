import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { maskCep, maskName, maskTaxId } from '../../src/documents/index.js';

describe('personal-data masks', () => {
  it('keeps the middle of a CPF only, bare or formatted', () => {
    expect(maskTaxId('12345678909')).toBe('***.456.789-**');
    expect(maskTaxId('123.456.789-09')).toBe('***.456.789-**');
  });

  it('keeps the branch part of a CNPJ only (numeric and alphanumeric)', () => {
    expect(maskTaxId('11.222.333/0001-81')).toBe('**.***.***/0001-**');
    expect(maskTaxId('12.ABC.345/01DE-35')).toBe('**.***.***/01DE-**');
  });

  it('never shows the check digits nor the root of any document, and never throws', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{11}$|^[0-9A-Z]{14}$/), (doc) => {
        const masked = maskTaxId(doc);
        expect(masked.endsWith('-**')).toBe(true);
        expect(masked.replace(/\D/g, '').length).toBeLessThanOrEqual(6);
      }),
    );
    fc.assert(fc.property(fc.anything(), (x) => typeof maskTaxId(x) === 'string' && typeof maskName(x) === 'string' && typeof maskCep(x) === 'string'));
  });

  it('reduces names to initials and a CEP to its region', () => {
    expect(maskName('Maria  Souza')).toBe('M. S.');
    expect(maskName('')).toBe('***');
    expect(maskCep('01001-000')).toBe('01001-***');
    expect(maskCep('123')).toBe('***');
  });
});
