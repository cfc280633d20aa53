import type { CobrancaError } from '../errors.js';

/**
 * Error codes of the portfolio module.
 * - `invalid_input`: an input failed its schema (the path names the field).
 * - `amount_out_of_range`: a panel or chart total passed ±2^53 − 1 centavos (src/money/limits.ts).
 */
export type PortfolioErrorCode = 'invalid_input' | 'amount_out_of_range';

/** An error returned by the portfolio module. */
export type PortfolioError = CobrancaError<PortfolioErrorCode>;
