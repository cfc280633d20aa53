import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { signBureauWebhook } from '../webhook.js';
import type { GenericWebhookBody } from '../generic-profile.js';
import { latencyOf, pickFault, seededRandom, SIMULATOR_FAULTS, type SimulatorFault, type SimulatorFaults } from './faults.js';
import { Holdings, simulatedRegistrationSchema, simulatedRemovalSchema, type SimulatedRegistration } from './holdings.js';
import { webhookPoster } from './post.js';

/** A business refusal of a registration: the reason code, and whether it comes in the reply (422) or later by webhook. */
export interface SimulatedRefusal {
  readonly reasonCode: string;
  readonly reason?: string;
  readonly later?: boolean;
}

/** Options of {@link startBureauSimulator}. */
export interface BureauSimulatorOptions {
  /** Port on 127.0.0.1 (default 0: any free port). */
  readonly port?: number;
  /** Secret the simulator signs its webhooks with. */
  readonly webhookSecret: string;
  /** Where callbacks are POSTed (the host's webhook endpoint); without it they stay queued. */
  readonly webhookUrl?: string;
  /** A bearer token every request must carry (401 otherwise). */
  readonly expectToken?: string;
  readonly faults?: SimulatorFaults;
  /** Seed of the fault dice (default 1). */
  readonly seed?: number;
  /** `async` (default): 202 pending, the outcome later by webhook; `sync`: 201 accepted at once. */
  readonly answer?: 'async' | 'sync';
  /** Business rules: refuse a registration with a reason code (e.g. the CEP is unknown). */
  readonly refuse?: (registration: { readonly externalId: string; readonly debtorDocument: string; readonly zipCode?: string; readonly birthDate?: string }) => SimulatedRefusal | undefined;
  /** Deliver callbacks by itself this many ms after queuing them (default: only on `deliverCallbacks()`). */
  readonly autoDeliverMs?: number;
  /** The current instant in ms, for webhook timestamps (default `Date.now`). */
  readonly now?: () => number;
}

/** What the simulator counted. */
export interface BureauSimulatorStats {
  requests: number;
  registrations: number;
  removals: number;
  statusQueries: number;
  /** Requests answered from the idempotency store (a retry of something already done). */
  idempotentReplays: number;
  /** Registrations refused because the same debt is already held (a duplicate the client should not have sent). */
  duplicateRefusals: number;
  rejections: number;
  callbacksDelivered: number;
  callbacksFailed: number;
  faults: Record<SimulatorFault, number>;
}

/** A running bureau simulator. */
export interface BureauSimulator {
  /** Base URL, `http://127.0.0.1:<port>/`. */
  readonly url: string;
  readonly stats: BureauSimulatorStats;
  /** Every registration of a debtor the bureau holds (any status). */
  holdings(debtorDocument: string): readonly SimulatedRegistration[];
  /** Every registration held. */
  all(): readonly SimulatedRegistration[];
  /** Replaces the fault configuration. */
  setFaults(faults: SimulatorFaults): void;
  /** The next requests get these faults, in order, before any configured one. */
  script(...faults: SimulatorFault[]): void;
  /** Where callbacks go from now on. */
  setWebhookUrl(url: string | undefined): void;
  /** Callbacks waiting for delivery. */
  readonly pendingCallbacks: number;
  /** Delivers the queued callbacks now (signed; duplicated or reordered as configured); failed ones stay queued. */
  deliverCallbacks(): Promise<{ readonly delivered: number; readonly failed: number }>;
  /** Stops the simulator's server and frees its port. */
  close(): Promise<void>;
}

