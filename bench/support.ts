/** Shared helpers for the benchmarks: measure a loop, print rates. Figures only, never assertions. */

/** One measured figure. */
export interface Measurement {
  readonly name: string;
  readonly operations: number;
  readonly seconds: number;
  readonly perSecond: number;
}

/**
 * Runs `run` (which performs `operations` operations) once to warm up, then
 * `rounds` times, and keeps the fastest round (the least disturbed by a noisy machine).
 */
export function measure(name: string, operations: number, run: () => void, rounds = 5): Measurement {
  run();
  let best = Infinity;
  for (let i = 0; i < rounds; i++) {
    const start = process.hrtime.bigint();
    run();
    best = Math.min(best, Number(process.hrtime.bigint() - start) / 1e9);
  }
  return { name, operations, seconds: best, perSecond: operations / best };
}

/** Prints measurements as an aligned table. */
export function printTable(rows: readonly Measurement[]): void {
  const width = Math.max(...rows.map((r) => r.name.length));
  for (const r of rows) {
    console.log(`${r.name.padEnd(width)}  ${formatRate(r.perSecond).padStart(14)} /s  (${r.operations.toLocaleString('en-US')} in ${(r.seconds * 1000).toFixed(1)} ms)`);
  }
}

/** 1234567 → "1,234,567". */
export function formatRate(perSecond: number): string {
  return Math.round(perSecond).toLocaleString('en-US');
}

/** Resident set size in MB, now. */
export function rssMb(): number {
  return process.memoryUsage().rss / 1024 / 1024;
}
