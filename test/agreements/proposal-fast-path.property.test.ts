import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { proposalInputSchema, proposalTerms, proposeAgreement, type ProposalInput } from '../../src/agreements/index.js';
import { proposeAgreementChecked } from '../../src/agreements/proposal.js';
import { readProposalFast } from '../../src/agreements/proposal-fast-input.js';

/**
 * proposeAgreement reads its input by hand (zod runs only to build an error).
 * The hand reader must accept exactly a subset of what the schema accepts, with
 * the same output, and the whole call must give what the schema-only path
 * gives: the same agreement, or the same error (code, path, message).
 */
const answer = (result: ReturnType<typeof proposeAgreement>): unknown =>
  result.isOk() ? result.value : { error: result.error.code, path: result.error.path, message: result.error.message, details: result.error.details };

/** Mostly well-formed values (so the fast path runs), sometimes a bad one (so the fallback runs too). */
const mostly = <T, U>(good: fc.Arbitrary<T>, bad: fc.Arbitrary<U>): fc.Arbitrary<T | U> => fc.oneof({ arbitrary: good, weight: 12 }, { arbitrary: bad, weight: 1 });
const money = mostly(
  fc.oneof(fc.integer({ min: 0, max: 5_000_000 }).map((c) => (c / 100).toFixed(2)), fc.integer({ min: 0, max: 5_000_000 }).map((cents) => ({ cents }))),
  fc.constantFrom('12,34', '-1.00', '1.234', '', 'abc', -5, null, { cents: 1.5 }, { cents: -1 }, '99999999999999999.00', { cents: 10, extra: 1 }),
);
const date = mostly(
  fc.integer({ min: 0, max: 900 }).map((d) => new Date(Date.UTC(2025, 6, 1) + d * 86_400_000).toISOString().slice(0, 10)),
  fc.constantFrom('2026-02-30', '2026-1-5', '', '9999-12-31', 20260105, null),
);
const percent = mostly(fc.constantFrom('0', '2', '3.5', '10', '0.000001', 5, 2.25, '1000', ' 4 '), fc.constantFrom('-1', '1001', '0.0000001', '2,5', 'x', null, Number.NaN));
const maybe = <T,>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> => fc.option(arb, { nil: undefined, freq: 2 });
const ids = ['A', 'B', 'C', 'D'];
const invoice = fc.record(
  {
    id: mostly(fc.constantFrom(...ids), fc.constantFrom('', 7)),
    amount: money,
    updatedAmount: maybe(money),
    dueDate: date,
    status: maybe(mostly(fc.constantFrom('open', 'open', 'settled', 'suspended', 'deleted'), fc.constant('bogus'))),
    fiscalDocumentIssued: maybe(mostly(fc.boolean(), fc.constant('yes'))),
    bankRemittanceGenerated: maybe(fc.boolean()),
    extra: maybe(fc.constant('ignored')),
  },
  { requiredKeys: ['id', 'amount', 'dueDate'] },
);
const installments = mostly(fc.oneof(
  fc.record(
    {
      kind: fc.constant('regular'),
      count: mostly(fc.integer({ min: 1, max: 24 }), fc.constantFrom(0, 361, 2.5, '12')),
      firstDueDate: date,
      frequency: maybe(mostly(fc.constantFrom('monthly', 'weekly', 'fortnightly'), fc.constant('daily'))),
      description: mostly(fc.constant('Acordo'), fc.constant('')),
      paymentProfile: fc.constantFrom('boleto', 'pix'),
      moveToBusinessDay: maybe(fc.boolean()),
    },
    { requiredKeys: ['kind', 'count', 'firstDueDate', 'description', 'paymentProfile'] },
  ),
  fc.record({ kind: fc.constant('single'), dueDate: date, description: fc.constant('Acordo'), paymentProfile: fc.constant('boleto'), moveToBusinessDay: maybe(fc.boolean()) }),
  fc.record({ kind: fc.constant('dates'), dates: fc.array(date, { minLength: 0, maxLength: 4 }), description: fc.constant('Acordo'), paymentProfile: fc.constant('boleto') }),
), fc.constantFrom(null, { kind: 'monthly' }));
const proposal = fc.record(
  {
    kind: mostly(fc.constantFrom('new_proposal', 'new_proposal', 'keep_terms'), fc.constant('other')),
    asOf: date,
    invoices: fc.array(invoice, { minLength: 0, maxLength: 4 }),
    selectedInvoiceIds: fc.array(mostly(fc.constantFrom(...ids), fc.constant('')), { minLength: 0, maxLength: 4 }),
    toleranceDate: date,
    category: mostly(fc.constant('acordo'), fc.constant('')),
    specialProcesses: maybe(mostly(fc.record({ allowFiscalDocumentIssued: maybe(fc.boolean()) }), fc.constant('x'))),
    baseAmounts: maybe(mostly(fc.constantFrom('original', 'updated'), fc.constant('other'))),
    lateChargesPolicy: maybe(mostly(fc.constant({ fine: { percent: '2' }, interest: { kind: 'monthly', percent: '1' } }), fc.constantFrom({ fine: { percent: '-1' } }, 'policy'))),
    surchargePercent: maybe(percent),
    finePercent: maybe(percent),
    fineCap: maybe(mostly(fc.record({ consumerContract: maybe(fc.boolean()), capPercent: maybe(percent), aboveCap: maybe(mostly(fc.constantFrom('cap', 'refuse'), fc.constant('no'))) }), fc.constant({ unknown: true }))),
    discountPercent: maybe(percent),
    discountAmount: maybe(money),
    chargesAmount: maybe(money),
    feesAmount: maybe(money),
    accountPlan: maybe(mostly(fc.constantFrom({ surcharge: '4.01', fine: '4.02', discount: '4.03', charges: '4.04', fees: '4.05' }, { fine: '4.02', other: 'x' }), fc.constant({ fine: '' }))),
    originals: maybe(mostly(fc.constantFrom('cancel', 'suspend'), fc.constant('delete'))),
    keepOnTimeDiscount: maybe(fc.boolean()),
    installments,
    allocation: maybe(mostly(fc.constantFrom('first', 'last', 'largest_remainder'), fc.constant('middle'))),
    rounding: maybe(mostly(fc.constantFrom('half_up', 'half_even', 'down', 'up'), fc.constant('sideways'))),
    discountsOnlyReduceLateCharges: maybe(fc.boolean()),
    allowNegativeInstallments: maybe(fc.boolean()),
  },
  { requiredKeys: ['kind', 'asOf', 'invoices', 'selectedInvoiceIds', 'toleranceDate', 'category', 'installments'] },
);

