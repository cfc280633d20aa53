import { describe, expect, it } from 'vitest';
import { parseNegativation, type Negativation } from '../../src/negativation/index.js';
import { negativatedEvents, run, started } from './fixtures.js';

const stored = (): Record<string, unknown> => JSON.parse(JSON.stringify(run(started(), negativatedEvents).negativation)) as Record<string, unknown>;

describe('parseNegativation (reading a stored negativation back)', () => {
  it('gives back exactly what was stored', () => {
    const n = run(started(), negativatedEvents).negativation;
    expect(parseNegativation(JSON.parse(JSON.stringify(n)))._unsafeUnwrap()).toEqual(n);
  });

  it.each([
    ['a bad status', (s: Record<string, unknown>) => ({ ...s, status: 'lost' }), ['status']],
    ['a broken debtor CPF', (s: Record<string, unknown>) => ({ ...s, debtor: { ...(s['debtor'] as object), document: { kind: 'cpf', number: '12345678900' } } }), ['debtor', 'document']],
    ['a version that does not match the history', (s: Record<string, unknown>) => ({ ...s, version: 9 }), ['version']],
    ['a status other than where the history ends', (s: Record<string, unknown>) => ({ ...s, status: 'recovered' }), ['status']],
    ['a float amount', (s: Record<string, unknown>) => ({ ...s, outstanding: { cents: 1.5 } }), ['outstanding']],
    [
      'a history entry that does not follow the previous one',
      (s: Record<string, unknown>) => {
        const history = [...(s['history'] as Negativation['history'])];
        const third = history[2];
        if (third) history[2] = { ...third, from: 'in_analysis' };
        return { ...s, history };
      },
      ['history', 2, 'from'],
    ],
  ])('refuses %s as invalid_stored_negativation with the path', (_what, corrupt, path) => {
    const result = parseNegativation(corrupt(stored()));
    expect(result._unsafeUnwrapErr().code).toBe('invalid_stored_negativation');
    expect(result._unsafeUnwrapErr().path).toEqual(path);
  });
});
