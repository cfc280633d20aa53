import { ok, type Result } from 'neverthrow';
import type { CivilDate } from '../calendar/index.js';
import { fail } from '../errors.js';
import type { Money } from '../money/index.js';
import type { BankReturnError, LineProblemCode } from './errors.js';
import { fieldDate, fieldMoney, fieldText } from './fields.js';
import { CNAB240_LAYOUTS, CNAB400_LAYOUTS, SUPPORTED_BANKS, isSupportedBank, type BankCode, type Cnab240Layout, type Cnab400Layout, type FieldSpec } from './layouts.js';

/** A payment read from a return file: a liquidation occurrence of one title. */
export interface ReturnPayment {
  /** The line it was read from (1-based; for CNAB 240 the segment T's). */
  readonly line: number;
  /** A stable identity of this payment in any file of this bank: bank, our number, document number, occurrence, day and amount. */
  readonly key: string;
  readonly occurrence: string;
  readonly occurrenceLabel: string;
  /** The creditor's own reference (uso da empresa), trimmed; empty when the bank returned none. */
  readonly companyUse: string;
  readonly documentNumber: string;
  readonly ourNumber: string;
  readonly amountPaid: Money;
  readonly paidOn: CivilDate;
  /** The day the bank credits the creditor; the payment day when the line gives none (`creditDateMissing`). */
  readonly fundsAvailableOn: CivilDate;
  readonly creditDateMissing: boolean;
}

/** A detail that is not a payment (entry confirmed, write-off, fee …): read and skipped. */
export interface IgnoredOccurrence {
  readonly line: number;
  readonly occurrence: string;
}

/** A line that could not be read, with why; nothing of it is used. */
export interface LineProblem {
  readonly line: number;
  readonly code: LineProblemCode;
  readonly reason: string;
}

/** A return file, read. */
export interface ReturnFile {
  readonly format: 240 | 400;
  readonly bank: BankCode;
  readonly bankName: string;
  /** `cnab400:237` … */
  readonly layout: string;
  readonly payments: readonly ReturnPayment[];
  readonly ignored: readonly IgnoredOccurrence[];
  readonly problems: readonly LineProblem[];
}

interface Collected {
  readonly payments: ReturnPayment[];
  readonly ignored: IgnoredOccurrence[];
  readonly problems: LineProblem[];
}

const at = (field: FieldSpec) => `positions ${field.from}-${field.to}`;

/**
 * Reads a bank's return file (arquivo retorno de cobrança), CNAB 240 or CNAB
 * 400, of Banco do Brasil, Santander, Caixa, Bradesco, Itaú or Sicoob (the
 * header names the bank). Returns the liquidations as payments with their
 * payment and credit (funds-available) days; other occurrences are listed as
 * ignored; a line that cannot be read is reported with its number and reason
 * and the rest of the file is read. A file that is not a supported return at
 * all is an error (`invalid_input`, `unsupported_layout`). Reasons never quote
 * the line (it carries the payer's name and document).
 *
 * @example
 * ```ts
 * import { CNAB400_LAYOUTS, readReturnFile, type FieldSpec } from 'cobranca/bank-returns';
 * import { formatBrl } from 'cobranca/money';
 *
 * // A Bradesco (237) CNAB 400 return with one liquidation, built field by field.
 * const line = (): string[] => Array.from({ length: 400 }, () => ' ');
 * const put = (row: string[], from: number, to: number, text: string) => {
 *   for (let i = 0; i <= to - from; i++) row[from - 1 + i] = text[i] ?? ' ';
 * };
 * const field = (row: string[], spec: FieldSpec, text: string) => put(row, spec.from, spec.to, text);
 * const { fields } = CNAB400_LAYOUTS['237'];
 * const header = line();
 * put(header, 1, 11, '02RETORNO01');
 * put(header, 77, 94, '237BRADESCO');
 * const detail = line();
 * put(detail, 1, 1, '1');
 * field(detail, fields.companyUse, 'fatura-1042');
 * field(detail, fields.ourNumber, '00000001042');
 * field(detail, fields.occurrence, '06'); // liquidação normal
 * field(detail, fields.occurredOn, '231126'); // paid on 23/11/2026
 * field(detail, fields.documentNumber, 'NF1042');
 * field(detail, fields.amountPaid, '0000000037352'); // R$ 373,52
 * field(detail, fields.creditOn, '241126'); // credited on 24/11/2026
 * const trailer = line();
 * put(trailer, 1, 7, '9201237');
 * const file = [header, detail, trailer].map((row) => row.join('')).join('\r\n');
 *
 * readReturnFile(file).match(
 *   ({ bankName, payments, problems }) => {
 *     const [paid] = payments;
 *     console.log(bankName, payments.length, problems.length); // → Bradesco 1 0
 *     if (paid) console.log(paid.companyUse, formatBrl(paid.amountPaid), paid.paidOn, paid.fundsAvailableOn); // → fatura-1042 R$ 373,52 2026-11-23 2026-11-24
 *   },
 *   (error) => console.error(error.code, error.message),
 * );
 * ```
 */
