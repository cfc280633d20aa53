/**
 * Type tests: the public functions take the `z.input` of their schema, so a
 * mistyped field is a compile error (each `@ts-expect-error` below fails
 * `tsc` if the line it guards compiles), while the schema stays the run-time check.
 */
import type { Result } from 'neverthrow';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { calculateLateCharges, proposeAgreement, type LateChargesInput } from '../../src/agreements/index.js';
import { brazilianCalendar } from '../../src/calendar/index.js';
import { checkNegativationGuards, reconcile, removalDeadline, startNegativation, type NegativationRequestInput } from '../../src/negativation/index.js';
import { startProtest } from '../../src/protest/index.js';
import { defineRuler, evaluateRuler, resolveSettings, type RulerSpec } from '../../src/ruler/index.js';
import { readReturnFile } from '../../src/bank-returns/index.js';
import type { Collections, CollectionsErrorCode } from '../../src/app/index.js';

/** The commands of `createCollections` whose first parameter is `unknown` (should be none). */
type UntypedCommands = {
  [K in keyof Collections]: Collections[K] extends (...args: infer P) => unknown ? (P extends [] ? never : unknown extends P[0] ? K : never) : never;
}[keyof Collections];

/** Never called: it only has to compile (or not, where marked). */
export function commandTypos(app: Collections): void {
  // @ts-expect-error `ammount` is misspelt
  void app.recordPayment({ idempotencyKey: 'k', actor: 'a', invoiceId: 'i', ammount: '10.00' });
  // @ts-expect-error `idempotencyKey` is required on every command
  void app.addComment({ actor: 'a', customerId: 'c', text: 't' });
  // @ts-expect-error `origin` is one of the request origins
  void app.requestNegativation({ idempotencyKey: 'k', actor: 'a', invoiceId: 'i', origin: 'fax' });
  // @ts-expect-error a proposal kind that does not exist
  void app.negotiate({ idempotencyKey: 'k', actor: 'a', customerId: 'c', proposal: { kind: 'half-off', selectedInvoiceIds: ['i'] } });
  // @ts-expect-error `asOf` is a Date or ISO text with an offset, not a number
  void app.runDailyCycle({ asOf: 20261119 });
  void app.recordPayment({ idempotencyKey: 'k', actor: 'a', invoiceId: 'i', amount: '10.00', paidOn: '2026-11-19' });
}


describe('public inputs are typed', () => {
  it('a typo in a field name does not compile, and the schema refuses it at run time too', () => {
    // @ts-expect-error `offset` is not a field of a step (it is `offsetDays`)
    const ruler = defineRuler({ id: 'r', steps: [{ id: 's', offset: 1, action: { kind: 'notify', channel: 'sms', template: 't' } }] });
    expect(ruler._unsafeUnwrapErr().code).toBe('invalid_input');
    // @ts-expect-error `registerAutomaticaly` is misspelt
    expect(resolveSettings({ registerAutomaticaly: 'yes' }).isErr()).toBe(true);
    // @ts-expect-error `principle` is misspelt (`principal`)
    expect(calculateLateCharges({ principle: '100.00', dueDate: '2026-01-10', asOf: '2026-02-10', policy: {} }).isErr()).toBe(true);
    // @ts-expect-error `stage` is `request` or `submission`
    expect(checkNegativationGuards({ stage: 'later', asOf: '2026-01-10', title: { id: 't', amount: '1.00', dueDate: '2026-01-01' } }).isErr()).toBe(true);
  });

  it('a wrong kind of value does not compile', () => {
    // @ts-expect-error a Date is not a civil date text
    expect(removalDeadline(new Date(2026, 10, 19), brazilianCalendar()).isErr()).toBe(true);
    // @ts-expect-error a return file is text
    expect(readReturnFile(Buffer.from('x')).isErr()).toBe(true);
    // @ts-expect-error the as-of day is a civil date text
    expect(reconcile([], [], 20261119).isErr()).toBe(true);
    // @ts-expect-error an unknown action kind
    expect(defineRuler({ id: 'r', steps: [{ id: 's', offsetDays: 1, action: { kind: 'call-grandma' } }] }).isErr()).toBe(true);
  });

  it('inputs accept read-only (`as const`) data and amounts as text or centavos', () => {
    const spec = { id: 'r', steps: [{ id: 'sms', offsetDays: 1, action: { kind: 'notify', channel: 'sms', template: 't' } }] } as const;
    expect(defineRuler(spec).isOk()).toBe(true);
    expectTypeOf(spec).toExtend<RulerSpec>();
    const input = { principal: { cents: 10_000 }, dueDate: '2026-01-10', asOf: '2026-01-10', policy: { interest: { kind: 'monthly', percent: '1' } } } as const;
    expectTypeOf(input).toExtend<LateChargesInput>();
    expect(calculateLateCharges(input).isOk()).toBe(true);
  });

  it('no command of createCollections takes unknown', () => {
    expectTypeOf<UntypedCommands>().toEqualTypeOf<never>();
    expect(typeof commandTypos).toBe('function');
  });

  it('command errors name their codes as a literal union, not string', () => {
    type PaymentErrorCode = Awaited<ReturnType<Collections['recordPayment']>> extends Result<unknown, infer E> ? (E extends { code: infer C } ? C : never) : never;
    expectTypeOf<PaymentErrorCode>().toEqualTypeOf<CollectionsErrorCode>();
    expectTypeOf<string>().not.toExtend<CollectionsErrorCode>();
    expectTypeOf<'not_found' | 'illegal_transition' | 'invalid_input'>().toExtend<CollectionsErrorCode>();
  });

  it('every typed function takes its input type, not unknown', () => {
    expectTypeOf(startNegativation).parameter(0).toEqualTypeOf<NegativationRequestInput>();
    expectTypeOf(startNegativation).parameter(0).not.toBeUnknown();
    expectTypeOf(startProtest).parameter(0).not.toBeUnknown();
    expectTypeOf(defineRuler).parameter(0).not.toBeUnknown();
    expectTypeOf(resolveSettings).parameter(0).not.toBeUnknown();
    expectTypeOf(proposeAgreement).parameter(0).not.toBeUnknown();
    expectTypeOf(evaluateRuler).parameter(0).not.toBeUnknown();
  });
});
