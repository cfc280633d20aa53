import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maskDeep, maskPersonalData, maskText } from '../../src/documents/redact.js';

/** Characters that make up documents, phones, e-mails, dates, amounts and ids, in every mix. */
const pieces = fc.constantFrom('0', '1', '5', '9', '.', '-', '/', '(', ')', ' ', '@', 'a', 'z', 'A', 'Z', 'É', 'x', '_', ',', '+', 'ç', '|', ':', '\t', '00000001', '2026-11-24');
const texts = fc.oneof(
  fc.string(),
  fc.array(pieces, { maxLength: 40 }).map((chars) => chars.join('')),
  fc.constantFrom('529.982.247-25', '52998224725', '12.ABC.345/01DE-35', 'maria@exemplo.com.br', '(41) 98765-4321', 'inv-0000123', '2026-11-24', '1.234,56', 'c0000042', '12:regua-padrao|i|9:i00000001|atraso-sms', '2026-11-24T13:00:00.000Z', '2026-11-24 2026-11-25', '1.234.567 8'),
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

/** The deep mask as it was written first (entries, slice and map): the reference the faster walk must answer exactly as. */
function referenceMaskDeep(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return maskText(value.length > 2000 ? `${value.slice(0, 2000)}… (${value.length} characters)` : value);
  if (value === null || typeof value !== 'object') return typeof value === 'bigint' ? `${value}n` : value;
  if (depth > 8) return '[nested too deep]';
  if (Array.isArray(value)) return value.slice(0, 1000).map((item) => referenceMaskDeep(item, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value).slice(0, 1000)) out[key] = referenceMaskDeep(field, depth + 1);
  return out;
}

describe('maskDeep walks plain data as the reference walk does', () => {
  it('answers exactly what the reference answers, for any nested data (holes, bigints, deep nesting, many keys)', () => {
    const leaf = fc.oneof(texts, fc.integer(), fc.bigInt(), fc.boolean(), fc.constant(null), fc.constant(undefined));
    const data = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leaf, fc.array(tie('node'), { maxLength: 4 }), fc.sparseArray(tie('node'), { maxLength: 5 }), fc.dictionary(fc.string({ maxLength: 6 }), tie('node'), { maxKeys: 4 })),
    })).node;
    fc.assert(
      fc.property(data, (value) => {
        expect(maskDeep(value)).toStrictEqual(referenceMaskDeep(value));
      }),
      { numRuns: 2_000 },
    );
    const deep = Array.from({ length: 12 }).reduce<unknown>((inner) => ({ inner: [inner] }), 'cpf 52998224725');
    expect(maskDeep(deep)).toStrictEqual(referenceMaskDeep(deep));
    const wide = Object.fromEntries(Array.from({ length: 1200 }, (_, i) => [`k${i}`, `${i}`]));
    expect(maskDeep(wide)).toStrictEqual(referenceMaskDeep(wide));
    const long = Array.from({ length: 1200 }, (_, i) => i);
    expect(maskDeep(long)).toStrictEqual(referenceMaskDeep(long));
  });
});
