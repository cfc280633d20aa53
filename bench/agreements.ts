/**
 * Benchmarks of the agreements engine (figures printed, never asserted):
 *   (a) proposals with 12 installments per second;
 *   (b) late charges over 1,000,000 invoices: the compiled integer fast path against a
 *       straightforward decimal.js computation of the same figures (test/agreements/support/
 *       late-charges-reference.ts, with its correction factor memoised per due date as any sane
 *       implementation would), in the same run, with the ratio and a check that both give
 *       identical centavos on every invoice.
 * Run: npx tsx bench/agreements.ts   (one core: the work is single-threaded)
 */
import type { Decimal } from 'decimal.js';
import { lateChargesCalculator, proposeAgreement, type ProposalInput } from '../src/agreements/index.js';
import { brazilianCalendar, civilDate, fromEpochDay, toEpochDay } from '../src/calendar/index.js';
import { referenceLateCharges, type ReferencePolicy } from '../test/agreements/support/late-charges-reference.js';
import { measure, printTable, rssMb } from './support.js';

const INVOICES = Number(process.env.INVOICES ?? 1_000_000);
const PROPOSALS = Number(process.env.PROPOSALS ?? 20_000);

/** A small deterministic generator (the bench is reproducible). */
function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 4_294_967_296;
  };
}

// ---------- (a) proposals ----------
function proposalInput(i: number): ProposalInput {
  return {
    kind: 'new-proposal',
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

function benchProposals(): void {
  const inputs = Array.from({ length: PROPOSALS }, (_, i) => proposalInput(i));
  let checksum = 0;
  const row = measure('(a) proposeAgreement, 3 invoices → 12 installments', PROPOSALS, () => {
    for (const input of inputs) checksum += proposeAgreement(input)._unsafeUnwrap().total.cents;
  }, 3);
  printTable([row]);
  if (checksum === 0) console.log('');
}

// ---------- (b) late charges ----------
function ipcaSeries(): Record<string, string> {
  const random = lcg(7);
  const series: Record<string, string> = {};
  for (let year = 2019; year <= 2027; year++) {
    for (let month = 1; month <= 12; month++) series[`${year}-${String(month).padStart(2, '0')}`] = (random() * 1.2 - 0.1).toFixed(2);
  }
  return series;
}

function benchLateCharges(): void {
  const calendar = brazilianCalendar();
  const variations = ipcaSeries();
  const reference: ReferencePolicy = {
    finePercent: '2',
    consumerCapPercent: '2',
    interest: { kind: 'monthly', percent: '1' },
    correction: { variations, factorDecimals: 8 },
    graceDays: 0,
    rounding: 'half-up',
  };
  const calculator = lateChargesCalculator(
    {
      interest: { kind: 'monthly', percent: '1' },
      fine: { percent: '2' },
      correction: { variations: Object.entries(variations).map(([month, percent]) => ({ month, percent })) },
    },
    { calendar },
  )._unsafeUnwrap();

  const asOf = toEpochDay(civilDate('2026-11-24'));
  const firstDue = toEpochDay(civilDate('2020-01-01'));
  const random = lcg(42);
  const principalCents = new Float64Array(INVOICES);
  const dueEpochDays = new Int32Array(INVOICES);
  for (let i = 0; i < INVOICES; i++) {
    principalCents[i] = Math.floor(random() * 2_000_000) + 100; // R$ 1,00 to R$ 20.000,00
    dueEpochDays[i] = firstDue + Math.floor(random() * (asOf + 30 - firstDue)); // some not yet due
  }

  // Warm-up of both paths on a slice.
  calculator.batch({ principalCents: principalCents.subarray(0, 20_000), dueEpochDays: dueEpochDays.subarray(0, 20_000), asOfEpochDay: asOf });
  const factorCache = new Map<number, Decimal>();
  for (let i = 0; i < 2000; i++) referenceLateCharges(principalCents[i] ?? 0, dueEpochDays[i] ?? 0, asOf, reference, calendar, new Map());

  const rssBefore = rssMb();
  let columns = calculator.batch({ principalCents, dueEpochDays, asOfEpochDay: asOf })._unsafeUnwrap();
  const fast = measure('    fast path: lateChargesCalculator(policy).batch', INVOICES, () => {
    columns = calculator.batch({ principalCents, dueEpochDays, asOfEpochDay: asOf })._unsafeUnwrap();
  });
  const fastMs = fast.seconds * 1000;
  const rssFast = rssMb();

  const slowStart = performance.now();
  let mismatches = 0;
  let firstMismatch = '';
  let fastTotal = 0;
  let slowTotal = 0;
  for (let i = 0; i < INVOICES; i++) {
    const expected = referenceLateCharges(principalCents[i] ?? 0, dueEpochDays[i] ?? 0, asOf, reference, calendar, factorCache);
    slowTotal += expected.total;
    fastTotal += columns.totalCents[i] ?? 0;
    if (expected.fine !== columns.fineCents[i] || expected.interest !== columns.interestCents[i] || expected.correction !== columns.correctionCents[i] || expected.total !== columns.totalCents[i]) {
      mismatches++;
      if (!firstMismatch) firstMismatch = ` first at #${i} (due ${fromEpochDay(dueEpochDays[i] ?? 0)})`;
    }
  }
  const slowMs = performance.now() - slowStart;

  console.log(`(b) late charges over ${INVOICES.toLocaleString('en-US')} invoices (fine 2%, 1% a month, IPCA correction, as of 2026-11-24), one core:`);
  printTable([fast, { name: '    straightforward decimal.js (one pass)', operations: INVOICES, seconds: slowMs / 1000, perSecond: (INVOICES / slowMs) * 1000 }]);
  console.log(`    ratio fast / decimal.js: ${(slowMs / fastMs).toFixed(1)}×`);
  console.log(`    identical centavos: ${mismatches === 0 ? 'yes, every invoice' : `NO — ${mismatches} mismatches${firstMismatch}`} (totals ${fastTotal} vs ${slowTotal})`);
  console.log(`    RSS: ${rssBefore.toFixed(0)} MB with the columns built, ${rssFast.toFixed(0)} MB after the fast passes, ${rssMb().toFixed(0)} MB at the end`);
}

console.log(`node ${process.version}, ${process.arch}`);
benchProposals();
benchLateCharges();
