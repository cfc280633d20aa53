import Table from 'cli-table3';
import { isMoney, toDecimalString } from 'cobranca';

/** Where a command writes: standard output and standard error (replaced in tests). */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** Whether progress bars may be drawn (a terminal on standard error). */
  readonly interactive: boolean;
}

/** JSON for scripts: money as decimal strings (`"373.52"`), two-space indent. */
export function toJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (isMoney(v) ? toDecimalString(v) : v), 2);
}

/** A plain table (cli-table3) with a header row; numbers right-aligned. */
export function table(head: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  const t = new Table({ head: [...head], style: { head: [], border: [] }, colAligns: head.map((_, i) => (rows.some((r) => typeof r[i] === 'number') ? 'right' : 'left')) });
  for (const row of rows) t.push(row.map((cell) => (typeof cell === 'number' ? cell.toLocaleString('en-US') : cell)));
  return t.toString();
}
