/** Small statistics for benchmark samples. */

/** Median, minimum and maximum of a non-empty list. */
export interface Spread {
  readonly median: number;
  readonly min: number;
  readonly max: number;
}

/** The spread of `values` (the median of an even count is the mean of the middle two). */
export function spreadOf(values: readonly number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
  return { median, min: sorted[0] ?? 0, max: sorted[sorted.length - 1] ?? 0 };
}

/** 1234567 → "1.23M", 45678 → "45.7k". */
export function formatRate(perSecond: number): string {
  if (perSecond >= 1e6) return `${(perSecond / 1e6).toFixed(2)}M`;
  if (perSecond >= 1e3) return `${(perSecond / 1e3).toFixed(1)}k`;
  return perSecond.toFixed(1);
}

/** "1.23M/s (1.10M–1.31M)". */
export function formatSpread(spread: Spread, unit = '/s'): string {
  return `${formatRate(spread.median)}${unit} (${formatRate(spread.min)}–${formatRate(spread.max)})`;
}
