import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../../../src/adapters/memory/index.js';
import { lateChargesCalculator, type LateChargesPolicyInput } from '../../../src/agreements/index.js';
import { appContext, type AppContext } from '../../../src/app/dependencies.js';
import { resolvePolicies } from '../../../src/app/policies.js';
import { classifyPass } from '../../../src/app/cycle/classify-pass.js';
import { CHECKED, OwedMemo, PageOwed } from '../../../src/app/cycle/owed-memo.js';
import { enrichPage, followedByRuler } from '../../../src/app/cycle/portfolio.js';
import { owedCalculator, owedOfRecord } from '../../../src/app/owed.js';
import { addDays, brazilianCalendar, civilDate, type CivilDate } from '../../../src/calendar/index.js';
import { fromCents, MAX_INPUT_CENTS } from '../../../src/money/index.js';
import type { CustomerRecord, InvoiceRecord, NegativationRecord, PaymentRecord, ProtestRecord, Store } from '../../../src/ports/index.js';
import { fakeBureau, manualClock, recordingNotifier, sequentialIds, staticRates } from '../../../src/testing/index.js';
import { exampleSpec } from '../../ruler/fixtures.js';
import { harness, invoiceOf, maria } from '../harness.js';

const calendar = brazilianCalendar();
const base = civilDate('2026-11-24');
const day = (min: number, max: number) => fc.integer({ min, max }).map((offset): CivilDate => addDays(base, offset));
/** A correction index's months around the days priced (a subset leaves gaps: the checked path's `index_missing`). */
const MONTHS = Array.from({ length: 14 }, (_, k) => ({ month: addDays(civilDate('2026-01-01'), 31 * k).slice(0, 7), percent: k % 3 === 0 ? '-0.2' : '0.4' }));
const percent = fc.constantFrom('0', '0.5', '1', '2', '12.5', '0.033');

/** Late-charges policies: monthly or annual interest, a fine, grace days, a rounding mode, sometimes a correction series with gaps. */
const policy: fc.Arbitrary<LateChargesPolicyInput> = fc.record(
  {
    interest: fc.oneof(fc.record({ kind: fc.constant('monthly' as const), percent }), fc.record({ kind: fc.constant('annual' as const), percent })),
    fine: fc.record({ percent }),
    graceDays: fc.integer({ min: 0, max: 10 }),
    rounding: fc.constantFrom('half_up' as const, 'half_even' as const, 'down' as const),
    correction: fc.record({ variations: fc.oneof({ arbitrary: fc.constant(MONTHS), weight: 4 }, fc.subarray(MONTHS)) }),
    interestOn: fc.constantFrom('principal' as const, 'corrected' as const),
  },
  { requiredKeys: ['interest'] },
);

/** The checked figure of one open invoice with nothing paid, or the error's code. */
function checkedOwed(memo: OwedMemo, invoice: InvoiceRecord): number | string {
  try {
    return memo.of(invoice, []).owed;
  } catch (error) {
    return (error as { code?: string }).code ?? 'thrown';
  }
}

describe('PageOwed (integer centavos a page at a time) equals the one owed rule', () => {
  it('every figure it answers is the checked figure to the centavo; it leaves to the checked path only what that path refuses or it does not price', () => {
    let priced = 0;
    fc.assert(
      fc.property(
        fc.option(policy, { nil: undefined }),
        day(-10, 10),
        fc.array(fc.record({ due: day(-200, 30), cents: fc.oneof({ arbitrary: fc.integer({ min: 0, max: 50_000_000 }), weight: 30 }, fc.constant(MAX_INPUT_CENTS)), status: fc.constantFrom('open' as const, 'open' as const, 'paid' as const), partly: fc.boolean() }), { maxLength: 25 }),
        (input, today, rows) => {
          const calculator = input === undefined ? undefined : lateChargesCalculator(input, { calendar })._unsafeUnwrap();
          const page: InvoiceRecord[] = rows.map((row, n) => ({ id: `i${n}`, version: 1, customerId: 'c1', amount: fromCents(row.cents), dueDate: row.due, status: row.status, paid: fromCents(row.partly ? 1 : 0) }));
          const fast = new PageOwed(calculator, today).of(page);
          const memo = new OwedMemo(calculator, today);
          page.forEach((invoice, i) => {
            const answer = fast[i] as number;
            if (invoice.status !== 'open' || invoice.paid.cents > 0) return expect(answer).toBeNaN();
            const expected = checkedOwed(memo, invoice);
            if (Number.isNaN(answer)) {
              // Left to the checked path: a refusal, or a page whose pricing failed as a whole.
              return;
            }
            priced++;
            expect(answer).toBe(expected);
          });
          // A figure the checked path refuses is never answered by the fast path.
          page.forEach((invoice, i) => {
            if (invoice.status === 'open' && invoice.paid.cents === 0 && typeof checkedOwed(memo, invoice) === 'string') expect(fast[i]).toBeNaN();
          });
        },
      ),
      { numRuns: 300 },
    );
    expect(priced).toBeGreaterThan(300);
    expect(Number.isNaN(CHECKED)).toBe(true);
  });
});

