import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maskDeep } from '../../src/documents/index.js';
import { maskAuditDetails } from '../../src/app/audit.js';

/** Texts that mask and texts that do not, drawn from a small pool so the same text comes back (the fast path's memory of masked texts). */
const text = fc.oneof(
  fc.constantFrom('ruler:i00000123|s1', '2026-11-24', 'notify', 'CPF 529.982.247-25 recusado', 'maria.souza@exemplo.com.br', 'fone (41) 98765-4321', '12.ABC.345/01DE-35', 's1', ''),
  fc.string({ maxLength: 30 }),
  fc.stringMatching(/^[0-9.\-/ @a-z]{0,24}$/),
);
const flatValue = fc.oneof(text, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constant(undefined));
const value = fc.oneof({ weight: 5, arbitrary: flatValue }, { weight: 1, arbitrary: fc.array(flatValue, { maxLength: 3 }) }, { weight: 1, arbitrary: fc.dictionary(fc.string({ maxLength: 5 }), flatValue, { maxKeys: 3 }) }, { weight: 1, arbitrary: fc.bigInt() });

describe('audit details masking', () => {
  it('the fast path gives exactly what maskDeep gives, for flat and nested details alike', () => {
    fc.assert(
      fc.property(fc.array(fc.dictionary(fc.oneof(fc.constantFrom('stepId', 'key', 'scheduledFor', 'refused', '__proto__', '0'), fc.string({ maxLength: 8 })), value, { maxKeys: 6 }), { minLength: 1, maxLength: 20 }), (lines) => {
        for (const details of lines) expect(maskAuditDetails(details)).toStrictEqual(maskDeep(details));
      }),
      { numRuns: 300 },
    );
  });

  it('masks a document the second time it comes back too (the memory of masked texts holds the masked text)', () => {
    const details = { key: 'CPF 529.982.247-25', stepId: 's1' };
    const first = maskAuditDetails(details);
    expect(first.key).not.toContain('529.982.247-25');
    expect(maskAuditDetails(details)).toStrictEqual(first);
  });

  it('keeps to maskDeep past 1,000 fields', () => {
    const wide = Object.fromEntries(Array.from({ length: 1001 }, (_, i) => [`f${i}`, 'maria.souza@exemplo.com.br']));
    expect(maskAuditDetails(wide)).toStrictEqual(maskDeep(wide));
  });
});
