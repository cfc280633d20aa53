import { addDays, type ActionLogEntry, type CivilDate, type Collections, type InvoiceRecord, type Store } from 'cobranca';
import type { CustomerAct, Agenda } from './agenda.js';
import { SIMULATION_OPERATORS } from './configuration.js';
import { SimulationLedger } from './ledger.js';
import type { Behaviour } from './portfolio.js';

/** What acting needs: the app, its store (read as the host reads its own data), the books, who behaves how. */
export interface ActContext {
  readonly app: Collections;
  readonly store: Store;
  readonly ledger: SimulationLedger;
  readonly agenda: Agenda;
  readonly behaviours: ReadonlyMap<string, Behaviour>;
  readonly categoryId: string;
  readonly branchOf: ReadonlyMap<string, string>;
}

const operatorOf = (customerId: string): string => SIMULATION_OPERATORS[Number(customerId.slice(1)) % SIMULATION_OPERATORS.length] ?? 'operador.ana';

function refused(ctx: ActContext, command: string, code: string): void {
  SimulationLedger.bump(ctx.ledger.refusals, `${command}: ${code}`);
}

/** The last ruler step done for an invoice before `day` (what the payment is credited to in the report), from its action log. */
function lastStepOf(invoice: InvoiceRecord, entries: readonly ActionLogEntry[]): string {
  if (invoice.installment) return 'agreement installment';
  const steps = entries.filter((e) => !e.action.startsWith('took_effect') && !e.action.startsWith('skip'));
  return steps.at(-1)?.stepId ?? 'before any step';
}

/** Pays an invoice in full: the amount of the boleto, then what the payment outcome says is still owed (fine, interest). */
async function pay(ctx: ActContext, invoiceId: string, day: CivilDate): Promise<void> {
  // one read: the invoice and, for an open one, its action log (the step the payment is credited to)
  const read = await ctx.store.transaction(async (tx) => {
    const invoice = await tx.invoices.get(invoiceId);
    return invoice?.status === 'open' ? { invoice, step: lastStepOf(invoice, invoice.installment ? [] : await tx.actionLog.forInvoice(invoiceId)) } : undefined;
  });
  if (!read) return;
  const { invoice, step } = read;
  const branch = ctx.branchOf.get(invoice.customerId) ?? '';
  let amount = invoice.amount.cents - invoice.paid.cents;
  for (let attempt = 1; attempt <= 2 && amount > 0; attempt++) {
    const outcome = await ctx.app.recordPayment({ idempotencyKey: `pay-${invoiceId}-${day}-${attempt}`, actor: 'pix-webhook', invoiceId, amount: (amount / 100).toFixed(2), method: 'pix' });
    if (outcome.isErr()) return refused(ctx, 'recordPayment', outcome.error.code);
    ctx.ledger.payments.push({ invoiceId, branch, cents: amount, on: day, step });
    amount = outcome.value.settled ? 0 : outcome.value.owed.owed.cents;
  }
}

async function openOverdue(ctx: ActContext, customerId: string, day: CivilDate): Promise<InvoiceRecord[]> {
  const invoices = await ctx.store.transaction((tx) => tx.invoices.list({ customerId }));
  return invoices.filter((i) => i.status === 'open' && i.dueDate < day && i.agreementId === undefined && i.disputed !== true);
}

