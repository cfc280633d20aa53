/**
 * Production implementations of the small ports: the system clock read in
 * America/Sao_Paulo, random-UUID ids, and a rate source over the host's table.
 * (The test doubles — `manualClock`, `sequentialIds`, `staticRates` — are in
 * `cobranca/testing`.)
 * @module adapters/system
 */
export { systemClock, type SystemClock } from './clock.js';
export { randomIds } from './ids.js';
export { tableRates, rateTableSchema, type RateTableInput } from './table-rates.js';
