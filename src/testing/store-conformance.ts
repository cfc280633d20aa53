import { actionLogCases } from './action-log-cases.js';
import { auditCases } from './audit-cases.js';
import { batchCases } from './batch-cases.js';
import { batchLogCases } from './batch-log-cases.js';
import type { ConformanceCase, StoreFactory } from './conformance-case.js';
import { idempotencyCases } from './idempotency-cases.js';
import { listingCases } from './listing-cases.js';
import { outboxBatchCases } from './outbox-batch-cases.js';
import { outboxCases } from './outbox-cases.js';
import { outboxClaimCases } from './outbox-claim-cases.js';
import { recordCases } from './record-cases.js';
import { shareCases } from './share-cases.js';
import { transactionCases } from './transaction-cases.js';
import { wakeCases } from './wake-cases.js';
import { negativationDueCases } from './negativation-due-cases.js';

export type { ConformanceCase, StoreFactory } from './conformance-case.js';

/** The `describe`/`it` of the host's test runner (vitest, node:test and jest all fit). */
export interface TestRunner {
  /** Groups cases under a name (vitest's, jest's or mocha's `describe`). */
  describe(name: string, body: () => void): unknown;
  /** Registers one case; the runner awaits `body` and reports its rejection as a failure. */
  it(name: string, body: () => Promise<void>): unknown;
}

/** The groups of the suite, one file each: add a group here to add its cases to every store's run. */
const GROUPS: readonly ((makeStore: StoreFactory) => ConformanceCase[])[] = [
  recordCases,
  listingCases,
  transactionCases,
  actionLogCases,
  outboxCases,
  auditCases,
  idempotencyCases,
  outboxClaimCases,
  outboxBatchCases,
  shareCases,
  batchCases,
  batchLogCases,
  wakeCases,
  negativationDueCases,
];

/**
 * The storage conformance suite as plain async cases: every port method,
 * transactions (commit and rollback), optimistic concurrency, and the
 * exactly-once rules of the action log, outbox and idempotency keys, and the
 * customer wake index when the store has one (`StoreTransaction.wakes`). Each
 * case makes its own store with `makeStore`. A case fails by throwing.
 * @example
 * ```ts
 * import { MemoryStore } from 'cobranca/adapters/memory';
 * import { storeConformanceCases } from 'cobranca/testing';
 *
 * // Any runner: each case builds its own fresh store and throws when the store breaks the contract.
 * const cases = storeConformanceCases(() => new MemoryStore()); // your own Store here
 * const failures: string[] = [];
 * for (const c of cases) await c.run().catch(() => failures.push(c.name));
 * console.log(failures.length === 0 ? 'conforms' : failures);
 * // → conforms
 * ```
 */
export function storeConformanceCases(makeStore: StoreFactory): ConformanceCase[] {
  return GROUPS.flatMap((group) => group(makeStore));
}

/**
 * Registers the conformance suite with the host's test runner:
 * `describeStoreConformance('my store', () => new MyStore(), { describe, it })`.
 * @example
 * ```ts no-run
 * import { MemoryStore } from 'cobranca/adapters/memory';
 * import { describeStoreConformance } from 'cobranca/testing';
 * import { describe, it } from 'node:test';
 *
 * // In your store's test file (node:test here; vitest's or jest's describe and it work the same way).
 * describeStoreConformance('memory store', () => new MemoryStore(), { describe, it });
 * ```
 */
export function describeStoreConformance(name: string, makeStore: StoreFactory, runner: TestRunner): void {
  runner.describe(`store conformance: ${name}`, () => {
    for (const c of storeConformanceCases(makeStore)) runner.it(c.name, () => c.run());
  });
}
