import type { CobrancaError } from '../errors.js';

/**
 * Error codes of the bank-return reader (a whole file that cannot be read;
 * a bad line is reported in the result, not as an error):
 * - `invalid_input`: not text, or empty;
 * - `unsupported_layout`: neither CNAB 240 nor CNAB 400, not a return file, or a bank not supported.
 */
export type BankReturnErrorCode = 'invalid_input' | 'unsupported_layout';

/** Every error the reader returns. */
export type BankReturnError = CobrancaError<BankReturnErrorCode>;

/** Why a line was not read (it is reported with its number; the rest of the file is processed). */
export type LineProblemCode = 'wrong_length' | 'bad_amount' | 'bad_date' | 'missing_segment' | 'unexpected_record' | 'no_reference';
