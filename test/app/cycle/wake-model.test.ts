import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../../../src/adapters/memory/index.js';
import { createCollections, type Collections, type CollectionsOptions, type DailyCycleReport } from '../../../src/app/index.js';
import { addDays, brazilianCalendar, civilDate, type CivilDate } from '../../../src/calendar/index.js';
import type { CustomerRecord, InvoiceRecord } from '../../../src/ports/index.js';
import { brl } from '../../../src/money/index.js';
import { fakeBureau, manualClock, recordingNotifier, sequentialIds, staticRates } from '../../../src/testing/index.js';
import { exampleSpec } from '../../ruler/fixtures.js';

/*
 * The model test of the customer wake index: two apps over two memory stores
 * given the same random host operations day after day, one with the wake index
 * (the cycle reads only the due customers) and one without (the cycle reads
 * every invoice). Every day the cycles' outcomes must be the same, and so must
 * everything stored (records, action log, outbox, audit).
 */

/** A small seeded generator (mulberry32): the same seed, the same run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const START = civilDate('2026-11-02');
const op = (key: string) => ({ idempotencyKey: key, actor: 'operator.ana' });

// A follow-up contact some days after a registration took effect (`daysToNextAction`): the negativation pass and the outbox
// write that registration (the bureau's answer) after the day's portfolio pass, and those later writes must wake its customer.
const settingsBefore = { general: { registerAutomatically: 'yes', minimumDaysOverdue: 15, daysToNextAction: 2 }, branches: { sul: { daysToRegister: 20 } } };
const settingsAfter = { general: { registerAutomatically: 'no', minimumDaysOverdue: 10, daysToNextAction: 1 }, branches: { sul: { registerAutomatically: 'yes', daysToRegister: 12 } } };

/** The bureau accepts most registrations and refuses some (a refused one no longer holds the invoice's key): the same answers on both sides. */
const bureauDecision = (request: { negativationId: string }) =>
  request.negativationId.length % 3 === 0 || request.negativationId.endsWith('7') ? ({ outcome: 'rejected', reason: 'dados divergentes' } as const) : ({ outcome: 'accepted', protocol: `proto-${request.negativationId}` } as const);

/** One side of the model: an app over its own store, rebuilt with other settings mid-way (same store, clock and ids). */
function side(wakes: boolean) {
  const store = new MemoryStore({ wakes });
  const clock = manualClock(`${START}T10:00:00-03:00`);
  const ids = sequentialIds();
  const base: CollectionsOptions = {
    store,
    clock,
    notifier: recordingNotifier(),
    bureau: fakeBureau(bureauDecision),
    rates: staticRates(),
    calendar: brazilianCalendar(),
    ids,
    creditor: { id: 'provedor', name: 'Provedor Internet Ltda', document: '11.222.333/0001-81' },
    ruler: exampleSpec,
    settings: settingsBefore,
    lateCharges: { policy: { interest: { kind: 'monthly', percent: '1' } }, interestFromRates: false },
  } as CollectionsOptions;
  const build = (settings: unknown): Collections => {
    const built = createCollections({ ...base, settings } as CollectionsOptions);
    if (built.isErr()) throw new Error(built.error.message);
    return built.value;
  };
  return { store, clock, app: build(settingsBefore), rebuild: (settings: unknown) => build(settings) };
}

type Side = ReturnType<typeof side>;

function customerOf(n: number): CustomerRecord {
  return {
    id: `c-${String(n).padStart(2, '0')}`,
    version: 1,
    name: `Cliente ${n}`,
    taxId: '12345678909',
    kind: n % 4 === 0 ? 'company' : 'person',
    email: `c${n}@example.com`,
    phone: '+5511999990000',
    ...(n % 5 === 0 ? {} : { address: { street: 'Rua das Flores', number: String(n), district: 'Centro', city: 'São Paulo', state: 'SP', cep: '01001000' } }),
  };
}

function invoiceOf(id: string, customerId: string, cents: number, dueDate: CivilDate, extra: Partial<InvoiceRecord> = {}): InvoiceRecord {
  return { id, version: 1, customerId, amount: brl((cents / 100).toFixed(2)), dueDate, status: 'open', paid: brl('0'), ...extra };
}

