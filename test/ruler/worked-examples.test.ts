import { describe, expect, it } from 'vitest';
import { addDays, civilDate, fromEpochDay, toEpochDay } from '../../src/calendar/index.js';
import { evaluateRuler, type RulerEvaluation, type RulerInvoice, type Ruler, type ResolvedSettings } from '../../src/ruler/index.js';
import { at, autoSettings, calendar, exampleRuler, invoice, rulerOf, settingsOf } from './fixtures.js';

function run(ruler: Ruler, settings: ResolvedSettings, invoices: RulerInvoice[], asOf: string, done: string[] = []): RulerEvaluation {
  const result = evaluateRuler({ ruler, settings, invoices, asOf, calendar, done });
  if (result.isErr()) throw new Error(result.error.message);
  return result.value;
}

/** Runs the job every day at `time` from `from` to `to`, logging what it does; returns step id → day it ran. */
function dailyJob(ruler: Ruler, settings: ResolvedSettings, invoices: RulerInvoice[], from: string, to: string, time = '10:00'): Map<string, string> {
  const log: string[] = [];
  const ran = new Map<string, string>();
  for (let day = toEpochDay(civilDate(from)); day <= toEpochDay(civilDate(to)); day++) {
    const date = fromEpochDay(day);
    const out = run(ruler, settings, invoices, at(date, time), log);
    for (const action of out.due) {
      expect(ran.has(action.stepId), `${action.stepId} ran twice`).toBe(false);
      ran.set(action.stepId, date);
      log.push(action.key);
    }
    for (const skip of out.skipped) log.push(skip.key);
  }
  return ran;
}

describe('the example ruler: D-3 e-mail, D+1 SMS, D+10 forward, D+15 negativate', () => {
  it('runs every step exactly once, on its day, over a month of daily runs', () => {
    // Due Tuesday 2026-03-10. D-3 is Saturday 7: a reminder before the due date moves back to Friday 6.
    const ran = dailyJob(exampleRuler, autoSettings, [invoice('a', '2026-03-10')], '2026-02-20', '2026-04-30');
    expect(Object.fromEntries(ran)).toEqual({
      'lembrete-email': '2026-03-06',
      'atraso-sms': '2026-03-11',
      encaminhar: '2026-03-20',
      negativar: '2026-03-25',
    });
  });

  it('hands the negativation over as a request (handover), never as a registration', () => {
    const out = run(exampleRuler, autoSettings, [invoice('a', '2026-03-10')], at('2026-03-25'), [
      '12:regua-padrao|i|1:a|lembrete-email',
      '12:regua-padrao|i|1:a|atraso-sms',
      '12:regua-padrao|i|1:a|encaminhar',
    ]);
    expect(out.due.map((a) => [a.stepId, a.handover])).toEqual([['negativar', 'negativation']]);
    expect(out.due[0]?.daysOverdue).toBe(15);
  });

  it('with automatic registration off (the default), the negativate step is disabled and reported once', () => {
    const out = run(exampleRuler, settingsOf(), [invoice('a', '2026-03-10')], at('2026-03-25'));
    expect(out.due.map((a) => a.stepId)).not.toContain('negativar');
    expect(out.disabledSteps).toEqual([{ stepId: 'negativar', reason: 'automatic_registration_off' }]);
  });

  it('does not register an invoice whose negativation is already in progress (skips it with a reason)', () => {
    const inv = invoice('a', '2026-03-10', { negativation: { state: 'processing' } });
    const out = run(exampleRuler, autoSettings, [inv], at('2026-03-25'), ['12:regua-padrao|i|1:a|encaminhar', '12:regua-padrao|i|1:a|atraso-sms', '12:regua-padrao|i|1:a|lembrete-email']);
    expect(out.due).toEqual([]);
    expect(out.skipped.map((s) => [s.stepId, s.reason])).toEqual([['negativar', 'negativation_in_progress']]);
  });
});

