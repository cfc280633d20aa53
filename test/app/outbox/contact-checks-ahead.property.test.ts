import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../../../src/adapters/memory/index.js';
import { appContext, type AppContext } from '../../../src/app/dependencies.js';
import { notifyHandler } from '../../../src/app/notify-handler.js';
import { performPendingEffects, type GuardedEffectHandler } from '../../../src/app/outbox.js';
import { resolvePolicies } from '../../../src/app/policies.js';
import { brazilianCalendar, civilDate } from '../../../src/calendar/index.js';
import { fromCents } from '../../../src/money/index.js';
import type { OutboxEffect } from '../../../src/ports/index.js';
import { fakeBureau, manualClock, recordingNotifier, sequentialIds, staticRates, type RecordingNotifier } from '../../../src/testing/index.js';
import { exampleSpec } from '../../ruler/fixtures.js';

const calendar = brazilianCalendar();
const NOW = '2026-11-24T13:00:00.000Z';

function contextOver(store: MemoryStore, notifier: RecordingNotifier): AppContext {
  const policies = resolvePolicies({ creditor: { id: 'provedor', name: 'Provedor Ltda', document: '11.222.333/0001-81' }, ruler: exampleSpec }, ['serasa'], staticRates(), calendar)._unsafeUnwrap();
  return appContext({ store, bureaus: { serasa: fakeBureau() }, notifier, clock: manualClock(NOW), rates: staticRates(), calendar, ids: sequentialIds() }, policies);
}

/** One invoice of the portfolio: its status, whether it is in an agreement (and the agreement's status), an installment, and its customer's contacts. */
const invoiceState = fc.record({
  status: fc.constantFrom('open' as const, 'paid' as const, 'cancelled' as const),
  agreement: fc.constantFrom(undefined, 'active' as const, 'cancelled' as const, 'missing' as const),
  installment: fc.boolean(),
  email: fc.boolean(),
  phone: fc.boolean(),
});

/** A contact: a ruler contact of invoice n (channel e-mail or SMS; an invoice 9 that does not exist), or an operator's message. */
const contact = fc.oneof(
  fc.record({ n: fc.integer({ min: 0, max: 9 }), channel: fc.constantFrom('email', 'sms'), pay: fc.boolean() }),
  fc.record({ operator: fc.constant(true), to: fc.option(fc.constant('ops@exemplo.com.br'), { nil: undefined }) }),
);

interface State {
  readonly status: 'open' | 'paid' | 'cancelled';
  readonly agreement: 'active' | 'cancelled' | 'missing' | undefined;
  readonly installment: boolean;
  readonly email: boolean;
  readonly phone: boolean;
}

/** A contact as the arbitrary makes it. */
interface Contact {
  readonly n?: number;
  readonly channel?: string;
  readonly pay?: boolean;
  readonly operator?: boolean;
  readonly to?: string | undefined;
}

/** A store with invoices 0–8 as the states say (customer c<n> each), and the effects enqueued in order. */
async function seeded(states: readonly State[], effects: readonly OutboxEffect[]): Promise<MemoryStore> {
  const store = new MemoryStore();
  await store.transaction(async (tx) => {
    for (const [n, state] of states.entries()) {
      await tx.customers.insert({ id: `c${n}`, version: 1, name: `Cliente ${n}`, taxId: '52998224725', kind: 'person', ...(state.email ? { email: `c${n}@exemplo.com.br` } : {}), ...(state.phone ? { phone: '+5511999990000' } : {}) });
      const agreementId = state.agreement === undefined ? undefined : `a${n}`;
      if (agreementId !== undefined && state.agreement !== 'missing') {
        await tx.agreements.insert({ id: agreementId, version: 1, status: state.agreement, customerId: `c${n}` } as never);
      }
      await tx.invoices.insert({
        id: `i${n}`, version: 1, customerId: `c${n}`, amount: fromCents(10_000), dueDate: civilDate('2026-11-10'), status: state.status, paid: fromCents(0),
        ...(agreementId === undefined ? {} : { agreementId }), ...(state.installment ? { installment: { agreementId: agreementId ?? 'a', number: 1 } } : {}),
      } as never);
    }
    await tx.outbox.enqueueMany(effects);
  });
  return store;
}

