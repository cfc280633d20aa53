import { MemoryStore } from '../../src/adapters/memory/index.js';
import type { Collection, Store, StoreTransaction, Versioned } from '../../src/adapters/ports.js';

/** Wraps a memory store, replacing parts of each transaction with a flawed version. */
function flawed(patch: (tx: StoreTransaction) => StoreTransaction): () => Store {
  return () => {
    const inner = new MemoryStore();
    return { transaction: (work) => inner.transaction((tx) => work(patch(tx))) };
  };
}

function ignoreVersions<T extends Versioned>(collection: Collection<T>): Collection<T> {
  return {
    ...collection,
    get: (id) => collection.get(id),
    list: (filter) => collection.list(filter),
    page: (n, after) => collection.page(n, after),
    insert: (record) => collection.insert(record),
    update: async (record) => {
      const current = await collection.get(record.id);
      if (current) await collection.update({ ...record, version: current.version + 1 });
    },
  };
}

/** Test doubles with one deliberate flaw each: the conformance suite must fail every one. */
export const brokenStores: Record<string, () => Store> = {
  'ignores versions on update (lost updates)': flawed((tx) => ({ ...tx, customers: ignoreVersions(tx.customers) })),
  'records an action key twice': flawed((tx) => ({ ...tx, actionLog: { ...tx.actionLog, record: async (entry) => (await tx.actionLog.record(entry), true) } })),
  'does not roll back on a throw': () => {
    const inner = new MemoryStore();
    return {
      transaction: async (work) => {
        let captured: unknown;
        const result = await inner.transaction(async (tx) => {
          try {
            return await work(tx);
          } catch (error) {
            captured = error;
            return undefined as never;
          }
        });
        if (captured !== undefined) throw captured;
        return result;
      },
    };
  },
  'hands out live objects instead of copies': () => {
    const cache = new Map<string, unknown>();
    return flawed((tx) => ({
      ...tx,
      customers: {
        ...tx.customers,
        get: async (id) => {
          if (!cache.has(id)) cache.set(id, await tx.customers.get(id));
          return cache.get(id) as never;
        },
        insert: (r) => tx.customers.insert(r),
        update: (r) => tx.customers.update(r),
        list: (f) => tx.customers.list(f),
        page: (n, after) => tx.customers.page(n, after),
      },
    }))();
  },
};