describe('a due date before a holiday (Thursday 19 Nov 2026; Friday 20 Nov is Consciência Negra)', () => {
  const inv = invoice('h', '2026-11-19');

  it('moves a business-day-only D+1 SMS to Monday 23 Nov', () => {
    const ran = dailyJob(exampleRuler, autoSettings, [inv], '2026-11-10', '2026-11-30');
    expect(ran.get('atraso-sms')).toBe('2026-11-23');
    expect(ran.get('lembrete-email')).toBe('2026-11-16');
  });

  it('defers a D+1 SMS allowed on non-business days from the holiday to Saturday 8h (the contact window)', () => {
    const ruler = rulerOf({ id: 'r', steps: [{ id: 'sms', offsetDays: 1, runsOnNonBusinessDays: true, action: { kind: 'notify', channel: 'sms', template: 't' } }] });
    const onHoliday = run(ruler, settingsOf(), [inv], at('2026-11-20', '10:00'));
    expect(onHoliday.contactWindowOpen).toBe(false);
    expect(onHoliday.due).toEqual([]);
    expect(onHoliday.deferred.map((d) => [d.stepId, d.scheduledFor, d.notBefore])).toEqual([
      ['sms', '2026-11-20', { date: '2026-11-21', minuteOfDay: 480, instant: '2026-11-21T11:00:00.000Z' }],
    ]);
    const saturday = run(ruler, settingsOf(), [inv], at('2026-11-21', '08:00'));
    expect(saturday.due.map((d) => d.stepId)).toEqual(['sms']);
  });

  it('a due date on the holiday itself is payable on Monday, so a D+1 step waits for Tuesday', () => {
    const ruler = rulerOf({ id: 'r', steps: [{ id: 'sms', offsetDays: 1, runsOnNonBusinessDays: true, action: { kind: 'notify', channel: 'sms', template: 't' } }] });
    const ran = dailyJob(ruler, settingsOf(), [invoice('x', '2026-11-20')], '2026-11-18', '2026-11-30');
    expect(ran.get('sms')).toBe('2026-11-24');
  });
});

describe('a Sunday', () => {
  const ruler = rulerOf({
    id: 'r',
    steps: [
      { id: 'sms', offsetDays: 2, runsOnNonBusinessDays: true, action: { kind: 'notify', channel: 'sms', template: 't' } },
      { id: 'forward', offsetDays: 2, runsOnNonBusinessDays: true, action: { kind: 'forward_to_collections' } },
    ],
  });
  // Due Friday 2026-03-13; D+2 is Sunday 15.
  it('defers contacts to Monday 8h but lets non-contact steps run', () => {
    const out = run(ruler, settingsOf(), [invoice('s', '2026-03-13')], at('2026-03-15', '12:00'));
    expect(out.due.map((a) => a.stepId)).toEqual(['forward']);
    expect(out.deferred.map((a) => [a.stepId, a.notBefore.date, a.notBefore.minuteOfDay])).toEqual([['sms', '2026-03-16', 480]]);
  });

  it('a business-day-only step due on a Sunday waits for Monday', () => {
    const strict = rulerOf({ id: 'r', steps: [{ id: 'sms', offsetDays: 2, action: { kind: 'notify', channel: 'sms', template: 't' } }] });
    expect(run(strict, settingsOf(), [invoice('s', '2026-03-13')], at('2026-03-15', '12:00')).deferred).toEqual([]);
    expect(run(strict, settingsOf(), [invoice('s', '2026-03-13')], at('2026-03-16', '12:00')).due.map((a) => a.scheduledFor)).toEqual(['2026-03-16']);
  });
});

