import { describe, expect, it } from 'vitest';
import type { Negativation } from '../../../src/negativation/index.js';
import type { ManualClock } from '../../../src/testing/index.js';
import type { BureauSimulatorOptions, HttpBureauGatewayOptions } from '../../../src/adapters/bureau-http/index.js';
import { harness, invoiceOf, maria } from '../../app/harness.js';
import { createReplayGuard, signBureauWebhook } from '../../../src/adapters/bureau-http/index.js';
import { SECRET, gatewayTo, registrationOf, simulator, webhookEndpoint } from './support.js';

const op = (key: string) => ({ idempotencyKey: key, actor: 'operator.ana' });
const joao = { ...maria, id: 'c-joao', name: 'João Lima', taxId: '52998224725', email: 'joao@example.com' };

/**
 * A collections app whose bureau is the HTTP gateway talking to the simulator
 * over 127.0.0.1, with the simulator's webhooks delivered to a real endpoint
 * that verifies them and calls `applyBureauReport`. The simulator signs and the
 * gateway checks with the app's manual clock.
 */
async function withSimulatedBureau(simOptions: Partial<BureauSimulatorOptions> = {}, gatewayOptions: Partial<HttpBureauGatewayOptions> = {}) {
  const clock: { current?: ManualClock } = {};
  const now = () => (clock.current ? clock.current.now().getTime() : Date.now());
  const sim = await simulator({ now, ...simOptions });
  const gateway = gatewayTo(sim, { now, breaker: { failureThreshold: 1, cooldownMs: 60 * 60 * 1000 }, ...gatewayOptions });
  const h = await harness({ bureau: gateway });
  clock.current = h.clock;
  const endpoint = await webhookEndpoint(gateway, (report) => h.app.applyBureauReport(report));
  sim.setWebhookUrl(endpoint.url);
  const negativations = async () => (await h.store.transaction((tx) => tx.negativations.list())).map((r) => ({ record: r, n: r.negativation as Negativation }));
  const statuses = async () => Object.fromEntries((await negativations()).map(({ record }) => [record.invoiceId, record.status]));
  return { ...h, sim, gateway, negativations, statuses, webhookUrl: endpoint.url };
}

