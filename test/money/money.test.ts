import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Decimal } from 'decimal.js';
import {
  add, brl, compare, formatBrl, fromCents, fromDecimal, MAX_INPUT_CENTS, multiply, negate, parseBrl, parseMoney, percentOf, subtract, sum, toDecimalString,
} from '../../src/money/index.js';

describe('parsing amounts', () => {
  it('reads decimal strings exactly, with at most two places', () => {
    expect(brl('373.52').cents).toBe(37352);
    expect(brl('-10').cents).toBe(-1000);
    expect(brl('0.5').cents).toBe(50);
    expect(parseMoney({ cents: 1234 })._unsafeUnwrap().cents).toBe(1234);
  });

  it.each([
    ['12,34', 'decimal separator'],
    ['1.005', 'at most two decimal places'],
    ['1e3', 'expected an amount'],
    ['', 'expected an amount'],
    [' ', 'expected an amount'],
    ['R$ 10,00', 'expected an amount'],
  ])('refuses %j with a message that says why', (input, fragment) => {
    const result = parseMoney(input, ['invoices', 0, 'amount']);
    expect(result.isErr()).toBe(true);
    const error = result._unsafeUnwrapErr();
    expect(error.code).toBe('invalid_money');
    expect(error.path).toEqual(['invoices', 0, 'amount']);
    expect(error.message).toMatch(/^invoices\[0\]\.amount: /);
    expect(error.message).toContain(fragment);
  });

  it.each([NaN, Infinity, 12.34, null, undefined, true, [], {}, { cents: 1.5 }, { cents: '10' }])('refuses %j as a typed error, never a throw', (input) => {
    const result = parseMoney(input);
    expect(result._unsafeUnwrapErr().code).toBe('invalid_money');
  });

  it('refuses amounts beyond the supported range', () => {
    expect(parseMoney('1000000000000.01')._unsafeUnwrapErr().code).toBe('amount_out_of_range');
    expect(parseMoney({ cents: MAX_INPUT_CENTS + 1 })._unsafeUnwrapErr().code).toBe('amount_out_of_range');
    expect(parseMoney('99999999999999999999')._unsafeUnwrapErr().code).toBe('amount_out_of_range');
    expect(parseMoney({ cents: MAX_INPUT_CENTS }).isOk()).toBe(true);
  });

  it('throws only for malformed literals in code', () => {
    expect(() => brl('12,34')).toThrow(TypeError);
    expect(() => fromCents(1.5)).toThrow(RangeError);
  });

  it('round-trips every amount through its decimal string', () => {
    fc.assert(fc.property(fc.integer({ min: -MAX_INPUT_CENTS, max: MAX_INPUT_CENTS }), (cents) => {
      expect(parseMoney(toDecimalString(fromCents(cents)))._unsafeUnwrap().cents).toBe(cents);
    }));
  });
});

describe('arithmetic', () => {
  it('adds and subtracts exactly where floats do not', () => {
    expect(add(brl('0.1'), brl('0.2')).cents).toBe(30);
    expect(toDecimalString(subtract(brl('373.52'), brl('400')))).toBe('-26.48');
    expect(sum([brl('0.1'), brl('0.2'), brl('0.3')]).cents).toBe(60);
    expect(negate(brl('0')).cents).toBe(0);
    expect(Object.is(negate(brl('0')).cents, -0)).toBe(false);
  });

  it('applies a percentage with the named rounding mode', () => {
    // 2% of 373.52 = 7.4704
    expect(percentOf(brl('373.52'), '2', 'half_up').cents).toBe(747);
    // 0.5% of 1.00 = 0.005 → the tie decides
    expect(percentOf(brl('1'), '0.5', 'half_up').cents).toBe(1);
    expect(percentOf(brl('1'), '0.5', 'half_even').cents).toBe(0);
    expect(percentOf(brl('1'), '0.5', 'down').cents).toBe(0);
    expect(percentOf(brl('1'), '0.1', 'up').cents).toBe(1);
    expect(percentOf(brl('-1'), '0.5', 'half_up').cents).toBe(-1);
    expect(multiply(brl('10.00'), '0.3333', 'half_even').cents).toBe(333);
    expect(fromDecimal('10.005', 'half_up').cents).toBe(1001);
    expect(fromDecimal('10.005', 'half_even').cents).toBe(1000);
  });

  it('matches a straightforward decimal.js computation for any amount, percentage and mode', () => {
    const modes = { 'half_up': Decimal.ROUND_HALF_UP, 'half_even': Decimal.ROUND_HALF_EVEN, down: Decimal.ROUND_DOWN, up: Decimal.ROUND_UP } as const;
    fc.assert(fc.property(
      fc.integer({ min: -1e12, max: 1e12 }),
      fc.integer({ min: 0, max: 100_000 }),
      fc.constantFrom(...(Object.keys(modes) as (keyof typeof modes)[])),
      (cents, percentThousandths, mode) => {
        const percent = new Decimal(percentThousandths).div(1000).toString();
        const expected = new Decimal(cents).div(100).times(percent).div(100).toDecimalPlaces(2, modes[mode]);
        expect(toDecimalString(percentOf(fromCents(cents), percent, mode))).toBe(expected.toFixed(2));
      },
    ));
  });

  it('compares', () => {
    expect(compare(brl('1'), brl('2'))).toBe(-1);
    expect(compare(brl('2'), brl('2'))).toBe(0);
    expect(compare(brl('3'), brl('2'))).toBe(1);
  });
});

describe('R$ text', () => {
  it.each([
    ['0', 'R$ 0,00'],
    ['0.05', 'R$ 0,05'],
    ['-0.05', '-R$ 0,05'],
    ['1234.56', 'R$ 1.234,56'],
    ['1234567.89', 'R$ 1.234.567,89'],
    ['999', 'R$ 999,00'],
  ])('formats %s as %s and reads it back', (amount, text) => {
    expect(formatBrl(brl(amount))).toBe(text);
    expect(parseBrl(text)._unsafeUnwrap()).toEqual(brl(amount));
  });

  it('reads the forms people type, and the no-break space Intl writes', () => {
    expect(parseBrl('1234,5')._unsafeUnwrap().cents).toBe(123450);
    expect(parseBrl('R$1.234,56')._unsafeUnwrap().cents).toBe(123456);
    expect(parseBrl('R$ -10,00')._unsafeUnwrap().cents).toBe(-1000);
    const intl = new Intl.NumberFormat('pt-BR', { style: 'currency', currency: 'BRL' }).format(1234.56);
    expect(parseBrl(intl)._unsafeUnwrap().cents).toBe(123456);
  });

  it.each(['1.23,45', 'R$ 12,345', '12.34', 'R$', '--1,00', '-R$ -1,00', 'abc'])('refuses %j', (text) => {
    expect(parseBrl(text)._unsafeUnwrapErr().code).toBe('invalid_money');
  });

  it('round-trips any amount', () => {
    fc.assert(fc.property(fc.integer({ min: -MAX_INPUT_CENTS, max: MAX_INPUT_CENTS }), (cents) => {
      expect(parseBrl(formatBrl(fromCents(cents)))._unsafeUnwrap().cents).toBe(cents);
    }));
  });
});
