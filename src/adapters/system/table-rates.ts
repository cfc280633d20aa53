import * as z from 'zod';
import type { Result } from 'neverthrow';
import { parseInput, type CobrancaError, type InputOf } from '../../errors.js';
import type { MonthlyValue, RateSource } from '../../ports/index.js';

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected a month YYYY-MM');
const percent = z.string().regex(/^-?\d{1,3}(\.\d{1,10})?$/, "expected a percent as decimal text, e.g. '0.45'");
const series = z.record(month, percent);

/** The table {@link tableRates} serves: percent per month (`{ '2026-03': '0.52' }`), for the legal rate and for each index. */
export const rateTableSchema = z.strictObject({
  /** The monthly legal interest rate (Selic − IPCA, CC art. 406), percent per month. */
  legalInterest: series.default({}),
  /** Monthly variations of correction indexes by name (`ipca`, `igpm`, `inpc` …), percent per month. */
  indexes: z.record(z.string().trim().min(1).max(50), series).default({}),
});

/** The input of {@link tableRates}. */
export type RateTableInput = InputOf<typeof rateTableSchema>;

function inRange(table: Readonly<Record<string, string>>, from: string, to: string): MonthlyValue[] {
  const [first, last] = [from.slice(0, 7), to.slice(0, 7)];
  return Object.keys(table).filter((m) => m >= first && m <= last).sort().map((m) => ({ month: m, percent: table[m] ?? '0' }));
}

/**
 * A production {@link RateSource} over a table the host keeps (published
 * figures it loads from its own database or a file): it serves the months of
 * `[from, to]` the table has. A month the table lacks is left out, so the
 * late-charges calculation that needs it fails with `rate_missing` /
 * `index_missing` naming that month (never a silent zero). A bad table is
 * `invalid_input` with the path of the bad month or percent. An index is
 * found by its name, ignoring case (`IPCA` reads `ipca`).
 * @example
 * ```ts
 * import { civilDate, tableRates } from 'cobranca';
 *
 * // Your table of the legal interest rate (Selic − IPCA, Lei 14.905/2024) and of IPCA, by month, in percent.
 * const rates = tableRates({ legalInterest: { '2026-10': '0.51', '2026-11': '0.48' }, indexes: { ipca: { '2026-10': '0.26', '2026-11': '0.18' } } });
 * if (rates.isErr()) throw new Error(rates.error.message);
 * const months = await rates.value.legalInterestRates(civilDate('2026-10-15'), civilDate('2026-11-10'));
 * console.log(months.map((m) => `${m.month} ${String(m.percent)}`));
 * // → [ '2026-10 0.51', '2026-11 0.48' ]
 * ```
 */
export function tableRates(input: RateTableInput): Result<RateSource, CobrancaError<'invalid_input'>> {
  return parseInput(rateTableSchema, input).map((table) => ({
    legalInterestRates: (from, to) => Promise.resolve(inRange(table.legalInterest, from, to)),
    indexSeries: (index, from, to) => Promise.resolve(inRange(table.indexes[index] ?? Object.entries(table.indexes).find(([name]) => name.toLowerCase() === index.toLowerCase())?.[1] ?? {}, from, to)),
  }));
}