/** An app context over a store, as `createCollections` builds it. */
function contextOver(store: Store, lateCharges: LateChargesPolicyInput | undefined, forward = 10): AppContext {
  const ruler = { ...exampleSpec, steps: exampleSpec.steps.map((step) => (step.id === 'encaminhar' ? { ...step, offsetDays: forward } : step)) };
  const policies = resolvePolicies(
    {
      creditor: { id: 'provedor', name: 'Provedor Ltda', document: '11.222.333/0001-81' },
      ruler,
      settings: { general: { registerAutomatically: 'yes', minimumDaysOverdue: 15 } },
      ...(lateCharges ? { lateCharges: { policy: lateCharges, interestFromRates: false } } : {}),
    },
    ['serasa'],
    staticRates(),
    calendar,
  )._unsafeUnwrap();
  return appContext({ store, bureaus: { serasa: fakeBureau() }, notifier: recordingNotifier(), clock: manualClock(`${base}T10:00:00-03:00`), rates: staticRates(), calendar, ids: sequentialIds() }, policies);
}

const invoiceRow = fc.record({
  id: fc.oneof({ arbitrary: fc.integer({ min: 0, max: 9999 }).map((n) => `i${n}`), weight: 9 }, fc.constantFrom(' i-padded', 'x'.repeat(201))),
  customer: fc.integer({ min: 0, max: 4 }),
  due: day(-120, 30),
  cents: fc.oneof({ arbitrary: fc.integer({ min: 0, max: 5_000_000 }), weight: 9 }, fc.constant(MAX_INPUT_CENTS)),
  status: fc.constantFrom('open' as const, 'open' as const, 'paid' as const, 'cancelled' as const),
  partlyPaid: fc.integer({ min: 0, max: 3 }),
  paidOnOffset: fc.option(fc.integer({ min: -30, max: 5 }), { nil: undefined }),
  forwarded: fc.boolean(),
  spc: fc.option(fc.record({ added: day(-60, 0), removed: fc.option(day(-30, 5), { nil: undefined }) }), { nil: undefined }),
  /** Negativation and protest records of the invoice (several, some never registered or made, ids in random order): only what the panels read is filled. */
  marks: fc.array(fc.record({ kind: fc.constantFrom('negativation' as const, 'protest' as const), id: fc.integer({ min: 0, max: 99 }), on: fc.option(day(-60, 3), { nil: undefined }), undone: fc.option(day(-30, 5), { nil: undefined }) }), { maxLength: 3 }),
});

type InvoiceRow = typeof invoiceRow extends fc.Arbitrary<infer T> ? T : never;

