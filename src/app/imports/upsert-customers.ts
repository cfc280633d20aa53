import * as z from 'zod';
import { civilDateSchema } from '../../calendar/index.js';
import { taxIdSchema } from '../../documents/index.js';
import { cobrancaError, type InputOf } from '../../errors.js';
import type { CustomerRecord } from '../../ports/index.js';
import { recordAudit } from '../audit.js';
import { abort, commandBaseSchema, runCommand } from '../command.js';
import type { AppContext } from '../dependencies.js';
import { repeatedIndex, withoutUndefined, writeBatch, type UpsertReport } from './write-batch.js';

/** Most records one upsert takes (a page of the host's own export): larger sets go in several commands. */
export const MAX_UPSERT_BATCH = 1000;

const id = z.string().min(1).max(200);
const text = (max: number) => z.string().trim().min(1).max(max);

/** A Brazilian postal address as a host sends it: UF of two capital letters, CEP of eight digits (a dash is accepted). */
export const postalAddressSchema = z.strictObject({
  street: text(200),
  number: text(20),
  complement: text(100).optional(),
  district: text(100),
  city: text(100),
  state: z.string().regex(/^[A-Z]{2}$/, 'a UF of two capital letters (SP, RJ …)'),
  cep: z.string().regex(/^\d{5}-?\d{3}$/, 'a CEP of eight digits').transform((cep) => cep.replace('-', '')),
});

/** One customer as a host sends it: the CPF or CNPJ is checked (check digits) and kept as digits only. */
export const customerInputSchema = z.strictObject({
  id,
  name: text(300),
  taxId: taxIdSchema,
  kind: z.enum(['person', 'company']),
  branchId: id.optional(),
  email: z.email().max(320).optional(),
  phone: z.string().regex(/^\+?[0-9 ()-]{8,20}$/, 'a phone number (digits, +, spaces, dashes, parentheses)').optional(),
  birthDate: civilDateSchema.optional(),
  address: postalAddressSchema.optional(),
  tags: z.array(text(100)).max(50).optional(),
});

/** Input of `upsertCustomers`: up to {@link MAX_UPSERT_BATCH} customers, each created or replaced. */
export const upsertCustomersSchema = commandBaseSchema.extend({ customers: z.array(customerInputSchema).min(1).max(MAX_UPSERT_BATCH) }).strict();

/**
 * Creates or replaces a batch of customers (a host's import or sync), all or
 * nothing: a bad row is `invalid_input` at `['customers', index, field]` and
 * nothing is written; the whole batch is one insert and one update in one
 * transaction. A customer sent equal to what is stored is left alone.
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
 * const report = await app.upsertCustomers({ idempotencyKey: 'crm-2', actor: 'crm', customers: [
 *   { id: 'c-2', name: 'Padaria Pão Quente Ltda', taxId: '11.444.777/0001-61', kind: 'company' },
 *   { id: 'c-3', name: 'João Lima', taxId: '123.456.789-00', kind: 'person' },
 * ] });
 * report.match(
 *   (done) => console.log(done.inserted),
 *   (error) => console.log(error.code, error.path?.join('.')), // nothing was written
 * );
 * // → invalid_input customers.1.taxId
 * ```
 */
export function upsertCustomers(context: AppContext) {
  return (input: InputOf<typeof upsertCustomersSchema>) =>
    runCommand(context, 'upsertCustomers', upsertCustomersSchema, input, async (tx, cmd): Promise<UpsertReport> => {
      const twice = repeatedIndex(cmd.customers.map((c) => c.id));
      if (twice !== undefined) abort(cobrancaError('invalid_input', `customer id '${cmd.customers[twice]?.id ?? ''}' is given twice in one batch`, { path: ['customers', twice, 'id'] }));
      const wanted = cmd.customers.map(({ taxId, ...customer }) => withoutUndefined<Omit<CustomerRecord, 'version'>>({ ...customer, taxId: taxId.number }));
      const stored = new Map((await tx.customers.getMany(wanted.map((c) => c.id))).map((c) => [c.id, c]));
      const report = await writeBatch(tx.customers, stored, wanted, (current, next) => ({ ...next, version: current.version }));
      if (report.inserted.length + report.updated.length > 0) {
        await recordAudit(tx, context, { actor: cmd.actor, subjectType: 'customer', subjectId: `batch:${cmd.idempotencyKey}`, action: 'customers_upserted', details: { inserted: report.inserted.length, updated: report.updated.length } });
      }
      return report;
    });
}
