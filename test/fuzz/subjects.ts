import { err } from 'neverthrow';
import { allocate, formatBrl, parseBrl, parseDecimal, parseMoney } from '../../src/money/index.js';
import { brazilianCalendar, calendarOption, parseCivilDate } from '../../src/calendar/index.js';
import { maskPersonalData, parseCnpj, parseCpf, parseTaxId } from '../../src/documents/index.js';
import { agreementStatus, calculateLateCharges, checkEligibility, editInstallment, lateChargesCalculator, owedAmount, proposalTerms, proposeAgreement, type InstallmentPlan } from '../../src/agreements/index.js';
import { startProtest, transitionProtest } from '../../src/protest/index.js';
import { readReturnFile } from '../../src/bank-returns/index.js';
import { checkNegativationGuards, parseNegativation, parseNegativationEvent, parseReconcileInvoices, reconcile, removalDeadline, startNegativation, transition, type Negativation } from '../../src/negativation/index.js';
import { checkSmsText, defineRuler, evaluateRuler, evaluateRulerAsync, evaluateRulerCompact, evaluateRulerInBatches, evaluateRulerInBatchesSync, resolveLevels, resolveSettings, settingsLevelSchema } from '../../src/ruler/index.js';
import { classifyPortfolio, PortfolioClassifier } from '../../src/portfolio/index.js';
import { checkInput, tableRates } from '../../src/index.js';
import { moneySchema } from '../../src/money/index.js';
import { checkConfiguration, createCollections } from '../../src/app/index.js';
import { MemoryStore, readMemorySnapshot } from '../../src/adapters/memory/index.js';
import { createHttpBureauGateway, parseBureauWebhook, signBureauWebhook } from '../../src/adapters/bureau-http/index.js';
import { fakeBureau, manualClock, recordingNotifier, sequentialIds, staticRates } from '../../src/testing/index.js';
import { cnab400Fixture } from '../bank-returns/build-fixtures.js';
import { protestRequest, requested } from '../protest/fixtures.js';
import { seed004Proposal } from '../agreements/support/fixtures.js';
import { calendar, negativatedEvents, requestInput, run, started } from '../negativation/fixtures.js';
import { exampleSpec } from '../ruler/fixtures.js';

/**
 * The input boundaries of the package: every exported function that answers
 * a `Result`, each with a valid input the fuzz mutates (one wrong field, junk)
 * and `covers`, the exported functions it calls (test/fuzz/completeness.test.ts
 * checks that every export is covered here, by the helper fuzz or by a reasoned
 * exclusion). Each must answer any input with a value or a typed error, never a throw.
 */
export interface Subject {
  readonly covers: readonly unknown[];
  readonly valid: unknown;
  readonly call: (input: unknown) => unknown;
}

const plan: InstallmentPlan = proposeAgreement(seed004Proposal())._unsafeUnwrap().plan;
const negativated: Negativation = run(started(), negativatedEvents).negativation;
const lateCharges = { principal: '1000.00', dueDate: '2026-03-10', asOf: '2026-04-09', payments: [{ date: '2026-03-20', amount: '10.00' }], policy: { interest: { kind: 'monthly', percent: '1' } } };
const rulerInput = { invoices: [{ id: 'a', customerId: 'c', dueDate: '2026-03-10', amount: { cents: 10_000 } }], asOf: '2026-03-30T10:00:00-03:00' };
const withRuler = (i: unknown): never => ({ ruler: defineRuler(exampleSpec)._unsafeUnwrap(), calendar: brazilianCalendar(), ...(typeof i === 'object' && i !== null ? i : { invoices: i }) }) as never;
const field = <T>(input: unknown, key: string): T => (typeof input === 'object' && input !== null ? (input as Record<string, unknown>)[key] : undefined) as T;

/** The terms of a new proposal (what `proposalTerms` takes) and its case (what goes with them). */
const CASE_FIELDS = ['kind', 'asOf', 'invoices', 'selectedInvoiceIds', 'toleranceDate', 'category', 'installments'];
const proposalTermsOf = (p: object): unknown => Object.fromEntries(Object.entries(p).filter(([k]) => !CASE_FIELDS.includes(k)));
const proposalCaseOf = (p: object): unknown => Object.fromEntries(Object.entries(p).filter(([k]) => CASE_FIELDS.includes(k) && k !== 'kind'));

