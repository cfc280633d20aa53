import { describe, expect, it } from 'vitest';
import { evaluateRuler, evaluateRulerAsync, evaluateRulerInBatches, type RulerInvoice } from '../../src/ruler/index.js';
import { at, autoSettings, calendar, exampleRuler, exampleSpec, invoice } from './fixtures.js';

describe('evaluateRuler: bad input is a typed error with a path, and nothing half-done', () => {
  it('an invoice without a due date', () => {
    const { dueDate: _drop, ...noDue } = invoice('b', '2026-03-10');
    const result = evaluateRuler({ ruler: exampleRuler, settings: autoSettings, invoices: [invoice('a', '2026-03-10'), noDue as RulerInvoice], asOf: at('2026-03-30'), calendar });
    expect(result._unsafeUnwrapErr()).toMatchObject({ code: 'invalid_input', path: ['invoices', 1, 'dueDate'], message: 'invoices[1].dueDate: the invoice has no due date' });
  });

  it('malformed fields deep inside an invoice', () => {
    const cases: [Partial<RulerInvoice> | Record<string, unknown>, (string | number)[]][] = [
      [{ dueDate: '2026-02-30' }, ['invoices', 0, 'dueDate']],
      [{ amount: 12.5 }, ['invoices', 0, 'amount']],
      [{ payments: [{ date: '2026-03-01', amount: '1,00' }] }, ['invoices', 0, 'payments', 0, 'amount']],
      [{ agreement: { state: 'signed', since: '2026-03-01' } }, ['invoices', 0, 'agreement', 'state']],
      [{ negativation: { state: 'registered' } }, ['invoices', 0, 'negativation', 'state']],
      [{ id: '' }, ['invoices', 0, 'id']],
    ];
    for (const [patch, path] of cases) {
      const bad = { ...invoice('a', '2026-03-10'), ...patch };
      const result = evaluateRuler({ ruler: exampleRuler, invoices: [bad], asOf: at('2026-03-30'), calendar });
      expect(result._unsafeUnwrapErr().path, JSON.stringify(patch)).toEqual(path);
    }
  });

  it('a raw ruler spec is parsed, with its errors under `ruler`', () => {
    const ok = evaluateRuler({ ruler: exampleSpec, settings: { registerAutomatically: 'yes' }, invoices: [invoice('a', '2026-03-10')], asOf: at('2026-03-30'), calendar });
    // D+20: the D-3 reminder is not sent after the fact (skipped as reminder_after_due); SMS, forward and negativate are due
    expect(ok._unsafeUnwrap().due.map((a) => a.stepId)).toEqual(['atraso-sms', 'encaminhar', 'negativar']);
    expect(ok._unsafeUnwrap().skipped.map((s) => [s.stepId, s.reason])).toEqual([['lembrete-email', 'reminder_after_due']]);
    const bad = evaluateRuler({ ruler: { id: 'r', steps: [{ id: 's', offsetDays: 1e9, action: { kind: 'protest' } }] }, invoices: [], asOf: at('2026-03-30') });
    expect(bad._unsafeUnwrapErr().path).toEqual(['ruler', 'steps', 0, 'offsetDays']);
  });

  it('bad settings, as-of, log or invoices container', () => {
    const base = { ruler: exampleRuler, invoices: [], asOf: at('2026-03-30') };
    // @ts-expect-error 'family' is no anchor: the types refuse it as the schema does
    expect(evaluateRuler({ ...base, settings: { anchor: 'family' } })._unsafeUnwrapErr().path).toEqual(['settings', 'general', 'anchor']);
    expect(evaluateRuler({ ...base, asOf: '2026-03-30' })._unsafeUnwrapErr().path).toEqual(['asOf']);
    expect(evaluateRuler({ ...base, done: 'all' as never })._unsafeUnwrapErr().path).toEqual(['done']);
    expect(evaluateRuler({ ...base, invoices: 42 as never })._unsafeUnwrapErr().path).toEqual(['invoices']);
  });

  it('streams: evaluateRulerAsync over an async iterable gives the same result, evaluateRuler refuses one, and a bad invoice stops the batches with an error', async () => {
    async function* source(): AsyncGenerator<RulerInvoice> {
      yield invoice('a', '2026-03-10');
      yield invoice('b', '2026-03-11');
    }
    const fromAsync = await evaluateRulerAsync({ ruler: exampleRuler, invoices: source(), asOf: at('2026-03-30'), calendar, batchSize: 1 });
    expect(evaluateRuler({ ruler: exampleRuler, invoices: source() as never, asOf: at('2026-03-30'), calendar })._unsafeUnwrapErr().path).toEqual(['invoices']);
    const fromArray = evaluateRuler({ ruler: exampleRuler, invoices: [invoice('a', '2026-03-10'), invoice('b', '2026-03-11')], asOf: at('2026-03-30'), calendar });
    expect(fromAsync._unsafeUnwrap().due).toEqual(fromArray._unsafeUnwrap().due);

    const seen: string[] = [];
    for await (const batch of evaluateRulerInBatches({ ruler: exampleRuler, invoices: [invoice('a', '2026-03-10'), { id: 'x' } as never], asOf: at('2026-03-30'), calendar, batchSize: 1 })) {
      seen.push(batch.isOk() ? `ok:${batch.value.invoicesEvaluated}` : `err:${JSON.stringify(batch.error.path)}`);
    }
    expect(seen).toEqual(['ok:1', 'err:["invoices",1,"customerId"]']);
  });
});
