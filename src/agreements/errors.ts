import type { CobrancaError } from '../errors.js';

/**
 * Stable error codes of the agreements module. Every public function returns
 * one of these (or the kernel's `invalid_input`) in a `Result`, never a throw.
 */
export type AgreementsErrorCode =
  /** The input did not match its schema; `path` names the field. */
  | 'invalid_input'
  /** An interest-rate series (e.g. the legal rate) has no value for a month the late period needs; `details.month`. */
  | 'rate_missing'
  /** A correction-index series (e.g. IPCA) has no value for a month the late period needs; `details.month`. */
  | 'index_missing'
  /** A figure left the supported range (±R$ 1 trillion). */
  | 'amount_out_of_range'
  /** An invoice id in the selection is not among the invoices given. */
  | 'unknown_invoice'
  /** The same invoice id appears twice. */
  | 'duplicate_invoice'
  /** A selected invoice may not enter an agreement; `details.reasons`. */
  | 'invoice_not_eligible'
  /** The tolerance date is not strictly after the as-of date (seed 004). */
  | 'tolerance_date_not_after_as_of'
  /** An installment's due date is before the as-of date. */
  | 'due_date_before_as_of'
  /** Explicit installment dates are not strictly increasing. */
  | 'dates_not_increasing'
  /** The discounts are larger than the base. */
  | 'discount_exceeds_base'
  /** Policy from seed 001: a discount may only reduce late charges, never principal. */
  | 'discount_exceeds_late_charges'
  /** A non-zero component has no chart-of-accounts code (seed 004). */
  | 'account_plan_missing'
  /** "Keep the contract's on-time discount" is not available when the originals are suspended (seed 004). */
  | 'on_time_discount_unavailable'
  /** An installment (or its spread part) would be negative and the policy does not allow it. */
  | 'negative_installment'
  /** The installments do not add up to the agreement's total (seed 001); `details.difference`. */
  | 'plan_unbalanced'
  /** An edit names an installment the plan does not have. */
  | 'installment_not_found'
  /** A consumer debt's agreement fine is above the cap (CDC art. 52 §1) and the cap rule says `refuse`. */
  | 'fine_above_consumer_cap';

/** An error of the agreements module. */
export type AgreementsError = CobrancaError<AgreementsErrorCode>;
