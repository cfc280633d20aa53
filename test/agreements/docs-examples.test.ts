import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { calculateLateCharges } from '../../src/agreements/index.js';

/** The rows of the late-charges table in docs/agreements.md, so the page a finance person checks by hand can never drift from the code. */
function docRows(): string[][] {
  const page = readFileSync(new URL('../../docs/agreements.md', import.meta.url), 'utf8');
  return page
    .split('\n')
    .filter((line) => /^\| \d+ \|/.test(line))
    .map((line) => line.split('|').slice(1, -1).map((cell) => cell.trim()));
}

function interestOf(text: string) {
  const monthly = /^([\d.]+)% a month$/.exec(text);
  if (monthly?.[1]) return { kind: 'monthly' as const, percent: monthly[1] };
  const annual = /^([\d.]+)% a year$/.exec(text);
  if (annual?.[1]) return { kind: 'annual' as const, percent: annual[1] };
  return { kind: 'none' as const };
}

describe('docs/agreements.md: the worked late-charges examples', () => {
  const rows = docRows();

  it('has the table', () => {
    expect(rows.length).toBeGreaterThanOrEqual(10);
  });

  it.each(rows.map((row) => [row[0], row] as const))('row %s gives the figures the page shows', (_, row) => {
    const [, principal, dueDate, asOf, interest, grace, daysLate, fine, interestAmount, total] = row;
    const result = calculateLateCharges({ principal: principal ?? '', dueDate: dueDate ?? '', asOf: asOf ?? '', policy: { interest: interestOf(interest ?? ''), graceDays: Number(grace) } })._unsafeUnwrap();
    const reais = (m: { cents: number }) => (m.cents / 100).toFixed(2);
    expect([String(result.daysLate), reais(result.fine), reais(result.interest), reais(result.total)]).toEqual([daysLate, fine, interestAmount, total]);
  });
});