/** What a day's cycle decided, as sorted keys (the two cycles read customers in different orders). */
function outcomes(report: DailyCycleReport) {
  const sorted = (keys: string[]) => [...keys].sort();
  return {
    done: sorted(report.ruler.done.map((o) => o.key)),
    waiting: sorted(report.ruler.waiting.map((o) => o.key)),
    refused: sorted(report.ruler.refused.map((o) => o.key)),
    skipped: sorted(report.ruler.skipped.map((o) => o.key)),
    superseded: report.ruler.superseded,
    requested: sorted(report.automaticRequests.requested.map((o) => o.invoiceId)),
    requestsWaiting: sorted(report.automaticRequests.waiting.map((o) => o.invoiceId)),
    requestsRefused: sorted(report.automaticRequests.refused.map((o) => o.invoiceId)),
    spc: sorted([...report.reconciliation.spcControlCritiques]),
    agreements: report.agreements,
    effects: report.effects.performed,
  };
}

/** Everything stored, with the order-free parts sorted (the outbox and audit in the order written would differ with the reading order). */
function stored(store: MemoryStore) {
  const snapshot = store.snapshot();
  const byKey = <T>(items: readonly T[], key: (item: T) => string) => [...items].map((item) => [key(item), item] as const).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const strip = <T extends { id: string }>(items: readonly T[]) => items.map(({ id: _id, ...rest }) => rest);
  return {
    ...snapshot,
    actionLog: byKey(snapshot.actionLog, (e) => e.key).map(([, e]) => e),
    outbox: byKey(strip(snapshot.outbox.map((e) => ({ ...e, payload: null }))), (e) => e.key).map(([, e]) => e),
    audit: byKey(strip(snapshot.audit), (e) => JSON.stringify(e)).map(([, e]) => e),
  };
}

/** One random host operation, done the same way on both sides (commands and direct writes alike). */
async function hostOperation(rng: () => number, sides: readonly Side[], today: CivilDate, day: number, apps: Collections[]): Promise<void> {
  const [first] = sides;
  if (!first) return;
  const invoices = await first.store.transaction((tx) => tx.invoices.list());
  const open = invoices.filter((i) => i.status === 'open');
  const pick = <T>(items: readonly T[]): T | undefined => items[Math.floor(rng() * items.length)];
  const kind = rng();
  const key = `op-${day}-${Math.floor(rng() * 1e9)}`;
  const each = async (work: (s: Side, app: Collections) => Promise<unknown>) => {
    for (const [n, s] of sides.entries()) await work(s, apps[n] as Collections);
  };
  if (kind < 0.2) {
    const invoice = pick(open);
    if (invoice) await each((_, app) => app.recordPayment({ ...op(key), invoiceId: invoice.id, amount: (invoice.amount.cents / 100 + 50).toFixed(2) }));
  } else if (kind < 0.32) {
    const invoice = pick(open);
    if (invoice) await each((_, app) => app.recordPayment({ ...op(key), invoiceId: invoice.id, amount: '40.00' }));
  } else if (kind < 0.42) {
    const invoice = pick(open);
    if (invoice) await each((_, app) => app.recordDispute({ ...op(key), invoiceId: invoice.id, reason: 'não reconhece' }));
  } else if (kind < 0.48) {
    const invoice = pick(invoices.filter((i) => i.disputed === true && i.status === 'open'));
    const outcome = rng() < 0.5 ? 'upheld' : 'dropped';
    if (invoice) await each((_, app) => app.resolveDispute({ ...op(key), invoiceId: invoice.id, outcome }));
  } else if (kind < 0.58) {
    const n = 1 + Math.floor(rng() * 14);
    const cents = 10_000 + Math.floor(rng() * 50_000);
    const due = addDays(today, Math.floor(rng() * 20) - 5);
    const id = `i-new-${day}-${Math.floor(rng() * 1e6)}`;
    const branch = rng() < 0.3 ? { branchId: 'sul' } : {};
    await each((s) => s.store.transaction((tx) => tx.invoices.insert(invoiceOf(id, customerOf(n).id, cents, due, branch))));
  } else if (kind < 0.66) {
    const customer = pick(await first.store.transaction((tx) => tx.customers.list()));
    if (customer) {
      const address = rng() < 0.5 ? customerOf(1).address : undefined;
      const tags = rng() < 0.5 ? ['vip'] : [];
      const { address: _old, ...rest } = customer;
      await each((s) => s.store.transaction((tx) => tx.customers.update({ ...rest, ...(address ? { address } : {}), version: customer.version + 1, tags })));
    }
  } else if (kind < 0.72) {
    const invoice = pick(open.filter((i) => i.installment === undefined));
    if (invoice) await each((s) => s.store.transaction((tx) => tx.invoices.update({ ...invoice, version: invoice.version + 1, status: 'cancelled' })));
  } else if (kind < 0.8) {
    const invoice = pick(open.filter((i) => i.agreementId === undefined && i.installment === undefined));
    if (invoice) {
      const tolerance = addDays(today, 3 + Math.floor(rng() * 6));
      await each(async (_, app) => {
        const category = await app.createAgreementCategory({ ...op(`${key}-category`), name: `Promessa ${key}` });
        if (category.isErr()) return;
        await app.negotiate({ ...op(key), customerId: invoice.customerId, proposal: { kind: 'keep_terms', selectedInvoiceIds: [invoice.id], toleranceDate: tolerance, category: category.value.id } });
      });
    }
  } else if (kind < 0.86) {
    const invoice = pick(invoices.filter((i) => i.status === 'paid' && i.spcControl === undefined));
    if (invoice) await each((_, app) => app.addToSpcControl({ ...op(key), invoiceId: invoice.id, details: 'controle interno' }));
  } else if (kind < 0.9) {
    const invoice = pick(open);
    if (invoice) await each((s) => s.store.transaction((tx) => tx.invoices.update({ ...invoice, version: invoice.version + 1, negativate: true })));
  }
  // Otherwise nothing happens today (a quiet day).
}

