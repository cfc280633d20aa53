import { describe, expect, it } from 'vitest';
import type { Result } from 'neverthrow';
import { calculateLateCharges } from '../../src/agreements/index.js';
import { checkNegativationGuards, reconcile, startNegativation, transition } from '../../src/negativation/index.js';
import { classifyPortfolio } from '../../src/portfolio/index.js';
import { evaluateRuler } from '../../src/ruler/index.js';
import { approval, negativatedEvents, requestInput, run, started } from '../negativation/fixtures.js';
import { autoSettings, exampleRuler } from '../ruler/fixtures.js';

/** The first and last days a civil date can be, crossed both ways. */
const EDGES: readonly (readonly [due: string, asOf: string])[] = [
  ['9999-12-31', '9999-12-31'],
  ['9999-12-31', '1000-01-01'],
  ['1000-01-01', '1000-01-01'],
  ['1000-01-01', '9999-12-31'],
  ['9999-12-24', '9999-12-31'],
  ['9999-12-30', '9999-12-30'],
  ['1000-01-02', '1000-01-02'],
  ['9994-12-30', '9999-12-31'],
];

describe('dates at the edge of the supported range are typed errors or correct results, never a throw', () => {
  const cases: Record<string, (due: string, asOf: string) => Result<unknown, { code: string }> | Promise<Result<unknown, { code: string }>>> = {
    calculateLateCharges: (due, asOf) => calculateLateCharges({ principal: '100.00', dueDate: due, asOf, policy: { graceDays: 5, interest: { kind: 'monthly', percent: '1' } } }),
    startNegativation: (due, asOf) => startNegativation(requestInput({ title: { id: 'inv-1', amount: '373.52', dueDate: due }, on: asOf })),
    checkNegativationGuards: (due, asOf) => checkNegativationGuards({ stage: 'submission', asOf, title: { id: 'inv-1', amount: '373.52', dueDate: due }, notices: [{ channel: 'letter', sentOn: asOf }] }),
    'transition (approval)': (_due, asOf) => transition(started(), { type: 'analysis_approved', on: asOf, actor: 'op' }),
    'transition (notice, then submission)': (_due, asOf) =>
      transition(run(started(), [approval]).negativation, { type: 'notice_sent', on: asOf, actor: 'op', channel: 'letter', proofOfPosting: 'AR-1' }).andThen(({ negativation }) =>
        transition(negativation, { type: 'submitted', on: asOf, actor: 'system' }),
      ),
    'transition (payment)': (_due, asOf) =>
      transition(run(started(), negativatedEvents).negativation, { type: 'payment_received', on: asOf, actor: 'op', kind: 'full', amount: '373.52', paidOn: asOf, fundsAvailableOn: asOf }),
    'transition (removal)': (_due, asOf) =>
      transition(run(started(), negativatedEvents).negativation, { type: 'removal_requested', on: asOf, actor: 'op', paidOutside: { paidOn: asOf, fundsAvailableOn: asOf } }),
    'reconcile (paid)': (due, asOf) => reconcile([run(started(), negativatedEvents).negativation], [{ id: 'inv-1', status: 'paid', dueDate: due, amount: '373.52', paidOn: asOf, fundsAvailableOn: asOf }], asOf),
    'reconcile (open)': (due, asOf) => reconcile([], [{ id: 'inv-1', status: 'open', dueDate: due, amount: '373.52' }], asOf),
    evaluateRuler: (due, asOf) => evaluateRuler({ ruler: exampleRuler, settings: autoSettings, invoices: [{ id: 'i', customerId: 'c', dueDate: due, amount: { cents: 100 } }], asOf: `${asOf}T12:00:00-03:00` }),
    'evaluateRuler (evening, paid)': (due, asOf) =>
      evaluateRuler({ ruler: exampleRuler, settings: autoSettings, invoices: [{ id: 'i', customerId: 'c', dueDate: due, amount: { cents: 100 }, paidOn: due, negativation: { state: 'negativated' } }], asOf: `${asOf}T22:30:00-03:00` }),
    classifyPortfolio: (due, asOf) => classifyPortfolio({ asOf, forwardAfterDays: 10, invoices: [{ id: 'i', customerId: 'c', dueDate: due, amount: '1.00' } as never] }),
  };
  for (const [name, call] of Object.entries(cases)) {
    for (const [due, asOf] of EDGES) {
      // each call returns (a Result); a RangeError or TypeError from date arithmetic fails the test
      it(`${name}: due ${due}, as of ${asOf}`, async () => {
        const result = await call(due, asOf);
        if (result.isErr()) expect(result.error.code).toMatch(/^[a-z_]+$/);
      });
    }
  }
});
