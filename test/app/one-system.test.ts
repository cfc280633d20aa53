import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../../src/adapters/memory/index.js';
import { createCollections, type DailyCycleReport } from '../../src/app/index.js';
import { addDays, brazilianCalendar, payableOn, type CivilDate } from '../../src/calendar/index.js';
import type { Negativation } from '../../src/negativation/index.js';
import type { CustomerRecord, InvoiceRecord } from '../../src/ports/index.js';
import { fakeBureau, manualClock, recordingNotifier, sequentialIds, staticRates } from '../../src/testing/index.js';
import { invoiceOf, maria } from './harness.js';

/**
 * One system, driven as a host drives it: createCollections over a manual
 * clock, one cycle a day for three months, a portfolio over three branches
 * with different settings, two rulers, two bureaus. Asserted day by day.
 */
const rulers = {
  padrao: {
    id: 'padrao',
    steps: [
      { id: 'lembrete', offsetDays: -3, action: { kind: 'notify', channel: 'email', template: 'lembrete' } },
      { id: 'atraso', offsetDays: 1, action: { kind: 'notify', channel: 'sms', template: 'atraso', text: 'Sua fatura venceu.' } },
      { id: 'encaminhar', offsetDays: 10, action: { kind: 'forward_to_collections' } },
      { id: 'negativar', offsetDays: 15, action: { kind: 'negativate' } },
    ],
  },
  vip: {
    id: 'vip',
    steps: [
      { id: 'lembrete-vip', offsetDays: -5, action: { kind: 'notify', channel: 'whatsapp', template: 'lembrete-vip' } },
      { id: 'aviso-vip', offsetDays: 2, action: { kind: 'notify', channel: 'email', template: 'aviso-vip' } },
      { id: 'suspender', offsetDays: 12, action: { kind: 'suspend_service' } },
      { id: 'negativar-vip', offsetDays: 20, action: { kind: 'negativate' } },
      { id: 'religar', offsetDays: 0, action: { kind: 'restore_service' } },
    ],
  },
};

const settings = {
  general: { ruler: 'padrao', bureau: 'serasa', registerAutomatically: 'yes', minimumDaysOverdue: 15, daysToNextAction: 5, defaultContactType: 'email' },
  branches: {
    norte: {},
    sul: { ruler: 'vip', bureau: 'spc', minimumDaysOverdue: 20 },
    leste: { registerAutomatically: 'no' },
  },
  contracts: { premium: { ruler: 'vip', minimumDaysOverdue: 20 } },
} as const;

const person = (id: string, taxId: string, extra: Partial<CustomerRecord> = {}): CustomerRecord => ({ ...maria, id, taxId, name: `Cliente ${id}`, email: `${id}@example.com`, ...extra });
const customers = [
  person('c-norte', '52998224725', { branchId: 'norte' }),
  person('c-sem-cep', '11144477735', { branchId: 'norte', address: { street: 'Rua B', number: '2', district: 'Centro', city: 'São Paulo', state: 'SP', cep: '' } }),
  person('c-sul', '39053344705', { branchId: 'sul' }),
  person('c-recusa', '15350946056', { branchId: 'sul' }),
  person('c-leste', '86288366757', { branchId: 'leste' }),
  person('c-premium', '71428793860', { branchId: 'norte' }),
];
const DUE = '2026-10-01';
const invoices: InvoiceRecord[] = [
  invoiceOf('n1', 'c-norte', '300.00', DUE, { branchId: 'norte' }),
  invoiceOf('d1', 'c-sem-cep', '250.00', DUE, { branchId: 'norte' }),
  invoiceOf('s1', 'c-sul', '400.00', DUE, { branchId: 'sul' }),
  invoiceOf('f1', 'c-recusa', '150.00', DUE, { branchId: 'sul' }),
  invoiceOf('l1', 'c-leste', '120.00', DUE, { branchId: 'leste' }),
  invoiceOf('p1', 'c-premium', '500.00', DUE, { branchId: 'norte', contractId: 'premium' }),
  // due on a Saturday (payable Monday 2026-10-05)
  invoiceOf('w1', 'c-norte', '90.00', '2026-10-03', { branchId: 'norte' }),
];
/** Entered into the system only after its due date: its reminder must never go out. */
const late = invoiceOf('t1', 'c-leste', '80.00', '2026-10-20', { branchId: 'leste' });