interface Reply {
  readonly status: number;
  readonly body: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Starts a credit-bureau simulator on 127.0.0.1 speaking the generic JSON
 * profile: it accepts registrations and removals (deduplicated by idempotency
 * key, a live duplicate debt refused), answers later by signed webhooks, and
 * injects faults by configuration (latency, timeouts, 500/503/429 with
 * `Retry-After`, dropped connections, malformed bodies, refusals with reason
 * codes, duplicate and out-of-order callbacks). It keeps what it holds per
 * debtor. For tests, the CLI and `npm start`; never for production.
 * @example
 * ```ts no-run
 * import { startBureauSimulator, createHttpBureauGateway } from 'cobranca/adapters/bureau-http';
 *
 * // A bureau on 127.0.0.1 for tests and demos: answers later by signed webhook, with faults when asked.
 * const simulator = await startBureauSimulator({ webhookSecret: 'segredo', webhookUrl: 'http://127.0.0.1:8080/webhooks/bureau', faults: { rates: { timeout: 0.05 } } });
 * const gateway = createHttpBureauGateway({ baseUrl: simulator.url, webhookSecret: 'segredo' });
 * // … run the daily cycle against it, then:
 * await simulator.deliverCallbacks();
 * await simulator.close();
 * ```
 */
export async function startBureauSimulator(options: BureauSimulatorOptions): Promise<BureauSimulator> {
  let faults: SimulatorFaults = options.faults ?? {};
  let webhookUrl = options.webhookUrl;
  const script: SimulatorFault[] = [];
  const random = seededRandom(options.seed ?? 1);
  const now = options.now ?? Date.now;
  const holdings = new Holdings();
  const idempotency = new Map<string, { fingerprint: string; reply: Reply }>();
  const callbacks: GenericWebhookBody[] = [];
  const stats: BureauSimulatorStats = {
    requests: 0, registrations: 0, removals: 0, statusQueries: 0, idempotentReplays: 0, duplicateRefusals: 0, rejections: 0, callbacksDelivered: 0, callbacksFailed: 0,
    faults: Object.fromEntries(SIMULATOR_FAULTS.map((f) => [f, 0])) as Record<SimulatorFault, number>,
  };
  let eventSequence = 0;
  let autoTimer: NodeJS.Timeout | undefined;
  const poster = webhookPoster();

  const queueCallback = (type: GenericWebhookBody['type'], held: SimulatedRegistration, reasonCode?: string, reason?: string) => {
    eventSequence++;
    callbacks.push({
      id: `evt-${String(eventSequence).padStart(8, '0')}`,
      type,
      occurredAt: new Date(now()).toISOString(),
      data: { externalId: held.externalId, reference: held.reference, ...(reasonCode ? { reasonCode } : {}), ...(reason ? { reason } : {}) },
    });
    if (options.autoDeliverMs !== undefined && !autoTimer) {
      autoTimer = setTimeout(() => {
        autoTimer = undefined;
        void simulator.deliverCallbacks();
      }, options.autoDeliverMs);
    }
  };

  const register = (text: string): Reply => {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return { status: 400, body: { error: 'body is not JSON' } };
    }
    const parsed = simulatedRegistrationSchema.safeParse(json);
    if (!parsed.success) return { status: 400, body: { error: 'invalid registration', issues: parsed.error.issues.map((i) => i.path.join('.')) } };
    const { externalId, debtor, creditor, debt } = parsed.data;
    const refusal = (reasonCode: string, reason?: string): Reply => {
      stats.rejections++;
      return { status: 422, body: { status: 'rejected', reasonCode, ...(reason ? { reason } : {}) } };
    };
    if (!debtor.address || !/^\d{8}$/.test(debtor.address.zipCode)) return refusal('ENDERECO_INCOMPLETO', 'address with CEP required');
    if (holdings.duplicateOf(debtor.document, creditor.document, debt.contract)) {
      stats.duplicateRefusals++;
      return refusal('DUPLICIDADE', 'this debt is already registered');
    }
    const rule = options.refuse?.({ externalId, debtorDocument: debtor.document, zipCode: debtor.address.zipCode, ...(debtor.birthDate ? { birthDate: debtor.birthDate } : {}) });
    const rolled = rule ?? (faults.rejectRate && random() < faults.rejectRate ? { reasonCode: pickCode(faults.rejectCodes), reason: 'refused by the simulated bureau' } : undefined);
    if (rolled && !rolled.later) return refusal(rolled.reasonCode, rolled.reason);
    stats.registrations++;
    const held = holdings.add({
      externalId,
      debtorDocument: debtor.document,
      creditorDocument: creditor.document,
      contract: debt.contract,
      amount: debt.amount,
      natureCode: debt.natureCode,
      status: rolled ? 'rejected' : 'registered',
      ...(rolled ? { reasonCode: rolled.reasonCode } : {}),
      updatedAt: new Date(now()).toISOString(),
    });
    if (rolled) {
      stats.rejections++;
      queueCallback('registration.rejected', held, rolled.reasonCode, rolled.reason);
    } else if (options.answer !== 'sync') queueCallback('registration.registered', held);
    return { status: options.answer === 'sync' && !rolled ? 201 : 202, body: { reference: held.reference, status: options.answer === 'sync' && !rolled ? 'accepted' : 'pending' } };
  };

  const pickCode = (codes: readonly string[] | undefined): string => {
    const list = codes && codes.length > 0 ? codes : ['DADOS_INVALIDOS'];
    return list[Math.floor(random() * list.length)] ?? 'DADOS_INVALIDOS';
  };

