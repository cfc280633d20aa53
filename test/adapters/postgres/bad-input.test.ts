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

  it('the logs\' batch writes refuse a NUL byte with a typed error (an audit line when appended, before it is written behind) and store metacharacters verbatim', async () => {
    const store = await db.freshStore();
    const entry = { key: 'k1', invoiceId: 'i1', customerId: 'c1', stepId: 's', action: 'sms', on: civilDate('2026-11-24'), at: '2026-11-24T10:00:00.000Z' };
    const effect = { id: 'e1', key: 'k1', kind: 'notify', payload: { text: 'x' }, status: 'pending' as const, attempts: 0, createdAt: '2026-11-24T10:00:00.000Z' };
    const line = { id: 'a1', at: '2026-11-24T10:00:00.000Z', actor: 'cycle', subjectType: 'invoice' as const, subjectId: 'i1', action: 'ruler_notify' };
    await refused(store, (tx) => tx.actionLog.recordMany([entry, { ...entry, key: 'k2', stepId: 's\u0000' }]));
    await refused(store, (tx) => tx.outbox.enqueueMany([effect, { ...effect, id: 'e2', key: 'k2', payload: { text: 'x\u0000' } }]));
    let appended = false;
    await refused(store, async (tx) => {
      await tx.audit.append({ ...line, details: { text: 'x\u0000' } });
      appended = true;
    }, 'details');
    expect(appended, 'refused by append itself, not later at commit').toBe(false);
    await refused(store, (tx) => tx.audit.appendMany([line, { ...line, id: 'a2', actor: 'op\u0000' }]), 'actor');
    const odd = ["x'); DROP TABLE cobranca.audit; --", '{"a",NULL}', '\\N', 'a,b}{c', 'NULL', '\\u0000 is not a NUL'];
    await store.transaction(async (tx) => {
      await tx.actionLog.recordMany(odd.map((text, i) => ({ ...entry, key: `k${i}`, stepId: text, stepIds: [text] })));
      await tx.outbox.enqueueMany(odd.map((text, i) => ({ ...effect, id: `e${i}`, key: text, payload: { text } })));
      await tx.audit.appendMany(odd.map((text, i) => ({ ...line, id: `a${i}`, actor: text, details: { text } })));
      expect((await tx.audit.forSubject('invoice', 'i1')).map((a) => [a.actor, a.details]), 'read back in the same transaction').toEqual(odd.map((text) => [text, { text }]));
    });
    await store.transaction(async (tx) => {
      expect((await tx.actionLog.forInvoice('i1')).map((e) => [e.stepId, e.stepIds])).toEqual(odd.map((text) => [text, [text]]));
      expect((await tx.outbox.all()).map((e) => [e.key, e.payload])).toEqual(odd.map((text) => [text, { text }]));
      expect((await tx.audit.forSubject('invoice', 'i1')).map((a) => a.actor)).toEqual(odd);
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
