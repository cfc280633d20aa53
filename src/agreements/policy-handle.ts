import type { LateChargesCalculator } from './late-charges-calculator.js';

/** Every calculator handed out by `lateChargesCalculator`: a host may pass one wherever a policy goes. */
const handles = new WeakSet<object>();

/** Marks a compiled calculator as one a host may pass in place of a policy. */
export function asPolicyHandle(calculator: LateChargesCalculator): LateChargesCalculator {
  handles.add(calculator);
  return calculator;
}

/** Whether `value` is a calculator from `lateChargesCalculator` (a compiled policy). */
export function isPolicyHandle(value: unknown): value is LateChargesCalculator {
  return typeof value === 'object' && value !== null && handles.has(value);
}
