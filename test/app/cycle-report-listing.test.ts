import { describe, expect, it } from 'vitest';
import type { CycleOutcome } from '../../src/app/cycle/outcome-listing.js';
import { DEFAULT_LISTED_OUTCOMES } from '../../src/app/cycle/outcome-listing.js';
import { harness, invoiceOf, maria } from './harness.js';

// Issue 17.3 / 14: a cycle over a large portfolio must not hold every outcome in its report. The report lists
// the first `listOutcomes` of each kind (1,000 by default), counts all of them in `totals`, and hands every one
// to `onOutcome` as it happens.

const oneEmail = { id: 'regua', steps: [{ id: 'atraso', offsetDays: 1, action: { kind: 'notify', channel: 'email', template: 'atraso' } }] };

async function portfolioOf(invoices: number) {
  const h = await harness({ ruler: oneEmail as never, settings: { general: { registerAutomatically: 'no' } } });
  const customers = Array.from({ length: invoices }, (_, i) => ({ ...maria, id: `c${String(i).padStart(5, '0')}` }));
  await h.seed(customers, customers.map((c, i) => invoiceOf(`i${String(i).padStart(5, '0')}`, c.id, '100.00', '2026-11-10')));
  h.clock.set('2026-11-24T10:00:00-03:00');
  return h;
}

describe('the daily cycle report lists a bounded number of outcomes and counts them all', () => {
  it('lists the first `listOutcomes`, counts every outcome in `totals` and hands each to `onOutcome` once', async () => {
    const { app, store } = await portfolioOf(7);
    const heard: CycleOutcome[] = [];
    const report = await app.runDailyCycle({ listOutcomes: 3, onOutcome: (outcome) => heard.push(outcome) });
    if (report.isErr()) throw new Error(report.error.message);
    const { ruler } = report.value;
    expect(ruler.totals).toEqual({ done: 7, waiting: 0, skipped: 0, refused: 0 });
    expect(ruler.done.map((d) => d.invoiceId)).toEqual(['i00000', 'i00001', 'i00002']);
    // every outcome heard once, and they are what the action log holds
    const heardDone = heard.filter((o) => o.type === 'ruler.done').map((o) => o.outcome.key);
    expect(heardDone).toHaveLength(7);
    expect(new Set(heardDone).size).toBe(7);
    const logged = store.snapshot().actionLog.map((entry) => entry.key);
    expect([...heardDone].sort()).toEqual([...logged].sort());
    // the listed ones are the first heard, in the same order
    expect(ruler.done.map((d) => d.key)).toEqual(heardDone.slice(0, 3));
  });

  it("lists every outcome with `listOutcomes: 'all'` and none with 0 (totals unchanged)", async () => {
    const all = await (await portfolioOf(5)).app.runDailyCycle({ listOutcomes: 'all' });
    const none = await (await portfolioOf(5)).app.runDailyCycle({ listOutcomes: 0 });
    if (all.isErr() || none.isErr()) throw new Error('cycle failed');
    expect(all.value.ruler.done).toHaveLength(5);
    expect(none.value.ruler.done).toHaveLength(0);
    expect(none.value.ruler.totals.done).toBe(5);
    expect(all.value.ruler.totals).toEqual(none.value.ruler.totals);
  });

  it(`lists ${DEFAULT_LISTED_OUTCOMES.toLocaleString('en-US')} of each kind by default`, async () => {
    const { app } = await portfolioOf(DEFAULT_LISTED_OUTCOMES + 5);
    const report = await app.runDailyCycle();
    if (report.isErr()) throw new Error(report.error.message);
    expect(report.value.ruler.done).toHaveLength(DEFAULT_LISTED_OUTCOMES);
    expect(report.value.ruler.totals.done).toBe(DEFAULT_LISTED_OUTCOMES + 5);
  });

  it('counts the automatic requests the same way', async () => {
    const h = await harness({ ruler: oneEmail as never, settings: { general: { registerAutomatically: 'yes', minimumDaysOverdue: 5 } } });
    const customers = Array.from({ length: 4 }, (_, i) => ({ ...maria, id: `c${i}` }));
    await h.seed(customers, customers.map((c, i) => invoiceOf(`i${i}`, c.id, '100.00', '2026-11-10')));
    h.clock.set('2026-11-24T10:00:00-03:00');
    const heard: CycleOutcome['type'][] = [];
    const report = await h.app.runDailyCycle({ listOutcomes: 1, onOutcome: (outcome) => heard.push(outcome.type) });
    if (report.isErr()) throw new Error(report.error.message);
    const { automaticRequests } = report.value;
    const made = automaticRequests.totals.requested + automaticRequests.totals.waiting + automaticRequests.totals.refused;
    expect(made).toBe(4);
    expect(automaticRequests.requested.length + automaticRequests.waiting.length + automaticRequests.refused.length).toBeLessThanOrEqual(3);
    expect(heard.filter((type) => type.startsWith('registration.'))).toHaveLength(4);
  });

  it('refuses a bad listing with a typed error naming the field', async () => {
    const { app } = await portfolioOf(1);
    const negative = await app.runDailyCycle({ listOutcomes: -1 } as never);
    const notAFunction = await app.runDailyCycle({ onOutcome: 'log' } as never);
    expect(negative.isErr() && [negative.error.code, negative.error.path]).toEqual(['invalid_input', ['listOutcomes']]);
    expect(notAFunction.isErr() && [notAFunction.error.code, notAFunction.error.path]).toEqual(['invalid_input', ['onOutcome']]);
  });
});
