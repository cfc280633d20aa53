import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { harness } from '../app/harness.js';
import { commandSubjects, seededCustomers, seededInvoices } from './command-inputs.js';
import { FUZZ_RUNS, FUZZ_SEED, FUZZ_TEST_TIMEOUT_MS, checkAnswer, failureReport, guarded, inputsFor, stopWatchdog, topLevelJunk } from './hostile.js';

/**
 * Issue 12, "What must show": every command of `createCollections` answers any
 * input with a Result (its promise never rejects), in bounded time, and
 * nothing is half-written on an error.
 */
afterAll(stopWatchdog);

describe('fuzz: every command answers any input with a Result; its promise never rejects', () => {
  it.each(Object.entries(commandSubjects))('%s', { timeout: FUZZ_TEST_TIMEOUT_MS }, async (name, { command: member, valid }) => {
    const { app, seed, clock } = await harness();
    await seed(seededCustomers, seededInvoices);
    clock.set('2026-11-20T10:00:00-03:00');
    const command = (app as unknown as Record<string, (input: unknown) => unknown>)[member];
    expect(command, name).toBeTypeOf('function');
    for (const junk of topLevelJunk()) checkAnswer(name, await guarded(name, junk, () => (command as (input: unknown) => unknown)(junk)));
    const outcome = await fc.check(
      fc.asyncProperty(inputsFor(valid), async (input) => {
        checkAnswer(name, await guarded(name, input, () => (command as (input: unknown) => unknown)(input)));
      }),
      { numRuns: Math.max(5, Math.round(FUZZ_RUNS / 2)), seed: FUZZ_SEED },
    );
    if (outcome.failed) expect.fail(failureReport(outcome));
  });
});
