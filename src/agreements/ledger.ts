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

/** The invoices to create for a new_proposal plan, one per installment. */
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
