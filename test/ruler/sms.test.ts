import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkSmsText, smsLength } from '../../src/ruler/index.js';

const GSM_SAMPLE = 'ABCabc0123 @£$¥èéùìòÇØøÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ!"#%&\'()*+,-./:;<=>?¡ÄÖÑÜ§¿äöñüà'.split('');

describe('SMS length (160 GSM-7, 70 UCS-2)', () => {
  it('counts the GSM extension characters twice', () => {
    expect(smsLength('€[]')).toEqual({ encoding: 'gsm7', length: 6, limit: 160 });
  });

  it('switches to UCS-2 as soon as a Portuguese accent outside GSM appears', () => {
    expect(smsLength('Olá, sua fatura venceu')).toEqual({ encoding: 'ucs2', length: 22, limit: 70 });
    expect(smsLength('ação').encoding).toBe('ucs2');
    expect(smsLength('Pague até amanhã').encoding).toBe('ucs2'); // ã is not GSM (é is)
  });

  it('property: a text of GSM basic characters counts one per character', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...GSM_SAMPLE), { maxLength: 300 }), (chars) => {
        const text = chars.join('');
        const measure = smsLength(text);
        expect(measure).toEqual({ encoding: 'gsm7', length: chars.length, limit: 160 });
        expect(checkSmsText(text).isOk()).toBe(chars.length <= 160);
      }),
    );
  });

  it('property: one non-GSM character makes the limit 70', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...GSM_SAMPLE), { maxLength: 100 }), fc.constantFrom('ã', 'õ', 'ç', 'í', 'ó', 'ú', 'â', 'ê'), (chars, odd) => {
        const text = chars.join('') + odd;
        expect(smsLength(text)).toMatchObject({ encoding: 'ucs2', limit: 70 });
      }),
    );
  });
});
