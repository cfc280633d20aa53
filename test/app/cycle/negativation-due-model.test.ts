import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../../../src/adapters/memory/index.js';
import type { DailyCycleReport } from '../../../src/app/index.js';
import { addDays, addYears } from '../../../src/calendar/index.js';
import { fakeBureau } from '../../../src/testing/index.js';
import { customerOf, hostOperation as sharedHostOperation, invoiceOf, modelSide, outcomes, random, START, stored, type Side } from './support/model-fixture.js';

/*
 * The model test of the negativation due index: two apps over two memory
 * stores given the same random host operations day after day (payments by
 * command and written straight to the invoice, agreements, disputes, new and
 * old invoices, bureaus that accept, reject or leave a submission pending),
 * one with the due index (the negativation and reconciliation passes read
 * only the negativations due today) and one without (they read every
 * negativation). Every day the passes' reports and the cycles' outcomes must
 * be the same, and so must everything stored (records, action log, outbox,
 * audit).
 */

const settingsBefore = { general: { registerAutomatically: 'yes', minimumDaysOverdue: 15 }, branches: { sul: { daysToRegister: 20 } } };
const settingsAfter = { general: { registerAutomatically: 'no', minimumDaysOverdue: 10 }, branches: { sul: { registerAutomatically: 'yes', daysToRegister: 12 } } };

/** One side of the model: an app over its own store, rebuilt with other settings mid-way (same store, clock and ids). */
function side(negativationsDue: boolean): Side {
  // Some submissions stay pending at the bureau (stuck submissions), some are rejected, most accepted.
  const bureau = fakeBureau((request) => (request.amount.cents % 5 === 0 ? { outcome: 'pending', protocol: `P-${request.negativationId}` } : request.amount.cents % 7 === 0 ? { outcome: 'rejected', reason: 'recusado' } : { outcome: 'accepted', protocol: `A-${request.negativationId}` }));
  return modelSide({ store: new MemoryStore({ negativationsDue }), bureau, settings: settingsBefore });
}

/** One random host operation (the shared ones, then this model's own), done the same way on both sides. */
const hostOperation: typeof sharedHostOperation = (rng, sides, today, day, apps) =>
  sharedHostOperation(rng, sides, today, day, apps, async ({ kind, first, open, pick, each }) => {
    if (kind < 0.9) {
      // The bank return written straight to the invoice of a registration, which does not know (a "crítica", or paid while pending).
      const registered = new Set((await first.store.transaction((tx) => tx.negativations.list())).map((n) => n.invoiceId));
      const invoice = pick(open.filter((i) => registered.has(i.id)));
      if (invoice) await each((s) => s.store.transaction((tx) => tx.invoices.update({ ...invoice, version: invoice.version + 1, status: 'paid', paid: invoice.amount, paidOn: today })));
    } else if (kind < 0.92) {
      // An invoice near the age limit (CDC art. 43 §1): registered, it is near its limit within days.
      const n = 1 + Math.floor(rng() * 14);
      const due = addDays(today, -(5 * 365) + 60 + Math.floor(rng() * 15));
      const id = `i-old-${day}-${Math.floor(rng() * 1e6)}`;
      await each((s) => s.store.transaction((tx) => tx.invoices.insert(invoiceOf(id, customerOf(n).id, 30_000, due, { negativate: true }))));
    } else if (kind < 0.95) {
      const invoice = pick(open);
      if (invoice) await each((s) => s.store.transaction((tx) => tx.invoices.update({ ...invoice, version: invoice.version + 1, negativate: true })));
    }
    // Otherwise nothing happens today (a quiet day).
  });

/**
 * What the negativation and reconciliation passes reported (their lists are in
 * negativation-id order either way), but for the registrations found waiting
 * out their notice: a full scan finds every one every day, the due index only
 * those written since their last check (see `waits`).
 */
function passes(report: DailyCycleReport) {
  const { waitingForNotice: _waiting, totals, ...moved } = report.negativations;
  const { waitingForNotice: _counted, ...counted } = totals;
  return { negativations: { ...moved, totals: counted }, reconciliation: report.reconciliation };
}

/** The waits a report found, as `id@until` (`until` absent while the notice is still to be sent, read or posted). */
function waits(report: DailyCycleReport): string[] {
  return report.negativations.waitingForNotice.map((w) => `${w.negativationId}@${w.until ?? '-'}`);
}

/** The kinds of reconciliation finding the runs met, over all seeds. */
const kindsMet = new Set<string>();

