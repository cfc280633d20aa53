import { describe, expect, it } from 'vitest';
import { evaluateRuler, evaluateRulerInBatchesSync, type RulerInvoice } from '../../src/ruler/index.js';
import { at, calendar, rulerOf, settingsOf } from './fixtures.js';

/*
 * Worked examples of the wake days on a seed-002-like ruler: a reminder at D-5, a message on the due
 * day, D+3, D+10, registration at D+30, a follow-up 5 days after the bureau accepted it, and removal
 * 2 days after payment. The invoice is due on Friday 20 November 2026 (Consciência Negra, a national
 * holiday): payable on Monday 23.
 */
const ruler = rulerOf({
  id: 'regua-002',
  steps: [
    { id: 'lembrete', offsetDays: -5, action: { kind: 'notify', channel: 'email', template: 'lembrete' } },
    { id: 'vence-hoje', offsetDays: 0, action: { kind: 'notify', channel: 'sms', template: 'hoje', text: 'Sua fatura vence hoje.' } },
    { id: 'atraso', offsetDays: 3, action: { kind: 'notify', channel: 'whatsapp', template: 'atraso' } },
    { id: 'cobranca', offsetDays: 10, action: { kind: 'notify', channel: 'email', template: 'cobranca' } },
    { id: 'negativar', offsetDays: 30, action: { kind: 'negativate' } },
    { id: 'baixa', offsetDays: 2, action: { kind: 'remove_negativation' } },
  ],
});
const settings = settingsOf({ registerAutomatically: 'yes', daysToNextAction: 5 });
const invoice: RulerInvoice = { id: 'fat-1', customerId: 'maria', dueDate: '2026-11-20', amount: { cents: 37_352 } };

/** Evaluates on `date` at 10h with the log, logs every outcome, and answers the step ids it found and the wake day. */
function day(date: string, invoices: readonly RulerInvoice[], log: Set<string>, extra: object = {}): { steps: string[]; wake: string | undefined } {
  const result = evaluateRuler({ ruler, settings, invoices, asOf: at(date), calendar, done: log, wakes: true, ...extra });
  if (result.isErr()) throw new Error(result.error.message);
  const outcomes = [...result.value.due, ...result.value.deferred, ...result.value.skipped];
  for (const outcome of outcomes) log.add(outcome.key);
  return { steps: outcomes.map((o) => o.stepId), wake: result.value.wakes?.get('fat-1') };
}

