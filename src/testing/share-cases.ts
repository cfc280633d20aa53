import assert from 'node:assert/strict';
import { civilDate } from '../calendar/index.js';
import { fromCents } from '../money/index.js';
import type { Versioned } from '../ports/records.js';
import { customerOf, inShare } from '../ports/share.js';
import type { Collection, Store, StoreTransaction } from '../ports/store.js';
import type { ConformanceCase, StoreFactory } from './conformance-case.js';

/** Customer ids with non-ASCII letters too: a SQL store must hash the same UTF-8 bytes. */
const CUSTOMERS = Array.from({ length: 24 }, (_, n) => (n % 3 === 0 ? `cliente-ção-${n}` : `c${n}`));

type Pick = (tx: StoreTransaction) => Collection<Versioned>;

async function walk(store: Store, collection: Pick, share: { index: number; count: number }): Promise<Versioned[]> {
  const out: Versioned[] = [];
  let after: string | undefined;
  for (;;) {
    const cursor = after;
    const page = await store.transaction((tx) => collection(tx).page(4, cursor, share));
    if (page.length === 0) return out;
    assert.ok(page.length <= 4);
    out.push(...page);
    after = page[page.length - 1]?.id;
  }
}

/** The conformance cases of paging by worker share (`page(limit, after, share)`), what lets N workers split one day's cycle. */
export function shareCases(makeStore: StoreFactory): ConformanceCase[] {
  return [{
    name: 'page by share: the shares split every collection by customer, each record in exactly one share',
    run: async () => {
      const store = await makeStore();
      await store.transaction(async (tx) => {
        for (const [n, customerId] of CUSTOMERS.entries()) {
          await tx.customers.insert({ id: customerId, version: 1, name: `Customer ${n}`, taxId: '12345678909', kind: 'person' });
          for (const k of [1, 2]) await tx.invoices.insert({ id: `i${String(n).padStart(2, '0')}-${k}`, version: 1, customerId, amount: fromCents(100 * n + k), dueDate: civilDate('2026-11-10'), status: 'open', paid: fromCents(0) });
        }
      });
      for (const count of [1, 3, 4]) {
        const collections: [string, Pick][] = [['invoices', (tx) => tx.invoices], ['customers', (tx) => tx.customers]];
        for (const [name, collection] of collections) {
          const all = (await store.transaction((tx) => collection(tx).page(1000))).map((r) => r.id);
          const seen: string[] = [];
          for (let index = 0; index < count; index++) {
            const records = await walk(store, collection, { index, count });
            for (const record of records) assert.ok(inShare(customerOf(record as { id: string; customerId?: string }), { index, count }), `${name} ${record.id} is not in share ${index}/${count}`);
            seen.push(...records.map((r) => r.id));
          }
          assert.deepEqual([...seen].sort(), [...all].sort(), `${name}: the ${count} shares hold every record exactly once`);
        }
      }
    },
  }];
}
