import { describe, expect, it } from 'vitest';
import * as fc from 'fast-check';
import { PendingQueue } from '../../src/adapters/memory/pending-queue.js';

/** An entry as the outbox keeps it: a fixed position and whether it is pending now (what the owner tells the queue about). */
interface Entry {
  readonly order: number;
  pending: boolean;
}

describe('the memory outbox pending queue', () => {
  it('property: after(cursor) is the pending entries enqueued after the cursor, once each, in enqueue order, whatever was added, settled or re-added', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom('add', 'delete'), fc.nat(60)), { maxLength: 300 }), fc.integer({ min: -1, max: 60 }), (operations, cursor) => {
        const queue = new PendingQueue<Entry>((entry) => entry.pending);
        const entries = new Map<number, Entry>();
        for (const [op, n] of operations) {
          let entry = entries.get(n);
          if (entry === undefined) {
            entry = { order: n, pending: false };
            entries.set(n, entry);
          }
          // The owner tells the queue of changes only: an add of a pending entry or a delete of a settled one is no change.
          if (op === 'add' && !entry.pending) {
            entry.pending = true;
            queue.add(entry);
          } else if (op === 'delete' && entry.pending) {
            entry.pending = false;
            queue.delete();
          }
        }
        const live = [...entries.values()].filter((entry) => entry.pending);
        expect([...queue.after(cursor)].map((entry) => entry.order)).toEqual(live.map((entry) => entry.order).filter((n) => n > cursor).sort((a, b) => a - b));
        expect(queue.size).toBe(live.length);
      }),
    );
  });

  it('property: once settled entries outnumber the pending ones, they are pruned and reads see only the pending ones', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5_000 }), fc.integer({ min: 1, max: 7 }), (size, every) => {
        const queue = new PendingQueue<Entry>((entry) => entry.pending);
        const entries = Array.from({ length: size }, (_, order) => ({ order, pending: true }));
        for (const entry of entries) queue.add(entry);
        for (const entry of entries) {
          if (entry.order % every === 0) continue;
          entry.pending = false;
          queue.delete();
        }
        expect([...queue.after(-1)]).toEqual(entries.filter((entry) => entry.pending));
        expect(queue.size).toBe(entries.filter((entry) => entry.pending).length);
      }),
      { numRuns: 30 },
    );
  });

  it('claiming batch after batch visits each pending entry about once (counted): no rescan from the head', () => {
    let reads = 0;
    const queue = new PendingQueue<Entry>((entry) => (reads++, entry.pending));
    const size = 20_000;
    for (let order = 0; order < size; order++) queue.add({ order, pending: true });
    reads = 0;
    let cursor = -1;
    let seen = 0;
    for (;;) {
      const batch: Entry[] = [];
      for (const entry of queue.after(cursor)) {
        if (batch.length === 100) break;
        batch.push(entry);
      }
      if (batch.length === 0) break;
      seen += batch.length;
      cursor = (batch[batch.length - 1] as Entry).order;
      for (const entry of batch) {
        if (entry.order % 3 !== 0) continue;
        entry.pending = false; // some settled, the rest left pending (awaiting the host)
        queue.delete();
      }
    }
    expect(seen).toBe(size);
    // A seek is a binary search (no entry read); each batch reads its 100 entries and the next one: a rescan from the head would read about size²/200 = 2,000,000.
    expect(reads).toBeLessThanOrEqual(size + 2 * 201);
  });
});
