/**
 * The agreements engine against the built package, each contender in its own
 * process (alternated), results checked equal before timing:
 *   - `calculateLateCharges`, one call with strings in, against a straightforward
 *     decimal.js computation from the same strings (the anchor a user would write),
 *     with a deeply frozen policy (compiled once) and with a plain mutable one
 *     (its JSON compared on every call);
 *   - the compiled batch path over a portfolio against the same decimal.js code;
 *   - `proposeAgreement` with 12 installments, against the zod parse of the same
 *     input alone (both accept the same inputs: the digest compared first).
 * Run: npm run build && npx tsx bench/agreements.ts   (INVOICES=… to resize the batch)
 */
import { Decimal } from 'decimal.js';
import { brazilianCalendar, civilDate, toEpochDay } from '../src/calendar/index.js';
import { referenceLateCharges, type ReferencePolicy } from '../test/agreements/support/late-charges-reference.js';
import { built } from './harness/built.js';
import { compare } from './harness/compare.js';
import { keep, runContenderIfChild, type Contender } from './harness/sample.js';
import { lcg } from './harness/random.js';
import type { ProposalInput } from '../src/agreements/index.js';

const CALLS = 100_000;
const BATCH = Number(process.env.INVOICES ?? 1_000_000);
const PROPOSALS = 20_000;
const CHECKED = 2_000;
/** Invoices of the batch rows whose totals are compared before timing (no more than the batch has). */
const BATCH_CHECKED = Math.min(CHECKED, BATCH);
const AS_OF = '2026-11-24';

/** The per-call inputs: principal as text, due dates over two years (some not yet due). */
const random = lcg(42);
const calls = Array.from({ length: CALLS }, () => {
  const cents = Math.floor(random() * 2_000_000) + 100;
  const due = toEpochDay(civilDate('2024-11-01')) + Math.floor(random() * 760);
  return { principal: (cents / 100).toFixed(2), dueDate: new Date(due * 86_400_000).toISOString().slice(0, 10) };
});
/** The policy as a host keeps it: deeply frozen, so it is compiled once and reused by identity. */
const policy = Object.freeze({ fine: Object.freeze({ percent: '2' }), interest: Object.freeze({ kind: 'monthly', percent: '1' }) } as const);
/** The same policy as a plain mutable object: reused only after its JSON is compared on every call. */
const mutablePolicy = { fine: { percent: '2' }, interest: { kind: 'monthly', percent: '1' } } as const;
const reference: ReferencePolicy = { finePercent: '2', consumerCapPercent: '2', interest: { kind: 'monthly', percent: '1' }, graceDays: 0, rounding: 'half_up' };

function oneCallOurs(): Promise<Contender> {
  return oneCallWith(policy);
}

function oneCallMutablePolicy(): Promise<Contender> {
  return oneCallWith(mutablePolicy);
}

async function oneCallWith(policyObject: typeof mutablePolicy): Promise<Contender> {
  const { calculateLateCharges } = await built('agreements');
  const total = (c: (typeof calls)[number]): number => {
    const r = calculateLateCharges({ principal: c.principal, dueDate: c.dueDate, asOf: AS_OF, policy: policyObject });
    return r.isOk() ? r.value.total.cents : -1;
  };
  return { check: () => calls.slice(0, CHECKED).map(total).join(), operations: CALLS, run: () => calls.forEach((c) => keep(total(c))) };
}

function oneCallDecimal(): Contender {
  const calendar = brazilianCalendar();
  const asOf = toEpochDay(civilDate(AS_OF));
  const total = (c: (typeof calls)[number]): number => {
    const cents = new Decimal(c.principal).times(100).toNumber();
    return referenceLateCharges(cents, toEpochDay(civilDate(c.dueDate)), asOf, reference, calendar).total;
  };
  return { check: () => calls.slice(0, CHECKED).map(total).join(), operations: CALLS, run: () => calls.forEach((c) => keep(total(c))) };
}