async function simulate() {
  const calendar = brazilianCalendar();
  const store = new MemoryStore();
  const clock = manualClock('2026-09-20T10:00:00-03:00');
  const notifier = recordingNotifier();
  const serasa = fakeBureau();
  const spc = fakeBureau((r) => (r.title === 'f1' ? { outcome: 'rejected', reason: 'endereço divergente' } : { outcome: 'accepted', protocol: `spc-${r.negativationId}` }));
  const suspended: string[] = [];
  const app = createCollections({
    store,
    clock,
    notifier,
    bureaus: { serasa, spc },
    rates: staticRates(),
    calendar,
    ids: sequentialIds(),
    creditor: { id: 'provedor', name: 'Provedor Internet Ltda', document: '11.222.333/0001-81' },
    rulers,
    settings,
    effectHandlers: {
      'suspend_service': async (effect) => void suspended.push(String(effect.payload['invoiceId'])),
      'restore_service': async () => undefined,
    },
  })._unsafeUnwrap();
  await store.transaction(async (tx) => {
    for (const c of customers) await tx.customers.insert(c);
    for (const i of invoices) await tx.invoices.insert(i);
  });
  const sentOn = new Map<number, CivilDate>();
  const reports = new Map<CivilDate, DailyCycleReport>();
  for (let day: CivilDate = '2026-09-20' as CivilDate; day <= '2026-12-20'; day = addDays(day, 1)) {
    clock.set(`${day}T10:00:00-03:00`);
    if (day === '2026-10-23') await store.transaction((tx) => tx.invoices.insert(late));
    if (day === '2026-10-20') {
      // the operator completes the customer's address (seed 000): the waiting registration is asked again
      await store.transaction(async (tx) => {
        const c = await tx.customers.get('c-sem-cep');
        if (c) await tx.customers.update({ ...c, version: c.version + 1, address: { street: 'Rua B', number: '2', district: 'Centro', city: 'São Paulo', state: 'SP', cep: '01001000' } });
      });
    }
    if (day === '2026-11-20') {
      expect((await app.recordPayment({ idempotencyKey: 'pay-s1', actor: 'pix', invoiceId: 's1', amount: '460.00' })).isOk()).toBe(true);
    }
    const before = notifier.sent.length;
    const report = (await app.runDailyCycle())._unsafeUnwrap();
    for (let i = before; i < notifier.sent.length; i++) sentOn.set(i, day);
    reports.set(day, report);
  }
  const negativations = (await store.transaction((tx) => tx.negativations.list())).map((r) => ({ record: r, value: r.negativation as Negativation }));
  const history = async (invoiceId: string) => (await app.invoiceHistory(invoiceId))._unsafeUnwrap();
  const effects = await store.transaction((tx) => tx.outbox.all());
  return { calendar, notifier, sentOn, reports, negativations, serasa, spc, suspended, history, effects };
}

