import assert from 'node:assert/strict';
import { civilDate } from '../calendar/index.js';
import { fromCents } from '../money/index.js';
import type { CustomerRecord, InvoiceRecord, OutboxEffect, Versioned } from '../ports/records.js';
import { isVersionConflict, type Store, type StoreTransaction } from '../ports/store.js';

/* The records and assertions the conformance cases share. */

class Rollback extends Error {}

/** A customer record for the cases. */
export function customer(id: string, overrides: Partial<CustomerRecord> = {}): CustomerRecord {
  return { id, version: 1, name: `Customer ${id}`, taxId: '12345678909', kind: 'person', ...overrides };
}

/** An invoice record for the cases. */
export function invoice(id: string, customerId: string, overrides: Partial<InvoiceRecord> = {}): InvoiceRecord {
  return { id, version: 1, customerId, amount: fromCents(10_000), dueDate: civilDate('2026-11-10'), status: 'open', paid: fromCents(0), ...overrides };
}

/** An outbox effect for the cases. */
export function effect(id: string, key: string): OutboxEffect {
  return { id, key, kind: 'notify', payload: { channel: 'email' }, status: 'pending', attempts: 0, createdAt: '2026-11-24T10:00:00.000Z' };
}

/** Instants the outbox claim and batch cases claim, lease and settle at, five minutes apart. */
export const T0 = '2026-11-24T10:00:00.000Z';
/** {@link T0} plus five minutes. */
export const T1 = '2026-11-24T10:05:00.000Z';
/** {@link T0} plus ten minutes. */
export const T2 = '2026-11-24T10:10:00.000Z';
/** {@link T0} plus fifteen minutes. */
export const T3 = '2026-11-24T10:15:00.000Z';

/** A pending outbox effect keyed `k-<id>`, created at {@link T0}, for the claim and batch cases. */
export function keyedEffect(id: string, overrides: Partial<OutboxEffect> = {}): OutboxEffect {
  return { id, key: `k-${id}`, kind: 'notify', payload: { n: id }, status: 'pending', attempts: 0, createdAt: T0, ...overrides };
}

/** Fails unless `work` is refused with a version conflict. */
export async function expectConflict(work: Promise<unknown>, what: string): Promise<void> {
  try {
    await work;
  } catch (error) {
    assert.ok(isVersionConflict(error), `${what}: expected a VersionConflictError, got ${String(error)}`);
    return;
  }
  assert.fail(`${what}: expected a VersionConflictError, but the write was accepted`);
}

/** Runs `work` in a transaction that then throws, so it must roll back. */
export async function rolledBack(store: Store, work: (tx: StoreTransaction) => Promise<void>): Promise<void> {
  await assert.rejects(store.transaction(async (tx) => {
    await work(tx);
    throw new Rollback('roll back');
  }), Rollback);
}

/** A sample record of each versioned collection, by collection name. */
export const SAMPLES: { readonly [K in 'invoices' | 'payments' | 'accounts' | 'agreements' | 'negativations' | 'protests']: (id: string) => Versioned } = {
  invoices: (id) => invoice(id, 'c1'),
  payments: (id) => ({ id, version: 1, invoiceId: 'i1', customerId: 'c1', amount: fromCents(500), paidOn: civilDate('2026-11-20'), fundsAvailableOn: civilDate('2026-11-23') }),
  accounts: (id) => ({ id, version: 1, customerId: 'c1', status: 'pending', openedOn: civilDate('2026-11-24'), invoiceIds: ['i1'], comments: [], attachments: [], messages: [], tasks: [] }),
  agreements: (id) => ({ id, version: 1, customerId: 'c1', status: 'active', installmentInvoices: [{ number: 1, invoiceId: 'i9' }], agreement: { installments: [{ number: 1, amount: { cents: 100 } }] } }),
  negativations: (id) => ({ id, version: 1, customerId: 'c1', invoiceId: 'i1', uniqueKey: `12345678909|creditor|${id}|serasa`, status: 'in_analysis', negativation: { history: [] } }),
  protests: (id) => ({ id, version: 1, customerId: 'c1', invoiceId: 'i1', uniqueKey: `12345678909|creditor|${id}`, status: 'requested', protest: { history: [] } }),
};
