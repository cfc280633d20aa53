import { maskTaxId } from '../../documents/index.js';

/** One line the gateway logs. Personal data is masked: documents as `***.456.789-**`, never names or addresses. */
export interface BureauLogEntry {
  readonly level: 'info' | 'warn' | 'error';
  readonly event: 'bureau_call' | 'bureau_retry' | 'bureau_failure' | 'bureau_circuit_open' | 'bureau_webhook_refused';
  readonly bureau: string;
  readonly operation?: string;
  readonly negativationId?: string;
  /** The debtor's document, masked. */
  readonly debtor?: string;
  readonly attempt?: number;
  readonly status?: number;
  readonly durationMs?: number;
  readonly error?: string;
}

/** Where log lines go (a host passes its logger; nothing is logged by default). */
export type BureauLogger = (entry: BureauLogEntry) => void;

/** The masked debtor document for a log line. */
export function maskedDebtor(taxId: string | undefined): { debtor?: string } {
  return taxId === undefined ? {} : { debtor: maskTaxId(taxId) };
}
