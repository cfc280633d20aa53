import { err, ok, type Result } from 'neverthrow';
import type { AuditEntry } from '../../ports/index.js';
import { toAppError } from '../command.js';
import type { AppContext } from '../dependencies.js';
import { accountIdOf } from './account-store.js';
import type { CollectionsError } from '../errors.js';

/**
 * The history of a customer's collection account (seed 004 "Histórico da conta de cobrança"), oldest first.
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
 * await app.startCollection({ idempotencyKey: 'op-1', actor: 'operator.ana', customerId: 'c-1', invoiceIds: ['inv-1'] });
 * await app.confirmCollection({ idempotencyKey: 'op-2', actor: 'operator.ana', customerId: 'c-1' });
 * const history = await app.accountHistory('c-1');
 * if (history.isOk()) for (const entry of history.value) console.log(entry.at, entry.actor, entry.action);
 * // → 2026-11-24T13:00:00.000Z operator.ana account_opened
 * // → 2026-11-24T13:00:00.000Z operator.ana invoices_added
 * // → 2026-11-24T13:00:00.000Z operator.ana collection_confirmed
 * ```
 */
export function accountHistory(context: AppContext) {
  return async (customerId: string): Promise<Result<AuditEntry[], CollectionsError>> => {
    try {
      return ok(await context.store.transaction((tx) => tx.audit.forSubject('account', accountIdOf(customerId))));
    } catch (error) {
      return err(toAppError(error));
    }
  };
}

/**
 * The history of one invoice (collection started, ruler actions, payments, agreements, negativation), oldest first.
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
 * await app.recordPayment({ idempotencyKey: 'pix-e2e-1', actor: 'pix-webhook', invoiceId: 'inv-1', amount: '373.52' });
 * const history = await app.invoiceHistory('inv-1');
 * if (history.isOk()) for (const entry of history.value) console.log(entry.actor, entry.action);
 * // → pix-webhook paid
 * ```
 */
export function invoiceHistory(context: AppContext) {
  return async (invoiceId: string): Promise<Result<AuditEntry[], CollectionsError>> => {
    try {
      return ok(await context.store.transaction((tx) => tx.audit.forSubject('invoice', invoiceId)));
    } catch (error) {
      return err(toAppError(error));
    }
  };
}