describe('proposeAgreement fast path', () => {
  it('reads by hand only what the schema accepts, with the same output (and reads most well-formed inputs)', () => {
    let read = 0;
    fc.assert(
      fc.property(proposal, (value) => {
        const fast = readProposalFast(value);
        if (fast === undefined) return;
        read++;
        // The reader leaves lateChargesPolicy to the caller (compiled and cached there; the whole call is checked below).
        const { lateChargesPolicy: _policy, ...rest } = value;
        const parsed = proposalInputSchema.safeParse(rest);
        expect(parsed.success).toBe(true);
        if (parsed.success) expect(fast).toEqual(parsed.data);
      }),
      { numRuns: 4_000, seed: 20261202 },
    );
    expect(read).toBeGreaterThan(400);
  });

  it('gives the same agreements and the same errors as the schema-only path, on first and repeated calls', () => {
    fc.assert(
      fc.property(proposal, (value) => {
        const expected = answer(proposeAgreementChecked(value as ProposalInput));
        expect(answer(proposeAgreement(value as ProposalInput))).toEqual(expected);
        expect(answer(proposeAgreement(value as ProposalInput))).toEqual(expected);
      }),
      { numRuns: 1_000, seed: 20261202 },
    );
  });

  it('takes the fast path for a well-formed proposal (the property above is not vacuous)', () => {
    const input: ProposalInput = {
      kind: 'new_proposal',
      asOf: '2026-03-02',
      invoices: [{ id: 'A', amount: '600.00', dueDate: '2026-01-10' }, { id: 'B', amount: { cents: 40_000 }, dueDate: '2026-02-10', status: 'open' }],
      selectedInvoiceIds: ['A', 'B'],
      toleranceDate: '2026-04-30',
      category: 'acordo',
      surchargePercent: '5',
      finePercent: '2',
      accountPlan: { surcharge: '4.01', fine: '4.02' },
      installments: { kind: 'regular', count: 12, firstDueDate: '2026-03-31', moveToBusinessDay: true, description: 'Acordo', paymentProfile: 'boleto' },
    };
    expect(readProposalFast(input)).toBeDefined();
    expect(answer(proposeAgreement(input))).toEqual(answer(proposeAgreementChecked(input)));
    expect(proposeAgreement(input)._unsafeUnwrap().plan.installments).toHaveLength(12);
  });
});

