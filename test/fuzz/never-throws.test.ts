import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocate, formatBrl, parseBrl, parseDecimal, parseMoney } from '../../src/money/index.js';
import { parseCivilDate } from '../../src/calendar/index.js';
import { maskPersonalData, parseCnpj, parseCpf, parseTaxId } from '../../src/documents/index.js';
import { agreementStatus, calculateLateCharges, checkEligibility, editInstallment, lateChargesCalculator, owedAmount, proposeAgreement, type InstallmentPlan } from '../../src/agreements/index.js';
import { startProtest, transitionProtest } from '../../src/protest/index.js';
import { readReturnFile } from '../../src/bank-returns/index.js';
import { cnab400Fixture } from '../bank-returns/build-fixtures.js';
import { protestRequest, requested } from '../protest/fixtures.js';
import { checkNegativationGuards, reconcile, removalDeadline, startNegativation, transition, type Negativation } from '../../src/negativation/index.js';
import { checkSmsText, defineRuler, evaluateRuler, resolveSettings } from '../../src/ruler/index.js';
import { classifyPortfolio } from '../../src/portfolio/index.js';
import { brazilianCalendar } from '../../src/calendar/index.js';
import { seed004Proposal } from '../agreements/support/fixtures.js';
import { calendar, negativatedEvents, requestInput, run, started } from '../negativation/fixtures.js';
import { exampleSpec } from '../ruler/fixtures.js';
import { CALL_BUDGET_MS, FUZZ_RUNS, FUZZ_SEED, checkAnswer, inputsFor } from './hostile.js';

/**
 * Issue 12, "What must show": every public function answers any input with a
 * value or a typed error, in bounded time; it never throws. `npm test` runs a
 * few cases per function with a fixed seed; `npm run fuzz` runs many more.
 */
const plan: InstallmentPlan = proposeAgreement(seed004Proposal())._unsafeUnwrap().plan;
const negativated: Negativation = run(started(), negativatedEvents).negativation;
const lateCharges = { principal: '1000.00', dueDate: '2026-03-10', asOf: '2026-04-09', payments: [{ date: '2026-03-20', amount: '10.00' }], policy: { interest: { kind: 'monthly', percent: '1' } } };