describe('a job that did not run for a week', () => {
  const ruler = rulerOf({
    id: 'r',
    steps: [
      { id: 'email-0', offsetDays: 0, action: { kind: 'notify', channel: 'email', template: 'vence-hoje' } },
      { id: 'sms-1', offsetDays: 1, action: { kind: 'notify', channel: 'sms', template: 'a' } },
      { id: 'sms-3', offsetDays: 3, action: { kind: 'notify', channel: 'sms', template: 'b' } },
      { id: 'sms-5', offsetDays: 5, action: { kind: 'notify', channel: 'sms', template: 'c' } },
      { id: 'task-4', offsetDays: 4, action: { kind: 'create_task', title: 'ligar' } },
    ],
  });

  it('catches up with only the latest message per channel; stale ones are reported as superseded', () => {
    // Due Tuesday 2026-03-10; the job last ran on the 9th and comes back on Tuesday the 17th.
    const out = run(ruler, settingsOf(), [invoice('w', '2026-03-10')], at('2026-03-17'));
    expect(out.due.map((a) => [a.stepId, a.scheduledFor]).sort()).toEqual([
      ['email-0', '2026-03-10'],
      ['sms-5', '2026-03-16'],
      ['task-4', '2026-03-16'],
    ]);
    expect(out.skipped.map((s) => [s.stepId, s.reason, s.supersededBy]).sort()).toEqual([
      ['sms-1', 'superseded', 'sms-5'],
      ['sms-3', 'superseded', 'sms-5'],
    ]);
  });

  it('a step with staleAfterDays is skipped as stale rather than sent days late', () => {
    const fresh = rulerOf({
      id: 'r',
      steps: [
        { id: 'lembrete', offsetDays: -3, staleAfterDays: 2, action: { kind: 'notify', channel: 'email', template: 'lembrete' } },
        { id: 'tarefa', offsetDays: 1, action: { kind: 'create_task', title: 'ligar' } },
      ],
    });
    // Due Tuesday 2026-03-10; reminder day is Saturday 7 → Friday 6. Found on Monday 9 (3 days late): stale.
    const out = run(fresh, settingsOf(), [invoice('w', '2026-03-10')], at('2026-03-09'));
    expect(out.due).toEqual([]);
    expect(out.skipped.map((s) => [s.stepId, s.reason, s.scheduledFor])).toEqual([['lembrete', 'stale', '2026-03-06']]);
    // Two days late is still in time.
    expect(run(fresh, settingsOf(), [invoice('w', '2026-03-10')], at('2026-03-08')).deferred.map((a) => a.stepId)).toEqual(['lembrete']);
  });

  it('then, with that run logged, the next day has nothing new', () => {
    const first = run(ruler, settingsOf(), [invoice('w', '2026-03-10')], at('2026-03-17'));
    const log = [...first.due, ...first.skipped].map((a) => a.key);
    const next = run(ruler, settingsOf(), [invoice('w', '2026-03-10')], at('2026-03-18'), log);
    expect([...next.due, ...next.skipped, ...next.deferred]).toEqual([]);
  });
});

