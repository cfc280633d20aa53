import { describe, expect, it } from 'vitest';
import { allocate, fromCents, parseBrl, parseDecimal, parseMoney } from '../../src/money/index.js';

/** Issue 12, defects 1 and 7: text parsers are linear, and no input makes them throw. */
describe('money parsers under hostile input', () => {
  // A hang guard, not a speed test: the old cubic backtracking took 9.6 s at n = 3,000, so at n = 100,000 it would run for
  // days and the test's own timeout (below) fails it; a linear parser answers in about a millisecond. No timing assertion.
  it('parseBrl answers "-", n spaces and "x" without hanging (three adjacent \\s* took 9.6 s at n = 3,000)', { timeout: 30_000 }, () => {
    for (const n of [3_000, 100_000]) expect(parseBrl(`-${' '.repeat(n)}x`)._unsafeUnwrapErr().code, `n = ${n}`).toBe('invalid_money');
  });

  it('parseBrl still reads every form it read before', () => {
    const cases: [string, number][] = [['R$ 1.234,56', 123_456], ['1234,5', 123_450], ['-R$ 10,00', -1000], ['R$ -10,00', -1000], ['R$\u00a0-\u00a01.000', -100_000], ['+ R$ 3', 300], ['  R$   7,01  ', 701]];
    for (const [text, cents] of cases) expect(parseBrl(text)._unsafeUnwrap().cents, text).toBe(cents);
    for (const text of ['-R$ -10,00', 'R$ 1.23,00', '1,234', 'R$', '', '- -1', 'R$ 1.2345']) expect(parseBrl(text).isErr(), text).toBe(true);
  });

  it.each([
    ['a bigint', 10n],
    ['a bigint in cents', { cents: 10n }],
    ['a cyclic object', (() => { const o: Record<string, unknown> = { cents: 1.5 }; o.self = o; return o; })()],
    ['a symbol', Symbol('x')],
    ['a function', () => 1],
  ])('parseMoney, parseBrl and parseDecimal answer an error for %s, never throw', (_what, input) => {
    expect(parseMoney(input).isErr()).toBe(true);
    expect(parseBrl(input).isErr()).toBe(true);
    expect(parseDecimal(input).isErr()).toBe(true);
  });

  it('an error quotes at most 100 characters of a 10 MB input', () => {
    const huge = '9'.repeat(10_000_000) + 'x';
    for (const result of [parseMoney(huge), parseBrl(huge), parseDecimal(huge)]) {
      const message = result._unsafeUnwrapErr().message;
      expect(message.length).toBeLessThan(300);
      expect(message).toContain('10000001 characters');
    }
  });
});

describe('allocate under hostile input (issue 12, defect 7)', () => {
  it('150,000 decimal ratios do not overflow the stack', () => {
    const parts = allocate(fromCents(1_000_000), Array.from({ length: 150_000 }, (_, i) => (i % 2 === 0 ? '0.5' : '1.25')))._unsafeUnwrap();
    expect(parts.reduce((sum, p) => sum + p.cents, 0)).toBe(1_000_000);
  });

  it.each([
    ['fractional cents', { cents: 100.5 }],
    ['text', '100.00'],
    ['null', null],
    ['a bigint', { cents: 10n }],
  ])('a total given as %s is an error, not a wrong sum or NaN parts', (_what, total) => {
    expect(allocate(total as never, 3)._unsafeUnwrapErr().code).toBe('invalid_allocation');
  });

  it('neither a count nor a list is an error', () => {
    expect(allocate(fromCents(100), null as never)._unsafeUnwrapErr().code).toBe('invalid_allocation');
    expect(allocate(fromCents(100), 'abc' as never)._unsafeUnwrapErr().code).toBe('invalid_allocation');
  });
});
