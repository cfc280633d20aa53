import * as z from 'zod';
import { maxDate, toEpochDay } from '../../calendar/index.js';
import { cobrancaError } from '../../errors.js';
import { fromCents } from '../../money/index.js';
import { proposeAgreement, type AgreementInvoiceInput, type ProposalInput } from '../../agreements/index.js';
import type { AgreementRecord, InvoiceRecord, StoreTransaction } from '../../ports/index.js';
import { abort, commandBaseSchema, notFound, runCommand } from '../command.js';
import { recordAudit } from '../audit.js';
import type { AppContext } from '../dependencies.js';
import { applyNegativationEvent } from '../negativation/negativation-store.js';

/** Input of {@link negotiate}: the proposal as in `proposeAgreement`, without `asOf` and `invoices` (the store provides them). */
export const negotiateSchema = commandBaseSchema.extend({
  customerId: z.string().min(1),
  /** `proposeAgreement`'s input less `asOf` and `invoices`; it is validated there, with paths under `proposal`. */
  proposal: z.record(z.string(), z.unknown()),
});

/** What `negotiate` did. */
export interface NegotiationOutcome {
  readonly agreement: AgreementRecord;
  /** Invoices created for the installments (a new proposal). */
  readonly createdInvoices: readonly InvoiceRecord[];
  readonly cancelledInvoiceIds: readonly string[];
  readonly suspendedInvoiceIds: readonly string[];
}

const STATUS_FOR_AGREEMENTS: Record<InvoiceRecord['status'], AgreementInvoiceInput['status']> = {
  open: 'open',
  paid: 'settled',
  suspended: 'suspended',
  cancelled: 'deleted',
  deleted: 'deleted',
};

async function invoicesForProposal(tx: StoreTransaction, context: AppContext, customerId: string): Promise<{ inputs: AgreementInvoiceInput[]; records: Map<string, InvoiceRecord> }> {
  const records = await tx.invoices.list({ customerId });
  const today = context.today();
  const earliest = records.reduce((min, r) => (r.dueDate < min ? r.dueDate : min), today);
  const calculator = await context.policies.lateCharges(earliest, maxDate(today, earliest));
  const inputs = records.map((invoice): AgreementInvoiceInput => {
    const figures = calculator?.figures(invoice.amount.cents - invoice.paid.cents, toEpochDay(invoice.dueDate), toEpochDay(today));
    const updated = figures?.isOk() ? fromCents(figures.value.totalCents) : undefined;
    return {
      id: invoice.id,
      amount: fromCents(Math.max(0, invoice.amount.cents - invoice.paid.cents)),
      ...(updated ? { updatedAmount: updated } : {}),
      dueDate: invoice.dueDate,
      // An open invoice already in an (active keep-terms) agreement is held by it: shown to the engine as suspended, so it is not eligible twice.
      status: invoice.agreementId !== undefined && invoice.status === 'open' ? 'suspended' : STATUS_FOR_AGREEMENTS[invoice.status],
      fiscalDocumentIssued: invoice.fiscalDocumentIssued ?? false,
      bankRemittanceGenerated: invoice.bankRemittanceGenerated ?? false,
    };
  });
  return { inputs, records: new Map(records.map((r) => [r.id, r])) };
}

/**
 * Seed 004 "Fazer Acordo": proposes an agreement over the customer's selected
 * invoices through the agreements engine and applies its ledger instructions
 * in one transaction: the agreement stored, the invoices placed in it, the
 * originals cancelled or suspended, one invoice created per installment, the
 * negativations of those invoices told (`agreement_made`), the history written.
 * Invoices already in an active agreement count as not eligible.
 */
export function negotiate(context: AppContext) {
  return (input: unknown) =>
    runCommand(context, 'negotiate', negotiateSchema, input, async (tx, cmd): Promise<NegotiationOutcome> => {
      const customer = await tx.customers.get(cmd.customerId);
      if (!customer) abort(notFound('customer', cmd.customerId, ['customerId']));
      const { inputs, records } = await invoicesForProposal(tx, context, customer.id);
      const proposed = proposeAgreement({ ...cmd.proposal, asOf: context.today(), invoices: inputs } as unknown as ProposalInput, { calendar: context.calendar });
      if (proposed.isErr()) abort({ ...proposed.error, ...(proposed.error.path ? { path: ['proposal', ...proposed.error.path] } : {}) });
      const agreement = proposed.value;
      const id = context.ids.next('agreement');
      const { instructions } = agreement;
      const branchId = records.get(instructions.placeInAgreement[0] ?? '')?.branchId;

      const created: InvoiceRecord[] = instructions.createInvoices.map((instruction) => ({
        id: context.ids.next('invoice'),
        version: 1,
        customerId: customer.id,
        ...(branchId ? { branchId } : {}),
        description: instruction.description,
        amount: instruction.amount,
        dueDate: instruction.dueDate,
        status: 'open',
        paid: fromCents(0),
        agreementId: id,
        installment: { agreementId: id, number: instruction.installment },
      }));
      const installmentInvoices =
        agreement.kind === 'keep-terms'
          ? agreement.plan.installments.map((i) => ({ number: i.number, invoiceId: i.invoiceId ?? '' }))
          : created.map((invoice) => ({ number: invoice.installment?.number ?? 0, invoiceId: invoice.id }));
      const record: AgreementRecord = { id, version: 1, customerId: customer.id, status: 'active', installmentInvoices, agreement };
      await tx.agreements.insert(record);

      for (const invoiceId of instructions.placeInAgreement) {
        const invoice = records.get(invoiceId);
        if (!invoice) abort(cobrancaError('not_found', `invoice '${invoiceId}' vanished during the negotiation`));
        const status = instructions.cancelInvoices.includes(invoiceId) ? 'cancelled' : instructions.suspendInvoices.includes(invoiceId) ? 'suspended' : invoice.status;
        await tx.invoices.update({ ...invoice, version: invoice.version + 1, agreementId: id, status });
        await recordAudit(tx, context, { actor: cmd.actor, subjectType: 'invoice', subjectId: invoiceId, action: 'placed_in_agreement', details: { agreementId: id, status } });
        for (const negativation of await tx.negativations.list({ invoiceId })) {
          if (['recovered', 'cancelled', 'failed', 'recovering', 'cancelling'].includes(negativation.status)) continue;
          await applyNegativationEvent(tx, context, negativation, { type: 'agreement_made', on: context.today(), actor: cmd.actor, agreementId: id, at: context.nowIso() });
        }
      }
      for (const invoice of created) {
        await tx.invoices.insert(invoice);
        await recordAudit(tx, context, { actor: cmd.actor, subjectType: 'invoice', subjectId: invoice.id, action: 'created_by_agreement', details: { agreementId: id, installment: invoice.installment?.number } });
      }
      await recordAudit(tx, context, { actor: cmd.actor, subjectType: 'agreement', subjectId: id, action: 'agreement_made', details: { kind: agreement.kind, total: agreement.total.cents, installments: agreement.plan.installments.length } });
      await recordAudit(tx, context, { actor: cmd.actor, subjectType: 'account', subjectId: `account:${customer.id}`, action: 'agreement_made', details: { agreementId: id, kind: agreement.kind } });
      return { agreement: record, createdInvoices: created, cancelledInvoiceIds: instructions.cancelInvoices, suspendedInvoiceIds: instructions.suspendInvoices };
    });
}