async function runModel(seed: number, days: number): Promise<void> {
  const rng = random(seed);
  const sides = [side(true), side(false)];
  let apps = sides.map((s) => s.app);
  const customers = Array.from({ length: 14 }, (_, n) => customerOf(n + 1));
  const initial = customers.slice(0, 12).flatMap((c, n) =>
    Array.from({ length: 1 + (n % 3) }, (_, k) => invoiceOf(`i-${c.id}-${k}`, c.id, 15_000 + 7_000 * k + 1_000 * n, addDays(START, 5 * k + n - 6), n % 4 === 1 ? { branchId: 'sul' } : {})),
  );
  // A debt near its age limit (CDC art. 43 §1): registered early, within its warning window before the run ends.
  initial.push(invoiceOf('i-c-13-old', 'c-13', 30_000, addDays(START, -(5 * 365) + 60), { negativate: true }));
  // Debts registered before their submission cutoff (4 years 11 months) that reach the 5-year age limit within the run (CDC art. 43 §1):
  // registered around day 10, near the limit from about day 26, past it from about day 56.
  for (const [n, cents] of [30_001, 31_002, 32_003].entries()) initial.push(invoiceOf(`i-c-14-aging-${n}`, 'c-14', cents, addDays(addYears(START, -5), 55 + n), { negativate: true }));
  for (const s of sides) {
    await s.store.transaction(async (tx) => {
      for (const c of customers) await tx.customers.insert(c);
      for (const i of initial) await tx.invoices.insert(i);
    });
  }
  let skippingDays = 0;
  let findings = 0;
  const waitsFound = { indexed: new Set<string>(), fullScan: new Set<string>() };
  const waitDays = { indexed: 0, fullScan: 0 };
  const kinds = new Set<string>();
  for (let day = 0; day < days; day++) {
    const today = addDays(START, day);
    if (day === Math.floor(days / 2)) apps = sides.map((s) => s.rebuild(settingsAfter));
    for (const s of sides) s.clock.set(`${today}T09:00:00-03:00`);
    const operations = Math.floor(rng() * 4);
    for (let k = 0; k < operations; k++) await hostOperation(rng, sides, today, day, apps);
    for (const s of sides) s.clock.set(`${today}T10:00:00-03:00`);
    const reports = await Promise.all(apps.map(async (app) => (await app.runDailyCycle())._unsafeUnwrap()));
    const [indexed, fullScan] = reports as [DailyCycleReport, DailyCycleReport];
    expect(passes(indexed), `day ${day} (${today}), seed ${seed}: the negativation and reconciliation reports`).toEqual(passes(fullScan));
    // The waits the index found are waits the full scan found that day; each wait (registration and its day) is found by both at some point.
    expect(waits(fullScan), `day ${day} (${today}), seed ${seed}: the waits found with the index are waits`).toEqual(expect.arrayContaining(waits(indexed)));
    expect(indexed.negativations.totals.waitingForNotice, `day ${day}: waits counted`).toBe(indexed.negativations.waitingForNotice.length);
    for (const wait of waits(indexed)) waitsFound.indexed.add(wait);
    for (const wait of waits(fullScan)) waitsFound.fullScan.add(wait);
    waitDays.indexed += waits(indexed).length;
    waitDays.fullScan += waits(fullScan).length;
    expect(outcomes(indexed), `day ${day} (${today}), seed ${seed}: the outcomes`).toEqual(outcomes(fullScan));
    expect(stored(sides[0]?.store as MemoryStore), `day ${day} (${today}), seed ${seed}: what is stored`).toEqual(stored(sides[1]?.store as MemoryStore));
    const { reconciliation } = indexed;
    for (const [name, list] of Object.entries(reconciliation)) if (Array.isArray(list) && list.length > 0) kinds.add(name);
    findings += reconciliation.critiques.length + reconciliation.nearAgeLimit.length + reconciliation.pastAgeLimit.length + reconciliation.stuckSubmissions.length + reconciliation.paidWhilePending.length;
    const [due, all] = await (sides[0] as Side).store.transaction(async (tx) => [(await tx.negativationsDue?.due(addDays(today, 1), { limit: 10_000 }))?.length ?? 0, (await tx.negativations.list()).length]);
    if (due < all) skippingDays++;
  }
  // The index left negativations out on some days, and reconciliation found things (a run where it read everything, or found nothing, would prove little).
  expect(skippingDays, 'days after which some negativation was not due').toBeGreaterThan(days / 4);
  expect(findings, 'reconciliation findings over the run').toBeGreaterThan(0);
  // Every wait the full scan found, the index found too (on the cycle after the write that began or changed it); it found each on fewer days (not every day).
  expect([...waitsFound.indexed].sort(), 'every wait found with the index').toEqual([...waitsFound.fullScan].sort());
  expect(waitsFound.fullScan.size, 'waits met over the run').toBeGreaterThan(0);
  expect(waitDays.indexed, 'days × waits found with the index, against the full scan').toBeLessThan(waitDays.fullScan);
  for (const kind of kinds) kindsMet.add(kind);
}

describe('the negativation due index: the negativation and reconciliation passes over the due negativations equal a full scan', () => {
  it.each([1, 2, 3])('random host operations over 60 days (seed %i): the same reports, outcomes and stored data every day', async (seed) => {
    await runModel(seed, 60);
  }, 240_000);
  it('met every kind of finding the due day is derived from, the age limit reached among them, over the seeds (a run without them would prove little)', () => {
    expect([...kindsMet].sort()).toEqual(expect.arrayContaining(['critiques', 'nearAgeLimit', 'pastAgeLimit', 'paidWhilePending', 'removalsNearDeadline', 'stuckSubmissions']));
  });
});
