import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../../src/adapters/memory/index.js';
import type { Store, StoreTransaction } from '../../src/ports/index.js';
import { outcomeOf, scaleApp, scalePortfolio, simulatedDays } from './support/scale-portfolio.js';

/**
 * A host's transaction written as a class: every member a getter on the prototype that reads a private field, as a
 * host wrapping its own persistence might write it (without the optional indexes: the cycle then reads every
 * invoice and negativation, and must still do what it does with them). Nothing of it is an own enumerable
 * property, so a view of it built by copying own properties (`{ ...tx }`, `Object.assign({}, tx)`) would have no
 * members at all.
 */
class HostTransaction implements StoreTransaction {
  readonly #tx: StoreTransaction;
  constructor(tx: StoreTransaction) {
    this.#tx = tx;
  }
  get customers() { return this.#tx.customers; }
  get invoices() { return this.#tx.invoices; }
  get payments() { return this.#tx.payments; }
  get accounts() { return this.#tx.accounts; }
  get agreements() { return this.#tx.agreements; }
  get negativations() { return this.#tx.negativations; }
  get registers() { return this.#tx.registers; }
  get protests() { return this.#tx.protests; }
  get actionLog() { return this.#tx.actionLog; }
  get outbox() { return this.#tx.outbox; }
  get audit() { return this.#tx.audit; }
  get idempotency() { return this.#tx.idempotency; }
}

/** The host's store: the memory store underneath, each transaction handed over as a {@link HostTransaction}. */
class HostStore implements Store {
  readonly #inner = new MemoryStore();
  transaction<T>(work: (tx: StoreTransaction) => Promise<T>): Promise<T> {
    return this.#inner.transaction((tx) => work(new HostTransaction(tx)));
  }
}

async function run(store: Store, days: readonly string[]) {
  const { customers, invoices } = scalePortfolio(30);
  await store.transaction(async (tx) => {
    for (const c of customers) await tx.customers.insert(c);
    for (const i of invoices) await tx.invoices.insert(i);
  });
  const { app, clock, notifier } = scaleApp(store, 'w0');
  for (const day of days) {
    clock.set(`${day}T10:00:00-03:00`);
    const report = await app.runDailyCycle();
    expect(report.isOk(), report.isErr() ? report.error.message : '').toBe(true);
  }
  return { outcome: await outcomeOf(store), sent: notifier.calls.map((m) => m.key) };
}

describe('a host store whose transaction is a class instance', () => {
  it('runs 20 daily cycles exactly as the memory store does (the cycle never copies a transaction by its own properties)', async () => {
    const days = simulatedDays(20);
    const plain = await run(new MemoryStore(), days);
    const hosted = await run(new HostStore(), days);
    expect(plain.outcome.actions.length).toBeGreaterThan(30);
    expect(plain.sent.length).toBeGreaterThan(30);
    expect(hosted).toEqual(plain);
  });
});
