import { err, ok, type Result } from 'neverthrow';
import { cobrancaError, parseInput, type InputOf } from '../../errors.js';
import { fromCents } from '../../money/index.js';
import type { Agreement } from '../../agreements/index.js';
import type { AgreementRecord, InvoiceRecord } from '../../ports/index.js';
import { abort, attempt, runCommand, toAppError } from '../command.js';
import { buildAgreement, negotiateSchema, previewAgreementSchema } from './build-agreement.js';
import { recordAudit } from '../audit.js';
import type { AppContext } from '../dependencies.js';
import { applyNegativationEvent, statusOfRecord } from '../negativation/negativation-store.js';
import { eventAppliesIn } from '../../negativation/index.js';
import type { CollectionsError } from '../errors.js';

/** What `negotiate` did. */
export interface NegotiationOutcome {
  readonly agreement: AgreementRecord;
  /** Invoices created for the installments (a new proposal). */
  readonly createdInvoices: readonly InvoiceRecord[];
  readonly cancelledInvoiceIds: readonly string[];
  readonly suspendedInvoiceIds: readonly string[];
}

/**
 * Seed 004's preview ("pré geração das parcelas"): the agreement a
 * negotiation would make — its plan, components, installments, the fine as
 * capped — computed exactly as `negotiate` does, writing nothing. Confirm with
 * `negotiate` (pass the preview's total as `expectedTotal` to refuse a stale one).
 * @example
 * ```ts
 * import { brazilianCalendar, createCollections } from 'cobranca';
 * import { MemoryStore } from 'cobranca/adapters/memory';
 * import { fakeBureau, manualClock, recordingNotifier, sequentialIds, staticRates } from 'cobranca/testing';
 *
 * const clock = manualClock('2026-11-24T10:00:00-03:00');
 * const built = createCollections({
 *   store: new MemoryStore(), bureau: fakeBureau(), notifier: recordingNotifier(), rates: staticRates(), ids: sequentialIds(),
 *   clock, calendar: brazilianCalendar({ state: 'SP' }),
 *   creditor: { id: 'acme', name: 'ACME Telecom Ltda', document: '11.222.333/0001-81' },
 *   ruler: { id: 'padrao', steps: [{ id: 'atraso', offsetDays: 1, action: { kind: 'notify', channel: 'email', template: 'atraso' } }] },
 * });
 * if (built.isErr()) throw new Error(built.error.message);
 * const app = built.value;
 * await app.upsertCustomers({ idempotencyKey: 'crm-1', actor: 'crm', customers: [{ id: 'c-1', name: 'Maria Souza', taxId: '529.982.247-25', kind: 'person', email: 'maria.souza@exemplo.com.br',
 *   address: { street: 'Rua das Flores', number: '100', district: 'Centro', city: 'São Paulo', state: 'SP', cep: '01001-000' } }] });
 * await app.upsertInvoices({ idempotencyKey: 'erp-1', actor: 'erp', invoices: [{ id: 'inv-1', customerId: 'c-1', amount: '373.52', dueDate: '2026-10-13' }] });
 * const category = await app.createAgreementCategory({ idempotencyKey: 'cat-1', actor: 'admin', name: 'Renegociação' });
 * if (category.isErr()) throw new Error(category.error.message);
 * const preview = await app.previewAgreement({
 *   actor: 'operator.ana', customerId: 'c-1',
 *   proposal: {
 *     kind: 'new_proposal', selectedInvoiceIds: ['inv-1'], toleranceDate: '2026-12-20', category: category.value.id,
 *     installments: { kind: 'regular', count: 3, firstDueDate: '2026-12-10', description: 'Acordo fatura out/2026', paymentProfile: 'boleto' },
 *   },
 * });
 * if (preview.isOk()) for (const i of preview.value.plan.installments) console.log(i.number, i.dueDate, i.amount.cents);
 * // → 1 2026-12-10 12451
 * // → 2 2027-01-10 12451
 * // → 3 2027-02-10 12450
 * ```
 */
export function previewAgreement(context: AppContext) {
  return async (input: InputOf<typeof previewAgreementSchema>): Promise<Result<Agreement, CollectionsError>> => {
    const parsed = parseInput(previewAgreementSchema, input);
    if (parsed.isErr()) return err(parsed.error);
    try {
      const built = await context.store.transaction(async (tx) => {
        const outcome = await attempt(() => buildAgreement(tx, context, parsed.value));
        return outcome.ok ? ok(outcome.value.agreement) : err(outcome.error);
      });
      return built;
    } catch (error) {
      return err(toAppError(error));
    }
  };
}

