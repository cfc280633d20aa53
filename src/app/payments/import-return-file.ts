import { err, ok, type Result } from 'neverthrow';
import * as z from 'zod';
import { readReturnFile, type LineProblem, type ReturnPayment } from '../../bank-returns/index.js';
import { parseInput, type InputOf } from '../../errors.js';
import type { InvoiceRecord } from '../../ports/index.js';
import { toAppError } from '../command.js';
import type { AppContext } from '../dependencies.js';
import { recordPayment, type PaymentOutcome } from './record-payment.js';
import type { CollectionsError } from '../errors.js';

/** The actor every payment of a return file is recorded as (so the same line read by anyone is the same command). */
const BANK_RETURN_ACTOR = 'system:bank-return';

/** Input of {@link importReturnFile}. */
export const importReturnFileSchema = z
  .object({
    /** The return file's text (CNAB 240 or 400). */
    file: z.string().min(1),
    /** Who imports it (kept in the report; the payments are recorded as {@link BANK_RETURN_ACTOR}). */
    actor: z.string().min(1).max(200),
  })
  .strict();

/** One line of a return file that became a payment (or was a replay of one). */
export interface ImportedPayment {
  readonly line: number;
  readonly invoiceId: string;
  readonly paymentId: string;
  readonly settled: boolean;
}

/** What {@link importReturnFile} did with a file. */
export interface ReturnFileImport {
  readonly layout: string;
  readonly payments: readonly ImportedPayment[];
  /** Details that are not payments (entry confirmed, write-off …). */
  readonly ignored: readonly { readonly line: number; readonly occurrence: string }[];
  /** Lines not recorded, with their number and why (unreadable, no matching invoice, invoice not open …). */
  readonly problems: readonly (LineProblem | { readonly line: number; readonly code: string; readonly reason: string })[];
}

/**
 * Reads a bank return file and records each liquidation with `recordPayment`
 * (paid day, funds-available day from the bank's credit date), idempotent per
 * payment: the key is the line's identity (bank, our number, document number,
 * occurrence, day, amount), so a file read twice, or a line the bank sends
 * again, changes nothing. The invoice is the one whose id the bank echoes in
 * the company-use field, else the document number. A line that cannot be read
 * or recorded is reported with its number and reason; the rest is recorded.
 * @example
 * ```ts
 * import { brazilianCalendar, createCollections } from 'cobranca';
 * import { MemoryStore } from 'cobranca/adapters/memory';
 * import { fakeBureau, manualClock, recordingNotifier, sequentialIds, staticRates } from 'cobranca/testing';
 *
 * const clock = manualClock('2026-11-24T10:00:00-03:00');
 * const built = createCollections({
 *   store: new MemoryStore(), bureau: fakeBureau(), notifier: recordingNotifier(), rates: staticRates(), ids: sequentialIds(),
 *   clock, calendar: brazilianCalendar({ state: 'SP' }),
 *   creditor: { id: 'acme', name: 'ACME Telecom Ltda', document: '11.222.333/0001-81' },
 *   ruler: { id: 'padrao', steps: [{ id: 'atraso', offsetDays: 1, action: { kind: 'notify', channel: 'email', template: 'atraso' } }] },
 * });
 * if (built.isErr()) throw new Error(built.error.message);
 * const app = built.value;
 * await app.upsertCustomers({ idempotencyKey: 'crm-1', actor: 'crm', customers: [{ id: 'c-1', name: 'Maria Souza', taxId: '529.982.247-25', kind: 'person', email: 'maria.souza@exemplo.com.br',
 *   address: { street: 'Rua das Flores', number: '100', district: 'Centro', city: 'São Paulo', state: 'SP', cep: '01001-000' } }] });
 * await app.upsertInvoices({ idempotencyKey: 'erp-1', actor: 'erp', invoices: [{ id: 'inv-1', customerId: 'c-1', amount: '373.52', dueDate: '2026-10-13' }] });
 * // The text of a CNAB 240 or 400 return file from the bank (here one that is neither).
 * const report = await app.importReturnFile({ actor: 'tesouraria', file: 'RETORNO COBRANCA\n' });
 * report.match(
 *   (read) => console.log(read),
 *   (error) => console.log(error.code, error.path?.join('.')),
 * );
 * // → unsupported_layout file
 * ```
 */
export function importReturnFile(context: AppContext) {
  const record = recordPayment(context);
  return async (input: InputOf<typeof importReturnFileSchema>): Promise<Result<ReturnFileImport, CollectionsError>> => {
    const parsed = parseInput(importReturnFileSchema, input);
    if (parsed.isErr()) return err(parsed.error);
    const file = readReturnFile(parsed.value.file);
    if (file.isErr()) return err(file.error);
    const payments: ImportedPayment[] = [];
    const problems: ReturnFileImport['problems'][number][] = [...file.value.problems];
    try {
      for (const payment of file.value.payments) {
        const invoice = await invoiceOf(context, payment);
        if (!invoice) {
          problems.push({ line: payment.line, code: 'not_found', reason: 'no invoice matches the company-use field or the document number' });
          continue;
        }
        const outcome = await record({
          idempotencyKey: `bank-return:${payment.key}`,
          actor: BANK_RETURN_ACTOR,
          invoiceId: invoice.id,
          amount: payment.amountPaid,
          paidOn: payment.paidOn,
          fundsAvailableOn: payment.fundsAvailableOn,
          method: `${file.value.layout}:${payment.occurrence}`,
        });
        if (outcome.isErr()) problems.push({ line: payment.line, code: outcome.error.code, reason: outcome.error.message });
        else payments.push(imported(payment, outcome.value));
      }
    } catch (error) {
      return err(toAppError(error));
    }
    problems.sort((a, b) => a.line - b.line);
    return ok({ layout: file.value.layout, payments, ignored: file.value.ignored, problems });
  };
}

async function invoiceOf(context: AppContext, payment: ReturnPayment): Promise<InvoiceRecord | undefined> {
  return context.store.transaction(async (tx) => {
    for (const reference of [payment.companyUse, payment.documentNumber]) {
      if (reference === '') continue;
      const invoice = await tx.invoices.get(reference);
      if (invoice) return invoice;
    }
    return undefined;
  });
}

function imported(payment: ReturnPayment, outcome: PaymentOutcome): ImportedPayment {
  return { line: payment.line, invoiceId: outcome.invoice.id, paymentId: outcome.payment.id, settled: outcome.settled };
}
