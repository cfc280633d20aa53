import { afterEach, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { civilDate, randomIds, systemClock, tableRates } from '../../../src/index.js';

afterEach(() => vi.useRealTimers());

describe('systemClock (production clock, São Paulo civil dates)', () => {
  it('reads the machine time and changes day at midnight in São Paulo, not in UTC', () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-12-02T02:30:00Z'));
    const clock = systemClock();
    expect(clock.now().toISOString()).toBe('2026-12-02T02:30:00.000Z');
    expect(clock.timeZone).toBe('America/Sao_Paulo');
    expect(clock.today()).toBe('2026-12-01');
    vi.setSystemTime(new Date('2026-12-02T03:00:00Z'));
    expect(clock.today()).toBe('2026-12-02');
  });
});

describe('randomIds (production ids)', () => {
  it('gives prefix-UUID v4 ids, never the same twice', () => {
    const ids = randomIds();
    const seen = new Set<string>();
    for (let i = 0; i < 2_000; i++) {
      const id = ids.next('agr');
      expect(id).toMatch(/^agr-[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      seen.add(id);
    }
    expect(seen.size).toBe(2_000);
  });
});

describe('tableRates (production rate source over the host\'s table)', () => {
  const table = { legalInterest: { '2026-09': '0.52', '2026-10': '0.51', '2026-11': '-0.02' }, indexes: { ipca: { '2026-10': '0.26', '2026-11': '0.18' } } };

  it('serves the months of [from, to] the table has, in order; an index by its name ignoring case', async () => {
    const rates = tableRates(table)._unsafeUnwrap();
    expect(await rates.legalInterestRates(civilDate('2026-10-15'), civilDate('2026-11-30'))).toEqual([{ month: '2026-10', percent: '0.51' }, { month: '2026-11', percent: '-0.02' }]);
    expect(await rates.indexSeries('IPCA', civilDate('2026-11-01'), civilDate('2026-12-31'))).toEqual([{ month: '2026-11', percent: '0.18' }]);
    expect(await rates.indexSeries('igpm', civilDate('2026-11-01'), civilDate('2026-12-31'))).toEqual([]);
  });

  it('every month served is in the range and in the table (property)', async () => {
    const rates = tableRates(table)._unsafeUnwrap();
    const day = fc.constantFrom('2026-08-31', '2026-09-01', '2026-10-10', '2026-11-30', '2026-12-01');
    await fc.assert(fc.asyncProperty(day, day, async (a, b) => {
      const [from, to] = a <= b ? [a, b] : [b, a];
      const served = await rates.legalInterestRates(civilDate(from), civilDate(to));
      expect(served.map((m) => m.month)).toEqual(Object.keys(table.legalInterest).filter((m) => m >= from.slice(0, 7) && m <= to.slice(0, 7)));
    }));
  });

  it('a bad table is invalid_input naming the bad month or percent', () => {
    expect(tableRates({ legalInterest: { '2026-13': '0.5' } })._unsafeUnwrapErr()).toMatchObject({ code: 'invalid_input', path: ['legalInterest', '2026-13'] });
    expect(tableRates({ indexes: { ipca: { '2026-10': '0,26' } } })._unsafeUnwrapErr()).toMatchObject({ code: 'invalid_input', path: ['indexes', 'ipca', '2026-10'] });
    expect(tableRates({ selic: {} } as never)._unsafeUnwrapErr().code).toBe('invalid_input');
  });
});
