import type { CobrancaError } from '../errors.js';

/**
 * Error codes of the portfolio module.
 * - `invalid_input`: an input failed its schema (the path names the field).
 */
export type PortfolioErrorCode = 'invalid_input';

/** An error returned by the portfolio module. */
export type PortfolioError = CobrancaError<PortfolioErrorCode>;
