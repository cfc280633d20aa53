import { describe, expect, it } from 'vitest';
import * as fc from 'fast-check';
import type { OutboxEffect } from '../../../src/ports/records.js';
import { pgliteDatabase, SERVER_SKIP_REASON, SERVER_URL, serverDatabase, type TestDatabase } from './databases.js';

/**
 * From schema version 13 the outbox has no index of pending effects by `seq`:
 * `pending` and a claim of every kind read one range of the (kind, seq) index
 * per pending kind and merge them. Checked against the rule: the pending
 * effects after the cursor, in enqueue order, cut at the limit, whatever the
 * kinds' alphabetical order, interleaving and settled effects.
 */

const at = '2026-11-24T10:00:00.000Z';
const KINDS = ['notify', 'host_b', 'protest', 'a_host', 'zeta'] as const;

interface Case {
  readonly effects: readonly { readonly kind: number; readonly settled: boolean }[];
  readonly limit: number;
  readonly after: number | undefined;
}

const cases: fc.Arbitrary<Case> = fc.record({
  effects: fc.array(fc.record({ kind: fc.nat(KINDS.length - 1), settled: fc.boolean() }), { maxLength: 14 }),
  limit: fc.integer({ min: 1, max: 15 }),
  after: fc.option(fc.nat(14), { nil: undefined }),
});

const effect = (i: number, kind: string): OutboxEffect => ({ id: `e${String(i).padStart(2, '0')}`, key: `k${i}`, kind, payload: { i }, status: 'pending', attempts: 0, createdAt: at });

function pendingOrderCases(db: TestDatabase): void {
  it('pending and a claim of every kind answer the pending effects after the cursor in enqueue order', async () => {
    await fc.assert(
      fc.asyncProperty(cases, async ({ effects, limit, after }) => {
        const store = await db.freshStore();
        const all = effects.map((e, i) => effect(i, KINDS[e.kind] as string));
        await store.transaction((tx) => tx.outbox.enqueueMany(all));
        const settled = all.filter((_, i) => effects[i]?.settled === true);
        if (settled.length > 0) await store.transaction((tx) => tx.outbox.settleMany(settled.map((e) => ({ id: e.id, outcome: { status: 'done', attempts: 1, doneAt: at } }))));
        const cursor = after === undefined ? undefined : all[after]?.id;
        const start = cursor === undefined ? 0 : all.findIndex((e) => e.id === cursor) + 1;
        const expected = all.filter((e, i) => i >= start && effects[i]?.settled !== true).slice(0, limit).map((e) => e.id);
        expect((await store.transaction((tx) => tx.outbox.pending(limit, cursor))).map((e) => e.id)).toEqual(expected);
        const claimed = await store.transaction((tx) => tx.outbox.claim({ owner: 'w1', now: at, until: '2026-11-24T10:05:00.000Z', limit, ...(cursor === undefined ? {} : { after: cursor }) }));
        expect(claimed.map((e) => e.id)).toEqual(expected);
      }),
      { numRuns: 30 },
    );
  });
}

describe('pending effects in enqueue order on PGlite', () => pendingOrderCases(pgliteDatabase()));

if (SERVER_URL !== undefined) describe('pending effects in enqueue order on a PostgreSQL server', () => pendingOrderCases(serverDatabase()));
else describe.skip(`pending effects in enqueue order on a PostgreSQL server (${SERVER_SKIP_REASON})`, () => it('orders pending effects', () => undefined));
