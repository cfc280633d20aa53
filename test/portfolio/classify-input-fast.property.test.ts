import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifierInvoiceSchema } from '../../src/portfolio/index.js';
import { readClassifierInvoiceFast } from '../../src/portfolio/classify-input-fast.js';

/** Strings that are sometimes labels, sometimes not (empty, padded, too long, not strings). */
const label = fc.oneof(
  { arbitrary: fc.constantFrom('i1', 'c-2', 'a b', 'x'.repeat(200)), weight: 6 },
  fc.constantFrom('', ' i1', 'i1 ', '\ti1', 'x'.repeat(201), 7, null),
);
/** Dates that are sometimes on the calendar. */
const date = fc.oneof(
  { arbitrary: fc.constantFrom('2026-11-24', '2024-02-29', '1000-01-01', '9999-12-31'), weight: 6 },
  fc.constantFrom('2026-02-29', '2026-13-01', '0999-12-31', '2026-1-01', ' 2026-11-24', '２０２６-11-24', 20261124, new Date(0)),
);
const amount = fc.oneof(
  { arbitrary: fc.integer({ min: 0, max: 1_000_000 }).map((cents) => ({ cents })), weight: 6 },
  fc.constantFrom({ cents: -1 }, { cents: 1.5 }, { cents: -0 }, { cents: Number.MAX_SAFE_INTEGER }, '12.34', 12, { cents: '5' }, [], null),
);
const maybe = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> => fc.option(arb, { nil: undefined, freq: 2 });
const span = (from: string, to: string) => fc.oneof(fc.record({ [from]: date, [to]: maybe(date) }, { requiredKeys: [from] }), fc.constantFrom(null, 'x', []));
const invoice = fc.record(
  {
    id: label,
    customerId: label,
    dueDate: date,
    amount,
    owed: maybe(amount),
    paidOn: maybe(date),
    collection: maybe(fc.constantFrom('forwarded', 'selected', 'started', 'other')),
    replacedBy: maybe(label),
    agreement: maybe(
      fc.record(
        { id: label, createdOn: date, toleranceDate: date, cancelled: maybe(fc.constantFrom(true, false, 'no')), status: maybe(fc.constantFrom('active', 'fulfilled', 'broken', 'cancelled', 'late')), city: maybe(label), operator: maybe(label) },
        { requiredKeys: ['id', 'createdOn', 'toleranceDate'] },
      ),
    ),
    negativation: maybe(span('registeredOn', 'removedOn')),
    spcControl: maybe(span('addedOn', 'removedOn')),
    protest: maybe(span('protestedOn', 'cancelledOn')),
    city: maybe(label),
    operator: maybe(label),
  },
  { requiredKeys: ['id', 'customerId', 'dueDate', 'amount'] },
);

/** The fields the classifier reads, in a form two readings can be compared in. */
function read(value: Record<string, unknown>): unknown {
  return JSON.parse(JSON.stringify(value, (_key, v: unknown) => (v === undefined ? null : v)));
}

describe('readClassifierInvoiceFast', () => {
  it('answers only what the schema accepts, and then the same fields', () => {
    let fastTaken = 0;
    fc.assert(
      fc.property(invoice, (raw) => {
        const fast = readClassifierInvoiceFast(raw);
        const parsed = classifierInvoiceSchema.safeParse(raw);
        if (fast === undefined) return;
        fastTaken++;
        expect(parsed.success).toBe(true);
        if (!parsed.success) return;
        const keys = Object.keys(parsed.data) as (keyof typeof parsed.data)[];
        for (const key of keys) expect(read({ v: fast[key] })).toEqual(read({ v: parsed.data[key] }));
      }),
      { numRuns: 3000 },
    );
    // Enough inputs took the fast path for the comparison to mean something.
    expect(fastTaken).toBeGreaterThan(100);
  });

  it('takes the fast path for well-formed input (so the property above is not vacuous)', () => {
    const raw = { id: 'i1', customerId: 'c1', dueDate: '2026-11-24', amount: { cents: 100 }, agreement: { id: 'a1', createdOn: '2026-11-01', toleranceDate: '2026-11-05' } };
    expect(readClassifierInvoiceFast(raw)?.agreement?.cancelled).toBe(false);
    expect(readClassifierInvoiceFast({ ...raw, id: ' i1' })).toBeUndefined();
  });
});
