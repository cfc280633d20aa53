import { describe, expect, it } from 'vitest';
import { isUnstorableValue, type PostgresStore } from '../../../src/adapters/postgres/index.js';
import { civilDate } from '../../../src/calendar/index.js';
import { fromCents } from '../../../src/money/index.js';
import type { CollectionAccountRecord, CustomerRecord, InvoiceRecord } from '../../../src/ports/index.js';
import { pgliteDatabase, SERVER_SKIP_REASON, SERVER_URL, serverDatabase, type TestDatabase } from './databases.js';

const customer = (overrides: Partial<CustomerRecord> = {}): CustomerRecord => ({ id: 'c1', version: 1, name: 'Maria Souza', taxId: '12345678909', kind: 'person', ...overrides });
const invoice = (overrides: Partial<InvoiceRecord> = {}): InvoiceRecord => ({ id: 'i1', version: 1, customerId: 'c1', amount: fromCents(37_352), dueDate: civilDate('2026-11-10'), status: 'open', paid: fromCents(0), ...overrides });

async function refused(store: PostgresStore, work: Parameters<PostgresStore['transaction']>[0], field?: string): Promise<void> {
  const error: unknown = await store.transaction(work).then(() => undefined, (e: unknown) => e);
  expect(isUnstorableValue(error), `expected an UnstorableValueError, got ${String(error)}`).toBe(true);
  if (field !== undefined) expect((error as { field?: string }).field).toBe(field);
  expect((error as { code: string }).code).toBe('unstorable_value');
}

function badInputCases(db: TestDatabase): void {
  it('text in a money field, a float of centavos and an impossible date are refused with a typed error, and nothing is written', async () => {
    const store = await db.freshStore();
    await refused(store, async (tx) => {
      await tx.customers.insert(customer());
      await tx.invoices.insert(invoice({ amount: { cents: '100; DROP TABLE invoices' } as never }));
    }, 'amount');
    await refused(store, (tx) => tx.invoices.insert(invoice({ paid: { cents: 0.1 } as never })), 'paid');
    await refused(store, (tx) => tx.invoices.insert(invoice({ dueDate: '2026-02-30' as never })), 'dueDate');
    await refused(store, (tx) => tx.actionLog.record({ key: 'k', invoiceId: 'i1', customerId: 'c1', stepId: 's', action: 'sms', on: '2026-13-01' as never, at: '2026-11-24T10:00:00.000Z' }));
    await store.transaction(async (tx) => {
      expect(await tx.customers.get('c1')).toBeUndefined();
      expect(await tx.invoices.list()).toEqual([]);
    });
  });

  it('SQL metacharacters in names are stored verbatim, never executed', async () => {
    const store = await db.freshStore();
    const names = ["Robert'); DROP TABLE cobranca.customers; --", '$1 $2 \\x00 %s ${name}', 'Ação "São João" ; -- /* */', "' OR '1'='1"];
    await store.transaction(async (tx) => {
      for (const [index, name] of names.entries()) await tx.customers.insert(customer({ id: `c${index}'--`, name, tags: [name] }));
    });
    const stored = await store.transaction((tx) => tx.customers.list());
    expect(stored.map((c) => c.name)).toEqual(names);
    expect(stored.map((c) => c.tags)).toEqual(names.map((n) => [n]));
    expect(await store.transaction((tx) => tx.customers.list({ customerId: "x' OR '1'='1" }))).toEqual([]);
  });

  it('a NUL byte, in a column or in the JSON body, is refused with a typed error', async () => {
    const store = await db.freshStore();
    await refused(store, (tx) => tx.customers.insert(customer({ name: 'Maria\u0000Souza' })));
    await refused(store, (tx) => tx.customers.insert(customer({ tags: ['a\u0000b'] })));
    await refused(store, (tx) => tx.outbox.enqueue({ id: 'e1', key: 'k1', kind: 'notify', payload: { text: 'x\u0000' }, status: 'pending', attempts: 0, createdAt: '2026-11-24T10:00:00.000Z' }));
    expect(await store.transaction((tx) => tx.customers.list())).toEqual([]);
  });

  it('a batch with text in a money field, or a NUL byte in one row, is refused with a typed error and none of it is written', async () => {
    const store = await db.freshStore();
    await refused(store, (tx) => tx.invoices.insertMany([invoice({ id: 'i1' }), invoice({ id: 'i2', amount: { cents: '1); DELETE FROM invoices; --' } as never })]), 'amount');
    await refused(store, (tx) => tx.customers.insertMany([customer({ id: 'c1' }), customer({ id: 'c2', name: 'Jo\u0000ão' })]));
    await store.transaction((tx) => tx.customers.insertMany([customer({ id: 'c1' }), customer({ id: 'c2' })]));
    await refused(store, (tx) => tx.customers.updateMany([customer({ id: 'c1', version: 2, name: 'Novo' }), customer({ id: 'c2', version: 2, tags: ['x\u0000'] })]));
    await store.transaction(async (tx) => {
      expect(await tx.invoices.list()).toEqual([]);
      expect((await tx.customers.list()).map((c) => [c.id, c.version, c.name])).toEqual([['c1', 1, 'Maria Souza'], ['c2', 1, 'Maria Souza']]);
    });
  });

  it('SQL metacharacters in a batch are stored verbatim, never executed', async () => {
    const store = await db.freshStore();
    const names = ["x'); DROP TABLE cobranca.customers; --", '{"a",NULL}', '\\N', 'a,b}{c'];
    await store.transaction((tx) => tx.customers.insertMany(names.map((name, i) => customer({ id: `c${i}`, name, tags: [name] }))));
    const stored = await store.transaction((tx) => tx.customers.getMany(names.map((_, i) => `c${i}`)));
    expect(stored.map((c) => c.name)).toEqual(names);
    expect(stored.map((c) => c.tags)).toEqual(names.map((n) => [n]));
  });

  it('the typed error never carries the refused value (it may be personal data)', async () => {
    const store = await db.freshStore();
    const error: unknown = await store.transaction((tx) => tx.customers.insert(customer({ name: 'Maria Souza\u0000', email: 'maria@example.com' }))).catch((e: unknown) => e);
    expect(String((error as Error).message)).not.toMatch(/Maria|maria@/);
  });

  it('a 10 MB comment is stored and read back verbatim', async () => {
    const store = await db.freshStore();
    const text = 'Cliente prometeu pagar; ligar de novo. '.repeat(270_000).slice(0, 10 * 1024 * 1024);
    const account: CollectionAccountRecord = {
      id: 'a1', version: 1, customerId: 'c1', status: 'pending', openedOn: civilDate('2026-11-24'), invoiceIds: ['i1'],
      comments: [{ id: 'm1', at: '2026-11-24T10:00:00.000Z', author: 'op', text }], attachments: [], messages: [], tasks: [],
    };
    await store.transaction((tx) => tx.accounts.insert(account));
    const read = await store.transaction((tx) => tx.accounts.get('a1'));
    expect(read?.comments[0]?.text.length).toBe(text.length);
    expect(read).toEqual(account);
  });
}

describe('bad input reaching PGlite', () => badInputCases(pgliteDatabase()));

if (SERVER_URL !== undefined) describe('bad input reaching a PostgreSQL server', () => badInputCases(serverDatabase()));
else describe.skip(`bad input reaching a PostgreSQL server (${SERVER_SKIP_REASON})`, () => it('refuses or stores verbatim', () => undefined));
