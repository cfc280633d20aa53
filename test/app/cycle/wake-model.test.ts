import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../../../src/adapters/memory/index.js';
import type { DailyCycleReport } from '../../../src/app/index.js';
import { addDays, type CivilDate } from '../../../src/calendar/index.js';
import type { Store } from '../../../src/ports/index.js';
import { fakeBureau } from '../../../src/testing/index.js';
import { customerOf, hostOperation, invoiceOf, modelSide, outcomes, random, START, stored, type Side } from './support/model-fixture.js';

/*
 * The model test of the customer wake index: two apps over two memory stores
 * given the same random host operations day after day, one with the wake index
 * (the cycle reads only the due customers) and one without (the cycle reads
 * every invoice). Every day the cycles' outcomes must be the same, and so must
 * everything stored (records, action log, outbox, audit). The same model run
 * over a store that records wake days wrongly (never, or a day late) must
 * fail: a missed wake shows.
 */

// A follow-up contact some days after a registration took effect (`daysToNextAction`): the negativation pass and the outbox
// write that registration (the bureau's answer) after the day's portfolio pass, and those later writes must wake its customer.
const settingsBefore = { general: { registerAutomatically: 'yes', minimumDaysOverdue: 15, daysToNextAction: 2 }, branches: { sul: { daysToRegister: 20 } } };
const settingsAfter = { general: { registerAutomatically: 'no', minimumDaysOverdue: 10, daysToNextAction: 1 }, branches: { sul: { registerAutomatically: 'yes', daysToRegister: 12 } } };

/** The bureau accepts most registrations and refuses some (a refused one no longer holds the invoice's key): the same answers on both sides. */
const bureauDecision = (request: { negativationId: string }) =>
  request.negativationId.length % 3 === 0 || request.negativationId.endsWith('7') ? ({ outcome: 'rejected', reason: 'dados divergentes' } as const) : ({ outcome: 'accepted', protocol: `proto-${request.negativationId}` } as const);

/** How a deliberately broken store records a wake day instead of the one the cycle gave. */
type WakeMutation = (wakeOn: CivilDate | undefined) => CivilDate | undefined;

/** A memory store whose wake index records `mutate(wakeOn)` for every evaluation (a missed or late wake). */
function mutatedWakes(inner: MemoryStore, mutate: WakeMutation): Store & Pick<MemoryStore, 'snapshot'> {
  return {
    snapshot: () => inner.snapshot(),
    transaction: (work) =>
      inner.transaction((tx) => {
        const wakes = tx.wakes;
        if (wakes === undefined) return work(tx);
        return work({ ...tx, wakes: { ...wakes, evaluated: (evaluations) => wakes.evaluated(evaluations.map((e) => ({ ...e, wakeOn: mutate(e.wakeOn) }))) } });
      }),
  };
}

/** One side: with the wake index (optionally broken by `mutate`) or without (a full scan). */
function side(wakes: boolean, mutate?: WakeMutation): Side {
  const store = new MemoryStore({ wakes });
  return modelSide({ store: mutate === undefined ? store : mutatedWakes(store, mutate), bureau: fakeBureau(bureauDecision), settings: settingsBefore });
}

async function runModel(seed: number, days: number, mutate?: WakeMutation): Promise<void> {
  const rng = random(seed);
  const sides = [side(true, mutate), side(false)];
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
    for (let k = 0; k < operations; k++) {
      await hostOperation(rng, sides, today, day, apps, async ({ kind, open, pick, each }) => {
        if (kind >= 0.9) return;
        const invoice = pick(open);
        if (invoice) await each((s) => s.store.transaction((tx) => tx.invoices.update({ ...invoice, version: invoice.version + 1, negativate: true })));
      });
    }
    for (const s of sides) s.clock.set(`${today}T10:00:00-03:00`);
    const reports = await Promise.all(apps.map(async (app) => (await app.runDailyCycle())._unsafeUnwrap()));
    const [withWakes, fullScan] = reports as [DailyCycleReport, DailyCycleReport];
    expect(outcomes(withWakes), `day ${day} (${today}), seed ${seed}: the outcomes`).toEqual(outcomes(fullScan));
    expect(stored(sides[0]?.store as Side['store']), `day ${day} (${today}), seed ${seed}: what is stored`).toEqual(stored(sides[1]?.store as Side['store']));
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

  it.each([
    ['records no wake day (only writes wake)', () => undefined],
    ['records every wake day a day late', (wakeOn: CivilDate | undefined) => (wakeOn === undefined ? undefined : addDays(wakeOn, 1))],
  ] as const)('catches a store that %s: the model finds a difference', async (_name, mutate) => {
    await expect(runModel(1, 40, mutate)).rejects.toThrow(/the outcomes|what is stored/);
  }, 120_000);
});
