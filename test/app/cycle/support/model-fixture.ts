import { expect } from 'vitest';
import type { MemoryStore } from '../../../../src/adapters/memory/index.js';
import { createCollections, type Collections, type CollectionsOptions, type DailyCycleReport } from '../../../../src/app/index.js';
import { addDays, brazilianCalendar, civilDate, type CivilDate } from '../../../../src/calendar/index.js';
import type { CustomerRecord, InvoiceRecord, NegativationRecord, Store } from '../../../../src/ports/index.js';
import { brl } from '../../../../src/money/index.js';
import { manualClock, recordingNotifier, sequentialIds, staticRates, type fakeBureau } from '../../../../src/testing/index.js';
import { exampleSpec } from '../../../ruler/fixtures.js';

/*
 * What the cycle's model tests share (an index against a full scan over
 * simulated days): a seeded generator, the customers and invoices, the two
 * sides' wiring (an app over its own memory store, rebuilt with other
 * settings mid-way), the random host operations both sides are given, and
 * the day's outcomes and stored data as compared.
 */

/** A small seeded generator (mulberry32): the same seed, the same run. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** The first simulated day. */
export const START = civilDate('2026-11-02');

/** A command's idempotency key and actor. */
export const op = (key: string) => ({ idempotencyKey: key, actor: 'operator.ana' });

/** What one side is built from: its store and bureau, and the settings it starts with. */
export interface SideOptions {
  /** The store (a `MemoryStore`, or a store wrapping one for a deliberately broken index). */
  readonly store: Store & Pick<MemoryStore, 'snapshot'>;
  readonly bureau: ReturnType<typeof fakeBureau>;
  readonly settings: unknown;
}

/** One side of a model: an app over its own store, rebuilt with other settings mid-way (same store, clock and ids). */
export function modelSide({ store, bureau, settings }: SideOptions) {
  const clock = manualClock(`${START}T10:00:00-03:00`);
  const ids = sequentialIds();
  const base: CollectionsOptions = {
    store,
    clock,
    notifier: recordingNotifier(),
    bureau,
    rates: staticRates(),
    calendar: brazilianCalendar(),
    ids,
    creditor: { id: 'provedor', name: 'Provedor Internet Ltda', document: '11.222.333/0001-81' },
    ruler: exampleSpec,
    settings,
    lateCharges: { policy: { interest: { kind: 'monthly', percent: '1' } }, interestFromRates: false },
  } as CollectionsOptions;
  const build = (settings: unknown): Collections => {
    const built = createCollections({ ...base, settings } as CollectionsOptions);
    if (built.isErr()) throw new Error(built.error.message);
    return built.value;
  };
  return { store, clock, app: build(settings), rebuild: (settings: unknown) => build(settings) };
}

/** One side of a model. */
export type Side = ReturnType<typeof modelSide>;

/** Customer `n` (ids `c-01`…; some companies, some without an address). */
export function customerOf(n: number): CustomerRecord {
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

/** An open invoice (unless `extra` says otherwise) of `cents`. */
export function invoiceOf(id: string, customerId: string, cents: number, dueDate: CivilDate, extra: Partial<InvoiceRecord> = {}): InvoiceRecord {
  return { id, version: 1, customerId, amount: brl((cents / 100).toFixed(2)), dueDate, status: 'open', paid: brl('0'), ...extra };
}

/** What a day's cycle decided, as sorted keys (the two cycles read customers in different orders). */
export function outcomes(report: DailyCycleReport) {
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

/**
 * A snapshot with the notifier's message ids (the negativations' proofs of posting, also kept in their history and in
 * anything that copied them, e.g. a command's stored answer) named by what they prove: the negativation and the place
 * of its notice. The notifier numbers messages in the order the outbox sends them, which follows the order the cycle
 * made its requests in (the reading order), not what was sent: every notice still has its own proof, recorded on the
 * same negativation at the same place.
 */
function namedProofs<T extends { readonly negativations: readonly NegativationRecord[] }>(snapshot: T): T {
  const names = new Map<string, string>();
  for (const record of snapshot.negativations) {
    record.negativation.notices.forEach((notice, index) => {
      if (notice.proofOfPosting === undefined) return;
      expect(names.has(notice.proofOfPosting), `proof ${notice.proofOfPosting} recorded twice`).toBe(false);
      names.set(notice.proofOfPosting, `message of ${record.id} notice ${index}`);
    });
  }
  return JSON.parse(JSON.stringify(snapshot).replace(/"msg-\d+"/g, (id) => JSON.stringify(names.get(JSON.parse(id) as string) ?? id))) as T;
}

/** Everything stored, with the order-free parts sorted (the outbox and audit in the order written would differ with the reading order) and the notifier's message ids named by what they prove ({@link namedProofs}). */
export function stored(store: Pick<MemoryStore, 'snapshot'>) {
  const snapshot = namedProofs(store.snapshot());
  const byKey = <T>(items: readonly T[], key: (item: T) => string) => [...items].map((item) => [key(item), item] as const).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const strip = <T extends { id: string }>(items: readonly T[]) => items.map(({ id: _id, ...rest }) => rest);
  return {
    ...snapshot,
    actionLog: byKey(snapshot.actionLog, (e) => e.key).map(([, e]) => e),
    outbox: byKey(strip(snapshot.outbox.map((e) => ({ ...e, payload: null }))), (e) => e.key).map(([, e]) => e),
    audit: byKey(strip(snapshot.audit), (e) => JSON.stringify(e)).map(([, e]) => e),
  };
}

/** What a model's own host operations get: the draw, the invoices as read before it, and how to do a thing on both sides. */
export interface HostContext {
  readonly kind: number;
  readonly key: string;
  readonly first: Side;
  readonly invoices: readonly InvoiceRecord[];
  readonly open: readonly InvoiceRecord[];
  readonly pick: <T>(items: readonly T[]) => T | undefined;
  readonly each: (work: (s: Side, app: Collections) => Promise<unknown>) => Promise<void>;
}

/**
 * One random host operation, done the same way on both sides (commands and
 * direct writes alike): payments, partial payments, disputes raised and
 * resolved, new invoices, customer edits, cancellations, agreements, SPC
 * control (draws below 0.86); a draw of 0.86 or more goes to the model's
 * own operations (`more`), or nothing happens (a quiet day).
 */
export async function hostOperation(rng: () => number, sides: readonly Side[], today: CivilDate, day: number, apps: Collections[], more?: (context: HostContext) => Promise<void>): Promise<void> {
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
  } else if (more) {
    await more({ kind, key, first, invoices, open, pick, each });
  }
}
