import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { noticePortfolio, type CustomerPlan, type Faults } from './support/notice-portfolio.js';

/** A deterministic choice of about one in `every` texts for a pass (the same answer however often it is asked: a page rolled back and handled again meets the same faults). */
function pick(seed: number, pass: number, every: number): (text: string) => boolean {
  return (text) => {
    let hash = (seed ^ (pass * 0x9e3779b1)) >>> 0;
    for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
    return hash % every === 0;
  };
}

const plan = fc.record<CustomerPlan>({ invoices: fc.integer({ min: 1, max: 3 }), grouped: fc.boolean() });

describe('a page of prior notices handled in one transaction leaves the store as handling them one by one does', () => {
  it('same registrations, notices, outbox states, action log and audit over random pages, notifier failures and refused writes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(plan, { minLength: 1, maxLength: 8 }), fc.integer({ min: 2, max: 12 }), fc.integer({ min: 0, max: 2 ** 31 - 1 }), async (plans, pageSize, seed) => {
        const faultsOf = (pass: number): Faults => (pass === 2 ? { notifierFails: () => false, updateFails: () => false } : { notifierFails: pick(seed, pass, 4), updateFails: pick(seed + 1, pass, 5) });
        const oneByOne = await noticePortfolio(plans);
        const paged = await noticePortfolio(plans);
        expect(await paged.snapshot()).toEqual(await oneByOne.snapshot());
        for (const pass of [0, 1, 2]) {
          const single = await oneByOne.pass(1, faultsOf(pass));
          const page = await paged.pass(pageSize, faultsOf(pass));
          expect(page.counts).toEqual(single.counts);
          expect(page.failed.map((f) => [f.effect.key, f.error, f.gaveUp])).toEqual(single.failed.map((f) => [f.effect.key, f.error, f.gaveUp]));
          const now = await paged.snapshot();
          expect(now).toEqual(await oneByOne.snapshot());
          // Nothing half written: the titles of a registration still waiting for their notice have all received it, or none has.
          const waiting = now.negativations.filter((r) => r.registration !== undefined && r.status === 'processing');
          for (const r of waiting) expect(r.notices).toEqual(waiting.find((other) => other.registration === r.registration)?.notices);
        }
        // The last pass had no fault: every notice was sent once and recorded on each title it named.
        const after = await paged.snapshot();
        expect(after.outbox.filter((e) => e.kind === 'negativation_notice').every((e) => e.status === 'done')).toBe(true);
        for (const r of after.negativations) if (r.status === 'processing') expect(r.notices).toHaveLength(1);
        expect(new Set(paged.notifier.sent.map((m) => m.key)).size).toBe(paged.notifier.sent.length);
      }),
      { numRuns: 12 },
    );
  }, 240_000);
});
