import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach } from 'vitest';
import { brl } from '../../../src/money/index.js';
import { civilDate } from '../../../src/calendar/index.js';
import type { BureauRegistration } from '../../../src/ports/index.js';
import {
  bureauWebhookListener, createHttpBureauGateway, startBureauSimulator,
  type BureauLogEntry, type BureauSimulator, type BureauSimulatorOptions, type HttpBureauGateway, type HttpBureauGatewayOptions,
} from '../../../src/adapters/bureau-http/index.js';
import type { BureauGateway, BureauStatusReport } from '../../../src/ports/index.js';
import type { Result } from 'neverthrow';
import type { CobrancaError } from '../../../src/errors.js';

export const SECRET = 'whsec-test-0123456789';
export const CPF = '12345678909';
export const NAME = 'Maria Souza';

/** A complete registration of Maria's title `title` (negativation `id`). */
export function registrationOf(id: string, extra: Partial<BureauRegistration> = {}): BureauRegistration {
  return {
    key: `effect-${id}`,
    negativationId: id,
    bureau: 'serasa',
    debtor: { taxId: CPF, kind: 'cpf', name: NAME, birthDate: civilDate('1980-05-17'), address: { street: 'Rua das Flores', number: '100', district: 'Centro', city: 'São Paulo', state: 'SP', cep: '01001-000' } },
    creditor: { taxId: '11222333000181', name: 'Provedor Internet Ltda' },
    title: `title-${id}`,
    amount: brl('300.00'),
    dueDate: civilDate('2026-10-01'),
    ...extra,
  };
}

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

/** Starts a simulator, closed after the test. */
export async function simulator(options: Partial<BureauSimulatorOptions> = {}): Promise<BureauSimulator> {
  const started = await startBureauSimulator({ webhookSecret: SECRET, ...options });
  closers.push(() => started.close());
  return started;
}

/** A gateway to `sim` with fast retries (1 ms base), a 2 s timeout (generous: the machine may be busy) and a log kept in `logs`. */
export function gatewayTo(sim: BureauSimulator, options: Partial<HttpBureauGatewayOptions> = {}): HttpBureauGateway & { logs: BureauLogEntry[] } {
  const logs: BureauLogEntry[] = [];
  const gateway = createHttpBureauGateway({
    baseUrl: sim.url,
    webhookSecret: SECRET,
    timeoutMs: 2_000,
    retry: { limit: 3, baseDelayMs: 1, maxDelayMs: 20, maxRetryAfterMs: 5_000 },
    log: (entry) => logs.push(entry),
    ...options,
  })._unsafeUnwrap();
  return Object.assign(gateway, { logs });
}

/** A webhook endpoint on 127.0.0.1 that verifies with `gateway` and applies with `apply`; closed after the test. */
export async function webhookEndpoint(gateway: Pick<BureauGateway, 'parseWebhook'>, apply: (report: BureauStatusReport) => Promise<Result<void, CobrancaError>>): Promise<{ url: string; server: Server }> {
  const server = createServer(bureauWebhookListener(gateway, apply));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closers.push(() => new Promise<void>((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  }));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks/bureau`, server };
}