describe('one system over three months: three branches, two rulers, two bureaus', async () => {
  const run = await simulate();
  const byInvoice = (id: string) => run.negativations.filter((n) => n.record.invoiceId === id);

  it('every negativate step happens once when allowed, or is visibly waiting; none goes silent', () => {
    expect(byInvoice('n1').map((n) => [n.value.requestedOn, n.value.bureau])).toEqual([['2026-10-16', 'serasa']]);
    expect(byInvoice('w1').map((n) => n.value.requestedOn)).toEqual(['2026-10-19']);
    expect(byInvoice('s1').map((n) => [n.value.requestedOn, n.value.bureau])).toEqual([['2026-10-21', 'spc']]);
    expect(byInvoice('p1').map((n) => [n.value.requestedOn, n.value.bureau])).toEqual([['2026-10-21', 'serasa']]);
    // missing CEP: waiting (not refused) from D+15 until the record changed, then requested once
    const waitingDays = [...run.reports].filter(([, r]) => r.ruler.waiting.some((w) => w.invoiceId === 'd1')).map(([day]) => day);
    expect(waitingDays).toEqual(['2026-10-16', '2026-10-17', '2026-10-18', '2026-10-19']);
    expect(byInvoice('d1').map((n) => n.value.requestedOn)).toEqual(['2026-10-20']);
    // leste does not register automatically: its step is switched off by the setting, never requested
    expect(byInvoice('l1')).toEqual([]);
    // nothing was refused for good, and no request was made twice
    expect([...run.reports.values()].flatMap((r) => [...r.ruler.refused, ...r.automaticRequests.refused])).toEqual([]);
    expect(run.negativations).toHaveLength(6);
  });

  it('between request and submission the registration is visibly waiting for its notice period', () => {
    // Reported with its day on the cycle after its notice went out (and again only if something about it is written), submitted on that day.
    const waits = [...run.reports].flatMap(([day, r]) => r.negativations.waitingForNotice.filter((w) => w.invoiceId === 'n1').map((w) => [day, w.until]));
    expect(waits[0]).toEqual(['2026-10-17', '2026-10-26']);
    expect(waits.every(([day, until]) => until === '2026-10-26' && (day as string) < '2026-10-26')).toBe(true);
    expect([...run.reports].filter(([, r]) => r.negativations.submitted.length > 0).map(([day]) => day)).toContain('2026-10-26');
    expect(byInvoice('n1')[0]?.value.registeredOn).toBe('2026-10-26');
  });

  it("each branch's bureau receives its registrations and no other", () => {
    expect(run.serasa.registrations.map((r) => r.title).sort()).toEqual(['d1', 'n1', 'p1', 'w1']);
    expect(run.spc.registrations.map((r) => r.title).sort()).toEqual(['f1', 's1']);
    expect(run.spc.removals.map((r) => r.bureau)).toEqual(['spc']);
  });

  it('no follow-up without its action: the after-negativation contact comes daysToNextAction after the bureau accepted, never for a rejected one', () => {
    const followUps = run.notifier.sent.flatMap((m, i) => (m.templateId === 'after-negativation' ? [{ to: m.customerId, on: run.sentOn.get(i) }] : []));
    const accepted = run.negativations.filter((n) => n.value.registeredOn !== undefined);
    expect(followUps.map((f) => f.to).sort()).toEqual(accepted.map((n) => n.record.customerId).sort());
    for (const n of accepted) {
      const sent = followUps.find((f) => f.to === n.record.customerId);
      expect(sent?.on && sent.on >= addDays(n.value.registeredOn as CivilDate, 5), n.record.invoiceId).toBe(true);
    }
    expect(byInvoice('f1').map((n) => n.record.status)).toEqual(['failed']);
    expect(followUps.some((f) => f.to === 'c-recusa')).toBe(false);
  });

  it('restore follows a suspension that took effect; the removal goes to the bureau that registered', async () => {
    expect(run.suspended.sort()).toEqual(['f1', 'p1', 's1']);
    expect(run.effects.filter((e) => e.kind === 'restore_service').map((e) => e.payload['invoiceId'])).toEqual(['s1']);
    expect(byInvoice('s1').map((n) => n.record.status)).toEqual(['recovered']);
  });

  it('no pre-due reminder is ever sent on or after the day the invoice became overdue', () => {
    let reminders = 0;
    for (const [i, message] of run.notifier.sent.entries()) {
      if (!message.templateId?.startsWith('lembrete')) continue;
      reminders++;
      const day = run.sentOn.get(i) as CivilDate;
      const due = [...invoices, late].filter((inv) => inv.customerId === message.customerId).map((inv) => payableOn(inv.dueDate, run.calendar));
      expect(due.some((payable) => day <= payable), `${message.templateId} to ${message.customerId} on ${day}`).toBe(true);
    }
    expect(reminders).toBe(7);
    const lateReminders = [...run.reports.values()].flatMap((r) => r.ruler.skipped).filter((s) => s.invoiceId === 't1' && s.reason === 'reminder_after_due');
    expect(lateReminders.map((s) => s.stepId)).toEqual(['lembrete']);
  });

  it('every state is in the invoice history: waiting for data, requested (with the setting and bureau that decided it), registered', async () => {
    const history = await run.history('d1');
    const actions = history.map((e) => e.action);
    expect(actions.indexOf('negativation_waiting_for_debtor_data')).toBeLessThan(actions.indexOf('negativation_requested'));
    const requested = (await run.history('s1')).find((e) => e.action === 'negativation_requested');
    expect(requested?.details).toMatchObject({
      origin: 'automatic',
      bureau: 'spc',
      bureauSource: 'branch',
      bureauSetting: ['settings', 'branches', 'sul', 'bureau'],
      authorization: { kind: 'setting', setting: 'registerAutomatically', path: ['settings', 'general', 'registerAutomatically'], rulerId: 'vip', stepId: 'negativar-vip' },
    });
  });
});
