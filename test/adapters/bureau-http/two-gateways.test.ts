import { describe, expect, it } from 'vitest';
import { ok } from 'neverthrow';
import type { BureauGateway, BureauStatusReport } from '../../../src/ports/index.js';
import { CPF, SECRET, gatewayTo, registrationOf, simulator, webhookEndpoint } from './support.js';

const OTHER = '52998224725';

describe('two branches on two gateways (seed 002 binds an integration to a branch)', () => {
  it('each branch reaches its own bureau: separate holdings, separate circuits, separate webhook secrets', async () => {
    const serasa = await simulator();
    const spc = await simulator({ webhookSecret: 'spc-secret' });
    const byBranch: Record<string, BureauGateway & { circuit(bureau: string): string }> = {
      'filial-sp': gatewayTo(serasa, { breaker: { failureThreshold: 1 } }),
      'filial-rj': gatewayTo(spc, { webhookSecret: 'spc-secret', breaker: { failureThreshold: 1 } }),
    };
    const sp = byBranch['filial-sp'];
    const rj = byBranch['filial-rj'];
    if (!sp || !rj) throw new Error('missing gateway');

    expect((await sp.register(registrationOf('neg-sp'))).outcome).toBe('pending');
    expect((await rj.register(registrationOf('neg-rj', { bureau: 'spc', debtor: { ...registrationOf('x').debtor, taxId: OTHER } }))).outcome).toBe('pending');
    expect(serasa.holdings(CPF).map((r) => r.externalId)).toEqual(['neg-sp']);
    expect(serasa.holdings(OTHER)).toEqual([]);
    expect(spc.holdings(OTHER).map((r) => r.externalId)).toEqual(['neg-rj']);

    // One bureau down does not touch the other branch.
    serasa.setFaults({ down: 'status503', retryAfterSeconds: 0 });
    await expect(sp.register(registrationOf('neg-sp-2', { title: 'other' }))).rejects.toMatchObject({ code: 'bureau_unavailable' });
    expect(sp.circuit('serasa')).toBe('open');
    expect(rj.circuit('spc')).toBe('closed');
    expect((await rj.register(registrationOf('neg-rj-2', { bureau: 'spc', title: 'other' }))).outcome).toBe('pending');

    // Each gateway accepts only its own bureau's webhooks.
    const reports: Record<string, BureauStatusReport[]> = { sp: [], rj: [] };
    const spEndpoint = await webhookEndpoint(sp, async (r) => (reports.sp?.push(r), ok(undefined)));
    const rjEndpoint = await webhookEndpoint(rj, async (r) => (reports.rj?.push(r), ok(undefined)));
    spc.setWebhookUrl(spEndpoint.url);
    expect(await spc.deliverCallbacks()).toMatchObject({ delivered: 0 });
    spc.setWebhookUrl(rjEndpoint.url);
    expect(await spc.deliverCallbacks()).toMatchObject({ delivered: 2, failed: 0 });
    serasa.setWebhookUrl(spEndpoint.url);
    expect(await serasa.deliverCallbacks()).toMatchObject({ delivered: 1 });
    expect(reports.sp?.map((r) => r.negativationId)).toEqual(['neg-sp']);
    expect(reports.rj?.map((r) => r.negativationId)).toEqual(['neg-rj', 'neg-rj-2']);
    expect(SECRET).not.toBe('spc-secret');
  });
});
