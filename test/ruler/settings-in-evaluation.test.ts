import { describe, expect, it } from 'vitest';
import { evaluateRuler, type ResolvedSettings, type Ruler, type RulerEvaluation, type RulerInvoice } from '../../src/ruler/index.js';
import { at, calendar, exampleRuler, invoice, rulerOf, settingsOf } from './fixtures.js';

function run(ruler: Ruler, settings: ResolvedSettings, asOf: string, done: string[] = []): RulerEvaluation {
  return evaluateRuler({ ruler, settings, invoices: [invoice('a', '2026-03-10')], asOf, calendar, done })._unsafeUnwrap();
}

const due = (out: RulerEvaluation): [string, string][] => out.due.map((a) => [a.stepId, a.scheduledFor]);

describe('the resolved settings shape the evaluation (seed 002)', () => {
  it('daysToRegister ("Dias para executar") moves the negativation', () => {
    const settings = settingsOf({ registerAutomatically: 'yes', daysToRegister: 20 });
    const log = ['12:regua-padrao|i|1:a|lembrete-email', '12:regua-padrao|i|1:a|atraso-sms', '12:regua-padrao|i|1:a|encaminhar'];
    expect(due(run(exampleRuler, settings, at('2026-03-25'), log))).toEqual([]);
    expect(due(run(exampleRuler, settings, at('2026-03-30'), log))).toEqual([['negativar', '2026-03-30']]);
  });

  it('a contract that says No to automatic registration wins over a general Yes', () => {
    const out = run(exampleRuler, settingsOf({ registerAutomatically: 'yes' }, {}, { registerAutomatically: 'no' }), at('2026-03-25'));
    expect(out.disabledSteps).toEqual([{ stepId: 'negativar', reason: 'automatic_registration_off' }]);
  });

  it('a negativation whose notice channel is disabled is not requested at all', () => {
    const out = run(exampleRuler, settingsOf({ registerAutomatically: 'yes', enabledChannels: ['letter'] }), at('2026-03-25'));
    expect(out.disabledSteps).toEqual([
      { stepId: 'lembrete-email', reason: 'channel_disabled' },
      { stepId: 'atraso-sms', reason: 'channel_disabled' },
      { stepId: 'negativar', reason: 'notice_too_late' },
    ]);
    expect(due(out)).toEqual([['encaminhar', '2026-03-20']]);
  });

  it('daysToNextAction ("Dias para a próxima ação") follows the registration that took effect, counted from the day the bureau accepted it', () => {
    const settings = settingsOf({ registerAutomatically: 'yes', daysToNextAction: 5, defaultContactType: 'whatsapp' });
    const log = ['lembrete-email', 'atraso-sms', 'encaminhar', 'negativar'].map((id) => `12:regua-padrao|i|1:a|${id}`);
    const follow = (negativation: RulerInvoice['negativation'], asOf: string) =>
      evaluateRuler({ ruler: exampleRuler, settings, invoices: [invoice('a', '2026-03-10', negativation ? { negativation } : {})], asOf: at(asOf), calendar, done: log })._unsafeUnwrap().due;
    // requested on D+15 but refused, or still at the bureau: no follow-up, ever
    expect(follow(undefined, '2026-04-30')).toEqual([]);
    expect(follow({ state: 'failed' }, '2026-04-30')).toEqual([]);
    expect(follow({ state: 'awaiting_return' }, '2026-04-30')).toEqual([]);
    // accepted on 2026-04-06: the follow-up is due five days later, not five days after the step
    expect(follow({ state: 'negativated', registeredOn: '2026-04-06' }, '2026-04-10')).toEqual([]);
    expect(follow({ state: 'negativated', registeredOn: '2026-04-06' }, '2026-04-13').map((a) => [a.stepId, a.scheduledFor, a.action])).toEqual([
      ['negativar+next-action', '2026-04-13', { kind: 'notify', channel: 'whatsapp', template: 'after-negativation' }],
    ]);
  });

  it('notify steps on `default` use defaultContactType; daysToForwardToCollections moves the forward step', () => {
    const ruler = rulerOf({
      id: 'r',
      steps: [
        { id: 'aviso', offsetDays: 2, action: { kind: 'notify', channel: 'default', template: 't' } },
        { id: 'encaminhar', offsetDays: 10, action: { kind: 'forward_to_collections' } },
      ],
    });
    const out = run(ruler, settingsOf({ defaultContactType: 'push' }, { daysToForwardToCollections: 5 }), at('2026-03-16'));
    expect(out.due.map((a) => [a.stepId, a.action.kind === 'notify' ? a.action.channel : '-', a.scheduledFor])).toEqual([
      ['aviso', 'push', '2026-03-12'],
      ['encaminhar', '-', '2026-03-16'],
    ]);
  });

  it('removeAutomatically No disables the removal request', () => {
    const ruler = rulerOf({ id: 'r', steps: [{ id: 'remover', offsetDays: 0, action: { kind: 'remove_negativation' } }] });
    const paid = { ...invoice('a', '2026-03-10'), paidOn: '2026-03-12', negativation: { state: 'negativated' as const } };
    const on = evaluateRuler({ ruler, invoices: [paid], asOf: at('2026-03-12'), calendar })._unsafeUnwrap();
    expect(on.due.map((a) => a.stepId)).toEqual(['remover']);
    const off = evaluateRuler({ ruler, settings: settingsOf({}, { removeAutomatically: 'no' }), invoices: [paid], asOf: at('2026-03-12'), calendar })._unsafeUnwrap();
    expect([off.due, off.disabledSteps]).toEqual([[], [{ stepId: 'remover', reason: 'automatic_removal_off' }]]);
  });
});