describe('a payment on D+12', () => {
  const spec = {
    id: 'r',
    steps: [
      { id: 'carta', offsetDays: 1, action: { kind: 'notify', channel: 'letter', template: 'aviso' } },
      { id: 'suspender', offsetDays: 10, action: { kind: 'suspend_service' } },
      { id: 'negativar', offsetDays: 15, action: { kind: 'negativate' } },
      { id: 'religar', offsetDays: 0, action: { kind: 'restore_service' } },
      { id: 'remover', offsetDays: 0, action: { kind: 'remove_negativation' } },
    ],
  };
  const ruler = rulerOf(spec);
  // Due Tuesday 2026-03-10; paid in full on Sunday 22 (D+12).
  const paid = invoice('p', '2026-03-10', { payments: [{ date: '2026-03-22', amount: { cents: 10_000 } }] });

  it('stops the ruler at once: no negativation on D+15, and the service is restored once its suspension took effect', () => {
    const ran = dailyJob(ruler, autoSettings, [{ ...paid, serviceCutOn: '2026-03-20' }], '2026-03-01', '2026-04-15');
    expect(Object.fromEntries(ran)).toEqual({
      carta: '2026-03-11',
      suspender: '2026-03-20',
      religar: '2026-03-23', // settlement on Sunday 22; restore runs on the next business day
    });
  });

  it('no restore without a suspension that took effect (a suspend step asked for but never performed)', () => {
    const ran = dailyJob(ruler, autoSettings, [paid], '2026-03-01', '2026-04-15');
    expect(Object.fromEntries(ran)).toEqual({ carta: '2026-03-11', suspender: '2026-03-20' });
  });

  it('before the payment date the invoice is still open', () => {
    const out = run(ruler, autoSettings, [paid], at('2026-03-21'), ['1:r|i|1:p|carta']);
    expect(out.due.map((a) => a.stepId)).toEqual(['suspender']);
  });

  it('an invoice already registered gets a removal request right after payment', () => {
    const registered = { ...paid, negativation: { state: 'negativated' as const } };
    const out = run(ruler, autoSettings, [registered], at('2026-03-23'));
    expect(out.due.map((a) => [a.stepId, a.handover])).toEqual([['remover', 'negativation']]);
  });

  it('an active agreement covers the invoice and stops the ruler too', () => {
    const covered = invoice('p', '2026-03-10', { agreement: { state: 'active', since: '2026-03-12' } });
    const out = run(ruler, autoSettings, [covered], at('2026-03-30'));
    expect(out.due).toEqual([]);
    const broken = invoice('p', '2026-03-10', { agreement: { state: 'broken', since: '2026-03-12' } });
    expect(run(ruler, autoSettings, [broken], at('2026-03-30')).due.map((a) => a.stepId).sort()).toEqual(['carta', 'negativar', 'suspender']);
  });

  it('uses the updated amount for a minimum-amount condition when the application provides it', () => {
    const conditional = rulerOf({
      id: 'r',
      steps: [{ id: 'tarefa', offsetDays: 5, conditions: { minAmount: '150.00' }, action: { kind: 'create_task', title: 'ligar' } }],
    });
    const base = invoice('u', '2026-03-10');
    expect(run(conditional, settingsOf(), [base], at('2026-03-20')).due).toEqual([]);
    const updated = { ...base, updatedAmount: { cents: 15_500 } };
    expect(run(conditional, settingsOf(), [updated], at('2026-03-20')).due.map((a) => a.openAmount.cents)).toEqual([15_500]);
  });
});

describe('once per customer, anchored to the earliest unpaid invoice', () => {
  it('fires one action per customer and re-anchors when that invoice is paid', () => {
    const ruler = rulerOf({ id: 'r', steps: [{ id: 'sms', offsetDays: 1, action: { kind: 'notify', channel: 'sms', template: 't' } }] });
    const settings = settingsOf({ anchor: 'customer' });
    const a = { ...invoice('a', '2026-03-10'), customerId: 'joao' };
    const b = { ...invoice('b', '2026-03-05'), customerId: 'joao' };
    const first = run(ruler, settings, [a, b], at('2026-03-12'));
    expect(first.due.map((x) => [x.subject, x.invoiceId, x.openAmount.cents])).toEqual([['customer', 'b', 20_000]]);
    const paidB = { ...b, paidOn: '2026-03-13' };
    const later = run(ruler, settings, [a, paidB], at('2026-03-16'), first.due.map((x) => x.key));
    expect(later.due.map((x) => x.invoiceId)).toEqual(['a']);
  });
});

describe('time zones', () => {
  it('reads the as-of instant in São Paulo whatever the process time zone', () => {
    // 02:00 UTC on the 11th is still 23:00 on the 10th in São Paulo: the D+1 SMS is not due yet.
    const out = run(exampleRuler, autoSettings, [invoice('a', '2026-03-10')], '2026-03-11T02:00:00Z', ['12:regua-padrao|i|1:a|lembrete-email']);
    expect(out.asOf).toEqual({ date: '2026-03-10', minuteOfDay: 1380 });
    expect([...out.due, ...out.deferred]).toEqual([]);
    const morning = run(exampleRuler, autoSettings, [invoice('a', '2026-03-10')], '2026-03-11T11:00:00Z', ['12:regua-padrao|i|1:a|lembrete-email']);
    expect(morning.due.map((a) => [a.stepId, a.scheduledFor])).toEqual([['atraso-sms', addDays(civilDate('2026-03-10'), 1)]]);
  });
});
