import { describe, expect, it } from 'vitest';
import { harness, invoiceOf, maria } from './harness.js';

// Issue 12 item 10: a catch-up of many missed steps holds memory for the invoices, not for
// steps × invoices. Counted, not timed: what the cycle's report retains.

const STEPS = 100;
const INVOICES = 40;

/** One e-mail a day for 100 days after the due date: a job that did not run for 100 days misses them all. */
const dailyEmails = {
  id: 'regua-diaria',
  steps: Array.from({ length: STEPS }, (_, k) => ({ id: `email-d${k + 1}`, offsetDays: k + 1, action: { kind: 'notify', channel: 'email', template: 'lembrete' } })),
};

describe('ruler catch-up after 100 missed days', () => {
  it('sends the latest step once per invoice and counts the 99 superseded ones instead of listing them', async () => {
    const { seed, cycleOn, store, notifier } = await harness({ ruler: dailyEmails as never, settings: { general: { registerAutomatically: 'no' } } });
    const customers = Array.from({ length: INVOICES }, (_, i) => ({ ...maria, id: `c${i}` }));
    await seed(customers, customers.map((c, i) => invoiceOf(`i${i}`, c.id, '100.00', '2026-11-10')));
    // D+102, a Friday at 10:00: every step is due; only the latest of the channel is sent.
    const report = await cycleOn('2027-02-19');
    expect(report.ruler.done.filter((d) => d.key.endsWith(`email-d${STEPS}`))).toHaveLength(INVOICES);
    expect(report.ruler.done).toHaveLength(INVOICES);
    expect(report.ruler.superseded).toBe((STEPS - 1) * INVOICES);
    // What the report holds grows with the invoices, not with steps × invoices.
    expect(report.ruler.skipped.length + report.ruler.done.length).toBeLessThanOrEqual(2 * INVOICES);
    expect(notifier.calls).toHaveLength(INVOICES);
    // The superseded steps are logged once, in one entry per invoice naming all 99 (so none fires later; the log grows
    // with the invoices, not with steps × invoices), and a second run does nothing new.
    const logged = await store.transaction(async (tx) => (await tx.actionLog.forInvoice('i0')).filter((e) => e.action === 'skipped:superseded'));
    expect(logged).toHaveLength(1);
    expect([...(logged[0]?.stepIds ?? [])].sort()).toEqual(Array.from({ length: STEPS - 1 }, (_, k) => `email-d${k + 1}`).sort());
    expect(store.snapshot().actionLog.length).toBe(2 * INVOICES);
    // The invoice's history says it once: one entry naming the 99 superseded steps, not 99 entries.
    const history = store.snapshot().audit.filter((entry) => entry.subjectId === 'i0' && entry.action.startsWith('ruler_step'));
    expect(history.map((entry) => entry.action)).toEqual(['ruler_steps_superseded']);
    expect((history[0]?.details as { stepIds: string[] }).stepIds).toHaveLength(STEPS - 1);
    expect(store.snapshot().audit.length).toBeLessThan(STEPS * INVOICES);
    const again = await cycleOn('2027-02-19', '11:00');
    expect([again.ruler.done.length, again.ruler.superseded, again.ruler.skipped.length]).toEqual([0, 0, 0]);
  });
});
