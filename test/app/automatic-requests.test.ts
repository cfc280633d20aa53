import { describe, expect, it } from 'vitest';
import { harness, invoiceOf, maria } from './harness.js';

const noNegativateStep = { id: 'so-lembretes', steps: [{ id: 'lembrete-email', offsetDays: -3, action: { kind: 'notify', channel: 'email', template: 'lembrete' } }] };

describe('automatic registration requests (seed 000 flag, seed 002 setting)', () => {
  it('requests the registration of a flagged invoice once it is overdue by the set days, once', async () => {
    const h = await harness({ ruler: noNegativateStep, settings: { general: { minimumDaysOverdue: 15 } } });
    await h.seed([maria], [invoiceOf('flag', maria.id, '120.00', '2026-10-01', { negativate: true }), invoiceOf('plain', maria.id, '80.00', '2026-10-01')]);
    expect((await h.cycleOn('2026-10-15')).automaticRequests.requested).toEqual([]);
    const due = await h.cycleOn('2026-10-16');
    expect(due.automaticRequests.requested).toEqual([{ invoiceId: 'flag', origin: 'invoice_creation' }]);
    expect((await h.cycleOn('2026-10-16', '11:00')).automaticRequests.requested).toEqual([]);
    const stored = await h.store.transaction((tx) => tx.negativations.list());
    expect(stored.map((n) => [n.invoiceId, n.status])).toEqual([['flag', 'processing']]);
  });

  it("follows the branch's Yes / No / Default: a branch set to Yes registers its overdue invoices, the others do not", async () => {
    const h = await harness({ ruler: noNegativateStep, settings: { general: { minimumDaysOverdue: 20 }, branches: { norte: { registerAutomatically: 'yes' } } } });
    await h.seed([maria], [invoiceOf('n1', maria.id, '100.00', '2026-10-01', { branchId: 'norte' }), invoiceOf('s1', maria.id, '100.00', '2026-10-01', { branchId: 'sul' })]);
    const report = await h.cycleOn('2026-10-21');
    expect(report.automaticRequests.requested).toEqual([{ invoiceId: 'n1', origin: 'automatic' }]);
  });

  it('a request missing debtor data (no CEP) waits, alerts an operator once, and is asked again once the customer record changes', async () => {
    const h = await harness({ ruler: noNegativateStep, settings: { general: { minimumDaysOverdue: 15 } } });
    const noCep = { ...maria, address: { street: 'Rua das Flores', number: '100', district: 'Centro', city: 'São Paulo', state: 'SP', cep: '' } };
    await h.seed([noCep], [invoiceOf('f1', maria.id, '120.00', '2026-10-01', { negativate: true })]);
    const first = await h.cycleOn('2026-10-16');
    expect(first.automaticRequests.refused).toEqual([]);
    expect(first.automaticRequests.waiting).toEqual([{ invoiceId: 'f1', waiting: { status: 'waiting', reason: 'debtor_data', missing: ['address.cep'] } }]);
    const second = await h.cycleOn('2026-10-17');
    expect(second.automaticRequests.requested).toEqual([]);
    const alerts = (await h.app.pendingEffects(100))._unsafeUnwrap().filter((e) => e.kind === 'alert_operator' && e.payload['alert'] === 'debtor_data_missing');
    expect(alerts).toHaveLength(1);
    await h.store.transaction(async (tx) => {
      const stored = await tx.customers.get(maria.id);
      if (stored) await tx.customers.update({ ...stored, version: stored.version + 1, ...(maria.address ? { address: maria.address } : {}) });
    });
    const fixed = await h.cycleOn('2026-10-18');
    expect(fixed.automaticRequests.requested).toEqual([{ invoiceId: 'f1', origin: 'invoice_creation' }]);
    const history = (await h.app.invoiceHistory('f1'))._unsafeUnwrap().map((e) => e.action);
    expect(history.filter((a) => a.startsWith('negativation_')).slice(0, 2)).toEqual(['negativation_waiting_for_debtor_data', 'negativation_requested']);
  });
});
