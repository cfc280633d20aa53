import { describe, expect, it } from 'vitest';
import * as fc from 'fast-check';
import { MemoryStore } from '../../src/adapters/memory/index.js';
import type { PaymentRecord } from '../../src/ports/index.js';

const key = (n: number): string => `p${String(n).padStart(3, '0')}`;

function payment(id: number): PaymentRecord {
  return { id: key(id), version: 1, invoiceId: `i${id % 4}`, customerId: `c${id % 3}`, amount: { cents: 100 + id }, paidOn: '2026-11-24', fundsAvailableOn: '2026-11-25' } as PaymentRecord;
}

describe('memory store: getMany', () => {
  it('property: answers the stored records of the distinct ids in id order, whether the ids come sorted (the fast path), unsorted or repeated, and sees the transaction\'s own inserts', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(fc.nat(30), { maxLength: 20 }),
        fc.uniqueArray(fc.nat(30), { maxLength: 5 }),
        fc.array(fc.nat(40), { maxLength: 25 }),
        fc.boolean(),
        async (stored, staged, asked, sortAsked) => {
          const store = new MemoryStore();
          await store.transaction(async (tx) => {
            for (const n of stored) await tx.payments.insert(payment(n));
          });
          const ids = asked.map(key);
          // Sorted and distinct half the time: the input the fast path takes.
          const input = sortAsked ? [...new Set(ids)].sort() : ids;
          const got = await store.transaction(async (tx) => {
            for (const n of staged) if (!stored.includes(n)) await tx.payments.insert(payment(n));
            return tx.payments.getMany(input);
          });
          const present = new Set([...stored, ...staged].map(key));
          const expected = [...new Set(ids)].sort().filter((id) => present.has(id));
          expect(got.map((record) => record.id)).toEqual(expected);
          for (const record of got) expect(record).toEqual(payment(Number(record.id.slice(1))));
        },
      ),
      { numRuns: 300 },
    );
  });
});
