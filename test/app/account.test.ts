import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../../src/adapters/memory/index.js';
import type { CustomerRecord, InvoiceRecord } from '../../src/adapters/ports.js';
import { brazilianCalendar, civilDate } from '../../src/calendar/index.js';
import { fromCents } from '../../src/money/index.js';
import { appContext } from '../../src/app/dependencies.js';
import { addAttachment, removeAttachment } from '../../src/app/account/attachments.js';
import { addComment } from '../../src/app/account/comments.js';
import { confirmCollection } from '../../src/app/account/confirm-collection.js';
import { accountHistory, invoiceHistory } from '../../src/app/account/history.js';
import { sendEmail, sendMessage } from '../../src/app/account/messages.js';
import { startCollection } from '../../src/app/account/start-collection.js';
import { cancelTask, completeTask, createTask, editTask } from '../../src/app/account/tasks.js';
import { performPendingEffects } from '../../src/app/outbox.js';
import { fakeBureau, manualClock, recordingNotifier, sequentialIds, staticRates } from '../../src/testing/index.js';

async function setup() {
  const store = new MemoryStore();
  const notifier = recordingNotifier();
  const clock = manualClock('2026-11-24T10:00:00-03:00');
  const context = appContext({ store, notifier, clock, bureau: fakeBureau(), rates: staticRates(), calendar: brazilianCalendar(), ids: sequentialIds() });
  const customer: CustomerRecord = { id: 'c1', version: 1, name: 'Maria Souza', taxId: '12345678909', kind: 'person', email: 'maria@example.com', phone: '+5511999990000' };
  const invoice = (id: string, customerId = 'c1', status: InvoiceRecord['status'] = 'open'): InvoiceRecord => ({ id, version: 1, customerId, amount: fromCents(15_000), dueDate: civilDate('2026-11-10'), status, paid: fromCents(0) });
  await store.transaction(async (tx) => {
    await tx.customers.insert(customer);
    await tx.customers.insert({ ...customer, id: 'c2' });
    await tx.invoices.insert(invoice('i1'));
    await tx.invoices.insert(invoice('i2'));
    await tx.invoices.insert(invoice('i3', 'c2'));
    await tx.invoices.insert(invoice('i4', 'c1', 'paid'));
  });
  return { store, notifier, clock, context };
}

const base = (key: string) => ({ idempotencyKey: key, actor: 'operator.ana' });

