import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readReturnFile, SUPPORTED_BANKS, type BankCode } from '../../src/bank-returns/index.js';
import { cnab240Fixture, cnab400Fixture, PAYER_NAME } from './build-fixtures.js';

const BANKS = Object.keys(SUPPORTED_BANKS) as BankCode[];
const LAYOUTS = BANKS.flatMap((bank) => [{ format: 400 as const, bank }, { format: 240 as const, bank }]);

/** The fixture file of a layout (written by the builder; `UPDATE_FIXTURES=1` rewrites them). */
export function fixturePath(format: 240 | 400, bank: BankCode): URL {
  return new URL(`./fixtures/cnab${format}-${bank}.ret`, import.meta.url);
}

describe('a fixture file per supported layout (made-up data)', () => {
  it.each(LAYOUTS)('CNAB $format of bank $bank: two liquidations with their credit dates, the entry confirmation ignored, read twice alike', ({ format, bank }) => {
    const built = format === 400 ? cnab400Fixture(bank) : cnab240Fixture(bank);
    if (process.env['UPDATE_FIXTURES'] === '1') writeFileSync(fixturePath(format, bank), built);
    const text = readFileSync(fixturePath(format, bank), 'latin1');
    expect(text).toBe(built);
    const first = readReturnFile(text)._unsafeUnwrap();
    expect(first).toMatchObject({ format, bank, layout: `cnab${format}:${bank}`, problems: [] });
    expect(first.payments.map((p) => [p.companyUse, p.documentNumber, p.amountPaid.cents, p.paidOn, p.fundsAvailableOn, p.creditDateMissing])).toEqual([
      ['f-101', 'NF101', 31_000, '2026-11-23', '2026-11-24', false],
      ['f-102', 'NF102', 15_000, '2026-11-23', '2026-11-25', false],
    ]);
    expect(first.payments.map((p) => p.line)).toEqual(format === 400 ? [2, 3] : [3, 5]);
    expect(first.ignored.map((i) => i.line)).toEqual(format === 400 ? [4] : [7]);
    expect(readReturnFile(text)._unsafeUnwrap()).toEqual(first);
  });
});

describe('broken lines are reported with their number and reason; the rest is read', () => {
  const lines = cnab400Fixture('237').split('\r\n');
  const replace = (line: string, from: number, to: number, text: string) => line.slice(0, from - 1) + text + line.slice(to);

  it('CNAB 400: a letter in the amount, a short line, a 31st of February, a stray record', () => {
    const broken = [
      lines[0],
      replace(lines[1] ?? '', 254, 266, '00000003I000'.padStart(13, '0')),
      (lines[2] ?? '').slice(0, 390),
      replace(lines[1] ?? '', 111, 116, '310226'),
      replace(lines[2] ?? '', 1, 1, '5'),
      lines[2],
      ...lines.slice(3),
    ].join('\n');
    const file = readReturnFile(broken)._unsafeUnwrap();
    expect(file.problems).toEqual([
      { line: 2, code: 'bad_amount', reason: 'the amount paid (positions 254-266) is not digits' },
      { line: 3, code: 'wrong_length', reason: 'a CNAB 400 line has 400 characters; this one has 390' },
      { line: 4, code: 'bad_date', reason: 'the payment date (positions 111-116) is not a calendar date' },
      { line: 5, code: 'unexpected_record', reason: "record type '5' is not a detail (1) nor the trailer (9)" },
    ]);
    expect(file.payments.map((p) => [p.line, p.companyUse])).toEqual([[6, 'f-102']]);
  });

  it('CNAB 240: a segment T without its U, a credit date before the payment, a U alone', () => {
    const all = cnab240Fixture('341').split('\r\n');
    const broken = [all[0], all[1], all[2], all[4], replace(all[3] ?? '', 146, 153, '01112026'), all[5], all[6], all[7], ...all.slice(8)].join('\r\n');
    const file = readReturnFile(broken)._unsafeUnwrap();
    expect(file.problems).toEqual([
      { line: 3, code: 'missing_segment', reason: 'a segment T must be followed by its segment U (amounts and dates)' },
      { line: 5, code: 'bad_date', reason: 'the credit date 2026-11-01 is before the payment date 2026-11-23' },
      { line: 6, code: 'missing_segment', reason: 'a segment U without the segment T before it' },
    ]);
    expect(file.payments).toEqual([]);
    expect(file.ignored.map((i) => i.line)).toEqual([7]);
  });

  it('a whole file that is not a supported return is an error naming why', () => {
    expect(readReturnFile(42 as never)._unsafeUnwrapErr()).toMatchObject({ code: 'invalid_input', path: ['file'] });
    expect(readReturnFile('\n\n')._unsafeUnwrapErr().code).toBe('invalid_input');
    expect(readReturnFile('0'.repeat(300))._unsafeUnwrapErr().message).toContain('neither CNAB 240 nor CNAB 400');
    const otherBank = cnab400Fixture('237').replace(/^(.{76})237/, '$1999');
    expect(readReturnFile(otherBank)._unsafeUnwrapErr()).toMatchObject({ code: 'unsupported_layout', details: { bank: '999' } });
    const remessa = cnab400Fixture('237').replace(/^02/, '01');
    expect(readReturnFile(remessa)._unsafeUnwrapErr().message).toContain('not the header of a return');
  });
});

describe('robustness', () => {
  it('any damage to a file never throws, never quotes the payer, and leaves the undamaged titles read', () => {
    const files = [cnab400Fixture('341'), cnab240Fixture('001')];
    fc.assert(
      fc.property(fc.constantFrom(...files), fc.nat(), fc.nat(), fc.string({ maxLength: 3 }), (text, where, length, insert) => {
        const at = where % text.length;
        const damaged = text.slice(0, at) + insert + text.slice(at + (length % 4));
        const result = readReturnFile(damaged);
        if (result.isErr()) return;
        for (const problem of result.value.problems) expect(problem.reason).not.toContain(PAYER_NAME);
        const intact = readReturnFile(text)._unsafeUnwrap();
        // a payment read from a damaged file is one of the original ones, or comes from the damaged line
        const damagedLine = damaged.slice(0, at).split('\n').length;
        for (const payment of result.value.payments) {
          if (Math.abs(payment.line - damagedLine) <= 1) continue;
          expect(intact.payments.map((p) => p.key)).toContain(payment.key);
        }
      }),
      { numRuns: 300 },
    );
  });
});
