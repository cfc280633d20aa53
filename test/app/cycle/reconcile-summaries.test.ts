import { describe, expect, it } from 'vitest';
import { civilDate } from '../../../src/calendar/index.js';
import { newNegativationRecord } from '../../../src/app/negativation/negativation-store.js';
import { negativationDueOn, reconcileDueOn } from '../../../src/app/negativation/negativation-due.js';
import { ReconcileSummaries } from '../../../src/app/cycle/reconcile-summaries.js';
import { approvedAndNotified, negativatedEvents, run, started } from '../../negativation/fixtures.js';

/*
 * The reconciliation pass takes what it needs of a negativation the negativation pass read and left alone from a
 * summary of that read, and only while the due index lists it with the touch count it was read under (any committed
 * write of it or of its customer's invoices, payments and agreements counts one more). The model test of the due
 * index (negativation-due-model.test.ts) checks the whole cycle's reports and stores against a store without the
 * index, which makes no summaries.
 */

const today = civilDate('2026-11-05');

describe('ReconcileSummaries', () => {
  it('answers only for the touch count the record was read under, once', () => {
    const record = newNegativationRecord(run(started(), approvedAndNotified).negativation, 'c-1');
    const summaries = new ReconcileSummaries(today);
    summaries.keep(record, 3);
    expect(summaries.answers({ id: record.id, key: { written: true }, touched: 4 })).toBe(false);
    expect(summaries.answers({ id: 'other', key: { written: true }, touched: 3 })).toBe(false);
    expect(summaries.answers({ id: record.id, key: { written: true }, touched: 3 })).toBe(true);
    // A later listing with another touch count gets no summary, and the summary is dropped either way.
    expect(summaries.take({ id: record.id, key: { written: true }, touched: 5 })).toBeUndefined();
    expect(summaries.answers({ id: record.id, key: { written: true }, touched: 3 })).toBe(false);
  });

  it('holds the passes’ own answers for the invoice unpaid and paid, for many negativations', () => {
    for (const negativation of [run(started(), approvedAndNotified).negativation, run(started(), negativatedEvents).negativation]) {
      const record = newNegativationRecord(negativation, 'c-1');
      const summaries = new ReconcileSummaries(today);
      // Past its first slots: the typed arrays grow and keep what they held.
      for (let i = 0; i < 600; i++) summaries.keep({ ...record, id: `n-${i}` }, i);
      summaries.keep(record, 1);
      expect(summaries.take({ id: 'n-7', key: { written: true }, touched: 7 })?.touched).toBe(7);
      const summary = summaries.take({ id: record.id, key: { written: false, dueOn: today }, touched: 1 });
      expect(summary).toEqual({
        touched: 1,
        version: record.version,
        invoiceId: record.invoiceId,
        final: false,
        reconcileIfUnpaid: reconcileDueOn(negativation, false, today),
        reconcileIfPaid: reconcileDueOn(negativation, true, today),
        dueOnIfUnpaid: negativationDueOn(negativation, false, today),
        dueOnIfPaid: negativationDueOn(negativation, true, today),
      });
      // A paid debt still pending or registered is reconciled every day: the paid answer differs from the unpaid one.
      expect(summary?.reconcileIfPaid).toBe(true);
    }
  });
});