/** A signed webhook as the generic profile sends it (the fuzz breaks headers, body, secret or clock). */
const WEBHOOK_NOW = Date.parse('2026-11-03T13:00:00Z');
const webhookBody = JSON.stringify({ id: 'evt-1', type: 'registration.registered', occurredAt: '2026-11-03T12:59:58Z', data: { externalId: 'neg-1', reference: 'SIM-0000001' } });
const webhook = { headers: { 'x-bureau-timestamp': String(WEBHOOK_NOW / 1000), 'x-bureau-signature': signBureauWebhook(webhookBody, 'segredo', WEBHOOK_NOW / 1000) }, rawBody: webhookBody, secret: 'segredo', options: { now: () => WEBHOOK_NOW } };

/** A snapshot of a store holding one customer and one invoice. */
async function snapshotOfOneCustomer(): Promise<unknown> {
  const store = new MemoryStore();
  await store.transaction(async (tx) => {
    await tx.customers.insert({ id: 'c-1', version: 1, name: 'Maria Souza', taxId: '12345678909', kind: 'person' });
    await tx.invoices.insert({ id: 'i-1', version: 1, customerId: 'c-1', amount: { cents: 50_000 }, dueDate: '2026-11-10', status: 'open', paid: { cents: 0 } } as never);
  });
  return JSON.parse(JSON.stringify(store.snapshot())) as unknown;
}
const snapshot = await snapshotOfOneCustomer();

/** Options of `createCollections` (ports and policies). */
const collectionsOptions = {
  store: new MemoryStore(),
  clock: manualClock('2026-11-07T10:00:00-03:00'),
  notifier: recordingNotifier(),
  bureau: fakeBureau(),
  rates: staticRates(),
  calendar: brazilianCalendar(),
  ids: sequentialIds(),
  creditor: { id: 'provedor', name: 'Provedor Internet Ltda', document: '11.222.333/0001-81' },
  ruler: exampleSpec,
  settings: { general: { registerAutomatically: 'yes', minimumDaysOverdue: 15 } },
  lateCharges: { policy: { interest: { kind: 'monthly', percent: '1' } }, interestFromRates: false },
};

/** Drains a (sync or async) generator of results into an array. */
async function drain(batches: AsyncIterable<unknown> | Iterable<unknown>): Promise<unknown[]> {
  const out: unknown[] = [];
  for await (const batch of batches) out.push(batch);
  return out;
}

