import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../../../src/adapters/memory/index.js';
import { appContext, type AppContext } from '../../../src/app/dependencies.js';
import { resolvePolicies } from '../../../src/app/policies.js';
import { classifyPass } from '../../../src/app/cycle/classify-pass.js';
import { addDays, brazilianCalendar, civilDate, type CivilDate } from '../../../src/calendar/index.js';
import { fromCents } from '../../../src/money/index.js';
import type { CustomerRecord, InvoiceRecord, NegativationRecord, NegativationRegistration, ProtestRecord, Store, StoreTransaction } from '../../../src/ports/index.js';
import { fakeBureau, manualClock, recordingNotifier, sequentialIds, staticRates } from '../../../src/testing/index.js';
import { exampleSpec } from '../../ruler/fixtures.js';
import { pgliteDatabase, SERVER_SKIP_REASON, SERVER_URL, serverDatabase, type TestDatabase } from './databases.js';

/**
 * The registration index (`StoreTransaction.registrations`, migration 10's day
 * columns) answers what the negativation records hold, and the classification
 * that reads it a page at a time shows the same panels as the one that reads
 * the records (the memory store's portfolio walk, and the PostgreSQL store with
 * the index hidden).
 */

const calendar = brazilianCalendar();
const base = civilDate('2026-11-24');
const day = (min: number, max: number) => fc.integer({ min, max }).map((offset): CivilDate => addDays(base, offset));

/** What the index must answer: the registered records of those invoices, in id order, reduced to their days. */
function expectedRegistrations(records: readonly NegativationRecord[], invoiceIds: readonly string[]): NegativationRegistration[] {
  const wanted = new Set(invoiceIds);
  return records
    .filter((r) => wanted.has(r.invoiceId) && r.negativation.registeredOn !== undefined)
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((r) => ({ id: r.id, invoiceId: r.invoiceId, registeredOn: r.negativation.registeredOn as CivilDate, ...(r.negativation.removal?.confirmedOn ? { removedOn: r.negativation.removal.confirmedOn } : {}) }));
}

/** A negativation record with only what the index reads filled in (the store keeps any body). */
function negativation(id: string, invoiceId: string, registeredOn: CivilDate | undefined, removedOn: CivilDate | undefined, version = 1): NegativationRecord {
  const body = { status: 'registered', ...(registeredOn ? { registeredOn } : {}), ...(removedOn ? { removal: { confirmedOn: removedOn } } : {}) };
  return { id, version, customerId: `c-${invoiceId}`, invoiceId, uniqueKey: `k-${id}`, status: 'registered', negativation: body } as unknown as NegativationRecord;
}

const registrationRow = fc.record({ id: fc.integer({ min: 0, max: 30 }), invoice: fc.integer({ min: 0, max: 6 }), on: fc.option(day(-60, 3), { nil: undefined }), undone: fc.option(day(-30, 5), { nil: undefined }) });

/** The store's index, which the PostgreSQL store always has. */
function indexOf(tx: StoreTransaction): NonNullable<StoreTransaction['registrations']> {
  if (tx.registrations === undefined) throw new Error('the PostgreSQL store has a registration index');
  return tx.registrations;
}

/** An app context over a store, as `createCollections` builds it (the README ruler, automatic registration). */
function contextOver(store: Store): AppContext {
  const policies = resolvePolicies(
    { creditor: { id: 'provedor', name: 'Provedor Ltda', document: '11.222.333/0001-81' }, ruler: exampleSpec, settings: { general: { registerAutomatically: 'yes', minimumDaysOverdue: 15 } } },
    ['serasa'],
    staticRates(),
    calendar,
  )._unsafeUnwrap();
  return appContext({ store, bureaus: { serasa: fakeBureau() }, notifier: recordingNotifier(), clock: manualClock(`${base}T10:00:00-03:00`), rates: staticRates(), calendar, ids: sequentialIds() }, policies);
}

/** The store with its registration index hidden: the classification then reads the negativation records. */
function withoutIndex(store: Store): Store {
  return {
    transaction: (work) =>
      store.transaction((tx) => {
        const { registrations: _hidden, ...records } = tx;
        return work(records);
      }),
  };
}

const invoiceRow = fc.record({
  id: fc.integer({ min: 0, max: 4999 }),
  customer: fc.integer({ min: 0, max: 3 }),
  due: day(-120, 30),
  cents: fc.integer({ min: 1, max: 5_000_000 }),
  status: fc.constantFrom('open' as const, 'open' as const, 'paid' as const),
  /** Negativations and protests of the invoice (some never registered or made, some removed or cancelled). */
  marks: fc.array(fc.record({ kind: fc.constantFrom('negativation' as const, 'negativation' as const, 'protest' as const), id: fc.integer({ min: 0, max: 99 }), on: fc.option(day(-60, 3), { nil: undefined }), undone: fc.option(day(-30, 5), { nil: undefined }) }), { maxLength: 3 }),
});

type InvoiceRow = typeof invoiceRow extends fc.Arbitrary<infer T> ? T : never;

