/**
 * The credit-bureau gateway over HTTP (ky): per-bureau profiles as small pure
 * mappings (the generic JSON profile as the worked example), idempotency keys,
 * timeouts, retries with backoff and jitter, a circuit breaker per bureau,
 * signed webhooks; and a bureau simulator on 127.0.0.1 for tests and demos.
 * See `docs/bureau-http.md`.
 * @module adapters/bureau-http
 */
export { createHttpBureauGateway, type HttpBureauGateway, type HttpBureauGatewayOptions, type BureauCredentials, type BureauRetryOptions, type BureauGatewayStats } from './gateway.js';
export type { BureauProfile, HttpCall, HttpReply, ReadReply, BureauWebhookEvent } from './profile.js';
export { genericJsonProfile, genericRegistrationBody, genericWebhookSchema, GENERIC_REMOVAL_REASONS, type GenericJsonProfileOptions, type GenericRegistrationBody, type GenericRemovalBody, type GenericWebhookBody } from './generic-profile.js';
export { parseBureauWebhook, signBureauWebhook, type VerifiedBureauReport, type WebhookErrorCode, type WebhookHeaders, type WebhookOptions } from './webhook.js';
export { createReplayGuard, type ReplayGuard } from './replay-guard.js';
export { bureauWebhookListener } from './webhook-listener.js';
export { idempotencyKeyOf, type BureauOperation } from './idempotency-key.js';
export { circuitBreaker, type CircuitBreaker, type CircuitBreakerOptions, type CircuitState } from './circuit-breaker.js';
export { BureauCallError, type BureauCallErrorCode } from './errors.js';
export type { BureauLogEntry, BureauLogger } from './log.js';
export { startBureauSimulator, type BureauSimulator, type BureauSimulatorOptions, type BureauSimulatorStats, type SimulatedRefusal } from './simulator/server.js';
export { SIMULATOR_FAULTS, type SimulatorFault, type SimulatorFaults } from './simulator/faults.js';
export type { SimulatedRegistration } from './simulator/holdings.js';
