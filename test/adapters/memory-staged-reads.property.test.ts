import { describe, expect, it } from 'vitest';
import * as fc from 'fast-check';
import { MemoryStore } from '../../src/adapters/memory/index.js';
import type { PaymentRecord } from '../../src/ports/index.js';

/** One step inside a transaction: insert a payment, update one (maybe moving it to another customer or invoice), or read by field. */
type Step =
  | { readonly op: 'insert'; readonly id: number; readonly customer: number; readonly invoice: number }
  | { readonly op: 'update'; readonly id: number; readonly customer: number; readonly invoice: number }
  | { readonly op: 'listFor'; readonly field: 'customerId' | 'invoiceId'; readonly values: readonly number[] }
  | { readonly op: 'list'; readonly by: 'customerId' | 'invoiceId'; readonly value: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ op: fc.constantFrom('insert' as const, 'update' as const), id: fc.nat(10), customer: fc.nat(3), invoice: fc.nat(3) }),
  fc.record({ op: fc.constant('listFor' as const), field: fc.constantFrom('customerId' as const, 'invoiceId' as const), values: fc.uniqueArray(fc.nat(3), { minLength: 1, maxLength: 3 }) }),
  fc.record({ op: fc.constant('list' as const), by: fc.constantFrom('customerId' as const, 'invoiceId' as const), value: fc.nat(3) }),
);

const key = (n: number): string => `p${String(n).padStart(3, '0')}`;
const valueOf = (field: 'customerId' | 'invoiceId', n: number): string => (field === 'customerId' ? `c${n}` : `i${n}`);

function payment(id: number, version: number, customer: number, invoice: number): PaymentRecord {
  return { id: key(id), version, invoiceId: `i${invoice}`, customerId: `c${customer}`, amount: { cents: 100 + id }, paidOn: '2026-11-24', fundsAvailableOn: '2026-11-25' } as PaymentRecord;
}

describe("memory store: reads by customer or invoice see the transaction's own writes", () => {
  it('property: listFor and list by field equal the committed records with this transaction\'s inserts and updates applied (records moved between customers and invoices included), whether the first read by a field comes before, between or after the writes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(fc.nat(10), { maxLength: 6 }), fc.array(step, { maxLength: 30 }), async (committedIds, steps) => {
        const store = new MemoryStore();
        const model = new Map<string, PaymentRecord>();
        await store.transaction(async (tx) => {
          for (const n of committedIds) {
            const record = payment(n, 1, n % 4, (n + 1) % 4);
            await tx.payments.insert(record);
            model.set(record.id, record);
          }
        });
        await store.transaction(async (tx) => {
          for (const s of steps) {
            if (s.op === 'insert' || s.op === 'update') {
              const current = model.get(key(s.id));
              if ((s.op === 'insert') !== (current === undefined)) continue;
              const record = payment(s.id, (current?.version ?? 0) + 1, s.customer, s.invoice);
              await (s.op === 'insert' ? tx.payments.insert(record) : tx.payments.update(record));
              model.set(record.id, record);
              continue;
            }
            const field = s.op === 'listFor' ? s.field : s.by;
            const wanted = new Set(s.op === 'listFor' ? s.values.map((n) => valueOf(field, n)) : [valueOf(field, s.value)]);
            const expected = [...model.values()].filter((r) => wanted.has(r[field])).sort((a, b) => (a.id < b.id ? -1 : 1));
            const got = s.op === 'listFor' ? await tx.payments.listFor(field, [...wanted]) : await tx.payments.list({ [field]: [...wanted][0] });
            expect(got).toEqual(expected);
          }
        });
      }),
      { numRuns: 300 },
    );
  });
});
