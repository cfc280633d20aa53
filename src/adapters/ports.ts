/**
 * The ports: small interfaces the application layer talks to and hosts (or the
 * bundled adapters) implement. One concept each; see the files under `ports/`.
 * @module adapters/ports
 */
export * from './ports/records.js';
export * from './ports/store.js';
export * from './ports/services.js';
export type { Clock } from '../calendar/index.js';
