import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cnpjCheckDigits, cnpjProblem, cpfCheckDigits, cpfProblem, parseCnpj, parseCpf, parseTaxId } from '../../src/documents/index.js';
import { shown } from '../../src/documents/redact.js';
import { readTaxIdFast } from '../../src/documents/tax-id.js';

/**
 * parseTaxId reads a well-formed CPF or CNPJ in one pass (no regular expression,
 * no intermediate string) and takes its checked path otherwise. Both must give
 * the same answer: this reference is the checked path alone, built from the
 * CPF and CNPJ parsers the fast path does not use.
 */
function reference(input: unknown): unknown {
  const error = (message: string, details: Record<string, unknown>): unknown => ({ error: 'invalid_tax_id', message, details });
  if (typeof input !== 'string') return error(`expected a CPF or CNPJ as text, got ${input === null ? 'null' : typeof input}`, { reason: 'characters' });
  const bare = input.replace(/[\s./-]/g, '');
  if (bare.length === 11 && /^\d+$/.test(bare)) {
    const cpf = parseCpf(input);
    if (cpf.isOk()) return { kind: 'cpf', number: cpf.value };
    const problem = cpfProblem(input);
    return error(cpf.error.message, { kind: 'cpf', reason: problem?.reason, ...problem?.details });
  }
  if (bare.length === 14) {
    const cnpj = parseCnpj(input);
    if (cnpj.isOk()) return { kind: 'cnpj', number: cnpj.value };
    const problem = cnpjProblem(input);
    return error(cnpj.error.message, { kind: 'cnpj', reason: problem?.reason, ...problem?.details });
  }
  return error(`expected a CPF (11 digits) or a CNPJ (14 characters), got ${shown(input)}`, { reason: 'length' });
}

function viaApi(input: unknown): unknown {
  const result = parseTaxId(input);
  return result.isOk() ? result.value : { error: result.error.code, message: result.error.message, details: result.error.details };
}

const digit = fc.integer({ min: 0, max: 9 }).map(String);
const alnum = fc.constantFrom(...'0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcxyz');
const cpf = fc.array(digit, { minLength: 9, maxLength: 9 }).map((d) => d.join('')).map((base) => base + cpfCheckDigits(base));
const cnpj = fc.array(alnum, { minLength: 12, maxLength: 12 }).map((d) => d.join('')).map((base) => base + cnpjCheckDigits(base));
/** A number written bare or masked, sometimes with a character changed, added or dropped, a tab, a Unicode space or a lower-case letter. */
const written = fc
  .record({
    number: fc.oneof(cpf, cnpj, fc.constantFrom('11111111111', '00000000000000', '123')),
    masked: fc.boolean(),
    corrupt: fc.option(fc.record({ at: fc.nat(20), char: fc.constantFrom('1', '7', 'A', 'z', '.', '-', '/', ' ', '\t', '\u00a0', 'ß', '') }), { nil: undefined }),
  })
  .map(({ number, masked, corrupt }) => {
    let text = masked && number.length === 11 ? `${number.slice(0, 3)}.${number.slice(3, 6)}.${number.slice(6, 9)}-${number.slice(9)}` : masked ? `${number.slice(0, 2)}.${number.slice(2, 5)}.${number.slice(5, 8)}/${number.slice(8, 12)}-${number.slice(12)}` : number;
    if (corrupt !== undefined) {
      const at = corrupt.at % (text.length + 1);
      text = text.slice(0, at) + corrupt.char + text.slice(at + 1);
    }
    return text;
  });

describe('parseTaxId fast path', () => {
  it('gives the same tax ids and errors as the checked path', () => {
    fc.assert(
      fc.property(fc.oneof(written, fc.string(), fc.constantFrom(null, 12345678909, undefined)), (input) => {
        expect(viaApi(input)).toEqual(reference(input));
      }),
      { numRuns: 4000, seed: 20261202 },
    );
  });

  it('reads every valid number, bare or masked, on the fast path', () => {
    fc.assert(
      fc.property(fc.oneof(cpf, cnpj), fc.boolean(), (number, lower) => {
        const text = lower ? number.toLowerCase() : number;
        expect(readTaxIdFast(text)).toEqual(parseTaxId(text)._unsafeUnwrap());
      }),
      { numRuns: 2000, seed: 20261203 },
    );
  });
});
