import { describe, expect, it } from 'vitest';
import { classifyPortfolio, PortfolioClassifier } from '../../src/portfolio/index.js';

/** Issue 12, defect 7 (found by the fuzz's top-level junk): no input makes the classifier throw. */
describe('classifyPortfolio and PortfolioClassifier with junk instead of their input', () => {
  it.each([null, undefined, 7, 'carteira'])('classifyPortfolio(%s) is invalid_input', (input) => {
    expect(classifyPortfolio(input as never)._unsafeUnwrapErr().code).toBe('invalid_input');
  });

  it('null options are the defaults, not a TypeError', () => {
    expect(PortfolioClassifier.create({ asOf: '2026-06-30', forwardAfterDays: 10 }, null as never).isOk()).toBe(true);
    expect(classifyPortfolio({ asOf: '2026-06-30', forwardAfterDays: 10, invoices: [] }, null as never).isOk()).toBe(true);
  });
});