/** Each public function with a valid input to mutate. */
const subjects: Record<string, { readonly valid: unknown; readonly call: (input: unknown) => unknown }> = {
  parseMoney: { valid: '373.52', call: (i) => parseMoney(i) },
  parseBrl: { valid: 'R$ 1.234,56', call: (i) => parseBrl(i) },
  parseDecimal: { valid: '2.5', call: (i) => parseDecimal(i) },
  allocate: { valid: { total: { cents: 100_000 }, ratios: ['1', '2.5', 3] }, call: (i) => allocate((i as { total?: never })?.total as never, (i as { ratios?: never })?.ratios as never) },
  formatBrl: { valid: { cents: 37_352 }, call: (i) => parseMoney(i).map(formatBrl) },
  parseCivilDate: { valid: '2026-11-10', call: (i) => parseCivilDate(i) },
  parseCpf: { valid: '123.456.789-09', call: (i) => parseCpf(i) },
  parseCnpj: { valid: '12.ABC.345/01DE-35', call: (i) => parseCnpj(i) },
  parseTaxId: { valid: '11.222.333/0001-81', call: (i) => parseTaxId(i) },
  maskPersonalData: { valid: 'CPF 123.456.789-09, maria@example.com', call: (i) => (typeof i === 'string' ? maskPersonalData(i) : undefined) },
  calculateLateCharges: { valid: lateCharges, call: (i) => calculateLateCharges(i as never) },
  owedAmount: { valid: lateCharges, call: (i) => owedAmount(i as never) },
  proposeAgreement: { valid: seed004Proposal(), call: (i) => proposeAgreement(i as never) },
  checkEligibility: { valid: seed004Proposal().invoices, call: (i) => checkEligibility(i as never) },
  editInstallment: { valid: { plan, edit: { changes: [{ number: 1, amount: '400.00' }], rebalance: 'last' } }, call: (i) => editInstallment((i as { plan?: never })?.plan as never, (i as { edit?: never })?.edit as never) },
  agreementStatus: { valid: { agreement: { toleranceDate: '2026-04-30', plan }, payments: [{ installment: 1, amount: '1.00', date: '2026-03-10' }], asOf: '2026-04-01' }, call: (i) => {
    const input = i as { agreement?: never; payments?: never; asOf?: never } | null;
    return agreementStatus(input?.agreement as never, input?.payments as never, input?.asOf as never);
  } },
  startNegativation: { valid: requestInput(), call: (i) => startNegativation(i as never) },
  transition: { valid: { type: 'payment_received', on: '2026-11-19', actor: 'bank', kind: 'full', amount: '400.00', paidOn: '2026-11-19', fundsAvailableOn: '2026-11-19' }, call: (i) => transition(negativated, i as never, { calendar }) },
  transitionOfJunk: { valid: negativated, call: (i) => transition(i as never, { type: 'bureau_removed', on: '2026-11-21', actor: 'boa_vista' }, { calendar }) },
  checkNegativationGuards: { valid: { request: requestInput(), on: '2026-10-20' }, call: (i) => checkNegativationGuards(i as never) },
  reconcile: { valid: { invoices: [{ id: 'inv-1', status: 'paid', paidOn: '2026-11-19' }], asOf: '2026-12-15' }, call: (i) => reconcile([negativated], (i as { invoices?: unknown })?.invoices as never, (i as { asOf?: unknown })?.asOf as never, { calendar }) },
  removalDeadline: { valid: '2026-11-19', call: (i) => removalDeadline(i as never, calendar) },
  defineRuler: { valid: exampleSpec, call: (i) => defineRuler(i as never) },
  resolveSettings: { valid: { registerAutomatically: 'yes' }, call: (i) => resolveSettings(i as never, {}, {}) },
  checkSmsText: { valid: 'Sua fatura venceu.', call: (i) => checkSmsText(i as never) },
  evaluateRuler: { valid: { invoices: [{ id: 'a', customerId: 'c', dueDate: '2026-03-10', amount: { cents: 10_000 } }], asOf: '2026-03-30T10:00:00-03:00' }, call: (i) => {
    const ruler = defineRuler(exampleSpec)._unsafeUnwrap();
    return evaluateRuler({ ruler, calendar: brazilianCalendar(), ...(typeof i === 'object' && i !== null ? i : { invoices: i }) } as never);
  } },
  lateChargesCalculator: { valid: { policy: { interest: { kind: 'series', rates: [{ month: '2026-03', percent: '1' }] } }, principal: 100_000, due: 20_522, asOf: 20_560 }, call: (i) => {
    const input = i as { policy?: never; principal?: never; due?: never; asOf?: never } | null;
    return lateChargesCalculator(input?.policy as never).andThen((calc) => calc.batch({ principalCents: [input?.principal as never], dueEpochDays: [input?.due as never], asOfEpochDay: input?.asOf as never }).andThen(() => calc.figures(input?.principal as never, input?.due as never, input?.asOf as never)));
  } },
  startProtest: { valid: protestRequest(), call: (i) => startProtest(i as never) },
  transitionProtest: { valid: { type: 'withdrawal_requested', on: '2026-11-17', actor: 'op-ana', reason: 'agreement' }, call: (i) => transitionProtest(requested(), i as never, { calendar }) },
  readReturnFile: { valid: cnab400Fixture('237'), call: (i) => readReturnFile(i as never) },
  classifyPortfolio: { valid: { asOf: '2026-06-30', forwardAfterDays: 10, invoices: [{ id: 'a', customerId: 'maria', amount: '100.00', dueDate: '2026-06-20' }], events: [] }, call: (i) => classifyPortfolio(i as never) },
};

function timed(name: string, call: () => unknown): unknown {
  const started = performance.now();
  let answer: unknown;
  try {
    answer = call();
  } catch (error) {
    throw new Error(`${name} threw: ${error instanceof Error ? `${error.name}: ${error.message.slice(0, 300)}` : String(error)}`);
  }
  const elapsed = performance.now() - started;
  if (elapsed > CALL_BUDGET_MS) throw new Error(`${name} took ${Math.round(elapsed)} ms (budget ${CALL_BUDGET_MS} ms)`);
  return answer;
}

describe('fuzz: every public function answers any input with a Result, never a throw, in bounded time', () => {
  it.each(Object.entries(subjects))('%s', async (name, subject) => {
    expect(timed(name, () => subject.call(subject.valid)), `${name}'s valid input is answered`).toBeDefined();
    const outcome = await fc.check(
      fc.asyncProperty(inputsFor(subject.valid), async (input) => {
        let answer = timed(name, () => subject.call(input));
        if (answer instanceof Promise) answer = await answer;
        checkAnswer(name, answer);
      }),
      { numRuns: FUZZ_RUNS, seed: FUZZ_SEED },
    );
    // The report names the defect and a short view of the input (a counterexample may be a 1 MB string).
    if (outcome.failed) expect.fail(`${String(outcome.errorInstance instanceof Error ? outcome.errorInstance.message : outcome.errorInstance).slice(0, 600)}\ninput: ${fc.stringify(outcome.counterexample).slice(0, 400)}\nreplay: FUZZ_SEED=${outcome.seed} (path ${outcome.counterexamplePath ?? ''})`);
  });
});
