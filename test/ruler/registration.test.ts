import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NEGATIVATION_STATUSES, isRegistered } from '../../src/lifecycle/index.js';
import { evaluateRuler, type NegativationState, type RulerInvoice } from '../../src/ruler/index.js';
import { at, autoSettings, calendar, invoice, rulerOf } from './fixtures.js';

// A ruler with a removal step after settlement; the invoice is due Tuesday 2026-03-10 and paid on Sunday 22.
const ruler = rulerOf({ id: 'r', steps: [{ id: 'remover', offsetDays: 0, action: { kind: 'remove_negativation' } }] });
const paid = invoice('p', '2026-03-10', { payments: [{ date: '2026-03-22', amount: { cents: 10_000 } }] });

function removalSteps(negativation: RulerInvoice['negativation']): string[] {
  const result = evaluateRuler({ ruler, settings: autoSettings, invoices: [{ ...paid, ...(negativation ? { negativation } : {}) }], asOf: at('2026-03-23'), calendar, done: [] });
  return result._unsafeUnwrap().due.map((action) => action.stepId);
}

describe('the ruler asks the one isRegistered question before a removal step', () => {
  it('does not skip the removal while a negativation is recovering (regression: only negativated counted)', () => {
    expect(removalSteps({ state: 'recovering', registeredOn: '2026-03-01' })).toEqual(['remover']);
    expect(removalSteps({ state: 'recovering' })).toEqual(['remover']);
  });

  it('does not skip the removal while a registered negativation is cancelling (regression: only negativated counted)', () => {
    expect(removalSteps({ state: 'cancelling', registeredOn: '2026-03-01' })).toEqual(['remover']);
  });

  it('needs no removal for what the bureau never accepted', () => {
    expect(removalSteps({ state: 'cancelling' })).toEqual([]);
    expect(removalSteps({ state: 'awaiting_return' })).toEqual([]);
    expect(removalSteps(undefined)).toEqual([]);
  });

  it('emits the removal step exactly when the lifecycle kernel says the bureau holds the registration', () => {
    fc.assert(
      fc.property(fc.constantFrom<NegativationState>(...NEGATIVATION_STATUSES), fc.boolean(), (state, accepted) => {
        const negativation = { state, ...(accepted ? { registeredOn: '2026-03-01' } : {}) };
        const expected = isRegistered({ status: state, registeredOn: negativation.registeredOn });
        expect(removalSteps(negativation)).toEqual(expected ? ['remover'] : []);
      }),
    );
  });
});