async function runModel(seed: number, days: number): Promise<void> {
  const rng = random(seed);
  const sides = [side(true), side(false)];
  let apps = sides.map((s) => s.app);
  const customers = Array.from({ length: 14 }, (_, n) => customerOf(n + 1));
  // Customers 13 and 14 start quiet (no invoice; one cancelled invoice) until a host operation touches them.
  const initial = customers.slice(0, 12).flatMap((c, n) =>
    Array.from({ length: 1 + (n % 3) }, (_, k) => invoiceOf(`i-${c.id}-${k}`, c.id, 15_000 + 7_000 * k + 1_000 * n, addDays(START, 5 * k + n - 6), n % 4 === 1 ? { branchId: 'sul' } : {})),
  );
  initial.push(invoiceOf('i-c-14-0', 'c-14', 20_000, addDays(START, -3), { status: 'cancelled' }));
  for (const s of sides) {
    await s.store.transaction(async (tx) => {
      for (const c of customers) await tx.customers.insert(c);
      for (const i of initial) await tx.invoices.insert(i);
    });
  }
  let quietDays = 0;
  for (let day = 0; day < days; day++) {
    const today = addDays(START, day);
    if (day === Math.floor(days / 2)) apps = sides.map((s) => s.rebuild(settingsAfter));
    for (const s of sides) s.clock.set(`${today}T09:00:00-03:00`);
    const operations = Math.floor(rng() * 4);
    for (let k = 0; k < operations; k++) await hostOperation(rng, sides, today, day, apps);
    for (const s of sides) s.clock.set(`${today}T10:00:00-03:00`);
    const reports = await Promise.all(apps.map(async (app) => (await app.runDailyCycle())._unsafeUnwrap()));
    const [withWakes, fullScan] = reports as [DailyCycleReport, DailyCycleReport];
    expect(outcomes(withWakes), `day ${day} (${today}), seed ${seed}: the outcomes`).toEqual(outcomes(fullScan));
    expect(stored(sides[0]?.store as MemoryStore), `day ${day} (${today}), seed ${seed}: what is stored`).toEqual(stored(sides[1]?.store as MemoryStore));
    const dueTomorrow = await sides[0]?.store.transaction(async (tx) => (await tx.wakes?.due(addDays(today, 1), 1_000))?.length);
    if (dueTomorrow !== undefined && dueTomorrow < customers.length) quietDays++;
  }
  // The index left customers out on some days (a run where it read everyone every day would prove nothing about skipping).
  expect(quietDays, 'days after which some customer was quiet').toBeGreaterThan(0);
}

describe('the customer wake index: a cycle over the due customers equals a full scan', () => {
  it.each([1, 2, 3])('random host operations over 40 days (seed %i): the same outcomes and the same stored data every day', async (seed) => {
    await runModel(seed, 40);
  }, 120_000);
});
