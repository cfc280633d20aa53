import ky, { isHTTPError, isTimeoutError, type KyInstance } from 'ky';
import { err, ok, type Result } from 'neverthrow';
import * as z from 'zod';
import { cobrancaError, parseInput, type CobrancaError } from '../../errors.js';
import type { BureauAnswer, BureauGateway, BureauRegistration, BureauRemoval, BureauStatusQuery, BureauStatusReport } from '../../ports/index.js';
import { circuitBreaker, type CircuitBreaker, type CircuitBreakerOptions, type CircuitState } from './circuit-breaker.js';
import { BureauCallError, type BureauCallErrorCode } from './errors.js';
import { genericJsonProfile } from './generic-profile.js';
import { idempotencyKeyOf, type BureauOperation } from './idempotency-key.js';
import { maskedDebtor, type BureauLogger } from './log.js';
import type { BureauProfile, HttpCall, HttpReply } from './profile.js';
import { parseBureauWebhook, type WebhookOptions } from './webhook.js';

/** How the gateway authenticates to the bureau. */
export type BureauCredentials =
  | { readonly kind: 'bearer'; readonly token: string }
  | { readonly kind: 'basic'; readonly username: string; readonly password: string }
  | { readonly kind: 'header'; readonly name: string; readonly value: string };

/** Retries of one call: exponential backoff with full jitter, only for timeouts, dropped connections, malformed replies, 429 and 5xx. */
export interface BureauRetryOptions {
  /** Retries after the first attempt (default 3). */
  readonly limit?: number;
  /** First backoff in ms, doubled each retry (default 200). */
  readonly baseDelayMs?: number;
  /** Cap of one backoff in ms (default 5,000). */
  readonly maxDelayMs?: number;
  /** Cap of a `Retry-After` the bureau asks for, in ms (default 30,000); a longer one fails the call, to be retried next cycle. */
  readonly maxRetryAfterMs?: number;
}

/** Options of {@link createHttpBureauGateway}. */
export interface HttpBureauGatewayOptions {
  /** The bureau's (or integrator's) API root, `https://…`; `http://` only for loopback hosts. */
  readonly baseUrl: string;
  readonly credentials?: BureauCredentials;
  /** The bureau's mapping; the generic JSON profile by default. */
  readonly profile?: BureauProfile;
  /** The secret the bureau signs webhooks with (several during a rotation). */
  readonly webhookSecret?: string | readonly string[];
  /** Replay window and guard of webhooks. */
  readonly webhook?: Pick<WebhookOptions, 'toleranceSeconds' | 'replayGuard'>;
  /** Timeout of one attempt in ms (default 10,000). */
  readonly timeoutMs?: number;
  readonly retry?: BureauRetryOptions;
  /** The circuit breaker kept per bureau name. */
  readonly breaker?: CircuitBreakerOptions;
  /** The current instant in ms (circuit breaker and webhook window; default `Date.now`). */
  readonly now?: () => number;
  /** Receives masked log lines. */
  readonly log?: BureauLogger;
  /** The fetch to use (e.g. one with a client certificate); the global one by default. */
  readonly fetch?: typeof fetch;
}

/** Counters of a gateway since it was built (for metrics; no personal data). */
export interface BureauGatewayStats {
  /** Calls made through the port (register, remove, queryStatus). */
  readonly calls: number;
  /** HTTP attempts sent (first tries and retries). */
  readonly attempts: number;
  readonly retries: number;
  /** Calls that got an answer (accepted, pending, rejected, status). */
  readonly answered: number;
  /** Calls that failed after their retries. */
  readonly failed: number;
  /** Calls refused at once because the bureau's circuit was open. */
  readonly shortCircuited: number;
}

/** A {@link BureauGateway} over HTTP, with its counters and circuit states. */
export interface HttpBureauGateway extends BureauGateway {
  /** Counters since the gateway was made (calls, retries, failures) and each circuit's state, for monitoring. */
  stats(): BureauGatewayStats;
  /** The circuit state of one bureau. */
  circuit(bureau: string): CircuitState;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);
const optionsSchema = z.object({
  baseUrl: z.url({ protocol: /^https?$/ }).refine((url) => url.startsWith('https:') || (URL.canParse(url) && LOOPBACK.has(new URL(url).hostname)), 'plain http is only allowed to a loopback host; use https'),
  timeoutMs: z.number().int().min(1).max(600_000).default(10_000),
  retry: z
    .object({
      limit: z.number().int().min(0).max(10).default(3),
      baseDelayMs: z.number().int().min(0).max(60_000).default(200),
      maxDelayMs: z.number().int().min(0).max(600_000).default(5_000),
      maxRetryAfterMs: z.number().int().min(0).max(600_000).default(30_000),
    })
    .strict()
    .default({ limit: 3, baseDelayMs: 200, maxDelayMs: 5_000, maxRetryAfterMs: 30_000 }),
  breaker: z.object({ failureThreshold: z.number().int().min(1).max(1000).optional(), cooldownMs: z.number().int().min(0).optional() }).strict().optional(),
});

