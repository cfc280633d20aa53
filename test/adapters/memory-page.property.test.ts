import { describe, expect, it } from 'vitest';
import * as fc from 'fast-check';
import { MemoryStore } from '../../src/adapters/memory/index.js';
import { inShare } from '../../src/ports/share.js';
import type { PaymentRecord } from '../../src/ports/index.js';

/** One step of a random history: insert a payment, update one (maybe moving it to another customer or invoice), or read pages. */
type Step =
  | { readonly op: 'insert'; readonly id: number; readonly customer: number; readonly invoice: number }
  | { readonly op: 'update'; readonly id: number; readonly customer: number; readonly invoice: number }
  | { readonly op: 'read'; readonly limit: number; readonly after: number | undefined; readonly share: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ op: fc.constant('insert' as const), id: fc.nat(12), customer: fc.nat(3), invoice: fc.nat(3) }),
  fc.record({ op: fc.constant('update' as const), id: fc.nat(12), customer: fc.nat(3), invoice: fc.nat(3) }),
  fc.record({ op: fc.constant('read' as const), limit: fc.integer({ min: 1, max: 12 }), after: fc.option(fc.nat(13), { nil: undefined }), share: fc.nat(3) }),
);

const key = (n: number): string => `p${String(n).padStart(3, '0')}`;

function payment(id: number, version: number, customer: number, invoice: number): PaymentRecord {
  return { id: key(id), version, invoiceId: `i${invoice}`, customerId: `c${customer}`, amount: { cents: 100 + id }, paidOn: '2026-11-24', fundsAvailableOn: '2026-11-25' } as PaymentRecord;
}

describe('memory store: pages read with nothing written in the transaction (the committed records kept in id order)', () => {
  it('property: page(limit, after, share) and listFor (values out of order, one given twice) equal the records computed from every write so far, whatever inserts and updates (moving records between customers and invoices) came between reads', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 20, maxLength: 80 }), async (steps) => {
        const store = new MemoryStore();
        const model = new Map<string, PaymentRecord>();
        for (const s of steps) {
          if (s.op === 'insert') {
            if (model.has(key(s.id))) continue;
            const record = payment(s.id, 1, s.customer, s.invoice);
            await store.transaction((tx) => tx.payments.insert(record));
            model.set(record.id, record);
          } else if (s.op === 'update') {
            const current = model.get(key(s.id));
            if (current === undefined) continue;
            const record = payment(s.id, current.version + 1, s.customer, s.invoice);
            await store.transaction((tx) => tx.payments.update(record));
            model.set(record.id, record);
          } else {
            const share = s.share === 0 ? undefined : { index: s.share - 1, count: 3 };
            const after = s.after === undefined ? undefined : key(s.after);
            const expected = [...model.values()]
              .sort((a, b) => (a.id < b.id ? -1 : 1))
              .filter((r) => (after === undefined || r.id > after) && (share === undefined || inShare(r.customerId, share)))
              .slice(0, s.limit);
            const [page, byCustomer, byInvoice, repeated] = await store.transaction(async (tx) => [await tx.payments.page(s.limit, after, share), await tx.payments.listFor('customerId', ['c0', 'c1']), await tx.payments.listFor('invoiceId', ['i2']), await tx.payments.listFor('customerId', ['c2', 'c0', 'c2'])] as const);
            expect(page).toEqual(expected);
            const sorted = [...model.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
            expect(byCustomer).toEqual(sorted.filter((r) => r.customerId === 'c0' || r.customerId === 'c1'));
            expect(byInvoice).toEqual(sorted.filter((r) => r.invoiceId === 'i2'));
            // Values out of order and one given twice: each record once, in id order.
            expect(repeated).toEqual(sorted.filter((r) => r.customerId === 'c0' || r.customerId === 'c2'));
          }
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('memory store: pages after many inserts between reads (new ids merged into the kept order)', () => {
  it('property: every page walk equals the records in id order, whether a batch of new ids comes after all held ids, among them, few or many', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.uniqueArray(fc.nat(2000), { maxLength: 150 }), { minLength: 1, maxLength: 5 }), fc.integer({ min: 1, max: 200 }), async (batches, limit) => {
        const store = new MemoryStore();
        const model = new Map<string, PaymentRecord>();
        const id4 = (n: number): string => `q${String(n).padStart(4, '0')}`;
        for (const batch of batches) {
          const fresh = batch.filter((n) => !model.has(id4(n))).map((n) => ({ ...payment(n, 1, n % 3, n % 4), id: id4(n) }));
          await store.transaction((tx) => tx.payments.insertMany(fresh));
          for (const record of fresh) model.set(record.id, record);
          // Walk every page (the first read sorts; later ones merge the batch in).
          const walked: PaymentRecord[] = [];
          let after: string | undefined;
          for (;;) {
            const cursor = after;
            const page = await store.transaction((tx) => tx.payments.page(limit, cursor));
            if (page.length === 0) break;
            walked.push(...page);
            after = page[page.length - 1]?.id;
          }
          expect(walked).toEqual([...model.values()].sort((a, b) => (a.id < b.id ? -1 : 1)));
        }
      }),
      { numRuns: 150 },
    );
  });
});
