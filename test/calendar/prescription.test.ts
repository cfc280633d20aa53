import { describe, expect, it } from 'vitest';
import { civilDate, prescriptionOn } from '../../src/calendar/index.js';
import { prescriptionOn as negativationPrescriptionOn } from '../../src/negativation/index.js';
import { protestPrescriptionOn } from '../../src/protest/index.js';

describe('prescription: one rule for negativation and protest (CC art. 206 §5 I; CDC art. 43 §5)', () => {
  it('counts years from the day after the due date', () => {
    expect(prescriptionOn(civilDate('2021-06-10'), 5)).toBe('2026-06-11');
    expect(prescriptionOn(civilDate('2023-06-10'), 3)).toBe('2026-06-11');
  });

  it('negativation and protest call the same function', () => {
    expect(negativationPrescriptionOn).toBe(prescriptionOn);
    expect(protestPrescriptionOn).toBe(prescriptionOn);
  });
});