const RETRY_STATUSES = [408, 429, 500, 502, 503, 504];

function authorization(credentials: BureauCredentials | undefined): Record<string, string> {
  if (!credentials) return {};
  if (credentials.kind === 'bearer') return { authorization: `Bearer ${credentials.token}` };
  if (credentials.kind === 'basic') return { authorization: `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')}` };
  return { [credentials.name]: credentials.value };
}

/** Reads a body as JSON; `undefined` for an empty body, a marker for text that is not JSON. */
const NOT_JSON = Symbol('not JSON');
async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return NOT_JSON;
  }
}

/**
 * Builds the bureau gateway over HTTP (ky): the profile maps each request to
 * HTTP and each reply back; every request carries an idempotency key derived
 * from the command; each attempt has a timeout; timeouts, dropped connections,
 * malformed replies, 429 and 5xx are retried with exponential backoff and full
 * jitter (a `Retry-After` is honoured), never another 4xx; a circuit breaker
 * per bureau refuses calls at once while the bureau is down, so its work waits
 * for the next cycle (the outbox reports it) instead of stalling this one.
 * Log lines, errors and counters carry no personal data.
 * @example
 * ```ts
 * import { createCollections } from 'cobranca';
 * import { createHttpBureauGateway, genericJsonProfile } from 'cobranca/adapters/bureau-http';
 *
 * const gateway = createHttpBureauGateway({
 *   baseUrl: 'https://api.bureau.example/v1', profile: genericJsonProfile(),
 *   credentials: { kind: 'bearer', token: process.env['BUREAU_TOKEN'] ?? '' }, webhookSecret: process.env['BUREAU_WEBHOOK_SECRET'] ?? '',
 *   timeoutMs: 10_000, retry: { limit: 3 },
 * });
 * gateway.match(
 *   (bureau) => console.log(typeof bureau.register), // createCollections({ bureau, … })
 *   (error) => console.log(error.code, error.path?.join('.')),
 * );
 * // → function
 * ```
 */