/** Stores a random portfolio (customers in two cities, invoices in every status, partial payments, forwarded ones, SPC control entries, negativations and protests registered or not, removed or cancelled or not). */
async function seeded(rows: readonly InvoiceRow[]): Promise<MemoryStore> {
  const store = new MemoryStore();
  await store.transaction(async (tx) => {
    for (let c = 0; c < 5; c++) {
      const customer: CustomerRecord = { ...maria, id: `c${c}`, address: { ...(maria.address as NonNullable<CustomerRecord['address']>), city: c % 2 === 0 ? 'São Paulo' : 'Campinas' } };
      await tx.customers.insert(customer);
    }
    const seen = new Set<string>();
    for (const row of rows) {
      if (seen.has(row.id)) continue;
      seen.add(row.id);
      const partly = row.status === 'open' && row.partlyPaid > 0 && row.cents > 1 ? Math.min(row.cents - 1, row.partlyPaid * 1000) : 0;
      const invoice: InvoiceRecord = {
        id: row.id,
        version: 1,
        customerId: `c${row.customer}`,
        amount: fromCents(row.cents),
        dueDate: row.due,
        status: row.status,
        paid: fromCents(row.status === 'paid' ? row.cents : partly),
        ...(row.status === 'paid' && row.paidOnOffset !== undefined ? { paidOn: addDays(base, row.paidOnOffset) } : {}),
        ...(row.forwarded ? { forwardedOn: addDays(row.due, 10) } : {}),
        ...(row.spc ? { spcControl: { addedOn: row.spc.added, addedBy: 'operator.ana', details: 'controle interno', ...(row.spc.removed ? { removedOn: row.spc.removed } : {}) } } : {}),
      };
      await tx.invoices.insert(invoice);
      if (partly > 0) {
        const payment: PaymentRecord = { id: `p-${row.id}`, version: 1, invoiceId: row.id, customerId: invoice.customerId, amount: fromCents(partly), paidOn: addDays(row.due, 3), fundsAvailableOn: addDays(row.due, 4) };
        await tx.payments.insert(payment);
      }
      for (const mark of row.marks) {
        const common = { id: `${mark.kind}-${mark.id}-${row.id}`, version: 1, customerId: invoice.customerId, invoiceId: row.id, uniqueKey: `${row.id}|${mark.id}`, status: 'any' };
        if (await (mark.kind === 'negativation' ? tx.negativations : tx.protests).get(common.id)) continue;
        if (mark.kind === 'negativation') {
          const negativation = { ...(mark.on ? { registeredOn: mark.on } : {}), ...(mark.undone ? { removal: { confirmedOn: mark.undone } } : {}) };
          await tx.negativations.insert({ ...common, negativation } as unknown as NegativationRecord);
        } else {
          const protest = { ...(mark.on ? { protestedOn: mark.on } : {}), ...(mark.undone ? { cancellation: { by: 'debtor', confirmedOn: mark.undone } } : {}) };
          await tx.protests.insert({ ...common, protest } as unknown as ProtestRecord);
        }
      }
    }
  });
  return store;
}

/** The pass's answer, or the error's code when it refuses the portfolio. */
async function classified(context: AppContext, today: CivilDate, checked: boolean): Promise<unknown> {
  try {
    return await classifyPass(context, today, undefined, { checked });
  } catch (error) {
    return { refused: (error as { code?: string }).code ?? 'thrown' };
  }
}

