import { err, ok, type Result } from 'neverthrow';
import { defaultBusinessCalendar } from '../calendar/index.js';
import { cobrancaError, parseInput, type InputOf } from '../errors.js';
import { compiledPolicyOf } from './compiled-policy.js';
import type { AgreementsError } from './errors.js';
import { newProposalSchema, type ProposalInput, type ProposalOptions } from './proposal-schema.js';

/** zod schema of a proposal's terms: a new proposal's policy, without what changes from case to case. */
export const proposalTermsSchema = newProposalSchema.omit({ kind: true, asOf: true, invoices: true, selectedInvoiceIds: true, toleranceDate: true, category: true, installments: true }).strict();

/** The terms as the host writes them (percentages, fine cap, amounts, account plan, late-charges policy, rounding…). */
export type ProposalTermsInput = InputOf<typeof proposalTermsSchema>;

/**
 * A proposal policy parsed once (see {@link proposalTerms}): hand it to
 * `proposeAgreement` as `terms` with the fields of one case. Opaque and frozen.
 */
export interface ProposalTerms {
  /** The terms as given, copied and deeply frozen (plain objects and arrays). */
  readonly policy: ProposalTermsInput;
}

/** The fields of one case that go with {@link ProposalTerms} in `proposeAgreement({ terms, … })`. */
export type ProposalWithTerms = { readonly terms: ProposalTerms } & Pick<
  Extract<ProposalInput, { readonly kind: 'new_proposal' }>,
  'asOf' | 'invoices' | 'selectedInvoiceIds' | 'toleranceDate' | 'category' | 'installments'
>;

/** Terms made by {@link proposalTerms} (a look-alike object is refused). */
const made = new WeakSet<object>();

/**
 * A copy whose plain objects and arrays are frozen; anything else (a decimal.js value, a compiled
 * late-charges handle) is kept as it is. A value met twice (shared, or a cycle) is copied once.
 */
function frozenCopy(value: unknown, copies = new Map<object, unknown>()): unknown {
  if (typeof value !== 'object' || value === null) return value;
  const known = copies.get(value);
  if (known !== undefined) return known;
  if (Array.isArray(value)) {
    const copy: unknown[] = [];
    copies.set(value, copy);
    for (const inner of value as unknown[]) copy.push(frozenCopy(inner, copies));
    return Object.freeze(copy);
  }
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return value;
  const copy: Record<string, unknown> = {};
  copies.set(value, copy);
  for (const [key, inner] of Object.entries(value)) copy[key] = frozenCopy(inner, copies);
  return Object.freeze(copy);
}

/**
 * Parses a new proposal's policy once (a branch's agreement terms): the
 * percentages, fine cap, discounts, charges and fees, account plan,
 * originals, rounding, allocation and the late-charges policy of
 * `baseAmounts: 'updated'` (compiled here). `proposeAgreement({ terms, … })`
 * then reads only the case (dates, invoices, installments) and gives exactly
 * what the same proposal written out in full gives. Errors: `invalid_input`
 * with the path of the bad term (a case field such as `asOf` among the terms
 * is one).
 * @example
 * ```ts
 * import { proposalTerms, proposeAgreement } from 'cobranca/agreements';
 *
 * const terms = proposalTerms({ surchargePercent: '5', finePercent: '2', accountPlan: { surcharge: '4.01', fine: '4.02' } });
 * if (terms.isErr()) throw new Error(terms.error.message);
 * const agreement = proposeAgreement({
 *   terms: terms.value,
 *   asOf: '2026-03-02',
 *   invoices: [{ id: 'A', amount: '600.00', dueDate: '2026-01-10' }],
 *   selectedInvoiceIds: ['A'],
 *   toleranceDate: '2026-04-30',
 *   category: 'acordo',
 *   installments: { kind: 'regular', count: 3, firstDueDate: '2026-03-31', description: 'Acordo', paymentProfile: 'boleto' },
 * });
 * if (agreement.isErr()) throw new Error(agreement.error.message);
 * console.log(agreement.value.total.cents); // → 64200
 * ```
 */
export function proposalTerms(policy: ProposalTermsInput, options: ProposalOptions = {}): Result<ProposalTerms, AgreementsError> {
  const parsed = parseInput(proposalTermsSchema, policy);
  if (parsed.isErr()) return err(parsed.error);
  const frozen = frozenCopy(policy) as ProposalTermsInput;
  // Compile the late-charges policy now: proposeAgreement finds it by identity (the copy is frozen, so it never changes).
  if (frozen.lateChargesPolicy !== undefined) compiledPolicyOf(frozen.lateChargesPolicy, options.calendar ?? defaultBusinessCalendar());
  const terms: ProposalTerms = Object.freeze({ policy: frozen });
  made.add(terms);
  return ok(terms);
}

/** Whether `value` was made by {@link proposalTerms}. */
export function isProposalTerms(value: unknown): value is ProposalTerms {
  return typeof value === 'object' && value !== null && made.has(value);
}

/**
 * A proposal given as `{ terms, …case }` written out in full (`kind: 'new_proposal'`, the terms, then the case),
 * or `undefined` when `input` has no `terms`. `invalid_input` when `terms` is not made by {@link proposalTerms}
 * or the case repeats a term.
 */
export function proposalWithTermsOf(input: unknown): Result<ProposalInput, AgreementsError> | undefined {
  if (typeof input !== 'object' || input === null || !Object.hasOwn(input, 'terms')) return undefined;
  const { terms, ...rest } = input as { readonly terms: unknown } & Record<string, unknown>;
  if (!isProposalTerms(terms)) return err(cobrancaError('invalid_input', 'expected terms made by proposalTerms()', { path: ['terms'] }));
  for (const key of Object.keys(rest)) {
    if (key === 'kind' || Object.hasOwn(terms.policy, key) || Object.hasOwn(proposalTermsSchema.shape, key)) {
      return err(cobrancaError('invalid_input', `given with terms, a proposal takes only its case (asOf, invoices, selectedInvoiceIds, toleranceDate, category, installments)`, { path: [key] }));
    }
  }
  return ok({ kind: 'new_proposal', ...terms.policy, ...rest } as ProposalInput);
}
