import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseReconcileInvoices, reconcileInvoiceSchema } from '../../src/negativation/index.js';
import { fastInvoice } from '../../src/negativation/parse-invoices.js';

const mostly = <T>(good: fc.Arbitrary<T>, bad: fc.Arbitrary<unknown>) => fc.oneof({ weight: 5, arbitrary: good as fc.Arbitrary<unknown> }, { weight: 1, arbitrary: bad });
const dateValue = mostly(fc.constantFrom('2026-11-18', '2026-11-19', '2026-11-20'), fc.constantFrom<unknown>('2026-02-30', '19/11/2026', 20261119, null, undefined));

/** Invoices made of good and bad values, so both the accepted and the refused paths are exercised. */
const invoiceLike = fc.record(
  {
    id: mostly(fc.constantFrom('inv-1', ' '), fc.constantFrom<unknown>('', 7)),
    status: mostly(fc.constantFrom('open', 'paid'), fc.constant('late')),
    dueDate: dateValue,
    amount: mostly(fc.constantFrom<unknown>('10.00', '0', { cents: 1234 }, '-3.10'), fc.constantFrom<unknown>({ cents: 1.5 }, 10, '1,00', { cents: 1234, extra: 1 })),
    paidOn: dateValue,
    fundsAvailableOn: dateValue,
    surprise: fc.oneof({ weight: 6, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.constant('x') }),
  },
  { requiredKeys: ['id', 'status', 'dueDate', 'amount'] },
);

describe('the fast invoice check agrees with the zod schema', () => {
  it('accepts exactly what zod accepts, with the same output (property)', () => {
    let accepted = 0;
    fc.assert(
      fc.property(invoiceLike, (value) => {
        const slow = reconcileInvoiceSchema.safeParse(value);
        const fast = fastInvoice(value);
        expect(fast !== undefined).toBe(slow.success);
        if (fast !== undefined && slow.success) {
          accepted++;
          expect(fast).toEqual(slow.data);
        }
      }),
      { numRuns: 3000 },
    );
    expect(accepted).toBeGreaterThan(20);
  });

  it('errors come from zod with the path of the invoice', () => {
    const result = parseReconcileInvoices([{ id: 'a', status: 'open', dueDate: '2026-11-19', amount: '1.00' }, { id: 'b', status: 'open', dueDate: '2026-11-31', amount: '1.00' }]);
    expect(result._unsafeUnwrapErr()).toMatchObject({ code: 'invalid_input', path: ['invoices', 1, 'dueDate'] });
    expect(parseReconcileInvoices('nope')._unsafeUnwrapErr().path).toEqual(['invoices']);
  });
});
