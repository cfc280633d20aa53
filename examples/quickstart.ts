/**
 * A first look at cobranca: split a renegotiated debt into installments that
 * add up to the centavo, and find the deadline to remove a bureau registration.
 * Run: npm run example
 */
import {
  addMonths,
  allocate,
  brazilianCalendar,
  brl,
  civilDate,
  formatBrl,
  percentOf,
  add,
  sum,
} from '../src/index.js';

const calendar = brazilianCalendar();

// Seed 001's debt of R$ 373,52 with a 2% fine, split in 3 monthly installments from 2026-12-10.
const debt = brl('373.52');
const fine = percentOf(debt, '2', 'half-up');
const total = add(debt, fine);
const parts = allocate(total, 3, 'first');
if (parts.isErr()) throw new Error(parts.error.message);

console.log(`Debt ${formatBrl(debt)} + fine 2% ${formatBrl(fine)} = ${formatBrl(total)}, in 3 installments:`);
parts.value.forEach((amount, i) => {
  const due = calendar.businessDayOnOrAfter(addMonths(civilDate('2026-12-10'), i));
  console.log(`  ${i + 1}/3  due ${due}  ${formatBrl(amount)}`);
});
console.log(`  sum      ${formatBrl(sum(parts.value))}  (exact)`);

// Paid with funds available on Thursday 2026-11-19: the creditor must ask the bureau to
// remove the registration within 5 business days (STJ Súmula 548). 20 Nov is a holiday.
const fundsAvailable = civilDate('2026-11-19');
const deadline = calendar.addBusinessDays(fundsAvailable, 5);
console.log(`\nFunds available ${fundsAvailable}: request removal by ${deadline} (${calendar.holidayOn(civilDate('2026-11-20'))?.name} is a holiday).`);
