import { describe, expect, it } from 'vitest';
import { calculateLateCharges } from '../../src/agreements/index.js';

/** Correction only (no fine, no interest) on R$ 1.000,00 due 2026-01-10, as of 2026-03-10. */
function correctionWith(variations: { month: string; percent: string }[]): number {
  const charges = calculateLateCharges({
    principal: '1000.00',
    dueDate: '2026-01-10',
    asOf: '2026-03-10',
    policy: { interest: { kind: 'none' }, fine: { percent: '0' }, correction: { index: 'IPCA', variations } },
  });
  return charges._unsafeUnwrap().correction.cents;
}

describe('monetary correction never reduces the debt (the factor is floored at 1)', () => {
  it('inflation corrects upwards', () => {
    expect(correctionWith([{ month: '2026-01', percent: '0.5' }, { month: '2026-02', percent: '0.5' }, { month: '2026-03', percent: '0.5' }])).toBeGreaterThan(0);
  });

  it('deflation months alone give no correction, never a negative one', () => {
    expect(correctionWith([{ month: '2026-01', percent: '-0.5' }, { month: '2026-02', percent: '-0.5' }, { month: '2026-03', percent: '-0.5' }])).toBe(0);
  });

  it('a deflation month after an inflation month that outweighs it floors the accumulated factor at 1', () => {
    expect(correctionWith([{ month: '2026-01', percent: '0.2' }, { month: '2026-02', percent: '-1.0' }, { month: '2026-03', percent: '0' }])).toBe(0);
  });
});
