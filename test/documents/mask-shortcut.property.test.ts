import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maskPersonalData, maskText } from '../../src/documents/redact.js';

/** Characters that make up documents, phones, e-mails, dates, amounts and ids, in every mix. */
const pieces = fc.constantFrom('0', '1', '5', '9', '.', '-', '/', '(', ')', ' ', '@', 'a', 'z', 'A', 'Z', 'É', 'x', '_', ',', '+', 'ç');
const texts = fc.oneof(
  fc.string(),
  fc.array(pieces, { maxLength: 40 }).map((chars) => chars.join('')),
  fc.constantFrom('529.982.247-25', '52998224725', '12.ABC.345/01DE-35', 'maria@exemplo.com.br', '(41) 98765-4321', 'inv-0000123', '2026-11-24', '1.234,56', 'c0000042'),
);

describe('maskPersonalData skips texts that cannot hold personal data', () => {
  it('answers exactly what the full masking answers, for any text', () => {
    fc.assert(
      fc.property(fc.array(texts, { minLength: 1, maxLength: 4 }), (parts) => {
        const text = parts.join(' ');
        expect(maskPersonalData(text, Number.POSITIVE_INFINITY)).toBe(maskText(text));
      }),
      { numRuns: 5_000 },
    );
  });

  it('still masks what the shortcut must not skip', () => {
    expect(maskPersonalData('cpf 52998224725')).toBe(maskText('cpf 52998224725'));
    expect(maskPersonalData('cpf 52998224725')).not.toContain('52998224725');
    expect(maskPersonalData('a@b.co')).not.toBe('a@b.co');
    expect(maskPersonalData('inv-0000123 em 2026-11-24')).toBe('inv-0000123 em 2026-11-24');
  });
});
