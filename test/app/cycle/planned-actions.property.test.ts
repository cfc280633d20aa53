import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../../../src/adapters/memory/index.js';
import { appContext, type AppContext } from '../../../src/app/dependencies.js';
import { resolvePolicies } from '../../../src/app/policies.js';
import { applyDueAction, applyPlannedAction, dueActionEntry, logPlannedSkip, logSkippedStep, skippedStepEntry, type ActionOutcome } from '../../../src/app/cycle/apply-action.js';
import { batchedTransaction } from '../../../src/app/cycle/batched-writes.js';
import { brazilianCalendar, civilDate } from '../../../src/calendar/index.js';
import { fromCents } from '../../../src/money/index.js';
import type { ActionLogEntry } from '../../../src/ports/index.js';
import type { DeferredAction, DueAction, RulerAction, SkippedStep } from '../../../src/ruler/index.js';
import { fakeBureau, manualClock, recordingNotifier, sequentialIds, staticRates } from '../../../src/testing/index.js';
import { exampleSpec } from '../../ruler/fixtures.js';

const calendar = brazilianCalendar();
const today = civilDate('2026-11-24');

function contextOver(store: MemoryStore): AppContext {
  const policies = resolvePolicies(
    { creditor: { id: 'provedor', name: 'Provedor Ltda', document: '11.222.333/0001-81' }, ruler: exampleSpec, settings: { general: { defaultContactType: 'sms' } } },
    ['serasa'],
    staticRates(),
    calendar,
  )._unsafeUnwrap();
  return appContext({ store, bureaus: { serasa: fakeBureau() }, notifier: recordingNotifier(), clock: manualClock('2026-11-24T10:00:00-03:00'), rates: staticRates(), calendar, ids: sequentialIds() }, policies);
}

/** Customers 0–3: with e-mail and phone, e-mail only, phone only, no contact (customer 4 does not exist). */
async function seeded(): Promise<MemoryStore> {
  const store = new MemoryStore();
  await store.transaction(async (tx) => {
    for (let c = 0; c < 4; c++) {
      await tx.customers.insert({
        id: `c${c}`, version: 1, name: `Cliente ${c}`, taxId: '52998224725', kind: 'person',
        ...(c === 0 || c === 1 ? { email: `cliente${c}@exemplo.com.br` } : {}),
        ...(c === 0 || c === 2 ? { phone: '+5511999990000' } : {}),
      });
    }
    // Invoices 0–7 (invoice 8 does not exist); invoice 3 already forwarded, invoice 5 paid.
    for (let n = 0; n < 8; n++) {
      await tx.invoices.insert({ id: `i${n}`, version: 1, customerId: `c${n % 4}`, amount: fromCents(10_000 + n), dueDate: civilDate('2026-11-10'), status: n === 5 ? 'paid' : 'open', paid: fromCents(0), ...(n === 3 ? { forwardedOn: civilDate('2026-11-20') } : {}) });
    }
    // A key an earlier run logged.
    await tx.actionLog.record({ key: 'k-logged', invoiceId: 'i0', customerId: 'c0', stepId: 'atraso-sms', action: 'notify', on: today, at: '2026-11-23T13:00:00.000Z' });
  });
  return store;
}

const rulerAction = fc.constantFrom<RulerAction>(
  { kind: 'notify', channel: 'email', template: 'lembrete' },
  { kind: 'notify', channel: 'sms', template: 'atraso', text: 'Sua fatura venceu.' },
  { kind: 'notify', channel: 'default', template: 'atraso' },
  { kind: 'notify', channel: 'letter', template: 'carta' },
  { kind: 'notify', channel: 'push', template: 'app', text: 'Pague pelo app' },
  { kind: 'suspend_service' },
  { kind: 'reduce_service' },
  { kind: 'restore_service' },
  { kind: 'forward_to_collections' },
  // Left to applyDueAction: it updates an invoice a planned forward may have kept (written before it reads or writes one).
  { kind: 'create_task', title: 'Ligar para o cliente' },
);

/** A due or deferred action on invoice n (0–8) of customer c (0–4), under one of a few keys (repeats and an already logged key included). */
const action = fc.record({ action: rulerAction, n: fc.integer({ min: 0, max: 8 }), c: fc.integer({ min: 0, max: 4 }), key: fc.constantFrom('k1', 'k2', 'k3', 'k4', 'k5', 'k6', 'k-logged'), deferred: fc.boolean() }).map(({ action, n, c, key, deferred }): DueAction | DeferredAction => {
  // A task is for the invoice's own customer (a collection of another customer's invoice is refused).
  const customerId = action.kind === 'create_task' ? `c${n % 4}` : `c${c}`;
  const due: DueAction = { key: `${key}:${action.kind}`, rulerId: 'regua-padrao', stepId: `step-${key}`, action, subject: 'invoice', invoiceId: `i${n}`, customerId, scheduledFor: civilDate('2026-11-23'), daysOverdue: 14, openAmount: fromCents(10_000 + n) };
  return deferred ? { ...due, notBefore: { date: today, minuteOfDay: 480, instant: '2026-11-24T11:00:00.000Z' } } : due;
});
const skip = fc.record({ n: fc.integer({ min: 0, max: 8 }), key: fc.constantFrom('s1', 's2', 'k-logged'), reason: fc.constantFrom('stale' as const, 'reminder_after_due' as const) })
  .map(({ n, key, reason }): SkippedStep => ({ key, stepId: `step-${key}`, invoiceId: `i${n}`, customerId: `c${n % 4}`, scheduledFor: civilDate('2026-11-20'), reason }));

