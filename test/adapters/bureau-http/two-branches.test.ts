import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../../../src/adapters/memory/index.js';
import { createCollections } from '../../../src/app/index.js';
import { brazilianCalendar } from '../../../src/calendar/index.js';
import type { Negativation } from '../../../src/negativation/index.js';
import { manualClock, recordingNotifier, sequentialIds, staticRates } from '../../../src/testing/index.js';
import { exampleRuler, invoiceOf, maria } from '../../app/harness.js';
import { gatewayTo, simulator, webhookEndpoint } from './support.js';

const joao = { ...maria, id: 'c-joao', name: 'João Lima', taxId: '52998224725', branchId: 'norte' };

describe('two branches on two HTTP gateways through createCollections (seed 002: an integration per branch)', () => {
  it("each branch's registrations reach its own bureau, and the choice is on the negativation", async () => {
    const clock = manualClock('2026-10-16T10:00:00-03:00');
    const now = () => clock.now().getTime();
    const serasaSim = await simulator({ now });
    const spcSim = await simulator({ now, webhookSecret: 'spc-secret' });
    const serasa = gatewayTo(serasaSim, { now });
    const spc = gatewayTo(spcSim, { now, webhookSecret: 'spc-secret' });
    const store = new MemoryStore();
    const app = createCollections({
      store, clock, notifier: recordingNotifier(), rates: staticRates(), calendar: brazilianCalendar(), ids: sequentialIds(),
      bureaus: { serasa, spc },
      creditor: { id: 'provedor', name: 'Provedor Internet Ltda', document: '11.222.333/0001-81' },
      ruler: exampleRuler,
      settings: { general: { registerAutomatically: 'yes', minimumDaysOverdue: 15, bureau: 'serasa' }, branches: { norte: { bureau: 'spc' } } },
      lateCharges: { policy: { interest: { kind: 'monthly', percent: '1' } }, interestFromRates: false },
    })._unsafeUnwrap();
    serasaSim.setWebhookUrl((await webhookEndpoint(serasa, (r) => app.applyBureauReport(r))).url);
    spcSim.setWebhookUrl((await webhookEndpoint(spc, (r) => app.applyBureauReport(r))).url);
    await store.transaction(async (tx) => {
      await tx.customers.insert(maria);
      await tx.customers.insert(joao);
      await tx.invoices.insert(invoiceOf('j1', maria.id, '300.00', '2026-10-01'));
      await tx.invoices.insert(invoiceOf('k1', joao.id, '120.00', '2026-10-01', { branchId: 'norte' }));
    });
    for (const day of ['2026-10-16', '2026-10-26']) {
      clock.set(`${day}T10:00:00-03:00`);
      (await app.runDailyCycle())._unsafeUnwrap();
    }
    // Each bureau's webhooks reach the endpoint verified with that bureau's secret.
    expect(await serasaSim.deliverCallbacks()).toEqual({ delivered: 1, failed: 0 });
    expect(await spcSim.deliverCallbacks()).toEqual({ delivered: 1, failed: 0 });

    const records = await store.transaction((tx) => tx.negativations.list());
    const byInvoice = Object.fromEntries(records.map((r) => [r.invoiceId, { status: r.status, n: r.negativation as Negativation }]));
    expect(byInvoice.j1?.status).toBe('negativated');
    expect(byInvoice.k1?.status).toBe('negativated');
    expect(byInvoice.j1?.n.bureau).toBe('serasa');
    expect(byInvoice.k1?.n.bureau).toBe('spc');
    expect(byInvoice.k1?.n.history.at(-1)?.event).toMatchObject({ type: 'bureau_accepted', actor: 'spc' });
    expect(serasaSim.holdings(maria.taxId)).toHaveLength(1);
    expect(serasaSim.holdings(joao.taxId)).toEqual([]);
    expect(spcSim.holdings(joao.taxId)).toHaveLength(1);
    expect(spcSim.holdings(maria.taxId)).toEqual([]);
  });
});
