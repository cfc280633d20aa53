import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../../src/adapters/memory/index.js';
import { outcomeOf, scaleApp, scalePortfolio, simulatedDays } from './support/scale-portfolio.js';

/** Runs the simulated days with `count` workers per day (each with its own app, ids and fakes), all at once, over one store. */
async function simulate(count: number, days: readonly string[]) {
  const store = new MemoryStore();
  const { customers, invoices } = scalePortfolio(40);
  await store.transaction(async (tx) => {
    for (const c of customers) await tx.customers.insert(c);
    for (const i of invoices) await tx.invoices.insert(i);
  });
  const workers = Array.from({ length: count }, (_, index) => scaleApp(store, `w${index}`));
  for (const day of days) {
    const reports = await Promise.all(workers.map(({ app, clock }, index) => {
      clock.set(`${day}T10:00:00-03:00`);
      return app.runDailyCycle(count === 1 ? {} : { worker: { index, count } });
    }));
    for (const report of reports) expect(report.isOk(), report.isErr() ? report.error.message : '').toBe(true);
  }
  const sent = workers.flatMap((w) => w.notifier.calls.map((m) => m.key));
  return { outcome: await outcomeOf(store), sent, registered: workers.reduce((n, w) => n + w.bureau.calls.register, 0), evaluated: 0 };
}

describe('the daily cycle split over worker shares', () => {
  it('4 workers over 30 days do what one worker does: every action recorded and performed once', async () => {
    const days = simulatedDays(30);
    const single = await simulate(1, days);
    const shared = await simulate(4, days);
    expect(single.outcome.actions.length).toBeGreaterThan(40);
    expect(single.registered).toBeGreaterThan(0);
    expect(shared.outcome).toEqual(single.outcome);
    expect(new Set(shared.sent).size, 'a message went out twice').toBe(shared.sent.length);
    expect(shared.outcome.effects.filter((e) => e.includes('|done|')).length).toBeGreaterThan(40);
    expect(shared.sent.length).toBe(single.sent.length);
    expect(shared.registered).toBe(single.registered);
  });

  it('each worker reads only its share', async () => {
    const store = new MemoryStore();
    const { customers, invoices } = scalePortfolio(40);
    await store.transaction(async (tx) => {
      for (const c of customers) await tx.customers.insert(c);
      for (const i of invoices) await tx.invoices.insert(i);
    });
    const evaluated = [];
    for (let index = 0; index < 4; index++) {
      const { app, clock } = scaleApp(store, `w${index}`);
      clock.set('2026-10-20T10:00:00-03:00');
      const report = (await app.runDailyCycle({ worker: { index, count: 4 } }))._unsafeUnwrap();
      evaluated.push(report.ruler.invoicesEvaluated);
    }
    expect(evaluated.reduce((a, b) => a + b, 0)).toBe(invoices.length);
    expect(Math.max(...evaluated)).toBeLessThan(invoices.length);
  });

  it('refuses a worker index outside the count, with a typed error', async () => {
    const { app } = scaleApp(new MemoryStore(), 'w');
    for (const worker of [{ index: 4, count: 4 }, { index: -1, count: 2 }, { index: 0, count: 0 }, { index: 0.5, count: 2 }, { index: 0, count: 2, extra: true }]) {
      const report = await app.runDailyCycle({ worker });
      expect(report.isErr()).toBe(true);
      expect(report._unsafeUnwrapErr().code).toBe('invalid_input');
    }
  });
});
