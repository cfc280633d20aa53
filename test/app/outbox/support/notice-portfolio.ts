import { MemoryStore } from '../../../../src/adapters/memory/index.js';
import { appContext, type AppContext } from '../../../../src/app/dependencies.js';
import { negativationEffectHandlers } from '../../../../src/app/negativation/effect-handlers.js';
import { notifyHandler } from '../../../../src/app/notify-handler.js';
import { performPendingEffects, type OutboxPass } from '../../../../src/app/outbox.js';
import { resolvePolicies } from '../../../../src/app/policies.js';
import { brazilianCalendar } from '../../../../src/calendar/index.js';
import type { CustomerRecord, InvoiceRecord, NegativationRecord, OutgoingMessage, Store } from '../../../../src/ports/index.js';
import { fakeBureau, manualClock, recordingNotifier, sequentialIds, staticRates } from '../../../../src/testing/index.js';
import { exampleRuler, harness, invoiceOf, maria } from '../../harness.js';
import { countCall, observedStore } from '../../support/observed-store.js';

/** One customer of the portfolio: how many overdue invoices, and whether they are requested as one registration of several titles. */
export interface CustomerPlan {
  readonly invoices: number;
  readonly grouped: boolean;
}

/** The faults of a pass: which notifier calls fail (by effect key) and which negativation writes the store refuses (by negativation id). */
export interface Faults {
  notifierFails: (key: string) => boolean;
  updateFails: (negativationId: string) => boolean;
  /** Whether the store fails every `outbox.settleMany` (a connection lost as a page commits). */
  settleFails?: boolean;
}

/** No fault at all. */
export const NO_FAULTS: Faults = { notifierFails: () => false, updateFails: () => false };

const TERMS = { acceptedBy: 'operator.ana', acceptedAt: '2026-11-07T10:00:00-03:00', version: 'v1' };

/**
 * A portfolio whose first cycle requested and approved every negativation with the notifier down: every prior notice
 * (and every ruler contact) waits in the outbox, tried once. Then `pass` performs the outbox with the given page size
 * and faults (the faults the store and notifier see from then on), and `snapshot` reads what the store holds.
 */
export async function noticePortfolio(plans: readonly CustomerPlan[]) {
  const memory = new MemoryStore();
  const faults: Faults = { notifierFails: () => true, updateFails: () => false };
  const tally = { transactions: 0, calls: new Map<string, number>() };
  const store: Store = observedStore(memory, {
    transaction: () => tally.transactions++,
    before: (key, args) => {
      countCall(tally.calls, key);
      if (key === 'negativations.update' && faults.updateFails((args[0] as NegativationRecord).id)) throw new Error('the store refused the write');
      if (key === 'outbox.settleMany' && faults.settleFails === true) throw new Error('connection lost while settling');
    },
  });
  const inner = recordingNotifier();
  const notifier = {
    ...inner,
    send: (message: OutgoingMessage) => (faults.notifierFails(message.key) ? Promise.reject(new Error('notifier unavailable')) : inner.send(message)),
  };
  const clock = manualClock('2026-11-07T10:00:00-03:00');
  const ids = sequentialIds();
  const bureau = fakeBureau();
  const h = await harness({ store, notifier, clock, ids, bureau });
  const customers: CustomerRecord[] = [];
  const invoices: InvoiceRecord[] = [];
  plans.forEach((plan, c) => {
    customers.push({ ...maria, id: `c${c}`, email: `cliente${c}@example.com` });
    for (let k = 0; k < plan.invoices; k++) invoices.push(invoiceOf(`i${c}-${k}`, `c${c}`, `${300 + k}.00`, `2026-10-0${k + 1}`));
  });
  await memory.transaction(async (tx) => {
    await tx.customers.insertMany(customers);
    await tx.invoices.insertMany(invoices);
  });
  for (const [c, plan] of plans.entries()) {
    if (!plan.grouped || plan.invoices < 2) continue;
    const rest = Array.from({ length: plan.invoices - 1 }, (_, k) => `i${c}-${k + 1}`);
    (await h.app.requestNegativation({ idempotencyKey: `neg-c${c}`, actor: 'operator.ana', invoiceId: `i${c}-0`, withInvoiceIds: rest, termsAcceptance: TERMS }))._unsafeUnwrap();
  }
  await h.cycleOn('2026-11-07');
  const policies = resolvePolicies(
    {
      creditor: { id: 'provedor', name: 'Provedor Internet Ltda', document: '11.222.333/0001-81' },
      ruler: exampleRuler,
      settings: { general: { registerAutomatically: 'yes', minimumDaysOverdue: 15 } },
      lateCharges: { policy: { interest: { kind: 'monthly', percent: '1' } }, interestFromRates: false },
    },
    ['serasa'],
    staticRates(),
    brazilianCalendar(),
  )._unsafeUnwrap();
  const context: AppContext = appContext({ store, bureaus: { serasa: bureau }, notifier, clock, rates: staticRates(), calendar: brazilianCalendar(), ids }, policies);
  const handlers = { notify: notifyHandler(context), ...negativationEffectHandlers(context) };
  /** One outbox pass with pages of `batchSize` effects under `next` faults. */
  const pass = (batchSize: number, next: Faults): Promise<OutboxPass> => {
    faults.notifierFails = next.notifierFails;
    faults.updateFails = next.updateFails;
    faults.settleFails = next.settleFails ?? false;
    return performPendingEffects(context, { handlers, batchSize });
  };
  /** What the store holds, without the ids a rolled-back page drew (effect and audit ids): registrations, notices, outbox states, action log, audit. */
  const snapshot = () =>
    memory.transaction(async (tx) => {
      const negativations = (await tx.negativations.list()).map((r) => ({ id: r.id, version: r.version, status: r.status, registration: r.negativation.registration?.id, notices: r.negativation.notices, history: r.negativation.history.length }));
      const outbox = (await tx.outbox.all()).map((e) => ({ key: e.key, kind: e.kind, status: e.status, attempts: e.attempts, lastError: e.lastError, doneAt: e.doneAt, claimedBy: e.claimedBy })).sort((a, b) => (a.key < b.key ? -1 : 1));
      const actionLog = (await tx.actionLog.forInvoices(invoices.map((i) => i.id))).map((e) => e.key).sort();
      const audit: string[] = [];
      for (const r of await tx.negativations.list()) for (const entry of await tx.audit.forSubject('negativation', r.id)) audit.push(`${r.id} ${entry.action}`);
      return { negativations, outbox, actionLog, audit: audit.sort() };
    });
  return { memory, tally, pass, snapshot, clock, notifier: inner };
}