/** Writes a random portfolio into a store: customers, invoices, their negativations and protests. */
async function seed(store: Store, rows: readonly InvoiceRow[]): Promise<void> {
  await store.transaction(async (tx) => {
    const customers: CustomerRecord[] = [0, 1, 2, 3].map((c) => ({ id: `c${c}`, version: 1, name: 'Maria Souza', taxId: '52998224725', kind: 'person' }));
    await tx.customers.insertMany(customers);
    const seen = new Set<string>();
    const negativations: NegativationRecord[] = [];
    const protests: ProtestRecord[] = [];
    for (const row of rows) {
      const id = `i${String(row.id).padStart(4, '0')}`;
      if (seen.has(id)) continue;
      seen.add(id);
      const amount = fromCents(row.cents);
      const invoice: InvoiceRecord = { id, version: 1, customerId: `c${row.customer}`, amount, dueDate: row.due, status: row.status, paid: fromCents(row.status === 'paid' ? row.cents : 0) };
      await tx.invoices.insert(invoice);
      const marked = new Set<string>();
      for (const mark of row.marks) {
        const common = { id: `${mark.kind}-${String(mark.id).padStart(2, '0')}-${id}`, version: 1, customerId: invoice.customerId, invoiceId: id, uniqueKey: `${id}|${mark.id}`, status: 'any' };
        if (marked.has(common.id)) continue;
        marked.add(common.id);
        if (mark.kind === 'negativation') {
          negativations.push({ ...common, negativation: { ...(mark.on ? { registeredOn: mark.on } : {}), ...(mark.undone ? { removal: { confirmedOn: mark.undone } } : {}) } } as unknown as NegativationRecord);
        } else {
          protests.push({ ...common, protest: { ...(mark.on ? { protestedOn: mark.on } : {}), ...(mark.undone ? { cancellation: { by: 'debtor', confirmedOn: mark.undone } } : {}) } } as unknown as ProtestRecord);
        }
      }
    }
    await tx.negativations.insertMany(negativations);
    await tx.protests.insertMany(protests);
  });
}

function registrationCases(db: TestDatabase): void {
  it('forInvoices answers the registered negativations of the invoices asked, in id order, with their days, including what the transaction holds unsent', async () => {
    const store = await db.freshStore();
    let runs = 0;
    let answered = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(registrationRow, { maxLength: 12 }), fc.array(registrationRow, { maxLength: 6 }), fc.subarray([0, 1, 2, 3, 4, 5, 6]), async (committed, held, asked) => {
        const prefix = `r${runs++}-`;
        const records = new Map<string, NegativationRecord>();
        for (const row of committed) records.set(`${prefix}${row.id}`, negativation(`${prefix}${row.id}`, `${prefix}i${row.invoice}`, row.on, row.undone));
        await store.transaction((tx) => tx.negativations.insertMany([...records.values()]));
        const invoiceIds = asked.map((n) => `${prefix}i${n}`);
        const answer = await store.transaction(async (tx) => {
          // Held writes (an update of a stored one, or an insert): the index reads them too.
          for (const row of held) {
            const id = `${prefix}${row.id}`;
            const stored = records.get(id);
            const next = negativation(id, stored?.invoiceId ?? `${prefix}i${row.invoice}`, row.on, row.undone, (stored?.version ?? 0) + 1);
            if (stored === undefined) await tx.negativations.insert(next);
            else await tx.negativations.update(next);
            records.set(id, next);
          }
          return indexOf(tx).forInvoices(invoiceIds);
        });
        answered += answer.length;
        expect(answer).toEqual(expectedRegistrations([...records.values()], invoiceIds));
      }),
      { numRuns: 40 },
    );
    // Not vacuous: registrations were answered.
    expect(answered).toBeGreaterThan(20);
  });

  it('the classification reading the index a page at a time shows the panels of the records (PostgreSQL store without the index, memory store)', async () => {
    let marked = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(invoiceRow, { maxLength: 30 }), day(-5, 5), async (rows, today) => {
        const postgres = await db.freshStore();
        const memory = new MemoryStore();
        await seed(postgres, rows);
        await seed(memory, rows);
        const indexed = await classifyPass(contextOver(postgres), today);
        expect(await classifyPass(contextOver(withoutIndex(postgres)), today)).toEqual(indexed);
        expect(await classifyPass(contextOver(memory), today)).toEqual(indexed);
        expect(await classifyPass(contextOver(postgres), today, undefined, { checked: true })).toEqual(indexed);
        marked += ['registered', 'removedAfterRegistration', 'protested'].filter((name) => (indexed.panels[name as keyof typeof indexed.panels]?.invoices ?? 0) > 0).length;
      }),
      { numRuns: 15 },
    );
    // Not vacuous: the registration panels are filled in many runs.
    expect(marked).toBeGreaterThan(4);
  });
}

describe('the registration index on PGlite', () => registrationCases(pgliteDatabase()));

if (SERVER_URL !== undefined) describe('the registration index on the PostgreSQL server', () => registrationCases(serverDatabase()));
else describe.skip(`the registration index on the PostgreSQL server (${SERVER_SKIP_REASON})`, () => undefined);
