import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { FUZZ_RUNS, FUZZ_SEED, FUZZ_TEST_TIMEOUT_MS, checkAnswer, failureReport, guarded, inputsFor, stopWatchdog, topLevelJunk } from './hostile.js';
import { subjects } from './subjects.js';

/**
 * Issue 12, "What must show": every public function answers any input with a
 * value or a typed error, in bounded time; it never throws. `npm test` runs a
 * few cases per function with a fixed seed; `npm run fuzz` runs many more.
 */
afterAll(stopWatchdog);

describe('fuzz: every public function answers any input with a Result, never a throw, in bounded time', () => {
  it.each(Object.entries(subjects))('%s', { timeout: FUZZ_TEST_TIMEOUT_MS }, async (name, subject) => {
    expect(await guarded(name, subject.valid, () => subject.call(subject.valid)), `${name}'s valid input is answered`).toBeDefined();
    for (const junk of topLevelJunk()) checkAnswer(name, await guarded(name, junk, () => subject.call(junk)));
    const outcome = await fc.check(
      fc.asyncProperty(inputsFor(subject.valid), async (input) => {
        checkAnswer(name, await guarded(name, input, () => subject.call(input)));
      }),
      { numRuns: FUZZ_RUNS, seed: FUZZ_SEED },
    );
    // The report names the defect and a short view of the input (a counterexample may be a 1 MB string).
    if (outcome.failed) expect.fail(failureReport(outcome));
  });
});
