import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, civilDate } from '../../src/calendar/index.js';
import { agreementStatus } from '../../src/agreements/index.js';
import { statusOfParsedAgreement } from '../../src/agreements/agreement-status.js';
import { fromCents, MAX_INPUT_CENTS } from '../../src/money/index.js';

const start = civilDate('2026-01-01');
const day = fc.integer({ min: 0, max: 400 }).map((n) => addDays(start, n));
const cents = fc.oneof(fc.integer({ min: 0, max: 2_000_000 }), fc.constant(0), fc.constant(MAX_INPUT_CENTS));

/** An agreement in the parsed form the library stores (amounts within the input range, as every stored amount is), and payments as the app reads them from payment records. */
const scenario = fc
  .record({ tolerance: day, cancelledOn: fc.option(day, { nil: undefined }), dues: fc.array(fc.tuple(day, cents), { minLength: 1, maxLength: 12 }), asOf: day })
  .chain((s) =>
    fc.record({
      agreement: fc.constant({
        toleranceDate: s.tolerance,
        ...(s.cancelledOn === undefined ? {} : { cancelledOn: s.cancelledOn }),
        plan: { installments: s.dues.map(([dueDate, c], i) => ({ number: i + 1, dueDate, amount: fromCents(c) })) },
      }),
      // Installment numbers up to one past the plan, so `installment_not_found` is drawn too.
      payments: fc.array(fc.record({ installment: fc.integer({ min: 1, max: s.dues.length + 1 }), amount: cents.map(fromCents), date: day }), { maxLength: 8 }),
      asOf: fc.constant(s.asOf),
    }),
  );

describe('statusOfParsedAgreement: the app reads a stored agreement without walking the schema', () => {
  it('gives the same answer or the same error as agreementStatus for every agreement and payments already in parsed form', () => {
    fc.assert(
      fc.property(scenario, ({ agreement, payments, asOf }) => {
        const checked = agreementStatus(agreement, payments, asOf);
        const parsed = statusOfParsedAgreement(agreement, payments, asOf);
        expect(parsed.isOk()).toBe(checked.isOk());
        if (checked.isOk()) expect(JSON.stringify(parsed._unsafeUnwrap())).toBe(JSON.stringify(checked.value));
        else expect(parsed._unsafeUnwrapErr()).toEqual(checked.error);
      }),
      { numRuns: 400 },
    );
  });
});