/**
 * Seed 004 "Fazer Acordo": proposes an agreement over the customer's selected
 * invoices through the agreements engine and applies its ledger instructions
 * in one transaction: the agreement stored, the invoices placed in it, the
 * originals cancelled or suspended, one invoice created per installment, the
 * negativations of those invoices told (`agreement_made`), the history written.
 * Invoices already in an active agreement count as not eligible.
 * @example
 * ```ts
 * import { brazilianCalendar, createCollections } from 'cobranca';
 * import { MemoryStore } from 'cobranca/adapters/memory';
 * import { fakeBureau, manualClock, recordingNotifier, sequentialIds, staticRates } from 'cobranca/testing';
 *
 * const clock = manualClock('2026-11-24T10:00:00-03:00');
 * const built = createCollections({
 *   store: new MemoryStore(), bureau: fakeBureau(), notifier: recordingNotifier(), rates: staticRates(), ids: sequentialIds(),
 *   clock, calendar: brazilianCalendar({ state: 'SP' }),
 *   creditor: { id: 'acme', name: 'ACME Telecom Ltda', document: '11.222.333/0001-81' },
 *   ruler: { id: 'padrao', steps: [{ id: 'atraso', offsetDays: 1, action: { kind: 'notify', channel: 'email', template: 'atraso' } }] },
 * });
 * if (built.isErr()) throw new Error(built.error.message);
 * const app = built.value;
 * await app.upsertCustomers({ idempotencyKey: 'crm-1', actor: 'crm', customers: [{ id: 'c-1', name: 'Maria Souza', taxId: '529.982.247-25', kind: 'person', email: 'maria.souza@exemplo.com.br',
 *   address: { street: 'Rua das Flores', number: '100', district: 'Centro', city: 'São Paulo', state: 'SP', cep: '01001-000' } }] });
 * await app.upsertInvoices({ idempotencyKey: 'erp-1', actor: 'erp', invoices: [{ id: 'inv-1', customerId: 'c-1', amount: '373.52', dueDate: '2026-10-13' }] });
 * const category = await app.createAgreementCategory({ idempotencyKey: 'cat-1', actor: 'admin', name: 'Renegociação' });
 * if (category.isErr()) throw new Error(category.error.message);
 * const deal = await app.negotiate({
 *   idempotencyKey: 'deal-1', actor: 'operator.ana', customerId: 'c-1',
 *   proposal: {
 *     kind: 'new_proposal', selectedInvoiceIds: ['inv-1'], toleranceDate: '2026-12-20', category: category.value.id,
 *     discountAmount: '13.52', accountPlan: { discount: '4.03' }, // the ledger account of the discount
 *     installments: { kind: 'regular', count: 2, firstDueDate: '2026-12-10', description: 'Acordo fatura out/2026', paymentProfile: 'boleto' },
 *   },
 * });
 * deal.match(
 *   (made) => console.log(made.agreement.id, made.createdInvoices.map((i) => `${i.dueDate} ${i.amount.cents}`).join(', '), made.cancelledInvoiceIds),
 *   (error) => console.log(error.code, error.path?.join('.'), error.message),
 * );
 * // → agreement-1 2026-12-10 18000, 2027-01-10 18000 [ 'inv-1' ]
 * ```
 */
export function negotiate(context: AppContext) {
  return (input: InputOf<typeof negotiateSchema>) =>
    runCommand(context, 'negotiate', negotiateSchema, input, async (tx, cmd): Promise<NegotiationOutcome> => {
      const { idempotencyKey: _key, ...negotiation } = cmd;
      const { customer, agreement, records } = await buildAgreement(tx, context, negotiation);
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
        agreement.kind === 'keep_terms'
          ? agreement.plan.installments.map((i) => ({ number: i.number, invoiceId: i.invoiceId ?? '' }))
          : created.map((invoice) => ({ number: invoice.installment?.number ?? 0, invoiceId: invoice.id }));
      const record: AgreementRecord = { id, version: 1, customerId: customer.id, status: 'active', operator: cmd.actor, installmentInvoices, agreement };
      await tx.agreements.insert(record);

      for (const invoiceId of instructions.placeInAgreement) {
        const invoice = records.get(invoiceId);
        if (!invoice) abort(cobrancaError('not_found', `invoice '${invoiceId}' vanished during the negotiation`));
        const status = instructions.cancelInvoices.includes(invoiceId) ? 'cancelled' : instructions.suspendInvoices.includes(invoiceId) ? 'suspended' : invoice.status;
        await tx.invoices.update({ ...invoice, version: invoice.version + 1, agreementId: id, status });
        await recordAudit(tx, context, { actor: cmd.actor, subjectType: 'invoice', subjectId: invoiceId, action: 'placed_in_agreement', details: { agreementId: id, status } });
        for (const negativation of await tx.negativations.list({ invoiceId })) {
          if (!eventAppliesIn(statusOfRecord(negativation), 'agreement_made')) continue;
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
