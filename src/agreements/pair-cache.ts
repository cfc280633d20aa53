/** A number key for a pair of epoch days (each within ±1,048,576 days of 1970). */
export function pairKey(from: number, to: number): number {
  return (from + 1_048_576) * 4_194_304 + (to + 1_048_576);
}

/** The most (due, as-of) pairs a per-policy cache keeps before it starts afresh. */
export const PAIR_CACHE_LIMIT = 200_000;

/** A memo of `compute(from, to)` by pair of epoch days, bounded by {@link PAIR_CACHE_LIMIT}. */
export function pairMemo<T>(compute: (from: number, to: number) => T): (from: number, to: number) => T {
  const cache = new Map<number, T>();
  return (from, to) => {
    const key = pairKey(from, to);
    let value = cache.get(key);
    if (value === undefined) {
      value = compute(from, to);
      if (cache.size >= PAIR_CACHE_LIMIT) cache.clear();
      cache.set(key, value);
    }
    return value;
  };
}
