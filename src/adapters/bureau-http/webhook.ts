import { createHmac, timingSafeEqual } from 'node:crypto';
import { err, ok, type Result } from 'neverthrow';
import { cobrancaError, type CobrancaError } from '../../errors.js';
import type { BureauStatusReport } from '../../ports/index.js';
import { genericJsonProfile } from './generic-profile.js';
import type { BureauProfile } from './profile.js';
import type { ReplayGuard } from './replay-guard.js';

/** Why a webhook was refused. */
export type WebhookErrorCode = 'webhook_unsigned' | 'webhook_forged' | 'webhook_stale' | 'webhook_replayed' | 'webhook_malformed' | 'invalid_input';

/** Headers as Node (`IncomingHttpHeaders`) or a plain record gives them; names are matched case-insensitively. */
export type WebhookHeaders = Readonly<Record<string, string | readonly string[] | undefined>>;

/** Options of {@link parseBureauWebhook}. */
export interface WebhookOptions {
  /** The bureau's profile (header names and body shape); the generic JSON profile by default. */
  readonly profile?: BureauProfile;
  /** How far the signed timestamp may be from now, either way (default 300 s). */
  readonly toleranceSeconds?: number;
  /** The current instant in ms (default `Date.now`). */
  readonly now?: () => number;
  /** Remembers event ids inside the window so a replay is refused (see `createReplayGuard`). */
  readonly replayGuard?: ReplayGuard;
}

/** A verified webhook: the report for `applyBureauReport`, and the bureau's event id. */
export type VerifiedBureauReport = BureauStatusReport & { readonly eventId: string };

/**
 * The signature of a webhook: HMAC-SHA256 over `timestamp + '.' + rawBody`, hex, as `v1=<hex>`.
 * @example
 * ```ts
 * import { signBureauWebhook } from 'cobranca/adapters/bureau-http';
 *
 * // What the bureau (or a test of your webhook endpoint) sends in x-bureau-signature.
 * const body = '{"id":"evt-1","type":"registration.registered","occurredAt":"2026-12-04T10:00:00-03:00","data":{"externalId":"negativation-1","reference":"SER-778899"}}';
 * console.log(signBureauWebhook(body, 'segredo-do-webhook', 1_796_389_200).startsWith('v1='));
 * // → true
 * ```
 */
export function signBureauWebhook(rawBody: string, secret: string, timestampSeconds: number): string {
  return `v1=${createHmac('sha256', secret).update(`${timestampSeconds}.${rawBody}`).digest('hex')}`;
}

function header(headers: WebhookHeaders, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() !== wanted || value === undefined) continue;
    if (typeof value === 'string') return value;
    return Array.isArray(value) && value.every((v) => typeof v === 'string') ? value.join(',') : undefined;
  }
  return undefined;
}

/** What is wrong with the options of {@link parseBureauWebhook} (a host's wiring, not the webhook), if anything. */
function optionsProblem(options: unknown): string | undefined {
  if (typeof options !== 'object' || options === null) return 'expected an object';
  const { profile, toleranceSeconds, now, replayGuard } = options as Record<string, unknown>;
  if (profile !== undefined && (typeof profile !== 'object' || profile === null || typeof (profile as BureauProfile).readWebhook !== 'function' || typeof (profile as BureauProfile).webhookHeaders?.signature !== 'string' || typeof (profile as BureauProfile).webhookHeaders.timestamp !== 'string')) return 'profile must be a bureau profile (webhookHeaders and readWebhook)';
  if (toleranceSeconds !== undefined && (typeof toleranceSeconds !== 'number' || !Number.isFinite(toleranceSeconds) || toleranceSeconds < 0)) return 'toleranceSeconds must be a number of seconds, zero or more';
  if (now !== undefined && typeof now !== 'function') return 'now must be a function answering the current instant in ms';
  if (replayGuard !== undefined && (typeof replayGuard !== 'object' || replayGuard === null || typeof (replayGuard as ReplayGuard).firstSight !== 'function')) return 'replayGuard must come from createReplayGuard';
  return undefined;
}

/** Constant-time comparison of one candidate `v1=<hex>` against the expected digest. */
function matches(candidate: string, expected: Buffer): boolean {
  const hex = candidate.trim().replace(/^v1=/, '');
  if (!/^[0-9a-f]{64}$/i.test(hex)) return false;
  return timingSafeEqual(Buffer.from(hex, 'hex'), expected);
}