describe('the collection account (seed 004)', () => {
  it('starts collection once per customer: later invoices join the same account', async () => {
    const { context, store } = await setup();
    const first = (await startCollection(context)({ ...base('k1'), customerId: 'c1', invoiceIds: ['i1'] }))._unsafeUnwrap();
    expect(first).toMatchObject({ id: 'account:c1', status: 'pending', invoiceIds: ['i1'], openedOn: '2026-11-24' });
    const second = (await startCollection(context)({ ...base('k2'), customerId: 'c1', invoiceIds: ['i2', 'i1'] }))._unsafeUnwrap();
    expect(second.invoiceIds).toEqual(['i1', 'i2']);
    const accounts = await store.transaction((tx) => tx.accounts.list({ customerId: 'c1' }));
    expect(accounts).toHaveLength(1);
    expect((await store.transaction((tx) => tx.invoices.get('i2')))?.collectionAccountId).toBe('account:c1');
  });

  it('refuses invoices of another customer, settled ones and unknown ones, writing nothing', async () => {
    const { context, store } = await setup();
    const other = (await startCollection(context)({ ...base('k1'), customerId: 'c1', invoiceIds: ['i1', 'i3'] }))._unsafeUnwrapErr();
    expect(other).toMatchObject({ code: 'invalid_state', path: ['invoiceIds', 1] });
    expect((await startCollection(context)({ ...base('k2'), customerId: 'c1', invoiceIds: ['i4'] }))._unsafeUnwrapErr().message).toContain('is paid');
    expect((await startCollection(context)({ ...base('k3'), customerId: 'c1', invoiceIds: ['nope'] }))._unsafeUnwrapErr()).toMatchObject({ code: 'not_found', path: ['invoiceIds', 0] });
    expect((await startCollection(context)({ ...base('k4'), customerId: 'c1', invoiceIds: [] }))._unsafeUnwrapErr()).toMatchObject({ code: 'invalid_input', path: ['invoiceIds'] });
    const snapshot = store.snapshot();
    expect(snapshot.accounts).toEqual([]);
    expect(snapshot.audit).toEqual([]);
    expect(snapshot.invoices.every((i) => i.version === 1)).toBe(true);
  });

  it('replays a command with the same key and refuses the key for another input', async () => {
    const { context, store } = await setup();
    const start = startCollection(context);
    const a = await start({ ...base('same'), customerId: 'c1', invoiceIds: ['i1'] });
    const before = store.snapshot();
    const b = await start({ ...base('same'), customerId: 'c1', invoiceIds: ['i1'] });
    expect(b._unsafeUnwrap()).toEqual(a._unsafeUnwrap());
    expect(store.snapshot()).toEqual(before);
    const reused = await start({ ...base('same'), customerId: 'c1', invoiceIds: ['i2'] });
    expect(reused._unsafeUnwrapErr()).toMatchObject({ code: 'idempotency_key_reused', path: ['idempotencyKey'] });
  });

  it('confirms the account once; comments, contacts and attachments land in its history', async () => {
    const { context } = await setup();
    await startCollection(context)({ ...base('k1'), customerId: 'c1', invoiceIds: ['i1'] });
    expect((await confirmCollection(context)({ ...base('k2'), customerId: 'c1' }))._unsafeUnwrap()).toMatchObject({ status: 'confirmed', confirmedOn: '2026-11-24' });
    expect((await confirmCollection(context)({ ...base('k3'), customerId: 'c1' }))._unsafeUnwrapErr().code).toBe('invalid_state');
    const contact = (await addComment(context)({ ...base('k4'), customerId: 'c1', text: 'Disse que paga sexta', contactType: 'active', medium: 'phone', contactStatus: 'promised', returnOn: '2026-11-27' }))._unsafeUnwrap();
    expect(contact).toMatchObject({ author: 'operator.ana', contactType: 'active', returnOn: '2026-11-27' });
    expect((await addComment(context)({ ...base('k5'), customerId: 'c1', text: 'x', returnOn: '2026-02-30' }))._unsafeUnwrapErr()).toMatchObject({ code: 'invalid_input', path: ['returnOn'] });
    const file = (await addAttachment(context)({ ...base('k6'), customerId: 'c1', fileName: 'boleto.pdf', contentType: 'application/pdf', sizeBytes: 1200, uri: 's3://bucket/boleto.pdf' }))._unsafeUnwrap();
    expect((await removeAttachment(context)({ ...base('k7'), customerId: 'c1', attachmentId: file.id }))._unsafeUnwrap().deletedAt).toBeDefined();
    expect((await removeAttachment(context)({ ...base('k8'), customerId: 'c1', attachmentId: file.id }))._unsafeUnwrapErr().code).toBe('not_found');
    const history = (await accountHistory(context)('c1'))._unsafeUnwrap().map((e) => e.action);
    expect(history).toEqual(['account_opened', 'invoices_added', 'collection_confirmed', 'contact_recorded', 'attachment_added', 'attachment_removed']);
    expect((await invoiceHistory(context)('i1'))._unsafeUnwrap().map((e) => e.action)).toEqual(['collection_started']);
  });

  it('tasks: create, edit, complete with who/when/notes; cancel needs a reason; closed tasks do not change', async () => {
    const { context } = await setup();
    await startCollection(context)({ ...base('k1'), customerId: 'c1', invoiceIds: ['i1'] });
    const task = (await createTask(context)({ ...base('t1'), customerId: 'c1', title: 'Ligar para cliente', scheduledAt: '2026-11-25T09:00:00-03:00', assignee: 'operator.bia' }))._unsafeUnwrap();
    expect(task.status).toBe('open');
    expect((await editTask(context)({ ...base('t2'), customerId: 'c1', taskId: task.id, assignee: 'operator.caio' }))._unsafeUnwrap().assignee).toBe('operator.caio');
    const done = (await completeTask(context)({ ...base('t3'), customerId: 'c1', taskId: task.id, notes: 'Cliente pagou' }))._unsafeUnwrap();
    expect(done).toMatchObject({ status: 'completed', completedBy: 'operator.ana', completedAt: '2026-11-24T13:00:00.000Z', completionNotes: 'Cliente pagou' });
    expect((await cancelTask(context)({ ...base('t4'), customerId: 'c1', taskId: task.id, reason: 'x' }))._unsafeUnwrapErr().code).toBe('invalid_state');
    const other = (await createTask(context)({ ...base('t5'), customerId: 'c1', title: 'Visita', scheduledAt: '2026-11-26T09:00:00-03:00', assignee: 'operator.bia' }))._unsafeUnwrap();
    expect((await cancelTask(context)({ ...base('t6'), customerId: 'c1', taskId: other.id }))._unsafeUnwrapErr()).toMatchObject({ code: 'invalid_input', path: ['reason'] });
    expect((await cancelTask(context)({ ...base('t7'), customerId: 'c1', taskId: other.id, reason: 'Cliente fez acordo' }))._unsafeUnwrap()).toMatchObject({ status: 'cancelled', cancelReason: 'Cliente fez acordo' });
    expect((await createTask(context)({ ...base('t8'), customerId: 'c1', title: 'x', scheduledAt: '2026-11-26 09:00', assignee: 'a' }))._unsafeUnwrapErr().path).toEqual(['scheduledAt']);
  });

  it('messages go through the outbox: exactly once even when the notifier fails first', async () => {
    const { context, notifier } = await setup();
    await startCollection(context)({ ...base('k1'), customerId: 'c1', invoiceIds: ['i1'] });
    await sendEmail(context)({ ...base('m1'), customerId: 'c1', to: ['maria@example.com', 'fin@example.com'], subject: 'Fatura em aberto', templateId: 'overdue-1', invoiceIds: ['i1'] });
    await sendMessage(context)({ ...base('m2'), customerId: 'c1', channel: 'sms', to: ['+5511999990000'], text: 'Sua fatura venceu. Pague pelo Pix.' });
    const tooLong = await sendMessage(context)({ ...base('m3'), customerId: 'c1', channel: 'sms', to: ['+5511999990000'], text: 'Olá! Sua fatura de novembro está em aberto; regularize já para evitar negativação.' });
    expect(tooLong._unsafeUnwrapErr()).toMatchObject({ code: 'sms_too_long', path: ['text'], details: { encoding: 'ucs2', limit: 70 } });

    notifier.failNext(2);
    const handlers = { notify: (e: { key: string; payload: Record<string, unknown> }) => notifier.send({ key: e.key, channel: e.payload['channel'] as 'sms', customerId: 'c1', to: e.payload['to'] as string }) };
    const first = await performPendingEffects(context, { handlers });
    expect(first.failed).toHaveLength(2);
    expect(first.performed).toHaveLength(1);
    const second = await performPendingEffects(context, { handlers });
    expect(second.performed).toHaveLength(2);
    const third = await performPendingEffects(context, { handlers });
    expect(third.performed).toHaveLength(0);
    expect(notifier.sent.map((m) => m.to).sort()).toEqual(['+5511999990000', 'fin@example.com', 'maria@example.com']);
  });

  it('an effect that keeps failing is marked failed after the attempts run out, and reported', async () => {
    const { context, store } = await setup();
    await startCollection(context)({ ...base('k1'), customerId: 'c1', invoiceIds: ['i1'] });
    await sendMessage(context)({ ...base('m1'), customerId: 'c1', channel: 'push', to: ['device-1'], text: 'Fatura em aberto' });
    const failing = { notify: async () => { throw new Error('gateway down'); } };
    for (let i = 0; i < 2; i++) expect((await performPendingEffects(context, { handlers: failing, maxAttempts: 3 })).failed[0]?.gaveUp).toBe(false);
    expect((await performPendingEffects(context, { handlers: failing, maxAttempts: 3 })).failed[0]).toMatchObject({ gaveUp: true, error: 'gateway down' });
    const [effect] = await store.transaction((tx) => tx.outbox.all());
    expect(effect).toMatchObject({ status: 'failed', attempts: 3, lastError: 'gateway down' });
  });
});
