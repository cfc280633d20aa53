import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { maskCep, maskName, maskPersonalData, maskTaxId } from '../../src/documents/index.js';

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

  it('shows only the last four digits of a phone written in free text, however it is punctuated', () => {
    expect(maskPersonalData('ligar (41) 98765-4321')).toBe('ligar (**) *****-4321');
    expect(maskPersonalData('whats +55 41 98765-4321.')).toBe('whats +** ** *****-4321.');
    expect(maskPersonalData('fixo 3333-1234 ramal')).toBe('fixo ****-1234 ramal');
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{2}$/), fc.stringMatching(/^9?[0-9]{4}$/), fc.stringMatching(/^[0-9]{4}$/), (area, prefix, line) => {
        for (const phone of [`(${area}) ${prefix}-${line}`, `${area} ${prefix}-${line}`, `+55 ${area} ${prefix}-${line}`, `${prefix}-${line}`]) {
          const masked = maskPersonalData(`tel ${phone} fim`);
          expect(masked.replace(/\D/g, '')).toBe(line);
        }
      }),
    );
  });

  it('still masks a CPF or CNPJ in free text as a document', () => {
    expect(maskPersonalData('CPF 529.982.247-25 e CNPJ 11.222.333/0001-81')).toBe('CPF ***.982.247-** e CNPJ **.***.***/0001-**');
  });
});
