import type { Result } from 'neverthrow';
import type { BureauAnswer, BureauRegistration, BureauRemoval, BureauStatusQuery, BureauStatusReport } from '../../ports/index.js';

/** An HTTP request a profile asks for: method, path (relative to the base URL) and JSON body. */
export interface HttpCall {
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Path relative to the gateway's base URL, e.g. `v1/negativations` (no leading slash). */
  readonly path: string;
  readonly body?: unknown;
  /** Extra headers this bureau wants (credentials and the idempotency key are added by the gateway). */
  readonly headers?: Readonly<Record<string, string>>;
}

/** An HTTP answer handed to a profile: the status and the body already read as JSON (`undefined` when empty). */
export interface HttpReply {
  readonly status: number;
  readonly body: unknown;
}

/**
 * How a profile reads a reply: an answer, or `undefined` when the reply is not
 * one it understands (a malformed body: the gateway retries it like a 5xx).
 */
export type ReadReply<T> = (reply: HttpReply) => T | undefined;

/** One event a bureau's webhook carries, read from its JSON body. */
export interface BureauWebhookEvent {
  /** The bureau's id of this delivery's event (replays repeat it). */
  readonly eventId: string;
  readonly report: BureauStatusReport;
}

/**
 * A bureau profile: small pure functions that turn a port request into an HTTP
 * call and an HTTP reply into the port's answer, plus the webhook's headers and
 * body. Hosts add a bureau by writing one of these (see the generic JSON
 * profile and `docs/bureau-http.md`); no function here does I/O.
 */
export interface BureauProfile {
  /** The profile's name (logs and metrics). */
  readonly name: string;
  /** The header that carries the idempotency key (`Idempotency-Key` by default). */
  readonly idempotencyHeader?: string;
  /** The HTTP call that registers a debt (method, path, body) in this bureau's dialect. */
  registration(request: BureauRegistration): HttpCall;
  /** The HTTP call that removes a registration. */
  removal(request: BureauRemoval): HttpCall;
  /** The HTTP call that reads a registration's status (safe to repeat). */
  statusQuery(request: BureauStatusQuery): HttpCall;
  /**
   * Reads the reply to a registration or removal. 2xx and the bureau's own
   * refusals (typically 422 with a reason code) are answers; any status this
   * function leaves unread is handled by the gateway (retry or error).
   */
  readAnswer: ReadReply<BureauAnswer>;
  /** Reads the reply to a status query. */
  readStatus(reply: HttpReply, query: BureauStatusQuery): BureauStatusReport | undefined;
  /** The webhook's signature and timestamp headers (lower case). */
  readonly webhookHeaders: { readonly signature: string; readonly timestamp: string };
  /** Reads one webhook body (already JSON) into an event; an error text when it is not one. */
  readWebhook(body: unknown): Result<BureauWebhookEvent, string>;
}