describe('the ruler’s wake days, worked examples', () => {
  it('an open invoice wakes on each step’s business day, then only a write wakes it', () => {
    const log = new Set<string>();
    // Tuesday 10 Nov: nothing yet; the D-5 reminder (Sunday 15, a holiday) moves back to Friday 13.
    expect(day('2026-11-10', [invoice], log)).toEqual({ steps: [], wake: '2026-11-13' });
    expect(day('2026-11-13', [invoice], log)).toEqual({ steps: ['lembrete'], wake: '2026-11-23' });
    // The due day (a holiday) moves to Monday 23; D+3 (Monday 23) is not after the payable day: Tuesday 24.
    expect(day('2026-11-23', [invoice], log)).toEqual({ steps: ['vence-hoje'], wake: '2026-11-24' });
    expect(day('2026-11-24', [invoice], log)).toEqual({ steps: ['atraso'], wake: '2026-11-30' });
    // D+30 is Sunday 20 December: Monday 21.
    expect(day('2026-11-30', [invoice], log)).toEqual({ steps: ['cobranca'], wake: '2026-12-21' });
    // The registration request is the last open step: nothing left that time alone brings.
    expect(day('2026-12-21', [invoice], log)).toEqual({ steps: ['negativar'], wake: undefined });
    // The bureau accepts on Tuesday 22 (a write): the follow-up is 5 days later, Sunday 27 → Monday 28.
    const registered: RulerInvoice = { ...invoice, negativation: { state: 'negativated', registeredOn: '2026-12-22' } };
    expect(day('2026-12-22', [registered], log)).toEqual({ steps: [], wake: '2026-12-28' });
    expect(day('2026-12-28', [registered], log)).toEqual({ steps: ['negativar+next-action'], wake: undefined });
    // Paid on Monday 4 January 2027 (a write): the removal is 2 days after, Wednesday 6.
    const paid: RulerInvoice = { ...registered, paidOn: '2027-01-04' };
    expect(day('2027-01-04', [paid], log)).toEqual({ steps: [], wake: '2027-01-06' });
    expect(day('2027-01-06', [paid], log)).toEqual({ steps: ['baixa'], wake: undefined });
  });

  it('a first look after missed days catches up per channel, then wakes on the next step', () => {
    const log = new Set<string>();
    // First evaluated on Wednesday 2 December: the e-mail channel sends only D+10 (the reminder is superseded).
    const first = day('2026-12-02', [invoice], log);
    expect(first.steps.sort()).toEqual(['atraso', 'cobranca', 'lembrete', 'vence-hoje']);
    expect(first.wake).toBe('2026-12-21');
  });

  it('a payment dated later wakes the invoice on that day; the app’s unlogged outcome is its own to wake tomorrow', () => {
    const log = new Set<string>();
    const paysLater: RulerInvoice = { ...invoice, payments: [{ date: '2026-11-18', amount: { cents: 37_352 } }] };
    // Reminder logged on Friday 13; the payment dated Wednesday 18 settles it that day.
    expect(day('2026-11-13', [paysLater], log)).toEqual({ steps: ['lembrete'], wake: '2026-11-18' });
    expect(day('2026-11-18', [paysLater], log)).toEqual({ steps: [], wake: undefined });
  });

  it('a condition on the days overdue wakes the invoice on the day it is reached; an unmet minimum amount, tomorrow while late charges grow it', () => {
    const conditional = rulerOf({
      id: 'condicional',
      steps: [
        { id: 'ligar', offsetDays: 1, conditions: { minDaysOverdue: 8 }, action: { kind: 'create_task', title: 'ligar' } },
        { id: 'carta', offsetDays: 1, conditions: { minAmount: '500.00' }, action: { kind: 'notify', channel: 'letter', template: 'carta' } },
      ],
    });
    const wakeOf = (invoices: readonly RulerInvoice[], date: string): string | undefined => {
      const result = evaluateRuler({ ruler: conditional, settings: settingsOf(), invoices, asOf: at(date), calendar, wakes: true });
      if (result.isErr()) throw new Error(result.error.message);
      return result.value.wakes?.get('fat-1');
    };
    // Due Friday 20 (payable Monday 23): `ligar`'s own day is Tuesday 24, but it is 8 days overdue only on
    // Saturday 28, the day it becomes due (a condition is read on the evaluation day, not shifted).
    const small = { ...invoice, amount: { cents: 10_000 } };
    expect(wakeOf([small], '2026-11-24')).toBe('2026-11-28');
    // With `updatedAmount` (late charges as of the day) under the minimum, the letter may be due tomorrow.
    expect(wakeOf([{ ...small, updatedAmount: { cents: 10_300 } }], '2026-11-24')).toBe('2026-11-25');
  });

  it('customer-anchored steps come in the last batch under the anchor invoice’s id', () => {
    const perCustomer = settingsOf({ registerAutomatically: 'yes', anchor: 'customer' });
    const invoices: RulerInvoice[] = [
      { ...invoice, id: 'fat-2', dueDate: '2026-12-10' },
      { ...invoice, id: 'fat-1' },
    ];
    const batches = [...evaluateRulerInBatchesSync({ ruler, settings: perCustomer, invoices, asOf: at('2026-11-10'), calendar, wakes: true, batchSize: 1 })].map((b) => {
      if (b.isErr()) throw new Error(b.error.message);
      return [...(b.value.wakes ?? new Map<string, string>())];
    });
    // Two invoice batches (nothing dated to wake them on their own), then the customer's: anchored to fat-1, due first.
    expect(batches).toEqual([[], [], [['fat-1', '2026-11-13']]]);
  });
});
