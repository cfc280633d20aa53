/**
 * The application layer: the collections use cases over the ports (the only place with I/O).
 * @module app
 */
export { createCollections, type Collections, type CollectionsOptions } from './collections.js';
export { type PolicyOptions, policyOptionsSchema } from './policies.js';
export { type EffectHandler, type OutboxPass } from './outbox.js';
export { type DailyCycleReport } from './cycle/run-daily-cycle.js';
export { type PaymentOutcome } from './payments/record-payment.js';
export { type NegotiationOutcome } from './agreements/negotiate.js';
export { type AppErrorCode } from './errors.js';
export { CYCLE_ACTOR } from './cycle/apply-action.js';