/** Applies a batch's actions and skips as the ruler pass does, the planned way or each one through the transaction; the outcomes and the store's contents after. */
async function applied(actions: readonly (DueAction | DeferredAction)[], skips: readonly SkippedStep[], planned: boolean): Promise<{ outcomes: (ActionOutcome | boolean)[]; snapshot: unknown }> {
  const store = await seeded();
  const context = contextOver(store);
  const actionEntries = actions.map((a) => dueActionEntry(context, a, today));
  const skipEntries = skips.map((s) => skippedStepEntry(context, s, today));
  const outcomes: (ActionOutcome | boolean)[] = [];
  await store.transaction(async (inner) => {
    const plan = { entries: [...actionEntries, ...skipEntries], askedKeys: [], invoiceIds: [...new Set(actions.map((a) => a.invoiceId))], customerIds: [...new Set(actions.map((a) => a.customerId))] };
    const batch = await batchedTransaction(inner, plan);
    for (const [i, a] of actions.entries()) {
      const entry = actionEntries[i];
      if (entry === undefined) throw new Error('no entry');
      outcomes.push((planned ? applyPlannedAction(batch.planned, context, a, entry, today) : undefined) ?? (await applyDueAction(batch.tx, context, a, today, entry)));
    }
    for (const [i, s] of skips.entries()) {
      const entry = skipEntries[i];
      if (entry === undefined) throw new Error('no entry');
      outcomes.push(planned ? logPlannedSkip(batch.planned, context, s, entry) : await logSkippedStep(batch.tx, context, s, today, entry));
    }
    await batch.flush();
  });
  return { outcomes, snapshot: JSON.parse(JSON.stringify(store.snapshot())) as unknown };
}

describe('ruler actions applied from what the batch read (applyPlannedAction, logPlannedSkip)', () => {
  it('give the outcomes, log entries, effects, history lines and ids that applying each through the transaction gives', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(action, { maxLength: 12 }), fc.array(skip, { maxLength: 4 }), async (actions, skips) => {
        const [oneByOne, plannedWay] = [await applied(actions, skips, false), await applied(actions, skips, true)];
        expect(plannedWay.outcomes).toStrictEqual(oneByOne.outcomes);
        expect(plannedWay.snapshot).toStrictEqual(oneByOne.snapshot);
      }),
      { numRuns: 150 },
    );
  });

  it('takes the contacts, service steps and forwards itself and leaves the other kinds, and steps whose records the batch did not read, to applyDueAction', async () => {
    const store = await seeded();
    const context = contextOver(store);
    const of = (kind: RulerAction, invoiceId: string): DueAction => ({ key: `k:${kind.kind}:${invoiceId}`, rulerId: 'r', stepId: 's', action: kind, subject: 'invoice', invoiceId, customerId: 'c0', scheduledFor: today, daysOverdue: 1, openAmount: fromCents(1) });
    const actions = [of({ kind: 'notify', channel: 'email', template: 't' }, 'i0'), of({ kind: 'suspend_service' }, 'i0'), of({ kind: 'forward_to_collections' }, 'i0'), of({ kind: 'notify', channel: 'email', template: 't' }, 'i1'), of({ kind: 'forward_to_collections' }, 'i1'), of({ kind: 'create_task', title: 't' }, 'i0')];
    await store.transaction(async (inner) => {
      const entries = actions.map((a) => dueActionEntry(context, a, today));
      const batch = await batchedTransaction(inner, { entries, askedKeys: [], invoiceIds: ['i0'], customerIds: ['c0'] });
      const taken = actions.map((a, i) => applyPlannedAction(batch.planned, context, a, entries[i] as ActionLogEntry, today)?.status);
      expect(taken).toEqual(['done', 'done', 'done', undefined, undefined, undefined]);
      expect(() => batch.planned.record({ ...(entries[0] as ActionLogEntry), key: 'not-planned' }), 'a key outside the plan is refused, not answered').toThrow(/not in the batch's plan/);
      await batch.flush();
    });
  });

  it('writes a forward it kept before any other use of the batch\'s invoices, and answers it at once', async () => {
    const store = await seeded();
    const context = contextOver(store);
    const forward: DueAction = { key: 'k:forward', rulerId: 'r', stepId: 's', action: { kind: 'forward_to_collections' }, subject: 'invoice', invoiceId: 'i0', customerId: 'c0', scheduledFor: today, daysOverdue: 10, openAmount: fromCents(1) };
    await store.transaction(async (inner) => {
      const entry = dueActionEntry(context, forward, today);
      const batch = await batchedTransaction(inner, { entries: [entry], askedKeys: [], invoiceIds: ['i0'], customerIds: [] });
      expect(applyPlannedAction(batch.planned, context, forward, entry, today)?.status).toBe('done');
      expect(await batch.tx.invoices.get('i0'), 'answered from the batch').toMatchObject({ version: 2, forwardedOn: today });
      expect(await inner.invoices.get('i0'), 'kept, not yet written').toMatchObject({ version: 1 });
      // A step applied through the view after it (a task: the invoice joins the customer's collection) writes on top of it.
      const task: DueAction = { ...forward, key: 'k:task', action: { kind: 'create_task', title: 't' } };
      expect((await applyDueAction(batch.tx, context, task, today, dueActionEntry(context, task, today))).status).toBe('done');
      expect(await inner.invoices.get('i0'), 'written before the task read and wrote it').toMatchObject({ version: 3, forwardedOn: today, collectionAccountId: 'account:c0' });
      const listed = await batch.tx.invoices.list({ customerId: 'c0' });
      expect(listed.find((i) => i.id === 'i0')).toMatchObject({ version: 3 });
      await batch.flush();
    });
    await store.transaction(async (tx) => expect(await tx.invoices.get('i0')).toMatchObject({ version: 3, forwardedOn: today, collectionAccountId: 'account:c0' }));
  });
});