describe('the HTTP bureau through createCollections (simulator over real HTTP)', () => {
  it('register → accepted by webhook → paid → removed by webhook; the bureau reference is kept', async () => {
    const h = await withSimulatedBureau();
    await h.seed([maria], [invoiceOf('j1', maria.id, '300.00', '2026-10-01')]);
    await h.cycleOn('2026-10-16');
    await h.cycleOn('2026-10-26');
    expect(await h.statuses()).toEqual({ j1: 'awaiting_return' });
    expect(await h.sim.deliverCallbacks()).toEqual({ delivered: 1, failed: 0 });
    const [registered] = await h.negativations();
    expect(registered?.record.status).toBe('negativated');
    expect(registered?.n.bureauReference).toBe('SIM-0000001');
    expect(registered?.n.history.at(-1)?.event).toMatchObject({ type: 'bureau_accepted', actor: 'serasa', bureauReference: 'SIM-0000001' });

    h.clock.set('2026-10-28T10:00:00-03:00');
    (await h.app.recordPayment({ ...op('pay'), invoiceId: 'j1', amount: '400.00' }))._unsafeUnwrap();
    await h.app.performEffects();
    expect(await h.statuses()).toEqual({ j1: 'recovering' });
    await h.sim.deliverCallbacks();
    expect(await h.statuses()).toEqual({ j1: 'recovered' });
    expect(h.sim.holdings(maria.taxId)).toEqual([expect.objectContaining({ externalId: registered?.record.id, status: 'removed', removalReasonCode: 'PAGAMENTO' })]);
    expect(h.sim.stats).toMatchObject({ registrations: 1, removals: 1, duplicateRefusals: 0 });
  });

  it('a bureau down for a whole cycle: the work is reported, retried next cycle, nothing lost, nothing doubled', async () => {
    const h = await withSimulatedBureau({ faults: { down: 'status503', retryAfterSeconds: 0 } });
    await h.seed([maria, joao], [invoiceOf('j1', maria.id, '300.00', '2026-10-01'), invoiceOf('k1', joao.id, '120.00', '2026-10-01')]);
    await h.cycleOn('2026-10-16');
    const down = await h.cycleOn('2026-10-26');
    expect(down.effects.failed.map((f) => f.error)).toEqual([
      expect.stringMatching(/^serasa register of negativation-\d+ failed after 4 attempts: HTTP 503$/),
      expect.stringMatching(/^serasa is unavailable \(circuit open until .*\): register of negativation-\d+ waits for the next cycle$/),
    ]);
    expect(down.effects.failed.every((f) => !f.gaveUp)).toBe(true);
    expect(h.gateway.stats()).toMatchObject({ shortCircuited: 1 });
    expect(await h.statuses()).toEqual({ j1: 'awaiting_return', k1: 'awaiting_return' });
    expect(h.sim.all()).toEqual([]);

    h.sim.setFaults({});
    const back = await h.cycleOn('2026-10-27');
    expect(back.effects.failed).toEqual([]);
    await h.sim.deliverCallbacks();
    expect(await h.statuses()).toEqual({ j1: 'negativated', k1: 'negativated' });
    expect(h.sim.holdings(maria.taxId)).toHaveLength(1);
    expect(h.sim.holdings(joao.taxId)).toHaveLength(1);
    expect(h.sim.stats.duplicateRefusals).toBe(0);
    const again = await h.cycleOn('2026-10-28');
    expect(again.effects.performed).toBe(0);
    expect(h.sim.stats.registrations).toBe(2);
  });

  it('a removal during an outage keeps its deadline: retried next cycle and confirmed before it', async () => {
    const h = await withSimulatedBureau();
    await h.seed([maria], [invoiceOf('j1', maria.id, '300.00', '2026-10-01')]);
    await h.cycleOn('2026-10-16');
    await h.cycleOn('2026-10-26');
    await h.sim.deliverCallbacks();
    h.sim.setFaults({ down: 'drop' });
    h.clock.set('2026-10-28T10:00:00-03:00');
    (await h.app.recordPayment({ ...op('pay'), invoiceId: 'j1', amount: '400.00' }))._unsafeUnwrap();
    const failed = (await h.app.performEffects())._unsafeUnwrap().failed;
    expect(failed.map((f) => f.effect.kind)).toContain('bureau_remove');
    const [paid] = await h.negativations();
    expect(paid?.record.status).toBe('recovering');
    const deadline = paid?.n.settlement?.removalDeadline;
    expect(deadline).toBe('2026-11-05'); // 2 Nov is a holiday (Finados)
    h.sim.setFaults({});
    await h.cycleOn('2026-10-29');
    await h.sim.deliverCallbacks();
    expect(await h.statuses()).toEqual({ j1: 'recovered' });
    expect((await h.negativations())[0]?.n.removal?.confirmedOn).toBe('2026-10-29');
    expect(h.sim.stats.removals).toBe(1);
  });

  it('a bureau down until the removal deadline: the deadline is alerted, and the removal still goes through once it is back', async () => {
    const h = await withSimulatedBureau();
    await h.seed([maria], [invoiceOf('j1', maria.id, '300.00', '2026-10-01')]);
    await h.cycleOn('2026-10-16');
    await h.cycleOn('2026-10-26');
    await h.sim.deliverCallbacks();
    h.sim.setFaults({ down: 'status503', retryAfterSeconds: 0 });
    h.clock.set('2026-10-28T10:00:00-03:00');
    (await h.app.recordPayment({ ...op('pay'), invoiceId: 'j1', amount: '400.00' }))._unsafeUnwrap();
    for (const day of ['2026-10-29', '2026-10-30', '2026-11-03', '2026-11-04']) {
      const report = await h.cycleOn(day);
      expect(report.effects.failed.map((f) => f.effect.kind)).toEqual(['bureau_remove']);
    }
    const alerts = (await h.store.transaction((tx) => tx.outbox.pending(500))).filter((e) => e.kind === 'alert_operator').map((e) => (e.payload as { alert: string }).alert);
    expect(alerts).toContain('removal_deadline_near');
    h.sim.setFaults({});
    await h.cycleOn('2026-11-05');
    await h.sim.deliverCallbacks();
    expect(await h.statuses()).toEqual({ j1: 'recovered' });
    expect(h.sim.stats.removals).toBe(1);
  });

  it('duplicate and out-of-order callbacks are harmless: the same final state, one history entry each', async () => {
    const h = await withSimulatedBureau({ faults: { duplicateCallbacks: 1, outOfOrderCallbacks: true } });
    await h.seed([maria, joao], [invoiceOf('j1', maria.id, '300.00', '2026-10-01'), invoiceOf('k1', joao.id, '120.00', '2026-10-01')]);
    await h.cycleOn('2026-10-16');
    await h.cycleOn('2026-10-26');
    h.clock.set('2026-10-27T10:00:00-03:00');
    (await h.app.recordPayment({ ...op('pay-k1'), invoiceId: 'k1', amount: '200.00' }))._unsafeUnwrap();
    await h.app.performEffects();
    // Pending: j1 registered, k1 registered and removed; delivered newest first, each twice.
    expect(h.sim.pendingCallbacks).toBe(3);
    expect(await h.sim.deliverCallbacks()).toEqual({ delivered: 6, failed: 0 });
    expect(await h.statuses()).toEqual({ j1: 'negativated', k1: 'cancelled' });
    const byInvoice = Object.fromEntries((await h.negativations()).map(({ record, n }) => [record.invoiceId, n.history.map((e) => e.event.type)]));
    expect(byInvoice.j1?.filter((t) => t === 'bureau_accepted')).toHaveLength(1);
    expect(byInvoice.k1?.filter((t) => t === 'bureau_removed')).toHaveLength(1);
    expect(h.sim.holdings(joao.taxId)).toEqual([expect.objectContaining({ status: 'removed' })]);
  });

  it('a forged, stale or replayed webhook changes nothing', async () => {
    const h = await withSimulatedBureau({}, { webhook: { replayGuard: createReplayGuard() } });
    await h.seed([maria], [invoiceOf('j1', maria.id, '300.00', '2026-10-01')]);
    await h.cycleOn('2026-10-16');
    await h.cycleOn('2026-10-26');
    const [waiting] = await h.negativations();
    const post = (body: string, at: number, secret = SECRET) =>
      fetch(h.webhookUrl, { method: 'POST', headers: { 'x-bureau-timestamp': String(at), 'x-bureau-signature': signBureauWebhook(body, secret, at) }, body }).then(async (r) => [r.status, await r.text()] as const);
    const seconds = Math.floor(h.clock.now().getTime() / 1000);
    const rejected = JSON.stringify({ id: 'evt-x', type: 'registration.rejected', occurredAt: h.clock.now().toISOString(), data: { externalId: waiting?.record.id, reasonCode: 'X' } });
    expect(await post(rejected, seconds, 'guessed-secret')).toEqual([401, '{"error":"webhook_forged"}']);
    expect(await post(rejected, seconds - 301)).toEqual([401, '{"error":"webhook_stale"}']);
    expect(await h.statuses()).toEqual({ j1: 'awaiting_return' });

    const registered = JSON.stringify({ id: 'evt-1', type: 'registration.registered', occurredAt: h.clock.now().toISOString(), data: { externalId: waiting?.record.id, reference: 'SIM-0000001' } });
    expect(await post(registered, seconds)).toEqual([204, '']);
    expect(await h.statuses()).toEqual({ j1: 'negativated' });
    expect(await post(registered, seconds)).toEqual([200, '{"ignored":"webhook_replayed"}']);
    const history = (await h.negativations())[0]?.n.history ?? [];
    expect(history.filter((e) => e.event.type === 'bureau_accepted')).toHaveLength(1);
  });

  it('webhooks from an impostor bureau (another secret) or with a clock far off are refused', async () => {
    const h = await withSimulatedBureau();
    await h.seed([maria], [invoiceOf('j1', maria.id, '300.00', '2026-10-01')]);
    await h.cycleOn('2026-10-16');
    await h.cycleOn('2026-10-26');
    const [waiting] = await h.negativations();
    const forged = await simulator({ webhookSecret: 'not-the-secret', now: () => h.clock.now().getTime() });
    const stale = await simulator({ now: () => h.clock.now().getTime() - 10 * 60 * 1000 });
    for (const impostor of [forged, stale]) {
      impostor.setWebhookUrl(h.webhookUrl);
      await gatewayTo(impostor).register(registrationOf(waiting?.record.id ?? ''));
      expect(await impostor.deliverCallbacks()).toEqual({ delivered: 0, failed: 1 });
    }
    expect(await h.statuses()).toEqual({ j1: 'awaiting_return' });
  });
});
