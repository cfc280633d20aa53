import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, brazilianCalendar, civilDate, type CivilDate } from '../../src/calendar/index.js';
import { fromCents } from '../../src/money/index.js';
import { PanelBoard, parseClassifierInvoice } from '../../src/portfolio/classify.js';
import type { ClassifierInvoice } from '../../src/portfolio/index.js';

const calendar = brazilianCalendar();
const base = civilDate('2026-11-24');
/** Days around the as-of day: weekends, holidays (15 and 20 Nov, 25 Dec) and the year's turn fall in it. */
const day = fc.integer({ min: -70, max: 45 }).map((offset): CivilDate => addDays(base, offset));

/** A plain invoice: no agreement, registration, protest or SPC control; maybe paid, maybe owing more than its amount, maybe in collection. */
const plainInvoice = fc.record({
  id: fc.constantFrom('i1', 'i2', 'i3', 'x'.repeat(200), 'f-101'),
  customerId: fc.constantFrom('c1', 'c2', 'c-3'),
  dueDate: day,
  amountCents: fc.oneof(fc.integer({ min: 0, max: 10_000_000 }), fc.constant(100_000_000_000_000)),
  owedCents: fc.option(fc.integer({ min: 0, max: 20_000_000 }), { nil: undefined }),
  paidOn: fc.option(day, { nil: undefined }),
  collection: fc.option(fc.constantFrom('forwarded' as const, 'selected' as const, 'started' as const), { nil: undefined }),
  /** A bureau registration (maybe later than the as-of day, maybe removed, maybe removed later): then added with addPlainRegistered. */
  registration: fc.option(fc.record({ registeredOn: day, removedOn: fc.option(day, { nil: undefined }) }), { nil: undefined }),
});

describe('PanelBoard.addPlain and addPlainRegistered (the daily cycle fast path) equal the checked path', () => {
  it('same panels (members, customers, amounts, owed to the centavo) and charts as parsing the invoice and adding it', () => {
    let inPanels = 0;
    let registrationPanels = 0;
    let charted = 0;
    fc.assert(
      fc.property(fc.array(plainInvoice, { maxLength: 30 }), day, fc.integer({ min: 0, max: 60 }), (invoices, asOf, forwardAfterDays) => {
        const fast = PanelBoard.create({ asOf, forwardAfterDays }, { calendar })._unsafeUnwrap();
        const checked = PanelBoard.create({ asOf, forwardAfterDays }, { calendar })._unsafeUnwrap();
        invoices.forEach((plain, at) => {
          if (plain.registration === undefined) fast.addPlain(plain.id, plain.customerId, plain.dueDate, plain.amountCents, plain.owedCents, plain.paidOn, plain.collection);
          else fast.addPlainRegistered(plain.id, plain.customerId, plain.dueDate, plain.amountCents, plain.owedCents, plain.paidOn, plain.collection, plain.registration.registeredOn, plain.registration.removedOn);
          const raw: ClassifierInvoice = {
            id: plain.id,
            customerId: plain.customerId,
            dueDate: plain.dueDate,
            amount: fromCents(plain.amountCents),
            ...(plain.owedCents !== undefined ? { owed: fromCents(plain.owedCents) } : {}),
            ...(plain.paidOn !== undefined ? { paidOn: plain.paidOn } : {}),
            ...(plain.collection !== undefined ? { collection: plain.collection } : {}),
            ...(plain.registration !== undefined ? { negativation: { registeredOn: plain.registration.registeredOn, ...(plain.registration.removedOn !== undefined ? { removedOn: plain.registration.removedOn } : {}) } } : {}),
          };
          checked.addParsed(parseClassifierInvoice(raw, at)._unsafeUnwrap());
        });
        const expected = checked.result()._unsafeUnwrap();
        expect(fast.result()._unsafeUnwrap()).toEqual(expected);
        inPanels += Object.values(expected.panels).reduce((sum, panel) => sum + panel.invoices, 0);
        registrationPanels += expected.panels.registered.invoices + expected.panels.critiques.invoices + expected.panels.removedAfterRegistration.invoices;
        charted += expected.charts.registrationsPerMonth.reduce((sum, point) => sum + point.count, 0);
      }),
      { numRuns: 400 },
    );
    // The comparison is not vacuous: many invoices landed in panels.
    expect(inPanels).toBeGreaterThan(300);
    // Nor for registered invoices: every registration panel and the chart are filled.
    expect(registrationPanels).toBeGreaterThan(300);
    expect(charted).toBeGreaterThan(100);
  });
});