/** The portfolio for the batch rows: centavos and due days as columns. */
function portfolio(count: number): { principalCents: Float64Array; dueEpochDays: Int32Array; asOf: number } {
  const r = lcg(7);
  const asOf = toEpochDay(civilDate(AS_OF));
  const first = toEpochDay(civilDate('2020-01-01'));
  const principalCents = new Float64Array(count);
  const dueEpochDays = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    principalCents[i] = Math.floor(r() * 2_000_000) + 100;
    dueEpochDays[i] = first + Math.floor(r() * (asOf + 30 - first));
  }
  return { principalCents, dueEpochDays, asOf };
}

async function batchOurs(): Promise<Contender> {
  const { lateChargesCalculator } = await built('agreements');
  const calculator = lateChargesCalculator(policy, { calendar: brazilianCalendar() });
  if (calculator.isErr()) throw new Error(calculator.error.message);
  const { principalCents, dueEpochDays, asOf } = portfolio(BATCH);
  const totals = (count: number): Float64Array | number[] => {
    const out = calculator.value.batch({ principalCents: principalCents.subarray(0, count), dueEpochDays: dueEpochDays.subarray(0, count), asOfEpochDay: asOf });
    return out.isOk() ? out.value.totalCents : [];
  };
  return { check: () => Array.from(totals(BATCH_CHECKED)).join(), operations: BATCH, run: () => keep(totals(BATCH).length) };
}

function batchDecimal(): Contender {
  const calendar = brazilianCalendar();
  const count = Math.min(BATCH, 100_000);
  const { principalCents, dueEpochDays, asOf } = portfolio(count);
  const totals = (n: number): number[] => Array.from({ length: n }, (_, i) => referenceLateCharges(principalCents[i] ?? 0, dueEpochDays[i] ?? 0, asOf, reference, calendar).total);
  return { check: () => totals(BATCH_CHECKED).join(), operations: count, run: () => keep(totals(count).length) };
}

/** The proposals both rows work on: 3 invoices → 12 installments, each call with its own objects (as a host's requests arrive). */
function proposalInput(i: number): ProposalInput {
  return {
      kind: 'new_proposal',
      asOf: '2026-03-02',
      invoices: [
        { id: `A${i}`, amount: { cents: 60_000 + (i % 997) }, dueDate: '2026-01-10' },
        { id: `B${i}`, amount: { cents: 40_000 + (i % 101) }, dueDate: '2026-02-10' },
        { id: `C${i}`, amount: { cents: 12_345 }, dueDate: '2026-02-20' },
      ],
      selectedInvoiceIds: [`A${i}`, `B${i}`, `C${i}`],
      toleranceDate: '2026-04-30',
      category: 'bench',
      surchargePercent: '5',
      finePercent: '2',
      discountPercent: '3.5',
      discountAmount: '10.00',
      chargesAmount: '5.00',
      feesAmount: '10.00',
      accountPlan: { surcharge: '4.01', fine: '4.02', discount: '4.03', charges: '4.04', fees: '4.05' },
      installments: { kind: 'regular', count: 12, firstDueDate: '2026-03-31', moveToBusinessDay: true, description: 'Acordo', paymentProfile: 'boleto' },
  };
}

async function proposals(): Promise<Contender> {
  const { proposeAgreement } = await built('agreements');
  const inputs = Array.from({ length: PROPOSALS }, (_, i) => proposalInput(i));
  const accepted = (i: number): number => (proposeAgreement(inputs[i] ?? proposalInput(i)).isOk() ? 1 : 0);
  const total = (i: number): number => {
    const r = proposeAgreement(inputs[i] ?? proposalInput(i));
    return r.isOk() ? r.value.plan.installments.length : -1;
  };
  return { check: () => String(Array.from({ length: 200 }, (_, i) => accepted(i)).reduce((a, b) => a + b, 0)), operations: PROPOSALS, run: () => inputs.forEach((_, i) => keep(total(i))) };
}

