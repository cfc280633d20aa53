import { MemoryStore } from '../../src/adapters/memory/index.js';
import type { Collection, Store, StoreTransaction, Versioned } from '../../src/ports/index.js';
import { civilDate } from '../../src/calendar/index.js';

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

/** A collection that calls through to `c` (bound: a store's collections may be class instances), with some methods replaced. */
function patched<T extends Versioned>(c: Collection<T>, overrides: Partial<Collection<T>>): Collection<T> {
  return {
    get: (id) => c.get(id), insert: (r) => c.insert(r), update: (r) => c.update(r), list: (f) => c.list(f), page: (n, after, share) => c.page(n, after, share),
    getMany: (ids) => c.getMany(ids), listFor: (field, values) => c.listFor(field, values), insertMany: (rs) => c.insertMany(rs), updateMany: (rs) => c.updateMany(rs),
    ...overrides,
  };
}

/** Test doubles with one deliberate flaw each, and a case of the suite that must catch it. */
export const brokenStores: Record<string, { readonly make: () => Store; readonly caughtBy: string }> = {
  'ignores versions on update (lost updates)': { make: flawed((tx) => ({ ...tx, customers: ignoreVersions(tx.customers) })), caughtBy: 'an update must name the next version' },
  'answers every key of recordMany as recorded': { make: flawed((tx) => ({ ...tx, actionLog: { ...tx.actionLog, recordMany: async (entries) => (await tx.actionLog.recordMany(entries), new Set(entries.map((e) => e.key))) } })), caughtBy: 'recordMany records the keys not there yet' },
  'writes an audit batch in reverse': { make: flawed((tx) => ({ ...tx, audit: { ...tx.audit, appendMany: (entries) => tx.audit.appendMany([...entries].reverse()) } })), caughtBy: 'appendMany appends every entry in order' },
  'records an action key twice': { make: flawed((tx) => ({ ...tx, actionLog: { ...tx.actionLog, record: async (entry) => (await tx.actionLog.record(entry), true) } })), caughtBy: 'the action log records each key once' },
  'ignores the invoice filter of list': {
    make: flawed((tx) => ({ ...tx, payments: { ...tx.payments, get: (id) => tx.payments.get(id), insert: (r) => tx.payments.insert(r), update: (r) => tx.payments.update(r), page: (n, a) => tx.payments.page(n, a), list: (f) => tx.payments.list(f?.invoiceId ? {} : f) } })),
    caughtBy: 'list filters by invoice too',
  },
  'restarts the outbox from the start when the cursor was settled': {
    make: flawed((tx) => ({ ...tx, outbox: { ...tx.outbox, pending: async (limit, after) => ((await tx.outbox.byKey(`k-${after ?? ''}`))?.status === 'pending' ? tx.outbox.pending(limit, after) : tx.outbox.pending(limit)) } })),
    caughtBy: 'the outbox cursor may be an effect settled since',
  },
  'claims effects another owner holds (no lease)': {
    make: flawed((tx) => ({ ...tx, outbox: { ...tx.outbox, claim: async (request) => {
      const held = (await tx.outbox.pending(request.limit, request.after)).filter((e) => request.kinds === undefined || request.kinds.includes(e.kind));
      for (const e of held) await tx.outbox.settle(e.id, { status: 'pending', attempts: e.attempts });
      return tx.outbox.claim(request);
    } } })),
    caughtBy: 'a claim held by another owner is skipped until it lapses',
  },
  'quiets a customer whose evaluation missed an outside write (no own-writes rule)': {
    make: flawed((tx) => {
      const wakes = tx.wakes;
      if (!wakes) return tx;
      // Reads the touch counts afresh: every evaluation matches, outside writes included.
      const evaluated: typeof wakes.evaluated = async (evaluations) => {
        const now = new Map((await wakes.due(civilDate('9999-12-31'), 1_000_000)).map((d) => [d.customerId, d.touched]));
        await wakes.evaluated(evaluations.map((e) => ({ ...e, touched: now.get(e.customerId) ?? e.touched })));
      };
      return { ...tx, wakes: { due: (...args) => wakes.due(...args), plan: (f) => wakes.plan(f), evaluated } };
    }),
    caughtBy: 'wake index: a write by someone else between due and evaluated keeps the customer due',
  },
  'settles for an owner who lost the claim (no fence)': {
    make: flawed((tx) => ({ ...tx, outbox: { ...tx.outbox, settle: async (id, { owner: _owner, ...outcome }) => tx.outbox.settle(id, outcome) } })),
    caughtBy: 'settle with the owner releases the claim',
  },
  'ignores the worker share of page': {
    make: flawed((tx) => ({ ...tx, invoices: { ...tx.invoices, get: (id) => tx.invoices.get(id), insert: (r) => tx.invoices.insert(r), update: (r) => tx.invoices.update(r), list: (f) => tx.invoices.list(f), page: (n, a) => tx.invoices.page(n, a) } })),
    caughtBy: 'page by share',
  },
  'inserts a batch row by row (not all or nothing)': {
    make: flawed((tx) => ({ ...tx, customers: patched(tx.customers, { insertMany: async (records) => { for (const r of records) await tx.customers.insert(r); } }) })),
    caughtBy: 'insertMany is all or nothing',
  },
  'updates a batch row by row (not all or nothing)': {
    make: flawed((tx) => ({ ...tx, customers: patched(tx.customers, { updateMany: async (records) => { for (const r of records) await tx.customers.update(r); } }) })),
    caughtBy: 'updateMany is all or nothing',
  },
  'listFor reads only the first value': {
    make: flawed((tx) => ({ ...tx, invoices: patched(tx.invoices, { listFor: (field, values) => tx.invoices.listFor(field, values.slice(0, 1)) }) })),
    caughtBy: 'listFor equals list for each value',
  },
  'does not roll back on a throw': { caughtBy: 'a transaction that throws leaves nothing behind', make: () => {
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
  } },
  'hands out one live, mutable object on every read': {
    caughtBy: 'changing a record read, or one passed in',
    make: () => {
      const kept = new Map<string, unknown>();
      return flawed((tx) => ({
        ...tx,
        customers: {
          ...tx.customers,
          insert: async (r) => {
            kept.set(r.id, structuredClone(r));
            await tx.customers.insert(r);
          },
          get: async (id) => (kept.get(id) as never) ?? tx.customers.get(id),
          update: (r) => tx.customers.update(r),
          list: (f) => tx.customers.list(f),
          page: (n, after) => tx.customers.page(n, after),
        },
      }))();
    },
  },
};
