import { err, ok, type Result } from 'neverthrow';
import * as z from 'zod';
import { civilDateSchema } from '../../calendar/index.js';
import { cobrancaError, parseInput, type InputOf } from '../../errors.js';
import type { OwedAmount } from '../../agreements/index.js';
import { abort, notFound, toAppError } from '../command.js';
import type { AppContext } from '../dependencies.js';
import type { CollectionsError } from '../errors.js';
import { owedOfInvoice } from '../owed.js';

/** Input of {@link owedNow}. */
export const owedNowSchema = z.strictObject({
  invoiceId: z.string().min(1).max(200),
  /** The day the debtor would pay (today by default; a later day quotes that day's charges). */
  on: civilDateSchema.optional(),
});

/** The one amount an invoice owes on a day, with its breakdown. */
export interface OwedNow extends OwedAmount {
  /** The invoice asked about. */
  readonly invoiceId: string;
  /** The agreement that replaced or holds this invoice, when there is one (the debt is then paid through the agreement's installments). */
  readonly agreementId?: string;
}

/**
 * What an invoice owes on a day — principal, fine, interest and correction
 * still owed, what was paid, whether it is settled — by the same rule the
 * payment, the ruler, the negativation and the panels use. Read-only: the
 * figure to show or charge before calling `recordPayment`. A cancelled or
 * deleted invoice is `invalid_state`; a missing one `not_found`.
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
 * const owed = await app.owedNow({ invoiceId: 'inv-1' });
 * owed.match(
 *   (now) => console.log(now.asOf, now.owed.cents, now.settled),
 *   (error) => console.log(error.code, error.message), // not_found, invalid_state (a cancelled invoice)
 * );
 * // → 2026-11-24 37352 false
 * ```
 */
export function owedNow(context: AppContext) {
  return async (input: InputOf<typeof owedNowSchema>): Promise<Result<OwedNow, CollectionsError>> => {
    const parsed = parseInput(owedNowSchema, input);
    if (parsed.isErr()) return err(parsed.error);
    const { invoiceId, on } = parsed.value;
    try {
      return ok(await context.store.transaction(async (tx) => {
        const invoice = await tx.invoices.get(invoiceId);
        if (!invoice) abort(notFound('invoice', invoiceId, ['invoiceId']));
        if (invoice.status === 'cancelled' || invoice.status === 'deleted') abort(cobrancaError('invalid_state', `invoice '${invoice.id}' is ${invoice.status}; it owes nothing to collect`, { path: ['invoiceId'] }));
        const owed = await owedOfInvoice(tx, context, invoice, on ?? context.today());
        return { invoiceId: invoice.id, ...owed, ...(invoice.agreementId !== undefined ? { agreementId: invoice.agreementId } : {}) };
      }));
    } catch (error) {
      return err(toAppError(error));
    }
  };
}
