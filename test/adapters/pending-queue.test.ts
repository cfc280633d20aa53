import { describe, expect, it } from 'vitest';
import * as fc from 'fast-check';
import { PendingQueue } from '../../src/adapters/memory/pending-queue.js';

describe('the memory outbox pending queue', () => {
  it('property: after(cursor) is the pending ids enqueued after the cursor, in enqueue order, whatever was added, settled or re-added', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom('add', 'delete'), fc.nat(60)), { maxLength: 300 }), fc.integer({ min: -1, max: 60 }), (operations, cursor) => {
        const queue = new PendingQueue((id) => Number(id));
        const live = new Set<number>();
        for (const [op, n] of operations) {
          if (op === 'add') {
            queue.add(String(n));
            live.add(n);
          } else {
            queue.delete(String(n));
            live.delete(n);
          }
        }
        expect([...queue.after(cursor)]).toEqual([...live].filter((n) => n > cursor).sort((a, b) => a - b).map(String));
        expect(queue.size).toBe(live.size);
      }),
    );
  });

  it('claiming batch after batch visits each pending id about once (counted): no rescan from the head', () => {
    let reads = 0;
    const queue = new PendingQueue((id) => (reads++, Number(id)));
    const size = 20_000;
    for (let n = 0; n < size; n++) queue.add(String(n));
    reads = 0;
    let cursor = -1;
    let seen = 0;
    for (;;) {
      const batch: string[] = [];
      for (const id of queue.after(cursor)) {
        if (batch.length === 100) break;
        batch.push(id);
      }
      if (batch.length === 0) break;
      seen += batch.length;
      cursor = Number(batch[batch.length - 1]);
      for (const id of batch) if (Number(id) % 3 === 0) queue.delete(id); // some settled, the rest left pending (awaiting the host)
    }
    expect(seen).toBe(size);
    // A seek is a binary search (about 15 reads at 20,000); a rescan from the head would read about size²/200 = 2,000,000.
    expect(reads).toBeLessThan(201 * 20);
  });
});
