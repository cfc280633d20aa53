import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { err, ok, type Result } from 'neverthrow';
import { parse } from 'csv-parse/sync';
import { parseCivilDate, parseMoney, parseTaxId, fromCents, type CustomerRecord, type InvoiceRecord } from 'cobranca';
import { failureOf, type CliFailure } from './failure.js';
import { readJsonFile } from './input-file.js';

/** A host's portfolio read from a file: customers and their open invoices, checked field by field. */
export interface PortfolioFile {
  readonly customers: readonly CustomerRecord[];
  readonly invoices: readonly InvoiceRecord[];
}

/** One row: an invoice with its customer's fields (CSV columns, or the objects of a JSON array). */
interface Row {
  readonly [column: string]: unknown;
}

/** The columns a row may have; `customerId`, `name`, `taxId`, `invoiceId`, `amount` and `dueDate` are required. */
export const PORTFOLIO_COLUMNS = ['customerId', 'name', 'taxId', 'kind', 'branch', 'contract', 'email', 'phone', 'street', 'number', 'district', 'city', 'state', 'cep', 'invoiceId', 'amount', 'dueDate'] as const;

const text = (row: Row, column: string): string | undefined => {
  const value = row[column];
  return value === undefined || value === null || value === '' ? undefined : String(value);
};

function recordsOf(rows: readonly Row[], lineOf: (index: number, column?: string) => number | undefined, file: string): Result<PortfolioFile, CliFailure> {
  const customers = new Map<string, CustomerRecord>();
  const invoices: InvoiceRecord[] = [];
  for (const [index, row] of rows.entries()) {
    const fail = (column: string, message: string): Result<never, CliFailure> => {
      const line = lineOf(index, column);
      return err({ file, ...(line !== undefined ? { line } : {}), message: `${column}: ${message}`, exitCode: 1 });
    };
    const unknown = Object.keys(row).find((column) => !(PORTFOLIO_COLUMNS as readonly string[]).includes(column));
    if (unknown !== undefined) return fail(unknown, `unknown column (expected ${PORTFOLIO_COLUMNS.join(', ')})`);
    for (const column of ['customerId', 'name', 'taxId', 'invoiceId', 'amount', 'dueDate']) if (text(row, column) === undefined) return fail(column, 'required');
    const taxId = parseTaxId(text(row, 'taxId'));
    if (taxId.isErr()) return fail('taxId', `${failureOf(taxId.error).message}`);
    const amount = parseMoney(text(row, 'amount'));
    if (amount.isErr()) return fail('amount', failureOf(amount.error).message);
    const dueDate = parseCivilDate(text(row, 'dueDate') ?? '');
    if (dueDate.isErr()) return fail('dueDate', failureOf(dueDate.error).message);
    const kind = text(row, 'kind') ?? (taxId.value.kind === 'cnpj' ? 'company' : 'person');
    if (kind !== 'person' && kind !== 'company') return fail('kind', `expected 'person' or 'company', got '${kind}'`);
    const customerId = text(row, 'customerId') as string;
    const branchId = text(row, 'branch');
    const contractId = text(row, 'contract');
    if (!customers.has(customerId)) {
      const street = text(row, 'street');
      customers.set(customerId, {
        id: customerId, version: 1, name: text(row, 'name') as string, taxId: taxId.value.number, kind,
        ...(branchId !== undefined ? { branchId } : {}),
        ...(text(row, 'email') !== undefined ? { email: text(row, 'email') as string } : {}),
        ...(text(row, 'phone') !== undefined ? { phone: text(row, 'phone') as string } : {}),
        ...(street !== undefined ? { address: { street, number: text(row, 'number') ?? '', district: text(row, 'district') ?? '', city: text(row, 'city') ?? '', state: text(row, 'state') ?? '', cep: text(row, 'cep') ?? '' } } : {}),
      });
    }
    invoices.push({
      id: text(row, 'invoiceId') as string, version: 1, customerId, amount: amount.value, dueDate: dueDate.value, status: 'open', paid: fromCents(0),
      ...(branchId !== undefined ? { branchId } : {}), ...(contractId !== undefined ? { contractId } : {}),
    });
  }
  return ok({ customers: [...customers.values()], invoices });
}

/** Reads a portfolio from CSV (a header row, one invoice per row) or JSON (an array of the same rows); a bad field names its line. */
export function readPortfolioFile(file: string): Result<PortfolioFile, CliFailure> {
  if (extname(file).toLowerCase() === '.json') {
    const input = readJsonFile(file);
    if (input.isErr()) return err(input.error);
    if (!Array.isArray(input.value.value)) return err({ file, line: 1, message: 'expected an array of invoice rows', exitCode: 1 });
    return recordsOf(input.value.value as Row[], (index, column) => input.value.lineOf(column !== undefined ? [index, column] : [index]), file);
  }
  let rows: { record: Row; info: { lines: number } }[];
  try {
    rows = parse(readFileSync(file, 'utf8'), { columns: true, skip_empty_lines: true, trim: true, info: true, bom: true }) as { record: Row; info: { lines: number } }[];
  } catch (e) {
    const error = e as { code?: string; lines?: number; message?: string };
    return err({ file, ...(error.lines !== undefined ? { line: error.lines } : {}), message: error.code === 'ENOENT' ? 'cannot read the file (ENOENT)' : `not valid CSV (${error.message ?? 'error'})`, exitCode: 1 });
  }
  return recordsOf(rows.map((r) => r.record), (index) => rows[index]?.info.lines, file);
}
