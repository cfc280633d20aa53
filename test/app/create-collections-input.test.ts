import { describe, expect, it } from 'vitest';
import { createCollections } from '../../src/app/index.js';

/** Issue 12, defect 7 (found by probing the built package): options that are not an object are refused at once. */
describe('createCollections with options that are not an object', () => {
  it.each<[string, unknown]>([
    ['a 10 MB string (its characters used to be copied one by one into the policy options: 30 s and more)', 'x'.repeat(10_000_000)],
    ['null', null],
    ['an array', [1, 2]],
    ['a number', 7],
  ])('%s is invalid_input naming what it got', (_what, options) => {
    const error = createCollections(options as never)._unsafeUnwrapErr();
    expect(error.code).toBe('invalid_input');
    expect(error.message).toMatch(/^createCollections expects an options object/);
    expect(error.message.length).toBeLessThan(200);
  });
});