/** The same proposals with their policy parsed once (`proposalTerms`): each call passes only its case. */
async function proposalsWithTerms(): Promise<Contender> {
  const { proposeAgreement, proposalTerms } = await built('agreements');
  const CASE = new Set(['kind', 'asOf', 'invoices', 'selectedInvoiceIds', 'toleranceDate', 'category', 'installments']);
  const full = Array.from({ length: PROPOSALS }, (_, i) => proposalInput(i));
  const made = proposalTerms(Object.fromEntries(Object.entries(proposalInput(0)).filter(([k]) => !CASE.has(k))) as never);
  if (made.isErr()) throw new Error(made.error.message);
  const terms = made.value;
  const inputs = full.map((p) => ({ terms, ...Object.fromEntries(Object.entries(p).filter(([k]) => CASE.has(k) && k !== 'kind')) }) as never);
  const accepted = (i: number): number => (proposeAgreement(inputs[i] as never).isOk() ? 1 : 0);
  const total = (i: number): number => {
    const r = proposeAgreement(inputs[i] as never);
    return r.isOk() ? r.value.plan.installments.length : -1;
  };
  return { check: () => String(Array.from({ length: 200 }, (_, i) => accepted(i)).reduce((a, b) => a + b, 0)), operations: PROPOSALS, run: () => inputs.forEach((_, i) => keep(total(i))) };
}

/** The anchor: only the zod parse of the same input with the exported schema (what a host validating at its edge pays before any computing). */
async function proposalsSchemaOnly(): Promise<Contender> {
  const { proposalInputSchema } = await built('agreements');
  const inputs = Array.from({ length: PROPOSALS }, (_, i) => proposalInput(i));
  const accepted = (i: number): number => (proposalInputSchema.safeParse(inputs[i] ?? proposalInput(i)).success ? 1 : 0);
  return { check: () => String(Array.from({ length: 200 }, (_, i) => accepted(i)).reduce((a, b) => a + b, 0)), operations: PROPOSALS, run: () => inputs.forEach((_, i) => keep(accepted(i))) };
}

const CONTENDERS: Record<string, () => Contender | Promise<Contender>> = {
  'calculateLateCharges': oneCallOurs,
  'calculateLateCharges, mutable policy': oneCallMutablePolicy,
  'decimal.js from strings': oneCallDecimal,
  'lateChargesCalculator.batch': batchOurs,
  'decimal.js per invoice': batchDecimal,
  'proposeAgreement': proposals,
  'proposeAgreement with proposalTerms': proposalsWithTerms,
  'zod parse of the proposal alone': proposalsSchemaOnly,
};

if (!(await runContenderIfChild(CONTENDERS))) {
  const file = import.meta.filename;
  compare({ work: 'late charges, one call, strings in, frozen policy (fine 2%, 1% a month)', file, ours: 'calculateLateCharges', anchor: 'decimal.js from strings', target: { perSecond: 1_000_000, ratio: 5 } });
  compare({ work: 'late charges, one call, strings in, mutable policy object', file, ours: 'calculateLateCharges, mutable policy', anchor: 'decimal.js from strings' });
  compare({ work: `late charges, compiled batch over ${BATCH.toLocaleString('en-US')} invoices`, file, ours: 'lateChargesCalculator.batch', anchor: 'decimal.js per invoice' });
  compare({ work: 'proposeAgreement, 3 invoices → 12 installments', file, ours: 'proposeAgreement', anchor: 'zod parse of the proposal alone', target: { perSecond: 50_000 } });
  compare({ work: 'proposeAgreement with proposalTerms (policy parsed once), 12 installments', file, ours: 'proposeAgreement with proposalTerms', anchor: 'proposeAgreement', target: { perSecond: 50_000 } });
}