export const subjects: Record<string, Subject> = {
  parseMoney: { covers: [parseMoney], valid: '373.52', call: (i) => parseMoney(i) },
  parseBrl: { covers: [parseBrl], valid: 'R$ 1.234,56', call: (i) => parseBrl(i) },
  parseDecimal: { covers: [parseDecimal], valid: '2.5', call: (i) => parseDecimal(i) },
  allocate: { covers: [allocate], valid: { total: { cents: 100_000 }, ratios: ['1', '2.5', 3] }, call: (i) => allocate(field(i, 'total'), field(i, 'ratios')) },
  formatBrl: { covers: [], valid: { cents: 37_352 }, call: (i) => parseMoney(i).map(formatBrl) },
  parseCivilDate: { covers: [parseCivilDate], valid: '2026-11-10', call: (i) => parseCivilDate(i) },
  calendarOption: { covers: [calendarOption], valid: calendar, call: (i) => calendarOption(i) },
  parseCpf: { covers: [parseCpf], valid: '123.456.789-09', call: (i) => parseCpf(i) },
  parseCnpj: { covers: [parseCnpj], valid: '12.ABC.345/01DE-35', call: (i) => parseCnpj(i) },
  parseTaxId: { covers: [parseTaxId], valid: '11.222.333/0001-81', call: (i) => parseTaxId(i) },
  maskPersonalData: { covers: [], valid: 'CPF 123.456.789-09, maria@example.com', call: (i) => (typeof i === 'string' ? maskPersonalData(i) : undefined) },
  calculateLateCharges: { covers: [calculateLateCharges], valid: lateCharges, call: (i) => calculateLateCharges(i as never) },
  owedAmount: { covers: [owedAmount], valid: lateCharges, call: (i) => owedAmount(i as never) },
  proposeAgreement: { covers: [proposeAgreement], valid: seed004Proposal(), call: (i) => proposeAgreement(i as never) },
  proposalTerms: { covers: [proposalTerms], valid: proposalTermsOf(seed004Proposal()), call: (i) => proposalTerms(i as never) },
  proposeAgreementWithTerms: { covers: [proposeAgreement], valid: proposalCaseOf(seed004Proposal()), call: (i) => proposeAgreement({ terms: proposalTerms(proposalTermsOf(seed004Proposal()) as never)._unsafeUnwrap(), ...(typeof i === 'object' && i !== null ? i : { asOf: i }) } as never) },
  checkEligibility: { covers: [checkEligibility], valid: seed004Proposal().invoices, call: (i) => checkEligibility(i as never) },
  editInstallment: { covers: [editInstallment], valid: { plan, edit: { changes: [{ number: 1, amount: '400.00' }], rebalance: 'last' } }, call: (i) => editInstallment(field(i, 'plan'), field(i, 'edit')) },
  agreementStatus: { covers: [agreementStatus], valid: { agreement: { toleranceDate: '2026-04-30', plan }, payments: [{ installment: 1, amount: '1.00', date: '2026-03-10' }], asOf: '2026-04-01' }, call: (i) => agreementStatus(field(i, 'agreement'), field(i, 'payments'), field(i, 'asOf')) },
  startNegativation: { covers: [startNegativation], valid: requestInput(), call: (i) => startNegativation(i as never) },
  transition: { covers: [transition], valid: { type: 'payment_received', on: '2026-11-19', actor: 'bank', kind: 'full', amount: '400.00', paidOn: '2026-11-19', fundsAvailableOn: '2026-11-19' }, call: (i) => transition(negativated, i as never, { calendar }) },
  transitionOfJunk: { covers: [transition], valid: negativated, call: (i) => transition(i as never, { type: 'bureau_removed', on: '2026-11-21', actor: 'boa_vista' }, { calendar }) },
  parseNegativation: { covers: [parseNegativation], valid: negativated, call: (i) => parseNegativation(i) },
  parseNegativationEvent: { covers: [parseNegativationEvent], valid: { type: 'bureau_removed', on: '2026-11-21', actor: 'boa_vista' }, call: (i) => parseNegativationEvent(i) },
  parseReconcileInvoices: { covers: [parseReconcileInvoices], valid: [{ id: 'inv-1', status: 'paid', paidOn: '2026-11-19', dueDate: '2026-09-10', amount: '373.52' }], call: (i) => parseReconcileInvoices(i) },
  checkNegativationGuards: { covers: [checkNegativationGuards], valid: { request: requestInput(), on: '2026-10-20' }, call: (i) => checkNegativationGuards(i as never) },
  reconcile: { covers: [reconcile], valid: { invoices: [{ id: 'inv-1', status: 'paid', paidOn: '2026-11-19', dueDate: '2026-09-10', amount: '373.52' }], asOf: '2026-12-15' }, call: (i) => reconcile([negativated], field(i, 'invoices'), field(i, 'asOf'), { calendar }) },
  reconcileOfJunk: { covers: [reconcile], valid: [negativated], call: (i) => reconcile(i as never, [{ id: 'inv-1', status: 'paid', paidOn: '2026-11-19', dueDate: '2026-09-10', amount: '373.52' }], '2026-12-15', { calendar }) },
  removalDeadline: { covers: [removalDeadline], valid: '2026-11-19', call: (i) => removalDeadline(i as never, calendar) },
  defineRuler: { covers: [defineRuler], valid: exampleSpec, call: (i) => defineRuler(i as never) },
  resolveSettings: { covers: [resolveSettings], valid: { registerAutomatically: 'yes' }, call: (i) => resolveSettings(i as never, {}, {}) },
  resolveLevels: { covers: [resolveLevels], valid: [['general', { registerAutomatically: 'yes' }, ['general']], ['branch', {}, ['branch']]], call: (i) => resolveLevels(settingsLevelSchema as never, { registerAutomatically: 'no' }, i as never) },
  checkSmsText: { covers: [checkSmsText], valid: 'Sua fatura venceu.', call: (i) => checkSmsText(i as never) },
  evaluateRuler: { covers: [evaluateRuler], valid: rulerInput, call: (i) => evaluateRuler(withRuler(i)) },
  evaluateRulerAsync: { covers: [evaluateRulerAsync], valid: rulerInput, call: (i) => evaluateRulerAsync(withRuler(i)) },
  evaluateRulerCompact: { covers: [evaluateRulerCompact], valid: rulerInput, call: (i) => evaluateRulerCompact(withRuler(i)).map((c) => c.toEvaluation()) },
  evaluateRulerInBatches: { covers: [evaluateRulerInBatches], valid: rulerInput, call: (i) => drain(evaluateRulerInBatches(withRuler(i))) },
  evaluateRulerInBatchesSync: { covers: [evaluateRulerInBatchesSync], valid: rulerInput, call: (i) => drain(evaluateRulerInBatchesSync(withRuler(i))) },
  lateChargesCalculator: { covers: [lateChargesCalculator], valid: { policy: { interest: { kind: 'series', rates: [{ month: '2026-03', percent: '1' }, { month: '2026-04', percent: '1' }] } }, principal: 100_000, due: 20_522, asOf: 20_560 }, call: (i) =>
    lateChargesCalculator(field(i, 'policy')).andThen((calc) => calc.batch({ principalCents: [field(i, 'principal')], dueEpochDays: [field(i, 'due')], asOfEpochDay: field(i, 'asOf') }).andThen(() => calc.figures(field(i, 'principal'), field(i, 'due'), field(i, 'asOf')))) },
  startProtest: { covers: [startProtest], valid: protestRequest(), call: (i) => startProtest(i as never) },
  transitionProtest: { covers: [transitionProtest], valid: { type: 'withdrawal_requested', on: '2026-11-17', actor: 'op-ana', reason: 'agreement' }, call: (i) => transitionProtest(requested(), i as never, { calendar }) },
  readReturnFile: { covers: [readReturnFile], valid: cnab400Fixture('237'), call: (i) => readReturnFile(i as never) },
  classifyPortfolio: { covers: [classifyPortfolio], valid: { asOf: '2026-06-30', forwardAfterDays: 10, invoices: [{ id: 'a', customerId: 'maria', amount: '100.00', dueDate: '2026-06-20' }], events: [] }, call: (i) => classifyPortfolio(i as never) },
  PortfolioClassifier: { covers: [PortfolioClassifier], valid: { create: { asOf: '2026-06-30', forwardAfterDays: 10 }, invoice: { id: 'a', customerId: 'maria', amount: '100.00', dueDate: '2026-06-20' }, event: undefined, options: {} }, call: (i) =>
    PortfolioClassifier.create(field(i, 'create'), field(i, 'options')).andThen((classifier) => {
      const problem = classifier.addInvoice(field(i, 'invoice')) ?? (field(i, 'event') === undefined ? undefined : classifier.addEvent(field(i, 'event')));
      return problem ? err(problem) : classifier.result();
    }) },
  tableRates: { covers: [tableRates], valid: { legalInterest: { '2026-03': '0.45' }, indexes: { ipca: { '2026-03': '0.38' } } }, call: (i) => tableRates(i as never).asyncMap(async (rates) => [await rates.legalInterestRates('2026-01-01' as never, '2026-12-31' as never), await rates.indexSeries('ipca', '2026-01-01' as never, '2026-12-31' as never)]) },
  checkInput: { covers: [checkInput], valid: { cents: 100 }, call: (i) => checkInput(moneySchema, i) },
  checkConfiguration: { covers: [checkConfiguration], valid: { rulers: { 'regua-padrao': exampleSpec }, bureaus: ['serasa'], settings: { general: { registerAutomatically: 'yes', minimumDaysOverdue: 15 } } }, call: (i) => checkConfiguration(i as never) },
  createCollections: { covers: [createCollections], valid: collectionsOptions, call: (i) => createCollections(i as never) },
  readMemorySnapshot: { covers: [readMemorySnapshot], valid: snapshot, call: (i) => readMemorySnapshot(i) },
  createHttpBureauGateway: { covers: [createHttpBureauGateway], valid: { baseUrl: 'http://127.0.0.1:9', webhookSecret: 'segredo', timeoutMs: 1_000 }, call: (i) => createHttpBureauGateway(i as never) },
  parseBureauWebhook: { covers: [parseBureauWebhook], valid: webhook, call: (i) => parseBureauWebhook(field(i, 'headers'), field(i, 'rawBody'), field(i, 'secret'), field(i, 'options')) },
};
