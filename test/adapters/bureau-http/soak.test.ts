import { describe, expect, it } from 'vitest';
import { formatSoak, runBureauSoak } from './soak-run.js';

describe('soak: registrations through the HTTP gateway while the simulator faults 10 % of requests', () => {
  // Bounded for `npm test` (250 registrations, a few seconds on a quiet machine); `npm run soak` runs 10,000.
  it('ends with every registration answered or retryable, and none held twice', async () => {
    const result = await runBureauSoak({ count: 250, concurrency: 8, faultRate: 0.1, retryAfterSeconds: 0, timeoutMs: 2_000 });
    console.log(formatSoak(result));
    const { accepted, pending, rejected, retryable } = result.outcomes;
    expect(accepted + pending + rejected + retryable).toBe(250);
    expect(result.outcomes['not retryable']).toBe(0);
    expect(result.heldTwice).toBe(0);
    expect(result.duplicateRefusals).toBe(0);
    expect(result.retries).toBeGreaterThan(10);
    expect(result.faultsInjected.dropAfter).toBeGreaterThan(0);
    expect(result.idempotentReplays).toBeGreaterThan(0);
  });
});
