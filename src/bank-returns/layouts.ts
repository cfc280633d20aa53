/**
 * Where the fields of a payment sit in the return files of each supported
 * bank. Positions are 1-based and inclusive, as the banks' manuals write them;
 * `source` names the field in the community layouts (`@banco-br/cnab_yaml`,
 * MIT) they were taken from, and a test checks every position against them.
 */

/** One field of a fixed-width record. */
export interface FieldSpec {
  readonly from: number;
  readonly to: number;
  /** The field's name in the community YAML layout (bank file, else the generic one). */
  readonly source: string;
}

/** The fields this library reads from a return detail. */
export interface PaymentFields {
  /** The creditor's own reference (uso da empresa / controle do participante): the host's invoice id when it sent one. */
  readonly companyUse: FieldSpec;
  /** The occurrence (movement) code: liquidation, entry confirmed, write-off … */
  readonly occurrence: FieldSpec;
  /** The document number (seu número). */
  readonly documentNumber: FieldSpec;
  /** The bank's number for the title (nosso número). */
  readonly ourNumber: FieldSpec;
  readonly amountPaid: FieldSpec;
  /** The day it was paid. */
  readonly occurredOn: FieldSpec;
  /** The day the money is credited to the creditor: funds available (REsp 1.424.792). */
  readonly creditOn: FieldSpec;
}

/** The banks whose returns are read: Banco do Brasil, Santander, Caixa, Bradesco, Itaú, Sicoob. */
export const SUPPORTED_BANKS = { '001': 'Banco do Brasil', '033': 'Santander', '104': 'Caixa Econômica Federal', '237': 'Bradesco', '341': 'Itaú', '756': 'Sicoob' } as const;

/** A bank's three-digit code (COMPE). */
export type BankCode = keyof typeof SUPPORTED_BANKS;

/** A CNAB 400 return layout: one detail record per title. */
export interface Cnab400Layout {
  readonly format: 400;
  readonly bank: BankCode;
  /** The record type(s) of a detail (position 1); Banco do Brasil's 7-digit agreements use `7`. */
  readonly detailTypes: readonly string[];
  readonly fields: PaymentFields;
  /** Occurrence codes that mean the title was paid, with the bank's label. */
  readonly settlementCodes: Readonly<Record<string, string>>;
}

/**
 * A CNAB 240 return layout (FEBRABAN): each title is a segment T (identity,
 * occurrence) followed by its segment U (amounts, dates).
 */
export interface Cnab240Layout {
  readonly format: 240;
  readonly bank: BankCode;
  readonly segmentT: Pick<PaymentFields, 'companyUse' | 'occurrence' | 'documentNumber' | 'ourNumber'>;
  readonly segmentU: Pick<PaymentFields, 'amountPaid' | 'occurredOn' | 'creditOn'>;
  readonly settlementCodes: Readonly<Record<string, string>>;
}

/** A supported layout. */
export type ReturnLayout = Cnab400Layout | Cnab240Layout;

const f = (from: number, to: number, source: string): FieldSpec => ({ from, to, source });

/** The generic CNAB 400 return detail (Caixa and Itaú's manuals). */
const GENERIC_400: PaymentFields = {
  companyUse: f(38, 62, 'uso_da_empresa'),
  occurrence: f(109, 110, 'codigo_de_ocorrencia'),
  occurredOn: f(111, 116, 'data_de_ocorrencia'),
  documentNumber: f(117, 126, 'numero_do_documento'),
  ourNumber: f(63, 70, 'nosso_numero'),
  amountPaid: f(254, 266, 'valor_principal'),
  creditOn: f(296, 301, 'data_credito'),
};

const layout400 = (bank: BankCode, fields: Partial<PaymentFields>, settlementCodes: Record<string, string>, detailTypes: readonly string[] = ['1']): Cnab400Layout => ({
  format: 400,
  bank,
  detailTypes,
  fields: { ...GENERIC_400, ...fields },
  settlementCodes,
});

