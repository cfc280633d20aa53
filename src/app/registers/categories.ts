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
    /** Registers a category; its id is what a proposal's `category` names. A name taken by an active category is `duplicate_name`. */
    createAgreementCategory: (input: InputOf<typeof createCategorySchema>) =>
      runCommand(context, 'createAgreementCategory', createCategorySchema, input, async (tx, cmd) => {
        await refuseDuplicate(tx, cmd.name);
        const record: RegisterRecord = { id: context.ids.next('category'), version: 1, register: 'agreement_category', name: cmd.name, active: true, createdBy: cmd.actor, createdAt: context.nowIso() };
        await tx.registers.insert(record);
        await recordAudit(tx, context, { actor: cmd.actor, subjectType: 'register', subjectId: record.id, action: 'category_created', details: { name: cmd.name } });
        return record;
      }),
    /** Renames a category (agreements keep naming it by id). */
    renameAgreementCategory: (input: InputOf<typeof renameCategorySchema>) =>
      runCommand(context, 'renameAgreementCategory', renameCategorySchema, input, async (tx, cmd) => {
        const record = await requireCategory(tx, cmd.categoryId);
        await refuseDuplicate(tx, cmd.name, record.id);
        const next = { ...record, version: record.version + 1, name: cmd.name };
        await tx.registers.update(next);
        await recordAudit(tx, context, { actor: cmd.actor, subjectType: 'register', subjectId: record.id, action: 'category_renamed', details: { from: record.name, to: cmd.name } });
        return next;
      }),
    /** Deactivates a category: new proposals naming it are refused (`category_inactive`); existing agreements keep it. */
    deactivateAgreementCategory: (input: InputOf<typeof deactivateCategorySchema>) =>
      runCommand(context, 'deactivateAgreementCategory', deactivateCategorySchema, input, async (tx, cmd) => {
        const record = await requireCategory(tx, cmd.categoryId);
        if (!record.active) return record;
        const next = { ...record, version: record.version + 1, active: false };
        await tx.registers.update(next);
        await recordAudit(tx, context, { actor: cmd.actor, subjectType: 'register', subjectId: record.id, action: 'category_deactivated' });
        return next;
      }),
    /** Every category, active and not, by id. */
    listAgreementCategories: async (): Promise<Result<RegisterRecord[], CollectionsError>> => {
      try {
        return ok(await context.store.transaction(categories));
      } catch (error) {
        return err(toAppError(error));
      }
    },
  };
}
