import * as z from 'zod';
import { cobrancaError, type InputOf } from '../../errors.js';
import { abort, commandBaseSchema, runCommand } from '../command.js';
import { recordAudit } from '../audit.js';
import type { AppContext } from '../dependencies.js';
import { requireAccount, saveAccount } from './account-store.js';

/** Input of {@link confirmCollection}. */
export const confirmCollectionSchema = commandBaseSchema.extend({ customerId: z.string().min(1) });

/**
 * Seed 004 "Confirmar início ao processo de cobrança": the operator confirms
 * the account; it leaves the "in contact" panel for "awaiting negotiation".
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
 * const account = await app.confirmCollection({ idempotencyKey: 'op-2', actor: 'operator.ana', customerId: 'c-1' });
 * if (account.isOk()) console.log(account.value.status, account.value.confirmedOn);
 * // → confirmed 2026-11-24
 * ```
 */
export function confirmCollection(context: AppContext) {
  return (input: InputOf<typeof confirmCollectionSchema>) =>
    runCommand(context, 'confirmCollection', confirmCollectionSchema, input, async (tx, cmd) => {
      const account = await requireAccount(tx, cmd.customerId);
      if (account.status !== 'pending') abort(cobrancaError('invalid_state', `the collection account is ${account.status}, not pending confirmation`, { path: ['customerId'] }));
      const next = await saveAccount(tx, account, { status: 'confirmed', confirmedOn: context.today() });
      await recordAudit(tx, context, { actor: cmd.actor, subjectType: 'account', subjectId: account.id, action: 'collection_confirmed' });
      return next;
    });
}
