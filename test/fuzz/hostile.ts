import fc from 'fast-check';

/** How many runs each property makes: small in `npm test`, more under `npm run fuzz` (FUZZ_RUNS). */
export const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 25);
/** A fixed seed in `npm test` (reproducible); `npm run fuzz` may set FUZZ_SEED to explore. */
export const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 12_012);
/** No single call may take longer than this (a hang guard with a margin wide enough for a loaded CI machine, not a speed test; `npm run fuzz` may tighten it). */
export const CALL_BUDGET_MS = Number(process.env.FUZZ_CALL_BUDGET_MS ?? 15_000);

function cyclic(): Record<string, unknown> {
  const o: Record<string, unknown> = { cents: 100, id: 'x' };
  o.self = o;
  return o;
}

/** An object with an own `__proto__` key, as `JSON.parse` makes one. */
const protoKey = (): unknown => JSON.parse('{"__proto__": {"cents": 1, "polluted": true}, "cents": 1}');

/** Values that break naive code: NaN, ±Infinity, -0, bigint, cycles, 1 MB strings, `__proto__` keys, edge dates and amounts. */
export const hostile: fc.Arbitrary<unknown> = fc.oneof(
  fc.anything({ withBigInt: true, withNullPrototype: true, withBoxedValues: true, withMap: true, withSet: true, withDate: true, withSparseArray: true, withTypedArray: true, maxDepth: 3 }),
  fc.constantFrom<unknown>(Number.NaN, Infinity, -Infinity, -0, 0, 2 ** 53, -(2 ** 53), Number.MAX_VALUE, Number.MIN_VALUE, 10n, -(2n ** 80n), null, undefined),
  fc.constantFrom<unknown>('9999-12-31', '1000-01-01', '0000-00-00', '2026-02-29', '2026-1-5', '', ' ', 'NaN', '1e308', '-0', '12,34', '1.000.000,00', '99999999999999999999.99', '\u0000', '__proto__', 'constructor'),
  fc.constantFrom<unknown>({ cents: 100.5 }, { cents: 10n }, { cents: Number.MAX_SAFE_INTEGER }, { cents: -1 }, { cents: '100' }),
  fc.constant(null).map(() => cyclic()),
  fc.constant(null).map(() => protoKey()),
  fc.constant(null).map(() => 'x'.repeat(1_000_000)),
  fc.constant(null).map(() => `-${' '.repeat(100_000)}x`),
  fc.constant(null).map(() => Array.from({ length: 10_000 }, () => ({}))),
);

/** A copy of `value` with one field, at some depth, replaced by `replacement` (or a key added). */
export function mutate(value: unknown, replacement: unknown, pick: number): unknown {
  if (typeof value !== 'object' || value === null) return replacement;
  const entries = Object.entries(value);
  if (entries.length === 0 || pick % 11 === 10) {
    // An unknown extra field (commands are strict), sometimes named __proto__.
    const copy: Record<string, unknown> = Array.isArray(value) ? ([...value] as unknown as Record<string, unknown>) : { ...value };
    Object.defineProperty(copy, pick % 2 === 0 ? '__proto__' : 'extraField', { value: replacement, enumerable: true, writable: true, configurable: true });
    return copy;
  }
  const [key, child] = entries[pick % entries.length] ?? ['', undefined];
  const copy: Record<string, unknown> = Array.isArray(value) ? ([...value] as unknown as Record<string, unknown>) : { ...value };
  copy[key] = pick % 3 === 0 ? replacement : mutate(child, replacement, Math.floor(pick / 3));
  return copy;
}

/** Inputs for one subject: pure junk, or a valid input with one field mutated. */
export function inputsFor(valid: unknown): fc.Arbitrary<unknown> {
  return fc.oneof({ weight: 1, arbitrary: hostile }, { weight: 4, arbitrary: fc.tuple(hostile, fc.nat()).map(([junk, pick]) => mutate(valid, junk, pick)) });
}

/** What a public function may answer: a Result (ok or a typed error), or a promise of one; anything else, or a throw, is a defect. */
export function checkAnswer(name: string, answer: unknown): void {
  const result = answer as { isOk?: () => boolean; isErr?: () => boolean; error?: { code?: unknown; message?: unknown } };
  if (typeof result?.isErr !== 'function') return;
  if (result.isErr()) {
    if (typeof result.error?.code !== 'string' || typeof result.error.message !== 'string') throw new Error(`${name}: an error without a string code and message`);
    if (result.error.message.length > 5_000) throw new Error(`${name}: an error message of ${result.error.message.length} characters (echoed input is capped)`);
  }
}
