import { err, ok, type Result } from 'neverthrow';
import { proposeAgreement, type Agreement } from 'cobranca/agreements';
import { formatBrl, todayIn } from 'cobranca';
import { failureOf, flagFailure, type CliFailure } from '../failure.js';
import { readJsonFile } from '../input-file.js';
import { table, toJson, type Io } from '../output.js';

/** Flags of `cobranca agreement`. */
export interface AgreementFlags {
  readonly file?: string;
  readonly amount?: string;
  readonly due?: string;
  readonly asOf?: string;
  readonly installments?: string;
  readonly firstDue?: string;
  readonly tolerance?: string;
  readonly fine?: string;
  readonly surcharge?: string;
  readonly discount?: string;
  readonly discountAmount?: string;
  readonly fees?: string;
  readonly charges?: string;
  readonly json?: boolean;
}

/** Account codes for the components the flags make non-zero (a JSON file names its own). */
const FLAG_ACCOUNT_PLAN = { surcharge: '3.1.01', fine: '3.1.02', fees: '3.1.03', discount: '3.1.04', charges: '3.1.05' };

/** The proposal the flags describe: one invoice renegotiated as a new proposal. */
function proposalFromFlags(flags: AgreementFlags): Record<string, unknown> {
  const asOf = flags.asOf ?? todayIn({ now: () => new Date() });
  const withDefault = <T>(value: T | undefined, fallback: T): T => value ?? fallback;
  return {
    kind: 'new_proposal',
    asOf,
    invoices: [{ id: 'fatura-1', amount: withDefault(flags.amount, ''), dueDate: withDefault(flags.due, '') }],
    selectedInvoiceIds: ['fatura-1'],
    toleranceDate: withDefault(flags.tolerance, ''),
    category: 'renegociação',
    ...(flags.fine !== undefined ? { finePercent: flags.fine } : {}),
    ...(flags.surcharge !== undefined ? { surchargePercent: flags.surcharge } : {}),
    ...(flags.discount !== undefined ? { discountPercent: flags.discount } : {}),
    ...(flags.discountAmount !== undefined ? { discountAmount: flags.discountAmount } : {}),
    ...(flags.fees !== undefined ? { feesAmount: flags.fees } : {}),
    ...(flags.charges !== undefined ? { chargesAmount: flags.charges } : {}),
    accountPlan: FLAG_ACCOUNT_PLAN,
    installments: { kind: 'regular', count: Number(flags.installments ?? '1'), firstDueDate: withDefault(flags.firstDue, ''), description: 'Acordo', paymentProfile: 'boleto', moveToBusinessDay: true },
  };
}

/** The flag a proposal path comes from, so an error names what the user typed. */
const FLAG_OF: Readonly<Record<string, string>> = {
  'invoices.0.amount': '--amount', 'invoices.0.dueDate': '--due', asOf: '--as-of', toleranceDate: '--tolerance', 'installments.count': '--installments',
  'installments.firstDueDate': '--first-due', finePercent: '--fine', surchargePercent: '--surcharge', discountPercent: '--discount',
  discountAmount: '--discount-amount', feesAmount: '--fees', chargesAmount: '--charges',
};

/** `cobranca agreement`: a proposal from flags or a JSON file, printed as a table (or JSON). */
export function agreementCommand(flags: AgreementFlags, io: Io): Result<void, CliFailure> {
  let agreement: Agreement;
  if (flags.file !== undefined) {
    const input = readJsonFile(flags.file);
    if (input.isErr()) return err(input.error);
    const proposal = proposeAgreement(input.value.value as Parameters<typeof proposeAgreement>[0]);
    if (proposal.isErr()) return err(failureOf(proposal.error, input.value));
    agreement = proposal.value;
  } else {
    const proposal = proposeAgreement(proposalFromFlags(flags) as Parameters<typeof proposeAgreement>[0]);
    if (proposal.isErr()) {
      const flag = FLAG_OF[(proposal.error.path ?? []).join('.')];
      return err(flag !== undefined ? flagFailure(flag, proposal.error) : failureOf(proposal.error));
    }
    agreement = proposal.value;
  }
  printAgreement(agreement, flags.json === true, io);
  return ok(undefined);
}

function printAgreement(agreement: Agreement, json: boolean, io: Io): void {
  const { plan } = agreement;
  if (json) return io.out(toJson({ total: plan.total, installments: plan.installments, instructions: agreement.instructions }));
  const components = Object.keys(plan.installments[0]?.breakdown ?? {}).filter((name) => plan.installments.some((i) => (i.breakdown as Record<string, { cents: number }>)[name]?.cents !== 0));
  const rows = plan.installments.map((i) => [
    `${i.number}/${plan.installments.length}`,
    i.dueDate,
    formatBrl(i.amount),
    ...components.map((name) => formatBrl((i.breakdown as Record<string, Parameters<typeof formatBrl>[0]>)[name] ?? i.amount)),
  ]);
  io.out(table(['installment', 'due', 'amount', ...components], rows));
  io.out(`total ${formatBrl(plan.total)} in ${plan.installments.length} installment(s)`);
}
