import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { cobrancaError, formatPath, fromZodError, parseInput, withPathPrefix } from '../src/errors.js';
import { civilDateSchema } from '../src/calendar/index.js';
import { moneySchema } from '../src/money/index.js';

describe('errors', () => {
  it('formats paths as people read them', () => {
    expect(formatPath(['installments', 2, 'amount'])).toBe('installments[2].amount');
    expect(formatPath([0, 'x'])).toBe('[0].x');
  });

  it('turns a zod error into invalid_input with the first path and every issue', () => {
    const schema = z.object({ amount: moneySchema, dueDate: civilDateSchema, count: z.number().int() });
    const result = parseInput(schema, { amount: '12,34', dueDate: '2026-02-30', count: 1.5 }, ['proposal']);
    const error = result._unsafeUnwrapErr();
    expect(error.code).toBe('invalid_input');
    expect(error.path).toEqual(['proposal', 'amount']);
    expect(error.message).toMatch(/^proposal\.amount: .*decimal separator.*\(and 2 more problems\)$/);
    const issues = error.details?.['issues'] as { path: unknown[] }[];
    expect(issues.map((i) => i.path)).toEqual([['proposal', 'amount'], ['proposal', 'dueDate'], ['proposal', 'count']]);
  });

  it('parses valid input into domain values', () => {
    const schema = z.object({ amount: moneySchema, dueDate: civilDateSchema });
    expect(parseInput(schema, { amount: '10.00', dueDate: '2026-11-20' })._unsafeUnwrap()).toEqual({ amount: { cents: 1000 }, dueDate: '2026-11-20' });
  });

  it('re-roots a nested error', () => {
    const inner = cobrancaError('invalid_date', 'bad', { path: ['dueDate'] });
    const outer = withPathPrefix(inner, ['invoices', 3]);
    expect(outer.path).toEqual(['invoices', 3, 'dueDate']);
    expect(outer.message).toBe('invoices[3].dueDate: bad');
    expect(fromZodError(new z.ZodError([])).code).toBe('invalid_input');
  });
});