/** The fields of one case; everything else of a new proposal is its terms. */
const CASE_FIELDS = new Set(['kind', 'asOf', 'invoices', 'selectedInvoiceIds', 'toleranceDate', 'category', 'installments']);
const split = (value: Record<string, unknown>): { terms: Record<string, unknown>; rest: Record<string, unknown> } => ({
  terms: Object.fromEntries(Object.entries(value).filter(([k]) => !CASE_FIELDS.has(k) && value[k] !== undefined)),
  rest: Object.fromEntries(Object.entries(value).filter(([k]) => CASE_FIELDS.has(k) && k !== 'kind')),
});

describe('proposeAgreement with terms parsed once (proposalTerms)', () => {
  it('gives what the proposal written out in full gives (agreements and errors), and refuses what the full proposal refuses', () => {
    let withTerms = 0;
    fc.assert(
      fc.property(proposal, (value) => {
        const { terms, rest } = split(value);
        const full = { ...terms, ...rest, kind: 'new_proposal' } as ProposalInput;
        const expected = answer(proposeAgreementChecked(full));
        const made = proposalTerms(terms as never);
        if (made.isErr()) {
          expect(made.error.code).toBe('invalid_input');
          expect(proposeAgreementChecked(full).isErr()).toBe(true);
          return;
        }
        withTerms++;
        const input = { terms: made.value, ...rest } as never;
        expect(answer(proposeAgreement(input))).toEqual(expected);
        expect(answer(proposeAgreement(input))).toEqual(expected);
      }),
      { numRuns: 1_000, seed: 20261206 },
    );
    expect(withTerms).toBeGreaterThan(300);
  });

  it('refuses terms it did not make and a case that repeats a term', () => {
    const made = proposalTerms({ finePercent: '2', accountPlan: { fine: '4.02' } })._unsafeUnwrap();
    const kase = { asOf: '2026-03-02', invoices: [{ id: 'A', amount: '600.00', dueDate: '2026-01-10' }], selectedInvoiceIds: ['A'], toleranceDate: '2026-04-30', category: 'acordo', installments: { kind: 'single', dueDate: '2026-03-31', description: 'Acordo', paymentProfile: 'boleto' } };
    expect(proposeAgreement({ terms: { policy: { finePercent: '2' } }, ...kase } as never)._unsafeUnwrapErr().path).toEqual(['terms']);
    expect(proposeAgreement({ terms: made, ...kase, finePercent: '3' } as never)._unsafeUnwrapErr().path).toEqual(['finePercent']);
    expect(proposeAgreement({ terms: made, ...kase } as never).isOk()).toBe(true);
    expect(proposalTerms({ asOf: '2026-03-02' } as never)._unsafeUnwrapErr().path).toEqual(['asOf']);
    expect(Object.isFrozen(made) && Object.isFrozen(made.policy)).toBe(true);
  });
});
