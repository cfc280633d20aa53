/**
 * A first look at cobranca: renegotiate an overdue invoice into installments
 * that add up to the centavo (each component placed as the rules say), and find
 * the deadline to remove a bureau registration after payment.
 * Run: npm run example
 */
import { proposeAgreement } from 'cobranca/agreements';
import { brazilianCalendar, civilDate, formatBrl } from 'cobranca';

const calendar = brazilianCalendar();

// Seed 001's debt of R$ 373,52, renegotiated with a 2% fine, R$ 30,00 of fees and a 5% discount,
// in 3 monthly installments from 10 Dec 2026, each moved to a business day.
const proposal = proposeAgreement({
  kind: 'new_proposal',
  asOf: '2026-11-24',
  invoices: [{ id: 'fatura-1', amount: '373.52', dueDate: '2026-10-10' }],
  selectedInvoiceIds: ['fatura-1'],
  toleranceDate: '2026-12-20',
  category: 'renegociação',
  finePercent: '2',
  feesAmount: '30.00',
  discountPercent: '5',
  accountPlan: { fine: '3.1.02', fees: '3.1.03', discount: '3.1.04' },
  installments: { kind: 'regular', count: 3, firstDueDate: '2026-12-10', description: 'Acordo fatura-1', paymentProfile: 'boleto', moveToBusinessDay: true },
});
if (proposal.isErr()) throw new Error(proposal.error.message);
const { plan, instructions } = proposal.value;

console.log(`Agreement total ${formatBrl(plan.total)} (base, +2% fine, +fees, −5% discount), in ${plan.installments.length} installments:`);
for (const installment of plan.installments) {
  const parts = Object.entries(installment.breakdown)
    .filter(([, amount]) => amount.cents !== 0)
    .map(([component, amount]) => `${component} ${formatBrl(amount)}`)
    .join(', ');
  console.log(`  ${installment.number}/${plan.installments.length}  due ${installment.dueDate}  ${formatBrl(installment.amount).padStart(10)}   (${parts})`);
}
console.log(`  cancel ${instructions.cancelInvoices.join(', ')}; create ${instructions.createInvoices.length} new invoices`);

// Paid with funds available on Thursday 2026-11-19: the creditor must ask the bureau to
// remove the registration within 5 business days (STJ Súmula 548). 20 Nov is a holiday.
const fundsAvailable = civilDate('2026-11-19');
const deadline = calendar.addBusinessDays(fundsAvailable, 5);
console.log(`\nFunds available ${fundsAvailable}: request removal by ${deadline} (${calendar.holidayOn(civilDate('2026-11-20'))?.name} is a holiday).`);
