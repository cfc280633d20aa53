/**
 * The negativation machine against the built package, each row in fresh processes:
 * `startNegativation` (parse + request guards), `transition` (one event, parsed),
 * and `reconcile` over a portfolio of registrations. Figures only.
 * Run: npm run build && npx tsx bench/negativation.ts   (RUNS=… and REGISTRATIONS=… to resize)
 */
import type { Negativation, NegativationEventInput } from '../src/negativation/index.js';
import { built } from './harness/built.js';
import { compare } from './harness/compare.js';
import { keep, runContenderIfChild, type Contender } from './harness/sample.js';

const RUNS = Number(process.env.RUNS ?? 20_000);
const REGISTRATIONS = Number(process.env.REGISTRATIONS ?? 200_000);

const request = {
  id: 'neg-bench',
  origin: 'automatic',
  bureau: 'serasa',
  creditor: { id: 'cred-1', name: 'Provedor Exemplo Ltda', document: '11.222.333/0001-81' },
  debtor: { document: '123.456.789-09', name: 'Maria da Silva', address: { street: 'Rua das Flores', number: '100', city: 'Curitiba', state: 'PR', cep: '80010-000' } },
  title: { id: 'inv-1', amount: '373.52', dueDate: '2026-09-10' },
  on: '2026-10-20',
  actor: 'system',
} as const;

/** The happy path after the request: approved → notice → submitted → accepted → paid → removed. */
const lifecycle: NegativationEventInput[] = [
  { type: 'analysis_approved', on: '2026-10-20', actor: 'system' },
  { type: 'notice_sent', on: '2026-10-21', actor: 'serasa', channel: 'letter', proofOfPosting: 'PP-1' },
  { type: 'submitted', on: '2026-10-31', actor: 'system' },
  { type: 'bureau_accepted', on: '2026-11-03', actor: 'serasa' },
  { type: 'payment_received', on: '2026-11-19', actor: 'bank', kind: 'full', amount: '390.10', paidOn: '2026-11-19', fundsAvailableOn: '2026-11-19' },
  { type: 'bureau_removed', on: '2026-11-23', actor: 'serasa' },
];

async function starts(): Promise<Contender> {
  const { startNegativation } = await built('negativation');
  const status = (): string => {
    const r = startNegativation(request);
    return r.isOk() ? r.value.negativation.status : r.error.code;
  };
  return { check: status, operations: RUNS, run: () => { for (let i = 0; i < RUNS; i++) keep(status().length); } };
}

/** The anchor: the same request behind a prototype of its own, so the hand reader doubts it and zod parses it (the path before the reader). */
async function startsSchemaOnly(): Promise<Contender> {
  const { startNegativation } = await built('negativation');
  const input = (): never => Object.assign(Object.create({}) as object, request) as never;
  const status = (): string => {
    const r = startNegativation(input());
    return r.isOk() ? r.value.negativation.status : r.error.code;
  };
  return { check: status, operations: RUNS, run: () => { for (let i = 0; i < RUNS; i++) keep(status().length); } };
}

async function transitions(): Promise<Contender> {
  const { startNegativation, transition } = await built('negativation');
  const { brazilianCalendar } = await built('root');
  const calendar = brazilianCalendar();
  const start = startNegativation(request);
  if (start.isErr()) throw new Error(start.error.message);
  const initial = start.value.negativation;
  const walk = (): Negativation => {
    let n = initial;
    for (const event of lifecycle) {
      const next = transition(n, event, { calendar });
      if (next.isErr()) throw new Error(next.error.message);
      n = next.value.negativation;
    }
    return n;
  };
  return { check: () => walk().status, operations: RUNS * lifecycle.length, run: () => { for (let i = 0; i < RUNS; i++) keep(walk().version); } };
}

async function reconciles(): Promise<Contender> {
  const { startNegativation, transition, reconcile } = await built('negativation');
  const { brazilianCalendar } = await built('root');
  const calendar = brazilianCalendar();
  const start = startNegativation(request);
  if (start.isErr()) throw new Error(start.error.message);
  const stages: Negativation[] = [start.value.negativation];
  for (const event of lifecycle.slice(0, 3)) {
    const next = transition(stages[stages.length - 1] as Negativation, event, { calendar });
    if (next.isErr()) throw new Error(next.error.message);
    stages.push(next.value.negativation);
  }
  const registered = stages[stages.length - 1] as Negativation;
  const negativations = Array.from({ length: REGISTRATIONS }, (_, i): Negativation => ({ ...registered, id: `neg-${i}`, title: { ...registered.title, id: `inv-${i}` } }));
  const invoices = Array.from({ length: REGISTRATIONS }, (_, i) =>
    i % 10 === 0
      ? { id: `inv-${i}`, status: 'paid' as const, dueDate: '2026-09-10', amount: { cents: 37_352 }, paidOn: '2026-11-19', fundsAvailableOn: '2026-11-19' }
      : { id: `inv-${i}`, status: 'open' as const, dueDate: '2026-09-10', amount: { cents: 37_352 } },
  );
  const critiques = (): number => {
    const r = reconcile(negativations, invoices, '2026-11-26', { calendar });
    return r.isOk() ? r.value.critiques.length : -1;
  };
  return { check: () => String(critiques()), operations: REGISTRATIONS, run: () => keep(critiques()) };
}

const CONTENDERS: Record<string, () => Promise<Contender>> = { startNegativation: starts, 'startNegativation, schema path': startsSchemaOnly, transition: transitions, reconcile: reconciles };

if (!(await runContenderIfChild(CONTENDERS))) {
  const file = import.meta.filename;
  compare({ work: 'startNegativation (parse + request guards)', file, ours: 'startNegativation', anchor: 'startNegativation, schema path', target: { perSecond: 200_000 } });
  compare({ work: 'transition, one event (parsed)', file, ours: 'transition', target: { perSecond: 500_000 } });
  compare({ work: `reconcile ${REGISTRATIONS.toLocaleString('en-US')} registrations (10% paid)`, file, ours: 'reconcile' });
}