async function negotiate(ctx: ActContext, customerId: string, day: CivilDate): Promise<void> {
  const behaviour = ctx.behaviours.get(customerId);
  if (behaviour?.kind !== 'negotiator') return;
  const overdue = await openOverdue(ctx, customerId, day);
  if (overdue.length === 0) return;
  const operator = operatorOf(customerId);
  const firstDueDate = addDays(day, 5);
  const outcome = await ctx.app.negotiate({
    idempotencyKey: `deal-${customerId}`, actor: operator, customerId,
    proposal: {
      kind: 'new_proposal', selectedInvoiceIds: overdue.map((i) => i.id), toleranceDate: addDays(firstDueDate, 10), category: ctx.categoryId,
      finePercent: '2', discountPercent: '5', accountPlan: { fine: '3.1.02', discount: '3.1.04' },
      installments: { kind: 'regular', count: behaviour.installments, firstDueDate, description: `Acordo ${customerId}`, paymentProfile: 'boleto' },
    },
  });
  if (outcome.isErr()) return refused(ctx, 'negotiate', outcome.error.code);
  ctx.ledger.agreementsMade++;
  await ctx.app.addComment({ idempotencyKey: `deal-note-${customerId}`, actor: operator, customerId, text: `Acordo em ${behaviour.installments} parcelas`, contactType: 'active', medium: 'telefone' });
  // keepers pay every installment on its due date; breakers pay the first and stop
  const installments = outcome.value.createdInvoices;
  for (const [i, invoice] of installments.entries()) {
    if (behaviour.keeps || i === 0) ctx.agenda.add(invoice.dueDate < day ? day : invoice.dueDate, { kind: 'pay', invoiceId: invoice.id });
  }
}

async function dispute(ctx: ActContext, customerId: string, invoiceId: string): Promise<void> {
  // A dispute is the host's own record: the invoice is marked contested (the guards then refuse to register it).
  await ctx.store.transaction(async (tx) => {
    const invoice = await tx.invoices.get(invoiceId);
    if (invoice && invoice.status === 'open') await tx.invoices.update({ ...invoice, version: invoice.version + 1, disputed: true });
  });
  ctx.ledger.disputes++;
  // the operator opens the case (seed 004's collection account) and writes the customer's contestation down
  const started = await ctx.app.startCollection({ idempotencyKey: `dispute-start-${invoiceId}`, actor: operatorOf(customerId), customerId, invoiceIds: [invoiceId] });
  if (started.isErr()) return refused(ctx, 'startCollection', started.error.code);
  const added = await ctx.app.addComment({ idempotencyKey: `dispute-${invoiceId}`, actor: operatorOf(customerId), customerId, text: 'Cliente contesta a cobrança', contactType: 'reactive', medium: 'e-mail' });
  if (added.isErr()) refused(ctx, 'addComment', added.error.code);
}

/** Performs one act on its day; a refusal is counted (the summary shows it), never thrown. */
export async function perform(ctx: ActContext, act: CustomerAct, day: CivilDate): Promise<void> {
  switch (act.kind) {
    case 'pay':
      return pay(ctx, act.invoiceId, day);
    case 'start-collection': {
      const overdue = await openOverdue(ctx, act.customerId, day);
      if (overdue.length === 0) return;
      const started = await ctx.app.startCollection({ idempotencyKey: `start-${act.customerId}`, actor: operatorOf(act.customerId), customerId: act.customerId, invoiceIds: overdue.map((i) => i.id) });
      if (started.isErr()) return refused(ctx, 'startCollection', started.error.code);
      return;
    }
    case 'confirm-collection': {
      const confirmed = await ctx.app.confirmCollection({ idempotencyKey: `confirm-${act.customerId}`, actor: operatorOf(act.customerId), customerId: act.customerId });
      if (confirmed.isErr()) return refused(ctx, 'confirmCollection', confirmed.error.code);
      return;
    }
    case 'negotiate':
      return negotiate(ctx, act.customerId, day);
    case 'dispute':
      return dispute(ctx, act.customerId, act.invoiceId);
    case 'contact': {
      const noted = await ctx.app.addComment({ idempotencyKey: `contact-${act.customerId}-${day}`, actor: operatorOf(act.customerId), customerId: act.customerId, text: 'Tentativa de contato: cliente não atendeu', contactType: 'active', medium: 'telefone' });
      if (noted.isErr()) refused(ctx, 'addComment', noted.error.code);
      return;
    }
  }
}
