/**
 * The ports: small interfaces the application layer talks to and hosts (or the
 * bundled adapters) implement. One concept each; see the files under `ports/`.
 * @module ports
 */
export * from './records.js';
export * from './store.js';
export * from './negativation-due.js';
export * from './registrations.js';
export * from './share.js';
export { negativationUpdateWakes } from './negativation-wake.js';
export * from './services.js';
export type { Clock } from '../calendar/index.js';