export function createHttpBureauGateway(options: HttpBureauGatewayOptions): Result<HttpBureauGateway, CobrancaError> {
  if (typeof options !== 'object' || options === null) return err(cobrancaError('invalid_input', 'createHttpBureauGateway expects an options object with baseUrl'));
  const parsed = parseInput(optionsSchema, { baseUrl: options.baseUrl, timeoutMs: options.timeoutMs, retry: options.retry, breaker: options.breaker });
  if (parsed.isErr()) return err(parsed.error);
  const config = parsed.value;
  const profile = options.profile ?? genericJsonProfile();
  const now = options.now ?? Date.now;
  const log = options.log ?? (() => undefined);
  const breakers = new Map<string, CircuitBreaker>();
  const breakerOf = (bureau: string): CircuitBreaker => {
    let found = breakers.get(bureau);
    if (!found) breakers.set(bureau, (found = circuitBreaker(options.breaker)));
    return found;
  };
  const stats = { calls: 0, attempts: 0, retries: 0, answered: 0, failed: 0, shortCircuited: 0 };
  const { limit, baseDelayMs, maxDelayMs, maxRetryAfterMs } = config.retry;
  const client: KyInstance = ky.create({
    prefixUrl: config.baseUrl,
    timeout: config.timeoutMs,
    headers: { accept: 'application/json', ...authorization(options.credentials) },
    throwHttpErrors: (status) => RETRY_STATUSES.includes(status),
    retry: {
      limit,
      methods: ['get', 'post', 'put', 'delete'],
      statusCodes: RETRY_STATUSES,
      afterStatusCodes: [429, 500, 502, 503, 504],
      maxRetryAfter: maxRetryAfterMs,
      backoffLimit: maxDelayMs,
      delay: (retry) => baseDelayMs * 2 ** (retry - 1),
      jitter: true,
      retryOnTimeout: true,
    },
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });

  interface Target {
    readonly operation: BureauOperation | 'status';
    readonly bureau: string;
    readonly negativationId: string;
    readonly debtor?: string;
    readonly idempotencyKey?: string;
  }

  async function send<T>(target: Target, call: HttpCall, read: (reply: HttpReply) => T | undefined): Promise<T> {
    stats.calls++;
    const where = { bureau: target.bureau, operation: target.operation, negativationId: target.negativationId, ...maskedDebtor(target.debtor) };
    const breaker = breakerOf(target.bureau);
    const admitted = breaker.admit(now());
    if (!admitted.admitted) {
      stats.shortCircuited++;
      const retryAt = new Date(admitted.retryAt).toISOString();
      log({ level: 'warn', event: 'bureau_circuit_open', ...where });
      throw new BureauCallError('bureau_circuit_open', `${target.bureau} is unavailable (circuit open until ${retryAt}): ${target.operation} of ${target.negativationId} waits for the next cycle`, { ...where, attempts: 0, retryAt });
    }
    const started = performance.now();
    let attempts = 0;
    let answer: { value: T } | undefined;
    const fail = (code: BureauCallErrorCode, why: string, status?: number): BureauCallError => {
      const error = new BureauCallError(code, `${target.bureau} ${target.operation} of ${target.negativationId} failed after ${attempts} attempt${attempts === 1 ? '' : 's'}: ${why}`, { ...where, attempts, ...(status !== undefined ? { status } : {}) });
      if (code === 'bureau_request_refused') breaker.succeeded();
      else breaker.failed(now());
      stats.failed++;
      log({ level: 'error', event: 'bureau_failure', ...where, attempt: attempts, durationMs: Math.round(performance.now() - started), error: error.message, ...(status !== undefined ? { status } : {}) });
      return error;
    };
    let lastStatus: number | undefined;
    try {
      const response = await client(call.path, {
        method: call.method,
        ...(call.body !== undefined ? { json: call.body } : {}),
        headers: { ...call.headers, ...(target.idempotencyKey ? { [profile.idempotencyHeader ?? 'Idempotency-Key']: target.idempotencyKey } : {}) },
        hooks: {
          beforeRequest: [
            () => {
              attempts++;
              stats.attempts++;
            },
          ],
          beforeRetry: [
            ({ error, retryCount }) => {
              stats.retries++;
              log({ level: 'warn', event: 'bureau_retry', ...where, attempt: retryCount + 1, ...(isHTTPError(error) ? { status: error.response.status } : {}), error: isTimeoutError(error) ? 'timeout' : error.message.slice(0, 200) });
            },
          ],
          beforeError: [
            // Release the failed reply's body before the retry: undici would otherwise cancel it when a later
            // attempt times out (the abort signal is shared) and throw that cancellation unhandled.
            async (error) => {
              await error.response.body?.cancel().catch(() => undefined);
              return error;
            },
          ],
          afterResponse: [
            async (_request, _options, response) => {
              lastStatus = response.status;
              if (RETRY_STATUSES.includes(response.status)) return undefined;
              const body = await readJson(response);
              const value = body === NOT_JSON ? undefined : read({ status: response.status, body });
              answer = value === undefined ? undefined : { value };
              if (value === undefined && response.ok) return ky.retry({ code: 'MALFORMED_REPLY' });
              return undefined;
            },
          ],
        },
      });
      await response.body?.cancel();
    } catch (error) {
      if (isTimeoutError(error)) throw fail('bureau_timeout', `no reply within ${config.timeoutMs} ms`);
      if (isHTTPError(error)) throw fail('bureau_unavailable', `HTTP ${error.response.status}`, error.response.status);
      if (error instanceof Error && error.name === 'ForceRetryError') throw fail('bureau_malformed_reply', `HTTP ${lastStatus ?? '?'} with a body that is not a ${profile.name} answer`, lastStatus);
      throw fail('bureau_unreachable', error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message).slice(0, 200) : 'connection failed');
    }
    if (!answer) throw fail('bureau_request_refused', `HTTP ${lastStatus ?? '?'}`, lastStatus);
    breaker.succeeded();
    stats.answered++;
    log({ level: 'info', event: 'bureau_call', ...where, attempt: attempts, durationMs: Math.round(performance.now() - started), ...(lastStatus !== undefined ? { status: lastStatus } : {}) });
    return answer.value;
  }

  const gateway: HttpBureauGateway = {
    register: (request: BureauRegistration): Promise<BureauAnswer> =>
      send({ operation: 'register', bureau: request.bureau, negativationId: request.negativationId, debtor: request.debtor.taxId, idempotencyKey: idempotencyKeyOf('register', request) }, profile.registration(request), profile.readAnswer),
    remove: (request: BureauRemoval): Promise<BureauAnswer> =>
      send({ operation: 'remove', bureau: request.bureau, negativationId: request.negativationId, idempotencyKey: idempotencyKeyOf('remove', request) }, profile.removal(request), profile.readAnswer),
    queryStatus: (query: BureauStatusQuery): Promise<BureauStatusReport> =>
      send({ operation: 'status', bureau: query.bureau, negativationId: query.negativationId }, profile.statusQuery(query), (reply) => profile.readStatus(reply, query)),
    parseWebhook: (headers, rawBody) => {
      if (options.webhookSecret === undefined) return err(cobrancaError('webhook_unsigned', 'no webhook secret is configured for this bureau gateway'));
      const verified = parseBureauWebhook(headers, rawBody, options.webhookSecret, { profile, now, ...options.webhook });
      if (verified.isErr()) log({ level: 'warn', event: 'bureau_webhook_refused', bureau: profile.name, error: verified.error.code });
      return verified;
    },
    stats: () => ({ ...stats }),
    circuit: (bureau) => breakerOf(bureau).state(now()),
  };
  return ok(gateway);
}