describe('the classification pass: the fast path equals the checked path', () => {
  it('same panels and chart figures to the centavo (or the same refusal) on random portfolios, policies and days', async () => {
    let marked = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(invoiceRow, { maxLength: 40 }), fc.option(policy, { nil: undefined }), day(-5, 5), fc.integer({ min: 0, max: 40 }), async (rows, lateCharges, today, forward) => {
        const context = contextOver(await seeded(rows), lateCharges, forward);
        const checked = await classified(context, today, true);
        expect(await classified(context, today, false)).toEqual(checked);
        const panels = (checked as { panels?: Record<string, { invoices: number }> }).panels;
        if (panels) marked += ['registered', 'critiques', 'removedAfterRegistration', 'protested'].filter((name) => (panels[name]?.invoices ?? 0) > 0).length;
      }),
      { numRuns: 120 },
    );
    // Not vacuous: the registration and protest panels are filled in many runs (91–126 in nine unseeded runs; the bound is a margin).
    expect(marked).toBeGreaterThan(30);
  });

  it('same answer on a portfolio the app has worked: registrations, an agreement (installments and replaced originals), a selected account', async () => {
    const h = await harness({}, '2026-09-28T10:00:00-03:00');
    const customers = ['c-a', 'c-b', 'c-c'].map((id, n) => ({ ...maria, id, taxId: ['11144477735', '22255588846', '33366699957'][n] as string }));
    await h.seed(customers, [
      invoiceOf('a1', 'c-a', '300.00', '2026-10-01'),
      invoiceOf('a2', 'c-a', '120.00', '2026-10-05'),
      invoiceOf('b1', 'c-b', '80.00', '2026-10-20'),
      invoiceOf('c1', 'c-c', '410.00', '2026-10-02'),
      invoiceOf('c2', 'c-c', '99.90', '2026-12-10'),
    ]);
    await h.cycleOn('2026-10-17');
    await h.cycleOn('2026-10-27');
    h.clock.set('2026-11-05T10:00:00-03:00');
    const op = (key: string) => ({ idempotencyKey: key, actor: 'operator.ana' });
    const category = (await h.app.createAgreementCategory({ ...op('category'), name: 'Renegociação' }))._unsafeUnwrap();
    (await h.app.negotiate({ ...op('deal-a'), customerId: 'c-a', proposal: { kind: 'new_proposal', selectedInvoiceIds: ['a1', 'a2'], toleranceDate: '2026-12-20', category: category.id, installments: { kind: 'regular', count: 2, firstDueDate: '2026-11-10', description: 'Acordo', paymentProfile: 'boleto' } } }))._unsafeUnwrap();
    (await h.app.startCollection({ ...op('select-b'), customerId: 'c-b', invoiceIds: ['b1'] }))._unsafeUnwrap();
    await h.cycleOn('2026-11-20');
    const context = contextOver(h.store, { interest: { kind: 'monthly', percent: '1' } });
    for (const today of ['2026-11-20', '2026-12-01', '2027-01-15'].map(civilDate)) {
      const fast = await classifyPass(context, today, undefined, { checked: false });
      expect(fast).toEqual(await classifyPass(context, today, undefined, { checked: true }));
      // Not vacuous: the worked portfolio fills the agreement and registration panels.
      if (today === '2026-11-20') expect(fast.panels.agreementPending.invoices + fast.panels.registered.invoices + fast.replaced.invoices).toBeGreaterThan(2);
    }
  });
});

/** Each open invoice's figure by the one rule (`owedOfRecord`, owed plus paid, as the ruler's `updatedAmount`), or the refusal's message. */
async function ruleFigures(store: Store, calculator: Awaited<ReturnType<typeof owedCalculator>>, page: readonly InvoiceRecord[], today: CivilDate): Promise<(number | string | undefined)[]> {
  return store.transaction(async (tx) => {
    const figures: (number | string | undefined)[] = [];
    for (const invoice of page) {
      if (invoice.status !== 'open') {
        figures.push(undefined);
        continue;
      }
      const payments = await tx.payments.list({ invoiceId: invoice.id });
      try {
        const owed = owedOfRecord(calculator, invoice, payments, today);
        figures.push(owed.owed.cents + owed.paid.cents);
      } catch (error) {
        figures.push((error as Error).message);
      }
    }
    return figures;
  });
}

describe("the ruler's enrichment prices open invoices by the one owed rule", () => {
  it('every updatedAmount is owedOfRecord’s owed plus paid to the centavo (integer fast path or not), and a page the rule refuses is refused with the same error', async () => {
    let late = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(invoiceRow, { maxLength: 40 }), fc.option(policy, { nil: undefined }), day(-5, 5), async (rows, lateCharges, today) => {
        const store = await seeded(rows);
        const context = contextOver(store, lateCharges);
        const calculator = await owedCalculator(context, today);
        const page = (await store.transaction((tx) => tx.invoices.page(1000))).filter(followedByRuler);
        const expected = await ruleFigures(store, calculator, page, today);
        const refusal = expected.find((figure) => typeof figure === 'string');
        const memo = new OwedMemo(calculator, today);
        if (refusal !== undefined) {
          await expect(enrichPage(context, page, memo)).rejects.toThrow(refusal);
          return;
        }
        const enriched = await enrichPage(context, page, memo);
        enriched.forEach((invoice, i) => {
          const figure = expected[i];
          expect(invoice.updatedAmount === undefined ? undefined : (invoice.updatedAmount as { cents: number }).cents).toBe(figure);
          if (typeof figure === 'number' && figure > (page[i] as InvoiceRecord).amount.cents) late++;
        });
      }),
      { numRuns: 120 },
    );
    // Not vacuous: many open invoices owe late charges. The draw is unseeded and the count varies (101–160 in nine runs:
    // runs without a policy or refused pages add none), so the bound is a margin every draw clears, not a typical count.
    expect(late).toBeGreaterThan(20);
  });
});
