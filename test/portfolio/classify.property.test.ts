import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyPortfolio, panelsOf, PortfolioClassifier, type ClassifierInvoice, type PanelName } from '../../src/portfolio/index.js';
import { classifierInvoiceSchema } from '../../src/portfolio/index.js';
import { dayText } from '../ruler/arbitraries.js';

const invoiceArb = fc.record({
  customer: fc.integer({ min: 0, max: 4 }),
  due: fc.integer({ min: -60, max: 30 }),
  cents: fc.integer({ min: 0, max: 100_000 }),
  paid: fc.option(fc.integer({ min: -30, max: 30 }), { nil: undefined }),
  collection: fc.option(fc.constantFrom('selected' as const, 'started' as const), { nil: undefined }),
  agreement: fc.option(fc.record({ created: fc.integer({ min: -60, max: 10 }), tolerance: fc.integer({ min: -30, max: 30 }), cancelled: fc.boolean() }), { nil: undefined }),
  negativation: fc.option(fc.record({ registered: fc.integer({ min: -60, max: 10 }), removed: fc.option(fc.integer({ min: -30, max: 30 }), { nil: undefined }) }), { nil: undefined }),
});

const portfolioArb = fc.array(invoiceArb, { maxLength: 40 }).map((rows) =>
  rows.map(
    (r, i): ClassifierInvoice => ({
      id: `i${i}`,
      customerId: `c${r.customer}`,
      dueDate: dayText(r.due),
      amount: { cents: r.cents },
      ...(r.paid !== undefined ? { paidOn: dayText(r.paid) } : {}),
      ...(r.collection ? { collection: r.collection } : {}),
      ...(r.agreement ? { agreement: { id: `a${i}`, createdOn: dayText(r.agreement.created), toleranceDate: dayText(r.agreement.tolerance), cancelled: r.agreement.cancelled } } : {}),
      ...(r.negativation
        ? { negativation: { registeredOn: dayText(r.negativation.registered), ...(r.negativation.removed !== undefined ? { removedOn: dayText(r.negativation.removed) } : {}) } }
        : {}),
    }),
  ),
);

const groups: PanelName[][] = [
  ['classified', 'inContact', 'awaitingNegotiation'],
  ['agreementPending', 'agreementBroken', 'agreementFulfilled'],
  ['registered', 'critiques', 'removedAfterRegistration'],
];

describe('classifyPortfolio properties', () => {
  it('each invoice is in at most one panel of each group, and each panel adds up its invoices exactly', () => {
    fc.assert(
      fc.property(portfolioArb, fc.integer({ min: 0, max: 30 }), (invoices, forwardAfterDays) => {
        const asOf = dayText(0);
        const out = classifyPortfolio({ asOf, forwardAfterDays, invoices })._unsafeUnwrap();
        const byId = new Map(invoices.map((i) => [i.id, i]));
        for (const [name, panel] of Object.entries(out.panels)) {
          const cents = panel.invoiceIds.reduce((total, id) => total + ((byId.get(id)?.amount as { cents: number }).cents ?? 0), 0);
          expect(panel.amount.cents, name).toBe(cents);
          expect(panel.invoices).toBe(panel.invoiceIds.length);
          expect(panel.customers).toBe(new Set(panel.invoiceIds.map((id) => byId.get(id)?.customerId)).size);
        }
        for (const invoice of invoices) {
          const names = panelsOf(classifierInvoiceSchema.parse(invoice), asOf as never, forwardAfterDays);
          for (const group of groups) expect(names.filter((n) => group.includes(n)).length).toBeLessThanOrEqual(1);
          // Open, unhandled invoices overdue at least X days are always classified.
          if (invoice.paidOn === undefined && !invoice.collection && !invoice.agreement && invoice.dueDate <= dayText(-Math.max(forwardAfterDays, 1))) {
            expect(names).toContain('classified');
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it('fed page by page, the incremental classifier gives what classifyPortfolio gives over the whole list', () => {
    fc.assert(
      fc.property(portfolioArb, fc.integer({ min: 0, max: 30 }), fc.integer({ min: 1, max: 7 }), (invoices, forwardAfterDays, pageSize) => {
        const asOf = dayText(0);
        const whole = classifyPortfolio({ asOf, forwardAfterDays, invoices })._unsafeUnwrap();
        const classifier = PortfolioClassifier.create({ asOf, forwardAfterDays })._unsafeUnwrap();
        for (let start = 0; start < invoices.length; start += pageSize) for (const invoice of invoices.slice(start, start + pageSize)) expect(classifier.addInvoice(invoice)).toBeUndefined();
        expect(classifier.result()._unsafeUnwrap()).toEqual(whole);
      }),
      { numRuns: 100 },
    );
  });

  it('a bad invoice is an error with its position and leaves the classifier usable', () => {
    const classifier = PortfolioClassifier.create({ asOf: dayText(0), forwardAfterDays: 10 })._unsafeUnwrap();
    expect(classifier.addInvoice({ id: 'i0', customerId: 'c0', dueDate: dayText(-20), amount: { cents: 100 } })).toBeUndefined();
    expect(classifier.addInvoice({ id: 'i1', customerId: 'c0', dueDate: 'not a date', amount: { cents: 100 } } as never)?.path).toEqual(['invoices', 1, 'dueDate']);
    expect(classifier.result()._unsafeUnwrap().panels.classified.invoiceIds).toEqual(['i0']);
  });
});
