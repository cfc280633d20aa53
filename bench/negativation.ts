/**
 * Negativation: transitions per second (parsed input vs the pre-parsed fast
 * path) and reconcile() over 1,000,000 registrations (with and without parsing
 * the invoices). Figures only. Run: npx tsx bench/negativation.ts
 */
import { brazilianCalendar, type CivilDate } from '../src/calendar/index.js';
import {
  applyEvent,
  parseNegativationEvent,
  reconcile,
  reconcileInvoiceSchema,
  reconcileTrusted,
  startNegativation,
  transition,
  type Negativation,
  type NegativationEvent,
  type NegativationEventInput,
  type NegativationStatus,
} from '../src/negativation/index.js';
import { measure, printTable, rssMb } from './support.js';

const calendar = brazilianCalendar();

const request = {
  id: 'neg-bench',
  origin: 'automatic',
  bureau: 'serasa',
  creditor: { id: 'cred-1', name: 'Provedor Exemplo Ltda', document: '11.222.333/0001-81' },
  debtor: { document: '123.456.789-09', name: 'Maria da Silva', address: { street: 'Rua das Flores', number: '100', city: 'Curitiba', state: 'PR', cep: '80010-000' } },
  title: { id: 'inv-1', amount: '373.52', dueDate: '2026-09-10' },
  on: '2026-10-20',
  actor: 'system',
};

/** The happy path: request → approved → notice → submitted → accepted → paid → removed (7 events with the request). */
const lifecycle: NegativationEventInput[] = [
  { type: 'analysis_approved', on: '2026-10-20', actor: 'system' },
  { type: 'notice_sent', on: '2026-10-21', actor: 'serasa', channel: 'letter', proofOfPosting: 'PP-1' },
  { type: 'submitted', on: '2026-10-31', actor: 'system' },
  { type: 'bureau_accepted', on: '2026-11-03', actor: 'serasa' },
  { type: 'payment_received', on: '2026-11-19', actor: 'bank', kind: 'full', amount: '390.10', paidOn: '2026-11-19', fundsAvailableOn: '2026-11-19' },
  { type: 'bureau_removed', on: '2026-11-23', actor: 'serasa' },
];
const parsedLifecycle: NegativationEvent[] = lifecycle.map((e) => parseNegativationEvent(e)._unsafeUnwrap());
const initial = startNegativation(request)._unsafeUnwrap().negativation;

const RUNS = 20_000;
const TRANSITIONS_PER_RUN = lifecycle.length;
let sink = 0;

const rows = [
  measure('startNegativation (parse + request guards)', RUNS, () => {
    for (let i = 0; i < RUNS; i++) sink += startNegativation(request)._unsafeUnwrap().negativation.version;
  }),
  measure('transition (parses each event)', RUNS * TRANSITIONS_PER_RUN, () => {
    for (let i = 0; i < RUNS; i++) {
      let n = initial;
      for (const event of lifecycle) n = transition(n, event, { calendar })._unsafeUnwrap().negativation;
      sink += n.version;
    }
  }),
  measure('applyEvent (events parsed once)', RUNS * TRANSITIONS_PER_RUN, () => {
    for (let i = 0; i < RUNS; i++) {
      let n = initial;
      for (const event of parsedLifecycle) n = applyEvent(n, event, calendar)._unsafeUnwrap().negativation;
      sink += n.version;
    }
  }),
];
printTable(rows);
const [, parsed, fast] = rows;
if (parsed && fast) console.log(`ratio (applyEvent / transition): ${(fast.perSecond / parsed.perSecond).toFixed(2)}×`);

// ---- reconcile over 1,000,000 registrations ----
const COUNT = 1_000_000;
const stages: Negativation[] = [];
{
  let n = initial;
  stages.push(n);
  for (const event of parsedLifecycle.slice(0, 5)) {
    n = applyEvent(n, event, calendar)._unsafeUnwrap().negativation;
    stages.push(n);
  }
}
// a portfolio: mostly negativated, some awaiting return, some recovering, some pending
const mix: NegativationStatus[] = ['negativated', 'negativated', 'negativated', 'negativated', 'awaiting_return', 'recovering', 'processing', 'in_analysis'];
const byStatus = new Map(stages.map((s) => [s.status, s]));
const rssBefore = rssMb();
const negativations: Negativation[] = new Array<Negativation>(COUNT);
const invoiceInput: { id: string; status: 'open' | 'paid'; dueDate: string; amount: { cents: number }; paidOn?: string; fundsAvailableOn?: string }[] = new Array(COUNT);
for (let i = 0; i < COUNT; i++) {
  const template = byStatus.get(mix[i % mix.length] ?? 'negativated') ?? initial;
  const titleId = `inv-${i}`;
  negativations[i] = { ...template, id: `neg-${i}`, title: { ...template.title, id: titleId } };
  const paid = i % 10 === 0; // 10% of the invoices are paid: the critiques
  invoiceInput[i] = paid
    ? { id: titleId, status: 'paid', dueDate: '2026-09-10', amount: { cents: 37352 }, paidOn: '2026-11-19', fundsAvailableOn: '2026-11-19' }
    : { id: titleId, status: 'open', dueDate: '2026-09-10', amount: { cents: 37352 } };
}
const rssData = rssMb();
const invoicesParsed = invoiceInput.map((i) => reconcileInvoiceSchema.parse(i));
const asOf = '2026-11-26' as CivilDate;

let critiques = 0;
const reconcileRows = [
  measure(
    'reconcile 1M (parses 1M invoices)',
    COUNT,
    () => {
      critiques = reconcile(negativations, invoiceInput, asOf, { calendar })._unsafeUnwrap().critiques.length;
    },
    2,
  ),
  measure(
    'reconcileTrusted 1M (invoices parsed once)',
    COUNT,
    () => {
      critiques = reconcileTrusted(negativations, invoicesParsed, asOf, calendar).critiques.length;
    },
    3,
  ),
];
printTable(reconcileRows);
const [withParse, trusted] = reconcileRows;
if (withParse && trusted) console.log(`ratio (trusted / parsing): ${(trusted.perSecond / withParse.perSecond).toFixed(2)}×`);
console.log(`critiques found: ${critiques.toLocaleString('en-US')} of ${COUNT.toLocaleString('en-US')} registrations`);
console.log(`RSS: ${rssBefore.toFixed(0)} MB before the portfolio, ${rssData.toFixed(0)} MB with 1M negativations + 1M invoices, ${rssMb().toFixed(0)} MB after reconciling`);
if (sink === 0) console.log('');