/**
 * Verifies and reads a bureau's webhook: the HMAC-SHA256 signature over the
 * signed timestamp and the raw body (constant-time compare; several `v1=`
 * values, comma-separated, are accepted during a key rotation; several secrets
 * too), the timestamp inside the replay window, the body parsed with the
 * profile's zod schema, and, with a replay guard, an event id not seen before.
 * Returns the report to hand to `applyBureauReport` (which ignores duplicates
 * and reports that no longer apply). Errors never echo the body.
 * @example
 * ```ts
 * import { createReplayGuard, parseBureauWebhook, signBureauWebhook } from 'cobranca/adapters/bureau-http';
 *
 * const body = '{"id":"evt-1","type":"registration.registered","occurredAt":"2026-12-04T10:00:00-03:00","data":{"externalId":"negativation-1","reference":"SER-778899"}}';
 * const timestamp = Math.floor(Date.now() / 1000);
 * const headers = { 'x-bureau-timestamp': String(timestamp), 'x-bureau-signature': signBureauWebhook(body, 'segredo-do-webhook', timestamp) };
 * const replayGuard = createReplayGuard();
 * parseBureauWebhook(headers, body, 'segredo-do-webhook', { replayGuard }).match(
 *   (report) => console.log(report.negativationId, report.status, report.protocol), // hand it to app.applyBureauReport
 *   (error) => console.log(error.code),
 * );
 * const forged = parseBureauWebhook({ ...headers, 'x-bureau-signature': 'v1=00' }, body, 'segredo-do-webhook');
 * if (forged.isErr()) console.log(forged.error.code);
 * // → negativation-1 registered SER-778899
 * // → webhook_forged
 * ```
 */
export function parseBureauWebhook(
  headers: WebhookHeaders,
  rawBody: string,
  secret: string | readonly string[],
  options: WebhookOptions = {},
): Result<VerifiedBureauReport, CobrancaError<WebhookErrorCode>> {
  if (typeof headers !== 'object' || headers === null) return err(cobrancaError('webhook_unsigned', 'the webhook has no headers'));
  if (typeof rawBody !== 'string') return err(cobrancaError('webhook_malformed', 'the webhook body must be the raw text as received (a string), before any JSON parsing'));
  const secrets: readonly unknown[] = typeof secret === 'string' ? [secret] : Array.isArray(secret) ? secret : [];
  if (secrets.length === 0 || !secrets.every((s) => typeof s === 'string' && s !== '')) return err(cobrancaError('webhook_forged', 'no webhook secret to verify the signature with (a non-empty string or list of strings)'));
  const problem = optionsProblem(options);
  if (problem) return err(cobrancaError('invalid_input', `parseBureauWebhook options: ${problem}`, { path: ['options'] }));
  const profile = options.profile ?? genericJsonProfile();
  const signature = header(headers, profile.webhookHeaders.signature);
  const timestampText = header(headers, profile.webhookHeaders.timestamp);
  if (!signature || !timestampText) return err(cobrancaError('webhook_unsigned', `the webhook has no ${signature ? profile.webhookHeaders.timestamp : profile.webhookHeaders.signature} header`));
  if (!/^\d{1,12}$/.test(timestampText.trim())) return err(cobrancaError('webhook_forged', 'the webhook timestamp is not a number of seconds'));
  const timestamp = Number(timestampText.trim());
  const candidates = signature.split(',');
  const signed = (secrets as readonly string[]).some((s) => {
    const expected = createHmac('sha256', s).update(`${timestamp}.${rawBody}`).digest();
    return candidates.some((c) => matches(c, expected));
  });
  if (!signed) return err(cobrancaError('webhook_forged', 'the webhook signature does not match'));
  const now = (options.now ?? Date.now)();
  if (typeof now !== 'number' || !Number.isFinite(now)) return err(cobrancaError('invalid_input', 'parseBureauWebhook options: now() did not answer a number of ms', { path: ['options', 'now'] }));
  const tolerance = options.toleranceSeconds ?? 300;
  const skew = Math.abs(now / 1000 - timestamp);
  if (skew > tolerance) return err(cobrancaError('webhook_stale', `the webhook was signed ${Math.round(skew)} s away from now (window ${tolerance} s)`, { details: { timestamp } }));
  let body: unknown;
  try {
    body = JSON.parse(rawBody);
  } catch {
    return err(cobrancaError('webhook_malformed', 'the webhook body is not JSON'));
  }
  const event = profile.readWebhook(body);
  if (event.isErr()) return err(cobrancaError('webhook_malformed', `the webhook body is not a ${profile.name} event (${event.error.slice(0, 300)})`));
  const { eventId, report } = event.value;
  if (options.replayGuard && !options.replayGuard.firstSight(eventId, timestamp * 1000 + tolerance * 1000, now)) {
    return err(cobrancaError('webhook_replayed', 'this webhook event was already received', { details: { eventId } }));
  }
  return ok({ ...report, eventId });
}