  const remove = (externalId: string, text: string): Reply => {
    const held = holdings.byExternalId(externalId);
    if (!held) return { status: 404, body: { error: 'unknown registration' } };
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return { status: 400, body: { error: 'body is not JSON' } };
    }
    const parsed = simulatedRemovalSchema.safeParse(json);
    if (!parsed.success) return { status: 400, body: { error: 'invalid removal' } };
    if (parsed.data.reference !== undefined && parsed.data.reference !== held.reference) return { status: 422, body: { status: 'rejected', reasonCode: 'REFERENCIA_DIVERGENTE' } };
    if (held.status === 'registered') {
      stats.removals++;
      held.status = 'removed';
      held.removalReasonCode = parsed.data.reasonCode;
      held.updatedAt = new Date(now()).toISOString();
      queueCallback('registration.removed', held);
    }
    return { status: 202, body: { reference: held.reference, status: 'pending' } };
  };

  const status = (externalId: string): Reply => {
    stats.statusQueries++;
    const held = holdings.byExternalId(externalId);
    if (!held) return { status: 404, body: { error: 'unknown registration' } };
    return { status: 200, body: { externalId, reference: held.reference, status: held.status, ...(held.reasonCode ? { reasonCode: held.reasonCode } : {}), updatedAt: held.updatedAt } };
  };

  /** Routes one request; replays a repeated idempotency key's stored reply. */
  const route = (method: string, path: string, key: string | undefined, text: string): Reply => {
    const removal = /^\/v1\/negativations\/([^/]+)\/removal$/.exec(path);
    const one = /^\/v1\/negativations\/([^/]+)$/.exec(path);
    if (method === 'GET' && one?.[1]) return status(decodeURIComponent(one[1]));
    if (method !== 'POST' || !(path === '/v1/negativations' || removal?.[1])) return { status: 404, body: { error: 'no such route' } };
    const fingerprint = createHash('sha256').update(`${method} ${path} ${text}`).digest('hex');
    const stored = key ? idempotency.get(key) : undefined;
    if (stored) {
      if (stored.fingerprint !== fingerprint) return { status: 409, body: { error: 'idempotency key reused with another request' } };
      stats.idempotentReplays++;
      return stored.reply;
    }
    const reply = removal?.[1] ? remove(decodeURIComponent(removal[1]), text) : register(text);
    if (key && reply.status < 500) idempotency.set(key, { fingerprint, reply });
    return reply;
  };

  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    void (async () => {
      stats.requests++;
      const text = await readBody(request);
      const fault = pickFault(faults, script, random);
      if (fault) stats.faults[fault]++;
      const latency = latencyOf(faults, random);
      if (latency > 0) await sleep(latency);
      if (fault === 'drop') return void request.socket.destroy();
      if (fault === 'status500' || fault === 'status503' || fault === 'status429') {
        const code = fault === 'status500' ? 500 : fault === 'status503' ? 503 : 429;
        const retryAfter = code === 500 ? {} : { 'retry-after': String(faults.retryAfterSeconds ?? 1) };
        response.writeHead(code, { 'content-type': 'application/json', ...retryAfter });
        return void response.end(JSON.stringify({ error: fault }));
      }
      if (options.expectToken !== undefined && request.headers.authorization !== `Bearer ${options.expectToken}`) {
        response.writeHead(401, { 'content-type': 'application/json' });
        return void response.end(JSON.stringify({ error: 'unauthorised' }));
      }
      const key = request.headers['idempotency-key'];
      const reply = route(request.method ?? 'GET', (request.url ?? '/').split('?')[0] ?? '/', typeof key === 'string' ? key : undefined, text);
      if (fault === 'dropAfter') return void request.socket.destroy();
      if (fault === 'timeout') {
        const timer = setTimeout(() => send(response, reply), faults.stallMs ?? 30_000);
        response.on('close', () => clearTimeout(timer));
        return;
      }
      if (fault === 'malformed') {
        response.writeHead(200, { 'content-type': 'application/json' });
        return void response.end('{"reference": "SIM-');
      }
      send(response, reply);
    })().catch(() => request.socket.destroy());
  });

  const send = (response: ServerResponse, reply: Reply) => {
    if (response.destroyed) return;
    response.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
    response.end(JSON.stringify(reply.body));
  };

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  const simulator: BureauSimulator = {
    url: `http://127.0.0.1:${port}/`,
    stats,
    holdings: (document) => holdings.of(document),
    all: () => holdings.all(),
    setFaults: (next) => {
      faults = next;
    },
    script: (...next) => {
      script.push(...next);
    },
    setWebhookUrl: (url) => {
      webhookUrl = url;
    },
    get pendingCallbacks() {
      return callbacks.length;
    },
    async deliverCallbacks() {
      const batch = callbacks.splice(0, callbacks.length);
      const ordered = faults.outOfOrderCallbacks ? batch.reverse() : batch;
      const sends = ordered.flatMap((event) => (faults.duplicateCallbacks && random() < faults.duplicateCallbacks ? [event, event] : [event]));
      let delivered = 0;
      let failed = 0;
      const retry: GenericWebhookBody[] = [];
      for (const event of sends) {
        const body = JSON.stringify(event);
        const timestamp = Math.floor(now() / 1000);
        const headers = { 'content-type': 'application/json', 'x-bureau-timestamp': String(timestamp), 'x-bureau-signature': signBureauWebhook(body, options.webhookSecret, timestamp) };
        const status = webhookUrl === undefined ? undefined : await poster.post(webhookUrl, headers, body);
        const ok = status !== undefined && ((status >= 200 && status < 300) || status === 409);
        if (ok) delivered++;
        else {
          failed++;
          if (!retry.includes(event)) retry.push(event);
        }
      }
      callbacks.unshift(...retry);
      stats.callbacksDelivered += delivered;
      stats.callbacksFailed += failed;
      return { delivered, failed };
    },
    close: () =>
      new Promise<void>((resolve) => {
        if (autoTimer) clearTimeout(autoTimer);
        poster.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return simulator;
}
