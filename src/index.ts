/**
 * cobranca: debt collection for Brazil, exact to the centavo.
 *
 * The root entry re-exports the shared kernel (money, calendar, documents,
 * errors); the domain modules also have their own subpaths
 * (`cobranca/agreements`, `cobranca/negativation`, `cobranca/ruler`).
 * @module cobranca
 */
export { type CobrancaError, type ErrorPath, type InputIssue, type KernelErrorCode, type InputOf, type DeepReadonly, formatPath, checkInput } from './errors.js';
export * from './money/index.js';
export * from './calendar/index.js';
export * from './documents/index.js';
export * from './ports/index.js';
export * from './app/index.js';
export * from './adapters/system/index.js';
