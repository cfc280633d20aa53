import { ok, err, type Result } from 'neverthrow';
import * as z from 'zod';
import { cobrancaError, type ErrorPath, type InputOf } from '../../errors.js';
import type { RegisterRecord, StoreTransaction } from '../../ports/index.js';
import { abort, commandBaseSchema, notFound, runCommand, toAppError } from '../command.js';
import { recordAudit } from '../audit.js';
import type { AppContext } from '../dependencies.js';
import type { CollectionsError } from '../errors.js';

const name = z.string().trim().min(1).max(200);

/** Input of `createAgreementCategory`. */
export const createCategorySchema = commandBaseSchema.extend({ name }).strict();
/** Input of `renameAgreementCategory`. */
export const renameCategorySchema = commandBaseSchema.extend({ categoryId: z.string().min(1), name }).strict();
/** Input of `deactivateAgreementCategory`. */
export const deactivateCategorySchema = commandBaseSchema.extend({ categoryId: z.string().min(1) }).strict();

async function categories(tx: StoreTransaction): Promise<RegisterRecord[]> {
  return (await tx.registers.list()).filter((r) => r.register === 'agreement_category');
}

async function requireCategory(tx: StoreTransaction, id: string): Promise<RegisterRecord> {
  const record = await tx.registers.get(id);
  if (!record || record.register !== 'agreement_category') abort(notFound('agreement category', id, ['categoryId']));
  return record;
}

async function refuseDuplicate(tx: StoreTransaction, wanted: string, except?: string): Promise<void> {
  const same = (await categories(tx)).find((c) => c.active && c.id !== except && c.name.toLocaleLowerCase('pt-BR') === wanted.toLocaleLowerCase('pt-BR'));
  if (same) abort(cobrancaError('duplicate_name', `an active agreement category is already named '${wanted}' (${same.id})`, { path: ['name'] }));
}

/**
 * The agreement category a proposal names (by id), which must exist and be
 * active (seed 004: "Categoria do Acordo", registered under Configurações →
 * Cobrança → Categorias de Acordo). Aborts with `category_unknown` or
 * `category_inactive` at `path`.
 */
export async function requireActiveCategory(tx: StoreTransaction, id: string, path: ErrorPath): Promise<RegisterRecord> {
  const record = await tx.registers.get(id);
  if (!record || record.register !== 'agreement_category') abort(cobrancaError('category_unknown', `no agreement category '${id}' is registered: create it first (createAgreementCategory)`, { path }));
  if (!record.active) abort(cobrancaError('category_inactive', `the agreement category '${record.name}' (${id}) was deactivated`, { path }));
  return record;
}

/** Seed 004's register of agreement categories: create (active), rename, deactivate, list. */
export function agreementCategories(context: AppContext) {
  return {
    /**
     * Registers a category; its id is what a proposal's `category` names. A name taken by an active category is `duplicate_name`.
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
     * if (category.isOk()) console.log(category.value.id, category.value.name);
     * const twice = await app.createAgreementCategory({ idempotencyKey: 'cat-2', actor: 'admin', name: 'renegociação' });
     * if (twice.isErr()) console.log(twice.error.code);
     * // → category-1 Renegociação
     * // → duplicate_name
     * ```
     */
    createAgreementCategory: (input: InputOf<typeof createCategorySchema>) =>
      runCommand(context, 'createAgreementCategory', createCategorySchema, input, async (tx, cmd) => {
        await refuseDuplicate(tx, cmd.name);
        const record: RegisterRecord = { id: context.ids.next('category'), version: 1, register: 'agreement_category', name: cmd.name, active: true, createdBy: cmd.actor, createdAt: context.nowIso() };
        await tx.registers.insert(record);
        await recordAudit(tx, context, { actor: cmd.actor, subjectType: 'register', subjectId: record.id, action: 'category_created', details: { name: cmd.name } });
        return record;
      }),
    /**
     * Renames a category (agreements keep naming it by id).
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
     * await app.createAgreementCategory({ idempotencyKey: 'cat-1', actor: 'admin', name: 'Renegociação' });
     * const renamed = await app.renameAgreementCategory({ idempotencyKey: 'cat-1-rename', actor: 'admin', categoryId: 'category-1', name: 'Renegociação de atraso' });
     * if (renamed.isOk()) console.log(renamed.value.name);
     * // → Renegociação de atraso
     * ```
     */
    renameAgreementCategory: (input: InputOf<typeof renameCategorySchema>) =>
      runCommand(context, 'renameAgreementCategory', renameCategorySchema, input, async (tx, cmd) => {
        const record = await requireCategory(tx, cmd.categoryId);
        await refuseDuplicate(tx, cmd.name, record.id);
        const next = { ...record, version: record.version + 1, name: cmd.name };
        await tx.registers.update(next);
        await recordAudit(tx, context, { actor: cmd.actor, subjectType: 'register', subjectId: record.id, action: 'category_renamed', details: { from: record.name, to: cmd.name } });
        return next;
      }),
    /**
     * Deactivates a category: new proposals naming it are refused (`category_inactive`); existing agreements keep it.
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
     * await app.createAgreementCategory({ idempotencyKey: 'cat-1', actor: 'admin', name: 'Campanha Black Friday' });
     * const off = await app.deactivateAgreementCategory({ idempotencyKey: 'cat-1-off', actor: 'admin', categoryId: 'category-1' });
     * if (off.isOk()) console.log(off.value.active);
     * // → false
     * ```
     */
    deactivateAgreementCategory: (input: InputOf<typeof deactivateCategorySchema>) =>
      runCommand(context, 'deactivateAgreementCategory', deactivateCategorySchema, input, async (tx, cmd) => {
        const record = await requireCategory(tx, cmd.categoryId);
        if (!record.active) return record;
        const next = { ...record, version: record.version + 1, active: false };
        await tx.registers.update(next);
        await recordAudit(tx, context, { actor: cmd.actor, subjectType: 'register', subjectId: record.id, action: 'category_deactivated' });
        return next;
      }),
    /**
     * Every category, active and not, by id.
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
     * await app.createAgreementCategory({ idempotencyKey: 'cat-1', actor: 'admin', name: 'Renegociação' });
     * await app.createAgreementCategory({ idempotencyKey: 'cat-2', actor: 'admin', name: 'Campanha Black Friday' });
     * await app.deactivateAgreementCategory({ idempotencyKey: 'cat-2-off', actor: 'admin', categoryId: 'category-2' });
     * const list = await app.listAgreementCategories();
     * if (list.isOk()) for (const c of list.value) console.log(c.id, c.name, c.active);
     * // → category-1 Renegociação true
     * // → category-2 Campanha Black Friday false
     * ```
     */
    listAgreementCategories: async (): Promise<Result<RegisterRecord[], CollectionsError>> => {
      try {
        return ok(await context.store.transaction(categories));
      } catch (error) {
        return err(toAppError(error));
      }
    },
  };
}
