import type { CivilDate } from '../calendar/index.js';
import type { Money } from '../money/index.js';
import { COMPONENT_NAMES, type ComponentName } from './components.js';
import type { InstallmentPlan } from './installment-plan.js';

/** One account-plan line of a new invoice: a component, its chart-of-accounts code and its amount. */
export interface AccountPlanLine {
  readonly component: ComponentName;
  /** The code from the agreement's account plan (`null` for the base when none was given). */
  readonly account: string | null;
  readonly amount: Money;
}

/** An invoice the host must create for an installment (seed 004, "Confirma geração dessa nova fatura?"). */
export interface NewInvoiceInstruction {
  readonly installment: number;
  readonly amount: Money;
  readonly dueDate: CivilDate;
  readonly description: string;
  readonly paymentProfile: string;
  /** Apply the contract's on-time-payment discount to this invoice (seed 004, release 65). */
  readonly keepOnTimeDiscount: boolean;
  /** The installment's non-zero components with their codes; they add up to `amount`. */
  readonly accountPlanLines: readonly AccountPlanLine[];
}

/**
 * What the host must do to its receivables for an agreement, as data: mark the invoices as in the
 * agreement, cancel or suspend the originals (a new proposal), and create the new invoices.
 */
export interface LedgerInstructions {
  /** Every invoice the agreement covers (sorted by id). */
  readonly placeInAgreement: readonly string[];
  readonly cancelInvoices: readonly string[];
  readonly suspendInvoices: readonly string[];
  readonly createInvoices: readonly NewInvoiceInstruction[];
}

/**
 * The invoices to create for a new_proposal plan, one per installment.
 * @example
 * ```ts
 * import { newInvoicesOf, proposeAgreement } from 'cobranca/agreements';
 * import { formatBrl } from 'cobranca/money';
 *
 * const agreement = proposeAgreement({
 *   kind: 'new_proposal', asOf: '2026-04-09', toleranceDate: '2026-04-30', category: 'renegociação',
 *   invoices: [{ id: 'f-101', amount: '1234.56', dueDate: '2026-03-10' }], selectedInvoiceIds: ['f-101'],
 *   installments: { kind: 'regular', count: 3, firstDueDate: '2026-04-20', description: 'Acordo f-101', paymentProfile: 'boleto' },
 * });
 * agreement.match(
 *   ({ plan }) => console.log(newInvoicesOf(plan).length), // → 3
 *   (error) => console.error(error.code, error.message),
 * );
 * ```
 */
export function newInvoicesOf(plan: InstallmentPlan): NewInvoiceInstruction[] {
  return plan.installments.map((installment) => ({
    installment: installment.number,
    amount: installment.amount,
    dueDate: installment.dueDate,
    description: plan.installments.length > 1 ? `${plan.description} (${installment.number}/${plan.installments.length})` : plan.description,
    paymentProfile: plan.paymentProfile,
    keepOnTimeDiscount: plan.keepOnTimeDiscount,
    accountPlanLines: COMPONENT_NAMES.filter((name) => installment.breakdown[name].cents !== 0).map((name) => ({
      component: name,
      account: plan.accountPlan[name] ?? null,
      amount: installment.breakdown[name],
    })),
  }));
}