export function readReturnFile(text: string): Result<ReturnFile, BankReturnError> {
  if (typeof text !== 'string') return fail('invalid_input', `expected the file's text, got ${text === null ? 'null' : typeof text}`, { path: ['file'] });
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  while (lines.length > 0 && lines.at(-1)?.trim() === '') lines.pop();
  const header = lines[0];
  if (header === undefined || header.trim() === '') return fail('invalid_input', 'the file is empty', { path: ['file'] });
  const format = header.length === 400 ? 400 : header.length === 240 ? 240 : undefined;
  if (format === undefined) return fail('unsupported_layout', `the header is ${header.length} characters long: neither CNAB 240 nor CNAB 400`, { path: ['file'], details: { line: 1 } });
  const bank = format === 400 ? header.slice(76, 79) : header.slice(0, 3);
  const isHeader = format === 400 ? header[0] === '0' && header[1] === '2' : header[7] === '0';
  if (!isHeader) return fail('unsupported_layout', `line 1 is not the header of a ${format === 400 ? 'return (type 0, operation 2)' : 'file (record type 0)'}`, { path: ['file'], details: { line: 1 } });
  if (!isSupportedBank(bank)) return fail('unsupported_layout', `bank ${bank} is not supported (supported: ${Object.keys(SUPPORTED_BANKS).join(', ')})`, { path: ['file'], details: { bank } });
  const collected: Collected = { payments: [], ignored: [], problems: [] };
  if (format === 400) read400(lines, CNAB400_LAYOUTS[bank], collected);
  else read240(lines, CNAB240_LAYOUTS[bank], collected);
  return ok({ format, bank, bankName: SUPPORTED_BANKS[bank], layout: `cnab${format}:${bank}`, ...collected });
}

function read400(lines: readonly string[], layout: Cnab400Layout, out: Collected): void {
  for (let index = 1; index < lines.length; index++) {
    const line = lines[index] ?? '';
    const number = index + 1;
    if (line.length !== 400) {
      out.problems.push({ line: number, code: 'wrong_length', reason: `a CNAB 400 line has 400 characters; this one has ${line.length}` });
      continue;
    }
    const type = line[0] ?? '';
    if (type === '9') continue;
    if (!layout.detailTypes.includes(type)) {
      out.problems.push({ line: number, code: 'unexpected_record', reason: `record type '${type}' is not a detail (${layout.detailTypes.join(' or ')}) nor the trailer (9)` });
      continue;
    }
    const payment = paymentOf(line, number, layout.bank, layout.fields, line, layout.settlementCodes, out);
    if (payment) out.payments.push(payment);
  }
}

function read240(lines: readonly string[], layout: Cnab240Layout, out: Collected): void {
  for (let index = 1; index < lines.length; index++) {
    const line = lines[index] ?? '';
    const number = index + 1;
    if (line.length !== 240) {
      out.problems.push({ line: number, code: 'wrong_length', reason: `a CNAB 240 line has 240 characters; this one has ${line.length}` });
      continue;
    }
    const type = line[7];
    if (type !== '3') continue; // headers and trailers of batches and file
    const segment = line[13];
    if (segment === 'U') {
      out.problems.push({ line: number, code: 'missing_segment', reason: 'a segment U without the segment T before it' });
      continue;
    }
    if (segment !== 'T') continue; // other segments (Y, W …) carry nothing this reader needs
    const next = lines[index + 1] ?? '';
    if (next.length !== 240 || next[7] !== '3' || next[13] !== 'U') {
      out.problems.push({ line: number, code: 'missing_segment', reason: 'a segment T must be followed by its segment U (amounts and dates)' });
      continue;
    }
    index++;
    const payment = paymentOf(line, number, layout.bank, { ...layout.segmentT, ...layout.segmentU }, next, layout.settlementCodes, out, number + 1);
    if (payment) out.payments.push(payment);
  }
}

/** Reads the payment of a detail (`t` holds identity and occurrence, `u` the amounts and dates; the same line in CNAB 400). */
function paymentOf(
  t: string,
  line: number,
  bank: BankCode,
  fields: Cnab400Layout['fields'],
  u: string,
  settlementCodes: Readonly<Record<string, string>>,
  out: Collected,
  uLine = line,
): ReturnPayment | undefined {
  const occurrence = fieldText(t, fields.occurrence);
  const label = settlementCodes[occurrence];
  if (label === undefined) {
    out.ignored.push({ line, occurrence });
    return undefined;
  }
  const problem = (code: LineProblemCode, reason: string, where = line) => void out.problems.push({ line: where, code, reason });
  const amountPaid = fieldMoney(u, fields.amountPaid);
  if (amountPaid === undefined || amountPaid.cents === 0) return problem('bad_amount', `the amount paid (${at(fields.amountPaid)}) is ${amountPaid === undefined ? 'not digits' : 'zero'}`, uLine);
  const paidOn = fieldDate(u, fields.occurredOn);
  if (!paidOn) return problem('bad_date', `the payment date (${at(fields.occurredOn)}) is ${paidOn === null ? 'not a calendar date' : 'missing'}`, uLine);
  const creditOn = fieldDate(u, fields.creditOn);
  if (creditOn === null) return problem('bad_date', `the credit date (${at(fields.creditOn)}) is not a calendar date`, uLine);
  if (creditOn !== undefined && creditOn < paidOn) return problem('bad_date', `the credit date ${creditOn} is before the payment date ${paidOn}`, uLine);
  const companyUse = fieldText(t, fields.companyUse).trim();
  const documentNumber = fieldText(t, fields.documentNumber).trim();
  const ourNumber = fieldText(t, fields.ourNumber).trim();
  if (companyUse === '' && documentNumber === '' && ourNumber === '') return problem('no_reference', 'the title has no reference (company use, document number or our number are blank)');
  return {
    line,
    key: [bank, ourNumber, documentNumber, occurrence, paidOn, amountPaid.cents].join(':'),
    occurrence,
    occurrenceLabel: label,
    companyUse,
    documentNumber,
    ourNumber,
    amountPaid,
    paidOn,
    fundsAvailableOn: creditOn ?? paidOn,
    creditDateMissing: creditOn === undefined,
  };
}
