/**
 * Soak of the bureau HTTP adapter: 10,000 registrations through the gateway to
 * the simulator on 127.0.0.1 injecting 10 % faults (Retry-After 1 s honoured).
 * Prints attempts, retries and latency percentiles. Run: npm run soak
 */
import { formatSoak, runBureauSoak } from '../test/adapters/bureau-http/soak-run.js';

const count = Number(process.argv[2] ?? 10_000);
const result = await runBureauSoak({ count, concurrency: 16, faultRate: 0.1, retryAfterSeconds: 1, timeoutMs: 3_000 });
console.log(formatSoak(result));
const settled = Object.values(result.outcomes).reduce((a, b) => a + b, 0);
console.log(`every registration final or retryable: ${settled === count && result.outcomes['not retryable'] === 0}; held at most once: ${result.heldTwice === 0 && result.duplicateRefusals === 0}`);
