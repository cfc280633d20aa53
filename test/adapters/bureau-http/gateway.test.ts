import { describe, expect, it } from 'vitest';
import { ok } from 'neverthrow';
import { BureauCallError, createHttpBureauGateway, genericJsonProfile, genericRegistrationBody, idempotencyKeyOf } from '../../../src/adapters/bureau-http/index.js';
import { civilDate } from '../../../src/calendar/index.js';
import type { BureauStatusReport } from '../../../src/ports/index.js';
import { CPF, NAME, gatewayTo, registrationOf, simulator, webhookEndpoint } from './support.js';

describe('bureau HTTP gateway against the simulator (real HTTP on 127.0.0.1)', () => {
  it('register → accepted (by webhook) → removed, with the bureau reference kept and sent back', async () => {
    const sim = await simulator();
    const gateway = gatewayTo(sim);
    const reports: BureauStatusReport[] = [];
    const endpoint = await webhookEndpoint(gateway, async (r) => (reports.push(r), ok(undefined)));
    sim.setWebhookUrl(endpoint.url);

    const answer = await gateway.register(registrationOf('neg-1'));
    expect(answer).toEqual({ outcome: 'pending', protocol: 'SIM-0000001' });
    expect(await sim.deliverCallbacks()).toEqual({ delivered: 1, failed: 0 });
    expect(reports).toEqual([expect.objectContaining({ negativationId: 'neg-1', status: 'registered', protocol: 'SIM-0000001' })]);
    expect(await gateway.queryStatus({ negativationId: 'neg-1', bureau: 'serasa' })).toMatchObject({ status: 'registered', protocol: 'SIM-0000001' });

    const removal = await gateway.remove({ key: 'effect-rm-1', negativationId: 'neg-1', bureau: 'serasa', protocol: 'SIM-0000001', reason: 'paid', on: civilDate('2026-11-03') });
    expect(removal.outcome).toBe('pending');
    await sim.deliverCallbacks();
    expect(reports.map((r) => r.status)).toEqual(['registered', 'removed']);
    const [held] = sim.holdings(CPF);
    expect(held).toMatchObject({ status: 'removed', removalReasonCode: 'PAGAMENTO', contract: 'title-neg-1', amount: '300.00', natureCode: 'OO' });
    expect(sim.holdings(CPF)).toHaveLength(1);
  });

  it('sends every field bureaus ask for (CDC art. 42-A creditor, debtor kind, birth date, address with CEP)', async () => {
    const sim = await simulator({ answer: 'sync' });
    const gateway = gatewayTo(sim, { profile: genericJsonProfile({ natureOfDebt: 'DP' }) });
    expect(genericRegistrationBody(registrationOf('neg-f'), 'DP')).toEqual({
      externalId: 'neg-f',
      debtor: { document: CPF, documentType: 'CPF', name: NAME, birthDate: '1980-05-17', address: { street: 'Rua das Flores', number: '100', district: 'Centro', city: 'São Paulo', state: 'SP', zipCode: '01001000' } },
      creditor: { document: '11222333000181', name: 'Provedor Internet Ltda' },
      debt: { contract: 'title-neg-f', amount: '300.00', dueDate: '2026-10-01', natureCode: 'DP' },
    });
    expect(await gateway.register(registrationOf('neg-f'))).toEqual({ outcome: 'accepted', protocol: 'SIM-0000001' });
    expect(sim.holdings(CPF)[0]?.natureCode).toBe('DP');
  });

  it('sends a title registered together with others (seed 000) with its registration and every title in it', async () => {
    const sim = await simulator({ answer: 'sync' });
    const gateway = gatewayTo(sim);
    const grouped = { ...registrationOf('neg-g'), registration: { id: 'registration-1', titleIds: ['title-neg-g', 'title-neg-h'] } };
    expect(genericRegistrationBody(grouped, 'OO').registration).toEqual({ id: 'registration-1', titles: ['title-neg-g', 'title-neg-h'] });
    expect(genericRegistrationBody(registrationOf('neg-f'), 'OO')).not.toHaveProperty('registration');
    expect(await gateway.register(grouped)).toMatchObject({ outcome: 'accepted' });
  });

  it('derives one idempotency key per command: a repeated command is held once', async () => {
    const sim = await simulator();
    const gateway = gatewayTo(sim);
    const first = await gateway.register(registrationOf('neg-2'));
    const again = await gateway.register(registrationOf('neg-2'));
    expect(again).toEqual(first);
    expect(sim.holdings(CPF)).toHaveLength(1);
    expect(sim.stats.idempotentReplays).toBe(1);
    expect(idempotencyKeyOf('register', registrationOf('neg-2'))).toBe(idempotencyKeyOf('register', registrationOf('neg-2')));
    expect(idempotencyKeyOf('register', registrationOf('neg-2'))).not.toBe(idempotencyKeyOf('remove', registrationOf('neg-2')));
    expect(idempotencyKeyOf('register', registrationOf('neg-2'))).not.toContain(CPF);
  });

  describe('faults: each is retried when it should be, and nothing is registered twice', () => {
    it.each([
      ['a timeout (the bureau processed it, then stalled)', 'timeout'],
      ['a 500', 'status500'],
      ['a 503', 'status503'],
      ['a dropped connection before processing', 'drop'],
      ['a dropped connection after processing', 'dropAfter'],
      ['a malformed body (after processing)', 'malformed'],
    ] as const)('%s', async (_label, fault) => {
      const sim = await simulator({ faults: { retryAfterSeconds: 0 } });
      const gateway = gatewayTo(sim, fault === 'timeout' ? { timeoutMs: 500 } : {});
      sim.script(fault, fault);
      const answer = await gateway.register(registrationOf('neg-3'));
      expect(answer).toMatchObject({ outcome: 'pending' });
      expect(sim.stats.faults[fault]).toBe(2);
      expect(gateway.stats()).toMatchObject({ calls: 1, attempts: 3, retries: 2, answered: 1, failed: 0 });
      expect(sim.holdings(CPF)).toHaveLength(1);
      expect(sim.stats.duplicateRefusals).toBe(0);
    });

    it.each(['status503', 'status500', 'status429'] as const)('a %s then a timeout: the aborted retry leaves no unhandled rejection behind', async (first) => {
      const unhandled: unknown[] = [];
      const collect = (reason: unknown) => unhandled.push(reason);
      process.on('unhandledRejection', collect);
      try {
        const sim = await simulator({ faults: { retryAfterSeconds: 0 } });
        const gateway = gatewayTo(sim, { timeoutMs: 300 });
        sim.script(first, 'timeout');
        expect((await gateway.register(registrationOf('neg-abort'))).outcome).toBe('pending');
        await new Promise((resolve) => setTimeout(resolve, 200));
        expect(unhandled).toEqual([]);
      } finally {
        process.off('unhandledRejection', collect);
      }
    });

    it('a 429 with Retry-After: the gateway waits what the bureau asks before trying again', async () => {
      const sim = await simulator({ faults: { retryAfterSeconds: 1 } });
      const gateway = gatewayTo(sim);
      sim.script('status429');
      const started = performance.now();
      await gateway.register(registrationOf('neg-4'));
      expect(performance.now() - started).toBeGreaterThanOrEqual(950);
      expect(gateway.stats()).toMatchObject({ attempts: 2, retries: 1 });
      expect(sim.holdings(CPF)).toHaveLength(1);
    });

    it('latency within the timeout is just slower', async () => {
      const sim = await simulator({ faults: { latencyMs: { min: 20, max: 60 } } });
      const gateway = gatewayTo(sim);
      expect((await gateway.register(registrationOf('neg-5'))).outcome).toBe('pending');
      expect(gateway.stats().retries).toBe(0);
    });

    it('a refusal with a reason code is an answer, never retried', async () => {
      const sim = await simulator({ faults: { rejectRate: 1, rejectCodes: ['CPF_IRREGULAR'] } });
      const gateway = gatewayTo(sim);
      expect(await gateway.register(registrationOf('neg-6'))).toEqual({ outcome: 'rejected', reason: 'CPF_IRREGULAR: refused by the simulated bureau' });
      expect(gateway.stats()).toMatchObject({ attempts: 1, retries: 0 });
    });

    it('other 4xx are never retried, and fail with a non-retryable error', async () => {
      const sim = await simulator({ expectToken: 'right' });
      const gateway = gatewayTo(sim, { credentials: { kind: 'bearer', token: 'wrong' } });
      const error = await gateway.register(registrationOf('neg-7')).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(BureauCallError);
      expect(error).toMatchObject({ code: 'bureau_request_refused', retryable: false, details: { status: 401, attempts: 1 } });
      expect(sim.stats.requests).toBe(1);
      const authorised = gatewayTo(sim, { credentials: { kind: 'bearer', token: 'right' } });
      expect((await authorised.register(registrationOf('neg-7'))).outcome).toBe('pending');
    });

    it('gives up after its retries with a retryable error naming no personal data', async () => {
      const sim = await simulator({ faults: { down: 'status500' } });
      const gateway = gatewayTo(sim);
      const error = (await gateway.register(registrationOf('neg-8')).catch((e: unknown) => e)) as BureauCallError;
      expect(error).toMatchObject({ code: 'bureau_unavailable', retryable: true, details: { status: 500, attempts: 4 } });
      expect(error.message).toBe('serasa register of neg-8 failed after 4 attempts: HTTP 500');
      expect(sim.all()).toHaveLength(0);
    });
  });

  it('the circuit opens after consecutive failures, refuses at once, and closes after a good trial call', async () => {
    const sim = await simulator({ faults: { down: 'status503', retryAfterSeconds: 0 } });
    let now = Date.parse('2026-11-03T13:00:00Z');
    const gateway = gatewayTo(sim, { retry: { limit: 0 }, breaker: { failureThreshold: 2, cooldownMs: 60_000 }, now: () => now });
    for (const id of ['a', 'b']) await expect(gateway.register(registrationOf(id))).rejects.toMatchObject({ code: 'bureau_unavailable' });
    expect(gateway.circuit('serasa')).toBe('open');
    const requests = sim.stats.requests;
    await expect(gateway.register(registrationOf('c'))).rejects.toMatchObject({ code: 'bureau_circuit_open', details: { retryAt: '2026-11-03T13:01:00.000Z' } });
    expect(sim.stats.requests).toBe(requests);
    expect(gateway.circuit('spc')).toBe('closed');
    now += 60_000;
    expect(gateway.circuit('serasa')).toBe('half_open');
    sim.setFaults({});
    expect((await gateway.register(registrationOf('c'))).outcome).toBe('pending');
    expect(gateway.circuit('serasa')).toBe('closed');
    expect(gateway.stats().shortCircuited).toBe(1);
  });

  it('logs and errors carry masked documents, never names, addresses or whole CPFs', async () => {
    const sim = await simulator({ faults: { down: 'status500' } });
    const gateway = gatewayTo(sim);
    const error = await gateway.register(registrationOf('neg-9')).catch((e: unknown) => e);
    const text = JSON.stringify(gateway.logs) + String(error) + JSON.stringify(error) + JSON.stringify(gateway.stats());
    expect(gateway.logs.length).toBeGreaterThan(0);
    expect(gateway.logs[0]?.debtor).toBe('***.456.789-**');
    for (const secret of [CPF, '123.456.789-09', NAME, 'Maria', 'Rua das Flores', '01001']) expect(text).not.toContain(secret);
  });

  it('refuses a configuration it cannot use, as a Result', () => {
    expect(createHttpBureauGateway({ baseUrl: 'http://bureau.example.com/' })._unsafeUnwrapErr()).toMatchObject({ code: 'invalid_input', path: ['baseUrl'] });
    expect(createHttpBureauGateway({ baseUrl: 'ftp://127.0.0.1/' }).isErr()).toBe(true);
    expect(createHttpBureauGateway({ baseUrl: 'https://bureau.example.com/', retry: { limit: -1 } })._unsafeUnwrapErr().path).toEqual(['retry', 'limit']);
    expect(createHttpBureauGateway({ baseUrl: 'https://bureau.example.com/' }).isOk()).toBe(true);
  });
});
