import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../../src/adapters/memory/index.js';
import type { CustomerRecord } from '../../src/ports/index.js';
import type { StoreTransaction } from '../../src/ports/store.js';

/**
 * A transaction started inside another would wait for it forever (they run one at a time): the store refuses it.
 * Each "refuses" case awaits the nested call from inside the outer work: were it not refused, it would queue behind
 * the outer transaction, which waits for it, and the case would hang until the test times out (a failure).
 */
const REFUSED = 'MemoryStore: a transaction may not start inside another one';
/** How long a case that should settle at once may take before it counts as the hang it would be (not a timing assertion). */
const HANG = 10_000;

const customer = (id: string): CustomerRecord => ({ id, version: 1, name: 'Cliente', taxId: '12345678909', kind: 'person' });
const insertCustomer = (id: string) => (tx: StoreTransaction) => tx.customers.insert(customer(id));
/** A real turn of the event loop: the nested call comes from a later task, not the outer work's first synchronous part. */
const laterTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
/** A promise and the function that settles it. */
function gate(): { opened: Promise<void>; open: () => void } {
  let open = (): void => undefined;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

describe('MemoryStore refuses a transaction started inside another', () => {
  it('from the outer work itself, and the outer one still commits', async () => {
    const store = new MemoryStore();
    await store.transaction(async (tx) => {
      await insertCustomer('c1')(tx);
      await expect(store.transaction(insertCustomer('c2'))).rejects.toThrow(REFUSED);
    });
    expect(await store.transaction((tx) => tx.customers.list())).toEqual([customer('c1')]);
  }, HANG);

  it('from functions the outer work awaits, after later turns of the event loop', async () => {
    const store = new MemoryStore();
    const deep = async (levels: number): Promise<void> => {
      await laterTurn();
      if (levels > 0) return deep(levels - 1);
      await store.transaction(insertCustomer('c2'));
    };
    await store.transaction(async () => {
      await expect(deep(20)).rejects.toThrow(REFUSED);
    });
  }, HANG);

  it('from inside Promise.all, a promise chain and an async generator the outer work waits for', async () => {
    const store = new MemoryStore();
    async function* nestedCalls(): AsyncGenerator<unknown> {
      await laterTurn();
      yield await store.transaction(insertCustomer('c3')).catch((error: Error) => error.message);
    }
    await store.transaction(async () => {
      const all = await Promise.all([laterTurn().then(() => store.transaction(insertCustomer('c1'))).catch((error: Error) => error.message)]);
      const chained = await laterTurn()
        .then(laterTurn)
        .then(() => store.transaction(insertCustomer('c2')))
        .catch((error: Error) => error.message);
      const generated: unknown[] = [];
      for await (const outcome of nestedCalls()) generated.push(outcome);
      expect([...all, chained, ...generated]).toEqual([REFUSED, REFUSED, REFUSED]);
    });
  }, HANG);
});

describe('MemoryStore does not refuse what is not nested', () => {
  it('queues a transaction started beside a running one (it waits its turn and sees what the first committed)', async () => {
    const store = new MemoryStore();
    const { opened, open } = gate();
    const order: string[] = [];
    const first = store.transaction(async (tx) => {
      await opened;
      await insertCustomer('c1')(tx);
      order.push('first');
    });
    await laterTurn(); // the first one is running now, held by the gate
    const second = store.transaction(async (tx) => {
      order.push(`second saw ${(await tx.customers.get('c1'))?.id ?? 'nothing'}`);
      await insertCustomer('c2')(tx);
    });
    open();
    await Promise.all([first, second]);
    expect(order).toEqual(['first', 'second saw c1']);
  }, HANG);

  it("runs another store's transaction inside one's work, even while that store is busy", async () => {
    const outer = new MemoryStore();
    const other = new MemoryStore();
    const { opened, open } = gate();
    const busy = other.transaction(async (tx) => {
      await opened;
      await insertCustomer('c1')(tx);
    });
    await laterTurn();
    await outer.transaction(async (tx) => {
      await insertCustomer('c9')(tx);
      const inOther = other.transaction(insertCustomer('c2'));
      open();
      await inOther;
    });
    await busy;
    expect((await other.transaction((tx) => tx.customers.list())).map((c) => c.id)).toEqual(['c1', 'c2']);
  }, HANG);

  it('runs a transaction that work started and did not wait for, once the outer one is done', async () => {
    const store = new MemoryStore();
    const { opened, open } = gate();
    let later: Promise<void> | undefined;
    await store.transaction(async () => {
      later = opened.then(() => store.transaction(insertCustomer('c1')));
    });
    open();
    await later;
    expect((await store.transaction((tx) => tx.customers.list())).map((c) => c.id)).toEqual(['c1']);
  }, HANG);

  it("leaves the host's stack settings as they were after telling", async () => {
    const store = new MemoryStore();
    const api = Error as unknown as { stackTraceLimit: number; prepareStackTrace?: unknown };
    const limit = api.stackTraceLimit;
    const hadPrepare = Object.prototype.hasOwnProperty.call(api, 'prepareStackTrace');
    const prepare = api.prepareStackTrace;
    await store.transaction(async () => {
      await expect(store.transaction(insertCustomer('c1'))).rejects.toThrow(REFUSED);
    });
    expect(api.stackTraceLimit).toBe(limit);
    expect(Object.prototype.hasOwnProperty.call(api, 'prepareStackTrace')).toBe(hadPrepare);
    expect(api.prepareStackTrace).toBe(prepare);
  }, HANG);
});
