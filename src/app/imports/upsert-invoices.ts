import * as z from 'zod';
import { civilDateSchema } from '../../calendar/index.js';
import { cobrancaError, type InputOf } from '../../errors.js';
import { fromCents, nonNegativeMoneySchema } from '../../money/index.js';
import type { InvoiceRecord } from '../../ports/index.js';
import { recordAudit } from '../audit.js';
import { abort, commandBaseSchema, runCommand } from '../command.js';
import type { AppContext } from '../dependencies.js';
import { MAX_UPSERT_BATCH } from './upsert-customers.js';
import { repeatedIndex, withoutUndefined, writeBatch, type UpsertReport } from './write-batch.js';

const id = z.string().min(1).max(200);

/** One invoice as a host sends it (amount as `'373.52'` or `{ cents }`). Payments come through `recordPayment`, not here. */
export const invoiceInputSchema = z.strictObject({
  id,
  customerId: id,
  branchId: id.optional(),
  contractId: id.optional(),
  description: z.string().trim().min(1).max(1000).optional(),
  amount: nonNegativeMoneySchema.refine((m) => m.cents > 0, 'an invoice amount must be more than zero'),
  dueDate: civilDateSchema,
  /** `open` by default; the host's ERP may cancel, suspend or delete an open invoice. */
  status: z.enum(['open', 'cancelled', 'suspended', 'deleted']).default('open'),
  /** Seed 000's "Negativar" flag. */
  negativate: z.boolean().optional(),
  fiscalDocumentIssued: z.boolean().optional(),
  bankRemittanceGenerated: z.boolean().optional(),
  disputed: z.boolean().optional(),
});

/** Input of `upsertInvoices`: up to 1,000 invoices, each created or replaced. */
export const upsertInvoicesSchema = commandBaseSchema.extend({ invoices: z.array(invoiceInputSchema).min(1).max(MAX_UPSERT_BATCH) }).strict();

/** The fields the host owns replace the stored ones; the rest (payments, agreement, collection, what the cycle set) is kept, and a paid invoice stays paid. */
function merged(current: InvoiceRecord, wanted: Omit<InvoiceRecord, 'version'>): InvoiceRecord {
  const { branchId: _b, contractId: _c, description: _d, negativate: _n, fiscalDocumentIssued: _f, bankRemittanceGenerated: _r, disputed: _x, ...kept } = current;
  const { paid: _paid, ...fields } = wanted;
  return { ...kept, ...fields, status: current.status === 'paid' && fields.status === 'open' ? 'paid' : fields.status, version: current.version };
}

/**
 * Creates or replaces a batch of invoices, all or nothing: a bad row is
 * `invalid_input` at `['invoices', index, field]`, an unknown customer
 * `not_found` at `['invoices', index, 'customerId']`, and an invoice that is
 * paid or held by an agreement, whose amount, due date, customer or status
 * would change, `invoice_not_editable`; then nothing is written. The batch is
 * one insert and one update in one transaction.
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
 * const report = await app.upsertInvoices({ idempotencyKey: 'erp-2', actor: 'erp', invoices: [
 *   { id: 'inv-2', customerId: 'c-1', amount: '189.90', dueDate: '2026-12-10', description: 'Plano Fibra 500 MB' },
 *   { id: 'inv-1', customerId: 'c-1', amount: '373.52', dueDate: '2026-10-13' },
 * ] });
 * if (report.isOk()) console.log(report.value.inserted, report.value.unchanged);
 * // → [ 'inv-2' ] [ 'inv-1' ]
 * ```
 */
export function upsertInvoices(context: AppContext) {
  return (input: InputOf<typeof upsertInvoicesSchema>) =>
    runCommand(context, 'upsertInvoices', upsertInvoicesSchema, input, async (tx, cmd): Promise<UpsertReport> => {
      const twice = repeatedIndex(cmd.invoices.map((i) => i.id));
      if (twice !== undefined) abort(cobrancaError('invalid_input', `invoice id '${cmd.invoices[twice]?.id ?? ''}' is given twice in one batch`, { path: ['invoices', twice, 'id'] }));
      const customers = new Set((await tx.customers.getMany(cmd.invoices.map((i) => i.customerId))).map((c) => c.id));
      const stored = new Map((await tx.invoices.getMany(cmd.invoices.map((i) => i.id))).map((i) => [i.id, i]));
      for (const [index, wanted] of cmd.invoices.entries()) {
        if (!customers.has(wanted.customerId)) abort(cobrancaError('not_found', `customer '${wanted.customerId}' does not exist: upsert it first`, { path: ['invoices', index, 'customerId'] }));
        const current = stored.get(wanted.id);
        if (!current || (current.status === 'open' && current.agreementId === undefined && current.paid.cents === 0)) continue;
        const changes = current.amount.cents !== wanted.amount.cents || current.dueDate !== wanted.dueDate || current.customerId !== wanted.customerId || (current.status !== wanted.status && !(current.status === 'paid' && wanted.status === 'open'));
        if (changes) abort(cobrancaError('invoice_not_editable', `invoice '${wanted.id}' is ${current.status === 'paid' ? 'paid' : current.agreementId !== undefined ? 'held by an agreement' : 'partly paid'}: its amount, due date, customer and status are no longer the host's to change`, { path: ['invoices', index] }));
      }
      const report = await writeBatch(tx.invoices, stored, cmd.invoices.map((i) => withoutUndefined<Omit<InvoiceRecord, 'version'>>({ ...i, paid: fromCents(0) })), merged);
      if (report.inserted.length + report.updated.length > 0) {
        await recordAudit(tx, context, { actor: cmd.actor, subjectType: 'invoice', subjectId: `batch:${cmd.idempotencyKey}`, action: 'invoices_upserted', details: { inserted: report.inserted.length, updated: report.updated.length } });
      }
      return report;
    });
}