/** CNAB 400 return layouts by bank. */
export const CNAB400_LAYOUTS: Readonly<Record<BankCode, Cnab400Layout>> = {
  '001': layout400(
    '001',
    { companyUse: f(39, 63, 'controle_participante'), ourNumber: f(64, 80, 'nosso_numero'), creditOn: f(176, 181, 'data_credito') },
    { '05': 'Liquidado sem registro', '06': 'Liquidação Normal', '07': 'Liquidação por Conta/Parcial', '08': 'Liquidação por Saldo', '15': 'Liquidação em Cartório' },
    ['7', '1'],
  ),
  '033': layout400(
    '033',
    { companyUse: f(38, 62, 'numero_controle'), occurrence: f(109, 110, 'codigo_ocorrencia'), occurredOn: f(111, 116, 'data_ocorrencia'), documentNumber: f(117, 126, 'seu_numero'), ourNumber: f(63, 70, 'nosso_numero'), creditOn: f(296, 301, 'data_credito') },
    { '06': 'Liquidação normal', '07': 'Liquidação por conta', '08': 'Liquidação por saldo' },
  ),
  '104': layout400('104', { ourNumber: f(63, 73, 'nosso_numero'), creditOn: f(294, 299, 'data_credito') }, { '21': 'Liquidação', '22': 'Liquidação em Cartório' }),
  '237': layout400('237', { ourNumber: f(71, 81, 'nosso_numero'), creditOn: f(296, 301, 'data_credito') }, { '06': 'Liquidação normal', '15': 'Liquidação em Cartório', '17': 'Liquidação após baixa ou Título não registrado' }),
  '341': layout400('341', { ourNumber: f(63, 70, 'nosso_numero'), creditOn: f(296, 301, 'data_credito') }, { '06': 'Liquidação normal', '07': 'Liquidação parcial', '08': 'Liquidação em cartório' }),
  '756': layout400(
    '756',
    { companyUse: f(38, 62, 'numero_controle_participante'), ourNumber: f(63, 73, 'nosso_numero'), occurrence: f(109, 110, 'comando_movimento'), occurredOn: f(111, 116, 'data_liquidacao'), documentNumber: f(117, 126, 'numero_documento'), amountPaid: f(254, 266, 'valor_recebido'), creditOn: f(176, 181, 'data_credito') },
    { '05': 'Liquidação sem registro', '06': 'Liquidação normal', '15': 'Liquidação em cartório' },
  ),
};

/** FEBRABAN's segment T and U (every bank's 240 return, except where a bank moved a field). */
const GENERIC_T: Cnab240Layout['segmentT'] = { occurrence: f(16, 17, 'codigo_movimento'), ourNumber: f(38, 57, 'nosso_numero'), documentNumber: f(59, 73, 'numero_documento'), companyUse: f(106, 130, 'uso_empresa') };
const GENERIC_U: Cnab240Layout['segmentU'] = { amountPaid: f(78, 92, 'valor_pago'), occurredOn: f(138, 145, 'data_ocorrencia'), creditOn: f(146, 153, 'data_credito') };
/** FEBRABAN's liquidation movement codes in a return. */
const SETTLEMENT_240 = { '06': 'Liquidação', '17': 'Liquidação após baixa ou liquidação de título não registrado' };

const layout240 = (bank: BankCode, t: Partial<Cnab240Layout['segmentT']> = {}): Cnab240Layout => ({ format: 240, bank, segmentT: { ...GENERIC_T, ...t }, segmentU: GENERIC_U, settlementCodes: SETTLEMENT_240 });

/** CNAB 240 return layouts by bank. */
export const CNAB240_LAYOUTS: Readonly<Record<BankCode, Cnab240Layout>> = {
  '001': layout240('001'),
  '033': layout240('033', { ourNumber: f(41, 53, 'nosso_numero'), documentNumber: f(55, 69, 'numero_documento'), companyUse: f(101, 125, 'uso_empresa') }),
  '104': layout240('104', { ourNumber: f(42, 56, 'nosso_numero'), documentNumber: f(59, 69, 'numero_documento') }),
  '237': layout240('237'),
  '341': layout240('341'),
  '756': layout240('756'),
};

/**
 * Whether a code is one of {@link SUPPORTED_BANKS}.
 * @example
 * ```ts
 * import { isSupportedBank } from 'cobranca/bank-returns';
 *
 * // The bank code in a return file's header: Itaú (341) is read, an unknown bank is not.
 * console.log(isSupportedBank('341'), isSupportedBank('999')); // → true false
 * ```
 */
export function isSupportedBank(code: string): code is BankCode {
  return Object.hasOwn(SUPPORTED_BANKS, code);
}
