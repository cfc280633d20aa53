import { CNAB240_LAYOUTS, CNAB400_LAYOUTS, SUPPORTED_BANKS, type BankCode, type FieldSpec } from '../../src/bank-returns/index.js';

/** A made-up title of a fixture (no real person or company). */
export interface FixtureTitle {
  readonly companyUse: string;
  readonly documentNumber: string;
  readonly ourNumber: string;
  /** `settled` uses the layout's first liquidation code; `entry` an "entry confirmed". */
  readonly kind: 'settled' | 'entry';
  readonly cents: number;
  readonly paidOn: string;
  readonly creditOn: string;
}

/** The titles every fixture carries: two liquidations (f-101 in full, f-102 in part) and one entry confirmation. */
export const FIXTURE_TITLES: readonly FixtureTitle[] = [
  { companyUse: 'f-101', documentNumber: 'NF101', ourNumber: '101', kind: 'settled', cents: 31_000, paidOn: '2026-11-23', creditOn: '2026-11-24' },
  { companyUse: 'f-102', documentNumber: 'NF102', ourNumber: '102', kind: 'settled', cents: 15_000, paidOn: '2026-11-23', creditOn: '2026-11-25' },
  { companyUse: 'f-103', documentNumber: 'NF103', ourNumber: '103', kind: 'entry', cents: 0, paidOn: '2026-11-23', creditOn: '2026-11-23' },
];

/** A made-up payer name, written where a bank puts it, to check no report quotes it. */
export const PAYER_NAME = 'FULANA DE TAL EXEMPLO';

function blank(length: number): string[] {
  return new Array<string>(length).fill(' ');
}
function put(line: string[], from: number, to: number, value: string, numeric = false): void {
  const width = to - from + 1;
  const text = numeric ? value.padStart(width, '0').slice(-width) : value.padEnd(width, ' ').slice(0, width);
  for (let i = 0; i < width; i++) line[from - 1 + i] = text[i] ?? ' ';
}
const field = (line: string[], spec: FieldSpec, value: string, numeric = false) => put(line, spec.from, spec.to, value, numeric);
/** Banks write plain ASCII upper case. */
const ascii = (text: string) => text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toUpperCase();
const ddmmyy = (date: string) => `${date.slice(8, 10)}${date.slice(5, 7)}${date.slice(2, 4)}`;
const ddmmyyyy = (date: string) => `${date.slice(8, 10)}${date.slice(5, 7)}${date.slice(0, 4)}`;

/** A CNAB 400 return of `bank` with {@link FIXTURE_TITLES}. */
export function cnab400Fixture(bank: BankCode, titles: readonly FixtureTitle[] = FIXTURE_TITLES): string {
  const layout = CNAB400_LAYOUTS[bank];
  const lines: string[] = [];
  const header = blank(400);
  put(header, 1, 11, '02RETORNO01');
  put(header, 12, 26, 'COBRANCA');
  put(header, 77, 79, bank);
  put(header, 80, 94, ascii(SUPPORTED_BANKS[bank]));
  put(header, 95, 100, ddmmyy('2026-11-24'));
  put(header, 395, 400, '1', true);
  lines.push(header.join(''));
  const settle = Object.keys(layout.settlementCodes)[0] ?? '06';
  const entry = bank === '104' ? '01' : '02';
  for (const title of titles) {
    const line = blank(400);
    put(line, 1, 1, layout.detailTypes[0] ?? '1');
    field(line, layout.fields.companyUse, title.companyUse);
    field(line, layout.fields.ourNumber, title.ourNumber, true);
    field(line, layout.fields.occurrence, title.kind === 'settled' ? settle : entry);
    field(line, layout.fields.occurredOn, ddmmyy(title.paidOn));
    field(line, layout.fields.documentNumber, title.documentNumber);
    field(line, layout.fields.amountPaid, String(title.cents), true);
    field(line, layout.fields.creditOn, ddmmyy(title.creditOn));
    if (bank === '341') put(line, 325, 354, PAYER_NAME);
    put(line, 395, 400, String(lines.length + 1), true);
    lines.push(line.join(''));
  }
  const trailer = blank(400);
  put(trailer, 1, 4, '9201');
  put(trailer, 5, 7, bank);
  put(trailer, 395, 400, String(lines.length + 1), true);
  lines.push(trailer.join(''));
  return `${lines.join('\r\n')}\r\n`;
}

/** A CNAB 240 return of `bank` with {@link FIXTURE_TITLES} (one batch; a segment T and a U per title). */
export function cnab240Fixture(bank: BankCode, titles: readonly FixtureTitle[] = FIXTURE_TITLES): string {
  const layout = CNAB240_LAYOUTS[bank];
  const record = (batch: string, type: string): string[] => {
    const line = blank(240);
    put(line, 1, 3, bank);
    put(line, 4, 7, batch);
    put(line, 8, 8, type);
    return line;
  };
  const lines: string[] = [];
  const header = record('0000', '0');
  put(header, 103, 132, ascii(SUPPORTED_BANKS[bank]));
  put(header, 143, 143, '2');
  put(header, 144, 151, ddmmyyyy('2026-11-24'));
  lines.push(header.join(''));
  const batchHeader = record('0001', '1');
  put(batchHeader, 9, 9, 'T');
  put(batchHeader, 10, 11, '01');
  lines.push(batchHeader.join(''));
  let sequence = 0;
  for (const title of titles) {
    const t = record('0001', '3');
    put(t, 9, 13, String(++sequence), true);
    put(t, 14, 14, 'T');
    field(t, layout.segmentT.occurrence, title.kind === 'settled' ? '06' : '02');
    field(t, layout.segmentT.ourNumber, title.ourNumber, true);
    field(t, layout.segmentT.documentNumber, title.documentNumber);
    field(t, layout.segmentT.companyUse, title.companyUse);
    put(t, 149, 188, PAYER_NAME);
    lines.push(t.join(''));
    const u = record('0001', '3');
    put(u, 9, 13, String(++sequence), true);
    put(u, 14, 14, 'U');
    put(u, 16, 17, title.kind === 'settled' ? '06' : '02');
    field(u, layout.segmentU.amountPaid, String(title.cents), true);
    field(u, layout.segmentU.occurredOn, ddmmyyyy(title.paidOn));
    field(u, layout.segmentU.creditOn, ddmmyyyy(title.creditOn));
    lines.push(u.join(''));
  }
  const batchTrailer = record('0001', '5');
  put(batchTrailer, 18, 23, String(sequence + 2), true);
  lines.push(batchTrailer.join(''));
  const trailer = record('9999', '9');
  put(trailer, 18, 23, '1', true);
  put(trailer, 24, 29, String(lines.length + 1), true);
  lines.push(trailer.join(''));
  return `${lines.join('\r\n')}\r\n`;
}
