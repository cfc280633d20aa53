import { describe, expect, it } from 'vitest';
import { addDays, civilDate, type CivilDate } from '../../../src/calendar/index.js';
import type { Negativation, NegativationEventInput } from '../../../src/negativation/index.js';
import { negativationDueDays, negativationDueOn, reconcileDueOn } from '../../../src/app/negativation/negativation-due.js';
import { negativatedEvents, run, started } from '../../negativation/fixtures.js';

/*
 * negativationDueDays answers, for both states of the invoice at once, what negativationDueOn and reconcileDueOn
 * answer one state at a time (the reconcile summaries hold it instead of the record): checked on every state of a
 * registration's life, from the request to its removal, with and without a settled payment, on days before, at and
 * after each of its dated checks (the notice period, a stuck submission, the age-limit warning).
 */

const paidInFull: NegativationEventInput = { type: 'payment_received', on: '2026-11-19', actor: 'bank', kind: 'full', amount: '10.00', paidOn: '2026-11-18', fundsAvailableOn: '2026-11-19' };
const removed: NegativationEventInput = { type: 'bureau_removed', on: '2026-11-20', actor: 'boa_vista' };

/** Every state along the life, one negativation per prefix of the history. */
function states(): Negativation[] {
  const history = [...negativatedEvents, paidInFull, removed];
  const out: Negativation[] = [started()];
  for (let i = 1; i <= history.length; i++) out.push(run(started(), history.slice(0, i)).negativation);
  return out;
}

/** Days around each state's own dates, and far ahead (past the 5-year age limit's warning). */
function daysFor(negativation: Negativation): CivilDate[] {
  const anchors = [negativation.lastEventOn, negativation.submittedOn, negativation.expiresOn].filter((d): d is CivilDate => d !== undefined);
  const days = [civilDate('2026-10-01'), civilDate('2031-12-31')];
  for (const anchor of anchors) for (const offset of [-91, -90, -1, 0, 1, 5, 6, 30]) days.push(addDays(anchor, offset));
  return days;
}

describe('negativationDueDays', () => {
  it('answers what negativationDueOn and reconcileDueOn answer, for the invoice unpaid and paid', () => {
    const seen = new Set<string>();
    let checked = 0;
    for (const negativation of states()) {
      seen.add(negativation.status);
      for (const today of daysFor(negativation)) {
        const days = negativationDueDays(negativation, today);
        expect(days, `${negativation.status} on ${today}`).toEqual({
          final: negativation.status === 'recovered' || negativation.status === 'cancelled',
          reconcileIfUnpaid: reconcileDueOn(negativation, false, today),
          reconcileIfPaid: reconcileDueOn(negativation, true, today),
          dueOnIfUnpaid: negativationDueOn(negativation, false, today),
          dueOnIfPaid: negativationDueOn(negativation, true, today),
        });
        // The day after, given by the caller, changes nothing.
        expect(negativationDueDays(negativation, today, addDays(today, 1))).toEqual(days);
        checked++;
      }
    }
    // The walk reached the states whose answers differ: in analysis, processing, at the bureau, registered, paid, removed.
    expect([...seen].sort()).toEqual(['awaiting_return', 'in_analysis', 'negativated', 'processing', 'recovered', 'recovering'].sort());
    expect(checked).toBeGreaterThan(100);
  });
});
