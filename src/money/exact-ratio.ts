import type { RoundingMode } from './rounding.js';

const MAX_SAFE = Number.MAX_SAFE_INTEGER;

/**
 * `round(a × b / d)` for integers, exact, with a named rounding mode: the
 * hot-path replacement for a decimal.js `times(...).div(...)` with the
 * division done last. Doubles are used while `a × b` stays a safe integer;
 * beyond that the same sum is done in BigInt. `d` must be a positive integer.
 */
export function mulDivRound(a: number, b: number, d: number, mode: RoundingMode): number {
  const n = a * b;
  if (n >= 0 && n + d <= MAX_SAFE) {
    let q = Math.floor(n / d);
    let r = n - q * d;
    if (r < 0) {
      q -= 1;
      r += d;
    } else if (r >= d) {
      q += 1;
      r -= d;
    }
    return roundQuotient(q, r, d, mode);
  }
  return bigMulDivRound(BigInt(a) * BigInt(b), BigInt(d), mode);
}

function roundQuotient(q: number, r: number, d: number, mode: RoundingMode): number {
  if (r === 0) return q;
  switch (mode) {
    case 'down':
      return q;
    case 'up':
      return q + 1;
    case 'half_up':
      return 2 * r >= d ? q + 1 : q;
    case 'half_even':
      return 2 * r > d || (2 * r === d && q % 2 === 1) ? q + 1 : q;
  }
}

/** `round(n / den)` for BigInts (`den` positive), with a named rounding mode; the result as a number. */
export function bigMulDivRound(n: bigint, den: bigint, mode: RoundingMode): number {
  const negative = n < 0n;
  const magnitude = negative ? -n : n;
  let q = magnitude / den;
  const r = magnitude % den;
  if (r !== 0n) {
    const twice = 2n * r;
    if (mode === 'up' || (mode === 'half_up' && twice >= den) || (mode === 'half_even' && (twice > den || (twice === den && q % 2n === 1n)))) q += 1n;
  }
  return Number(negative ? -q : q);
}
