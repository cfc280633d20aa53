import { describe, expect, it } from 'vitest';
import type { CustomerRecord } from '../../src/ports/index.js';
import { harness, invoiceOf, maria } from './harness.js';

async function setup() {
  const h = await harness({}, '2026-11-24T10:00:00-03:00');
  const customer: CustomerRecord = { ...maria, id: 'c1' };
  await h.seed([customer, { ...customer, id: 'c2' }], [
    invoiceOf('i1', 'c1', '150.00', '2026-11-10'),
    invoiceOf('i2', 'c1', '150.00', '2026-11-10'),
    invoiceOf('i3', 'c2', '150.00', '2026-11-10'),
    invoiceOf('i4', 'c1', '150.00', '2026-11-10', { status: 'paid' }),
  ]);
  const { app } = h;
  return { ...h, context: app };
}

const base = (key: string) => ({ idempotencyKey: key, actor: 'operator.ana' });

describe('the collection account (seed 004)', () => {
  it('starts collection once per customer: later invoices join the same account', async () => {
    const { context, store } = await setup();
    const first = (await context.startCollection({ ...base('k1'), customerId: 'c1', invoiceIds: ['i1'] }))._unsafeUnwrap();
    expect(first).toMatchObject({ id: 'account:c1', status: 'pending', invoiceIds: ['i1'], openedOn: '2026-11-24' });
    const second = (await context.startCollection({ ...base('k2'), customerId: 'c1', invoiceIds: ['i2', 'i1'] }))._unsafeUnwrap();
    expect(second.invoiceIds).toEqual(['i1', 'i2']);
    const accounts = await store.transaction((tx) => tx.accounts.list({ customerId: 'c1' }));
    expect(accounts).toHaveLength(1);
    expect((await store.transaction((tx) => tx.invoices.get('i2')))?.collectionAccountId).toBe('account:c1');
  });

  it('refuses invoices of another customer, settled ones and unknown ones, writing nothing', async () => {
    const { context, store } = await setup();
    const before = store.snapshot();
    const other = (await context.startCollection({ ...base('k1'), customerId: 'c1', invoiceIds: ['i1', 'i3'] }))._unsafeUnwrapErr();
    expect(other).toMatchObject({ code: 'invalid_state', path: ['invoiceIds', 1] });
    expect((await context.startCollection({ ...base('k2'), customerId: 'c1', invoiceIds: ['i4'] }))._unsafeUnwrapErr().message).toContain('is paid');
    expect((await context.startCollection({ ...base('k3'), customerId: 'c1', invoiceIds: ['nope'] }))._unsafeUnwrapErr()).toMatchObject({ code: 'not_found', path: ['invoiceIds', 0] });
    expect((await context.startCollection({ ...base('k4'), customerId: 'c1', invoiceIds: [] }))._unsafeUnwrapErr()).toMatchObject({ code: 'invalid_input', path: ['invoiceIds'] });
    expect(store.snapshot()).toEqual(before);
  });

  it('replays a command with the same key and refuses the key for another input', async () => {
    const { context, store } = await setup();
    const start = context.startCollection;
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
    await context.startCollection({ ...base('k1'), customerId: 'c1', invoiceIds: ['i1'] });
    expect((await context.confirmCollection({ ...base('k2'), customerId: 'c1' }))._unsafeUnwrap()).toMatchObject({ status: 'confirmed', confirmedOn: '2026-11-24' });
    expect((await context.confirmCollection({ ...base('k3'), customerId: 'c1' }))._unsafeUnwrapErr().code).toBe('invalid_state');
    const contact = (await context.addComment({ ...base('k4'), customerId: 'c1', text: 'Disse que paga sexta', contactType: 'active', medium: 'phone', contactStatus: 'promised', returnOn: '2026-11-27' }))._unsafeUnwrap();
    expect(contact).toMatchObject({ author: 'operator.ana', contactType: 'active', returnOn: '2026-11-27' });
    expect((await context.addComment({ ...base('k5'), customerId: 'c1', text: 'x', returnOn: '2026-02-30' }))._unsafeUnwrapErr()).toMatchObject({ code: 'invalid_input', path: ['returnOn'] });
    const file = (await context.addAttachment({ ...base('k6'), customerId: 'c1', fileName: 'boleto.pdf', contentType: 'application/pdf', sizeBytes: 1200, uri: 's3://bucket/boleto.pdf' }))._unsafeUnwrap();
    expect((await context.removeAttachment({ ...base('k7'), customerId: 'c1', attachmentId: file.id }))._unsafeUnwrap().deletedAt).toBeDefined();
    expect((await context.removeAttachment({ ...base('k8'), customerId: 'c1', attachmentId: file.id }))._unsafeUnwrapErr().code).toBe('not_found');
    const history = (await context.accountHistory('c1'))._unsafeUnwrap().map((e) => e.action);
    expect(history).toEqual(['account_opened', 'invoices_added', 'collection_confirmed', 'contact_recorded', 'attachment_added', 'attachment_removed']);
    expect((await context.invoiceHistory('i1'))._unsafeUnwrap().map((e) => e.action)).toEqual(['collection_started']);
  });

  it('tasks: create, edit, complete with who/when/notes; cancel needs a reason; closed tasks do not change', async () => {
    const { context } = await setup();
    await context.startCollection({ ...base('k1'), customerId: 'c1', invoiceIds: ['i1'] });
    const task = (await context.createTask({ ...base('t1'), customerId: 'c1', title: 'Ligar para cliente', scheduledAt: '2026-11-25T09:00:00-03:00', assignee: 'operator.bia' }))._unsafeUnwrap();
    expect(task.status).toBe('open');
    expect((await context.editTask({ ...base('t2'), customerId: 'c1', taskId: task.id, assignee: 'operator.caio' }))._unsafeUnwrap().assignee).toBe('operator.caio');
    const done = (await context.completeTask({ ...base('t3'), customerId: 'c1', taskId: task.id, notes: 'Cliente pagou' }))._unsafeUnwrap();
    expect(done).toMatchObject({ status: 'completed', completedBy: 'operator.ana', completedAt: '2026-11-24T13:00:00.000Z', completionNotes: 'Cliente pagou' });
    expect((await context.cancelTask({ ...base('t4'), customerId: 'c1', taskId: task.id, reason: 'x' }))._unsafeUnwrapErr().code).toBe('invalid_state');
    const other = (await context.createTask({ ...base('t5'), customerId: 'c1', title: 'Visita', scheduledAt: '2026-11-26T09:00:00-03:00', assignee: 'operator.bia' }))._unsafeUnwrap();
    // @ts-expect-error a missing `reason` is a compile error as well as a run-time one
    expect((await context.cancelTask({ ...base('t6'), customerId: 'c1', taskId: other.id }))._unsafeUnwrapErr()).toMatchObject({ code: 'invalid_input', path: ['reason'] });
    expect((await context.cancelTask({ ...base('t7'), customerId: 'c1', taskId: other.id, reason: 'Cliente fez acordo' }))._unsafeUnwrap()).toMatchObject({ status: 'cancelled', cancelReason: 'Cliente fez acordo' });
    expect((await context.createTask({ ...base('t8'), customerId: 'c1', title: 'x', scheduledAt: '2026-11-26 09:00', assignee: 'a' }))._unsafeUnwrapErr().path).toEqual(['scheduledAt']);
  });

  it('messages go through the outbox: exactly once even when the notifier fails first', async () => {
    const { context, notifier } = await setup();
    await context.startCollection({ ...base('k1'), customerId: 'c1', invoiceIds: ['i1'] });
    await context.sendEmail({ ...base('m1'), customerId: 'c1', to: ['maria@example.com', 'fin@example.com'], subject: 'Fatura em aberto', templateId: 'overdue-1', invoiceIds: ['i1'] });
    await context.sendMessage({ ...base('m2'), customerId: 'c1', channel: 'sms', to: ['+5511999990000'], text: 'Sua fatura venceu. Pague pelo Pix.' });
    const tooLong = await context.sendMessage({ ...base('m3'), customerId: 'c1', channel: 'sms', to: ['+5511999990000'], text: 'Olá! Sua fatura de novembro está em aberto; regularize já para evitar negativação.' });
    expect(tooLong._unsafeUnwrapErr()).toMatchObject({ code: 'sms_too_long', path: ['text'], details: { encoding: 'ucs2', limit: 70 } });

    notifier.failNext(2);
    const first = (await context.performEffects())._unsafeUnwrap();
    expect(first.failed).toHaveLength(2);
    expect(first.performed).toHaveLength(1);
    const second = (await context.performEffects())._unsafeUnwrap();
    expect(second.performed).toHaveLength(2);
    const third = (await context.performEffects())._unsafeUnwrap();
    expect(third.performed).toHaveLength(0);
    expect(notifier.sent.map((m) => m.to).sort()).toEqual(['+5511999990000', 'fin@example.com', 'maria@example.com']);
  });

  it('an effect that keeps failing is marked failed after the attempts run out, and reported', async () => {
    const { context, store, notifier } = await setup();
    await context.startCollection({ ...base('k1'), customerId: 'c1', invoiceIds: ['i1'] });
    await context.sendMessage({ ...base('m1'), customerId: 'c1', channel: 'push', to: ['device-1'], text: 'Fatura em aberto' });
    notifier.failNext(5, 'gateway down');
    for (let i = 0; i < 4; i++) expect((await context.performEffects())._unsafeUnwrap().failed[0]?.gaveUp).toBe(false);
    expect((await context.performEffects())._unsafeUnwrap().failed[0]).toMatchObject({ gaveUp: true, error: 'gateway down' });
    const [effect] = await store.transaction((tx) => tx.outbox.all());
    expect(effect).toMatchObject({ status: 'failed', attempts: 5, lastError: 'gateway down' });
    expect((await context.performEffects())._unsafeUnwrap().performed).toHaveLength(0);
  });
});