/** The effects: each contact a `notify` effect, a ruler contact with `pay` preceded by a `pay_invoice` effect whose record pays its invoice. */
function effectsOf(contacts: readonly Contact[]): OutboxEffect[] {
  const out: OutboxEffect[] = [];
  for (const [k, c] of contacts.entries()) {
    const base = { status: 'pending' as const, attempts: 0, createdAt: NOW };
    if (c.operator === true) {
      out.push({ ...base, id: `e${k}`, key: `op:${k}`, kind: 'notify', payload: { channel: 'email', customerId: 'c0', templateId: 'aviso', ...(c.to === undefined ? {} : { to: c.to }) } });
      continue;
    }
    if (c.pay === true) out.push({ ...base, id: `e${k}p`, key: `pay:${k}`, kind: 'pay_invoice', payload: { invoiceId: `i${c.n ?? 0}` } });
    out.push({ ...base, id: `e${k}`, key: `ruler:${k}`, kind: 'notify', payload: { channel: c.channel ?? 'email', templateId: 'atraso', invoiceId: `i${c.n ?? 0}`, customerId: `c${c.n ?? 0}`, stepId: 'atraso' } });
  }
  return out;
}

/** A guarded handler whose record pays the effect's invoice (a write in the page's transaction, between two contacts' checks). */
const payInvoice: GuardedEffectHandler = {
  obsolete: () => Promise.resolve(undefined),
  perform: () => Promise.resolve(undefined),
  async record(tx, effect) {
    const invoice = await tx.invoices.get(String(effect.payload['invoiceId']));
    if (invoice?.status === 'open') await tx.invoices.update({ ...invoice, version: invoice.version + 1, status: 'paid' });
  },
};

/** Runs the outbox pass with the notify handler as it is, or with its checks from the read ahead taken away (each check then reads through the transaction). */
async function pass(states: readonly State[], effects: readonly OutboxEffect[], ahead: boolean) {
  const notifier = recordingNotifier();
  const store = await seeded(states, effects);
  const context = contextOver(store, notifier);
  const notify = notifyHandler(context);
  const handler: GuardedEffectHandler = ahead ? notify : { obsolete: notify.obsolete, perform: notify.perform };
  const result = await performPendingEffects(context, { handlers: { notify: handler, pay_invoice: payInvoice }, batchSize: 7 });
  const stored = await store.transaction((tx) => tx.outbox.all());
  return { counts: result.counts, failed: result.failed, stored, sent: notifier.calls, invoices: await store.transaction((tx) => tx.invoices.list()) };
}

describe('ruler contacts checked from the page\'s read ahead (notifyHandler.checkAhead)', () => {
  it('cancel, send and address every contact as the checks through the transaction do, also after a record in the page paid an invoice', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(invoiceState, { minLength: 9, maxLength: 9 }), fc.array(contact, { maxLength: 16 }), async (states, contacts) => {
        const effects = effectsOf(contacts);
        const [through, ahead] = [await pass(states, effects, false), await pass(states, effects, true)];
        expect(ahead).toStrictEqual(through);
      }),
      { numRuns: 120 },
    );
  });

  it('a contact after a record that paid its invoice in the same page is cancelled (the read ahead is not trusted after a write)', async () => {
    const states: State[] = Array.from({ length: 9 }, () => ({ status: 'open', agreement: undefined, installment: false, email: true, phone: true }));
    const effects = effectsOf([{ n: 1, channel: 'email', pay: true }, { n: 2, channel: 'sms', pay: false }]);
    const { stored, sent } = await pass(states, effects, true);
    expect(stored.map((e) => [e.key, e.status, e.lastError])).toEqual([
      ['pay:0', 'done', undefined],
      ['ruler:0', 'cancelled', 'invoice i1 is paid'],
      ['ruler:1', 'done', undefined],
    ]);
    expect(sent.map((m) => [m.key, m.to])).toEqual([['ruler:1', '+5511999990000']]);
  });
});
