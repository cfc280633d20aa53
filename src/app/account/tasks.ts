import * as z from 'zod';
import { cobrancaError, type InputOf } from '../../errors.js';
import type { AccountTask, CollectionAccountRecord, StoreTransaction } from '../../ports/index.js';
import { abort, commandBaseSchema, runCommand } from '../command.js';
import { recordAudit } from '../audit.js';
import { compact } from '../compact.js';
import type { AppContext } from '../dependencies.js';
import { appendToAccount, entryFields, requireAccount, saveAccount } from './account-store.js';

const isoInstant = z.iso.datetime({ offset: true });

/** Input of {@link createTask}: title, scheduled time, assignee, description (seed 004). */
export const createTaskSchema = commandBaseSchema.extend({
  customerId: z.string().min(1),
  title: z.string().min(1).max(300),
  scheduledAt: isoInstant,
  assignee: z.string().min(1).max(200),
  description: z.string().max(10_000).optional(),
});

/** Input of {@link editTask}: the fields to change. */
export const editTaskSchema = commandBaseSchema.extend({
  customerId: z.string().min(1),
  taskId: z.string().min(1),
  title: z.string().min(1).max(300).optional(),
  scheduledAt: isoInstant.optional(),
  assignee: z.string().min(1).max(200).optional(),
  description: z.string().max(10_000).optional(),
});

/** Input of {@link cancelTask}: a reason is required (seed 004 "Motivo do cancelamento"). */
export const cancelTaskSchema = commandBaseSchema.extend({ customerId: z.string().min(1), taskId: z.string().min(1), reason: z.string().min(1).max(2000) });

/** Input of {@link completeTask}: who completed it, when, and notes. */
export const completeTaskSchema = commandBaseSchema.extend({
  customerId: z.string().min(1),
  taskId: z.string().min(1),
  completedAt: isoInstant.optional(),
  notes: z.string().max(10_000).optional(),
});

/**
 * Creates an operator task on the account.
 * The customer's collection account must exist (`startCollection` opens it);
 * before that the command answers `not_found` on `customerId`.
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
 * const task = await app.createTask({ idempotencyKey: 'op-2', actor: 'operator.ana', customerId: 'c-1', title: 'Ligar para a cliente', scheduledAt: '2026-11-26T14:00:00-03:00', assignee: 'operator.bruno' });
 * if (task.isOk()) console.log(task.value.id, task.value.status, task.value.assignee);
 * // → task-1 open operator.bruno
 * ```
 */
export function createTask(context: AppContext) {
  return (input: InputOf<typeof createTaskSchema>) =>
    runCommand(context, 'createTask', createTaskSchema, input, (tx, cmd) =>
      appendToAccount(tx, context, cmd.customerId, 'tasks',
        (): AccountTask => ({ id: context.ids.next('task'), status: 'open', createdBy: cmd.actor, createdAt: context.nowIso(), ...entryFields(cmd) }),
        (task) => ({ actor: cmd.actor, action: 'task_created', details: { taskId: task.id, assignee: task.assignee } }),
      ),
    );
}

async function changeOpenTask(
  tx: StoreTransaction,
  context: AppContext,
  customerId: string,
  taskId: string,
  actor: string,
  action: string,
  change: (task: AccountTask) => AccountTask,
): Promise<AccountTask> {
  const account: CollectionAccountRecord = await requireAccount(tx, customerId);
  const task = account.tasks.find((t) => t.id === taskId);
  if (!task) abort(cobrancaError('not_found', `task '${taskId}' does not exist on this account`, { path: ['taskId'] }));
  if (task.status !== 'open') abort(cobrancaError('invalid_state', `task '${taskId}' is ${task.status}; only open tasks change`, { path: ['taskId'] }));
  const changed = change(task);
  await saveAccount(tx, account, { tasks: account.tasks.map((t) => (t.id === taskId ? changed : t)) });
  await recordAudit(tx, context, { actor, subjectType: 'account', subjectId: account.id, action, details: { taskId } });
  return changed;
}

/**
 * Edits an open task.
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
 * await app.createTask({ idempotencyKey: 'op-2', actor: 'operator.ana', customerId: 'c-1', title: 'Ligar para a cliente', scheduledAt: '2026-11-26T14:00:00-03:00', assignee: 'operator.bruno' });
 * const edited = await app.editTask({ idempotencyKey: 'op-3', actor: 'operator.ana', customerId: 'c-1', taskId: 'task-1', assignee: 'operator.carla', scheduledAt: '2026-11-27T09:30:00-03:00' });
 * if (edited.isOk()) console.log(edited.value.assignee, edited.value.scheduledAt);
 * // → operator.carla 2026-11-27T09:30:00-03:00
 * ```
 */
export function editTask(context: AppContext) {
  return (input: InputOf<typeof editTaskSchema>) =>
    runCommand(context, 'editTask', editTaskSchema, input, async (tx, cmd) => {
      const { idempotencyKey: _k, actor, customerId, taskId, ...fields } = cmd;
      return changeOpenTask(tx, context, customerId, taskId, actor, 'task_edited', (task) => ({ ...task, ...compact(fields) }));
    });
}

/**
 * Cancels an open task, with a reason.
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
 * await app.createTask({ idempotencyKey: 'op-2', actor: 'operator.ana', customerId: 'c-1', title: 'Visitar a loja', scheduledAt: '2026-11-26T14:00:00-03:00', assignee: 'operator.bruno' });
 * const cancelled = await app.cancelTask({ idempotencyKey: 'op-3', actor: 'operator.ana', customerId: 'c-1', taskId: 'task-1', reason: 'A cliente pagou pelo PIX' });
 * if (cancelled.isOk()) console.log(cancelled.value.status, cancelled.value.cancelReason);
 * // → cancelled A cliente pagou pelo PIX
 * ```
 */
export function cancelTask(context: AppContext) {
  return (input: InputOf<typeof cancelTaskSchema>) =>
    runCommand(context, 'cancelTask', cancelTaskSchema, input, async (tx, cmd) =>
      changeOpenTask(tx, context, cmd.customerId, cmd.taskId, cmd.actor, 'task_cancelled', (task) => ({ ...task, status: 'cancelled', cancelReason: cmd.reason })),
    );
}

/**
 * Completes an open task, recording who, when and notes.
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
 * await app.createTask({ idempotencyKey: 'op-2', actor: 'operator.ana', customerId: 'c-1', title: 'Ligar para a cliente', scheduledAt: '2026-11-26T14:00:00-03:00', assignee: 'operator.bruno' });
 * const done = await app.completeTask({ idempotencyKey: 'op-3', actor: 'operator.bruno', customerId: 'c-1', taskId: 'task-1', notes: 'Prometeu pagar na sexta' });
 * if (done.isOk()) console.log(done.value.status, done.value.completedBy);
 * // → completed operator.bruno
 * ```
 */
export function completeTask(context: AppContext) {
  return (input: InputOf<typeof completeTaskSchema>) =>
    runCommand(context, 'completeTask', completeTaskSchema, input, async (tx, cmd) =>
      changeOpenTask(tx, context, cmd.customerId, cmd.taskId, cmd.actor, 'task_completed', (task) => ({
        ...task,
        status: 'completed',
        completedBy: cmd.actor,
        completedAt: cmd.completedAt ?? context.nowIso(),
        ...compact({ completionNotes: cmd.notes }),
      })),
    );
}
