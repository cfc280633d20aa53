/**
 * Bank return files (arquivos retorno de cobrança, CNAB 240 and CNAB 400) of
 * Banco do Brasil, Santander, Caixa, Bradesco, Itaú and Sicoob read into
 * payments with their funds-available dates. Pure: text in, data out. Field
 * positions come from the community layouts `@banco-br/cnab_yaml` (MIT).
 * @module bank-returns
 */
export { type BankReturnError, type BankReturnErrorCode, type LineProblemCode } from './errors.js';
export { SUPPORTED_BANKS, CNAB400_LAYOUTS, CNAB240_LAYOUTS, isSupportedBank, type BankCode, type FieldSpec, type PaymentFields, type Cnab400Layout, type Cnab240Layout, type ReturnLayout } from './layouts.js';
export { readReturnFile, type ReturnFile, type ReturnPayment, type IgnoredOccurrence, type LineProblem } from './read-return-file.js';
