import { describe, expect, it } from 'vitest';
import * as fc from 'fast-check';
import { harness } from './harness.js';

const base = { actor: 'erp-sync' };
const address = { street: 'Rua A', number: '1', district: 'Centro', city: 'São Paulo', state: 'SP', cep: '01001-000' };
/** Rows as a host's untyped import would send them (some deliberately wrong), hence `never`. */
const customer = (id: string, extra: Record<string, unknown> = {}): never => ({ id, name: `Cliente ${id}`, taxId: '529.982.247-25', kind: 'person', email: `${id}@example.com`, address, ...extra }) as never;
const invoice = (id: string, customerId: string, extra: Record<string, unknown> = {}): never => ({ id, customerId, amount: '373.52', dueDate: '2026-11-10', ...extra }) as never;

describe('upsertCustomers / upsertInvoices: a host imports its portfolio in batches, all or nothing', () => {
  it('creates, then updates what changed and leaves equal rows alone; documents are stored as digits', async () => {
    const { app, store } = await harness();
    const first = (await app.upsertCustomers({ ...base, idempotencyKey: 'k1', customers: [customer('c1'), customer('c2')] }))._unsafeUnwrap();
    expect(first).toEqual({ inserted: ['c1', 'c2'], updated: [], unchanged: [] });
    const second = (await app.upsertCustomers({ ...base, idempotencyKey: 'k2', customers: [customer('c1'), customer('c2', { name: 'Novo Nome' }), customer('c3')] }))._unsafeUnwrap();
    expect(second).toEqual({ inserted: ['c3'], updated: ['c2'], unchanged: ['c1'] });
    const stored = await store.transaction((tx) => tx.customers.getMany(['c1', 'c2']));
    expect(stored.map((c) => [c.version, c.name, c.taxId, c.address?.cep])).toEqual([[1, 'Cliente c1', '52998224725', '01001000'], [2, 'Novo Nome', '52998224725', '01001000']]);
  });

  it('a bad row is invalid_input at its index and nothing of the batch is written', async () => {
    const { app, store } = await harness();
    const result = await app.upsertCustomers({ ...base, idempotencyKey: 'k1', customers: [customer('c1'), customer('c2'), customer('c3', { taxId: '529.982.247-26' })] });
    expect(result._unsafeUnwrapErr()).toMatchObject({ code: 'invalid_input', path: ['customers', 2, 'taxId'] });
    expect(result._unsafeUnwrapErr().message).not.toContain('529.982.247');
    const unknownField = await app.upsertCustomers({ ...base, idempotencyKey: 'k2', customers: [customer('c1', { creditLimit: 10 })] });
    expect(unknownField._unsafeUnwrapErr()).toMatchObject({ code: 'invalid_input', path: ['customers', 0, 'creditLimit'] });
    const twice = await app.upsertCustomers({ ...base, idempotencyKey: 'k3', customers: [customer('c1'), customer('c1')] });
    expect(twice._unsafeUnwrapErr()).toMatchObject({ code: 'invalid_input', path: ['customers', 1, 'id'] });
    expect(await store.transaction((tx) => tx.customers.list())).toEqual([]);
  });

  it('invoices: text in a money field is refused at its index; an unknown customer is not_found at its index; nothing is written', async () => {
    const { app, store } = await harness();
    (await app.upsertCustomers({ ...base, idempotencyKey: 'c', customers: [customer('c1')] }))._unsafeUnwrap();
    const money = await app.upsertInvoices({ ...base, idempotencyKey: 'k1', invoices: [invoice('i1', 'c1'), invoice('i2', 'c1', { amount: "100; DROP TABLE invoices" })] });
    expect(money._unsafeUnwrapErr()).toMatchObject({ code: 'invalid_input', path: ['invoices', 1, 'amount'] });
    const date = await app.upsertInvoices({ ...base, idempotencyKey: 'k2', invoices: [invoice('i1', 'c1', { dueDate: '2026-02-30' })] });
    expect(date._unsafeUnwrapErr()).toMatchObject({ code: 'invalid_input', path: ['invoices', 0, 'dueDate'] });
    const orphan = await app.upsertInvoices({ ...base, idempotencyKey: 'k3', invoices: [invoice('i1', 'c1'), invoice('i2', 'c9')] });
    expect(orphan._unsafeUnwrapErr()).toMatchObject({ code: 'not_found', path: ['invoices', 1, 'customerId'] });
    expect(await store.transaction((tx) => tx.invoices.list())).toEqual([]);
  });

  it('a paid invoice keeps its amount, due date and status; its description may change', async () => {
    const { app, store, cycleOn } = await harness();
    (await app.upsertCustomers({ ...base, idempotencyKey: 'c', customers: [customer('c1')] }))._unsafeUnwrap();
    expect((await app.upsertInvoices({ ...base, idempotencyKey: 'i', invoices: [invoice('i1', 'c1'), invoice('i2', 'c1', { amount: '10.00' })] }))._unsafeUnwrap()).toEqual({ inserted: ['i1', 'i2'], updated: [], unchanged: [] });
    await cycleOn('2026-11-07');
    (await app.recordPayment({ ...base, idempotencyKey: 'p', invoiceId: 'i2', amount: '10.00', paidOn: '2026-11-07' }))._unsafeUnwrap();
    const changed = await app.upsertInvoices({ ...base, idempotencyKey: 'i2', invoices: [invoice('i1', 'c1', { amount: '400.00' }), invoice('i2', 'c1', { amount: '20.00' })] });
    expect(changed._unsafeUnwrapErr()).toMatchObject({ code: 'invoice_not_editable', path: ['invoices', 1] });
    const described = (await app.upsertInvoices({ ...base, idempotencyKey: 'i3', invoices: [invoice('i2', 'c1', { amount: '10.00', description: 'Mensalidade' })] }))._unsafeUnwrap();
    expect(described.updated).toEqual(['i2']);
    const [i1, i2] = await store.transaction((tx) => tx.invoices.getMany(['i1', 'i2']));
    expect([i1?.amount.cents, i2?.status, i2?.paid.cents, i2?.description]).toEqual([37_352, 'paid', 1000, 'Mensalidade']);
  });

  it('property: any batch with one bad row (anywhere) writes nothing and names that row', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 12 }), fc.nat(), async (size, at) => {
        const { app, store } = await harness();
        const bad = at % size;
        const rows = Array.from({ length: size }, (_, i) => customer(`c${i}`, i === bad ? { kind: 'robot' } : {}));
        const result = await app.upsertCustomers({ ...base, idempotencyKey: 'k', customers: rows });
        expect(result._unsafeUnwrapErr().path).toEqual(['customers', bad, 'kind']);
        expect(await store.transaction((tx) => tx.customers.list())).toEqual([]);
      }),
      { numRuns: 25 },
    );
  });

  it('a replay with the same key answers the same and writes nothing new', async () => {
    const { app } = await harness();
    const input = { ...base, idempotencyKey: 'k1', customers: [customer('c1')] };
    const first = (await app.upsertCustomers(input))._unsafeUnwrap();
    expect((await app.upsertCustomers(input))._unsafeUnwrap()).toEqual(first);
  });
});
