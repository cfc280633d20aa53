import fc from 'fast-check';
import { Worker } from 'node:worker_threads';

/** How many runs each property makes: small in `npm test`, more under `npm run fuzz` (FUZZ_RUNS). */
export const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 25);
/** A fixed seed in `npm test` (reproducible); `npm run fuzz` may set FUZZ_SEED to explore. */
export const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 12_012);
/**
 * No single call may use more than this much CPU time (a hang guard, not a speed test). It counts
 * the process's CPU time (`process.cpuUsage`), not the wall clock, so a loaded machine, where a
 * call waits for a core, never fails it; `npm run fuzz` may tighten it.
 */
export const CALL_BUDGET_MS = Number(process.env.FUZZ_CALL_BUDGET_MS ?? 15_000);
/** The wall-clock timeout of a fuzz test: only a promise that never settles (no CPU used) meets it; loops are caught by the watchdog. */
export const FUZZ_TEST_TIMEOUT_MS = 30 * 60_000;

/** CPU time used by this process so far, in milliseconds (user + system, every thread). */
function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1_000;
}

/**
 * The watchdog: a worker thread that wakes twice a second and, when one call has used more than
 * twice the budget of CPU time without returning (an endless loop never returns, so the check
 * after the call never runs), prints the call and the seed to stderr and kills the test process,
 * which fails the run instead of hanging it. It reads the call from shared memory.
 */
const watchdogSource = `
const { workerData } = require('node:worker_threads');
const { writeSync } = require('node:fs');
const state = new Int32Array(workerData.state);
const label = new Uint8Array(workerData.label);
const limitUs = workerData.limitMs * 1000;
const cpu = () => { const u = process.cpuUsage(); return u.user + u.system; };
let seen = -1, since = 0;
for (;;) {
  Atomics.wait(state, 2, 0, 500);
  const call = Atomics.load(state, 0);
  if (Atomics.load(state, 1) === 0) { seen = -1; continue; }
  if (call !== seen) { seen = call; since = cpu(); continue; }
  if (cpu() - since > limitUs) {
    const end = label.indexOf(0);
    writeSync(2, '\\nfuzz watchdog: a call used more than ' + workerData.limitMs + ' ms of CPU without returning (a hang): ' + Buffer.from(label.subarray(0, end < 0 ? label.length : end)).toString() + '\\n');
    process.kill(process.pid, 'SIGKILL');
  }
}`;
const LABEL_BYTES = 1_024;
let watchdog: { readonly state: Int32Array; readonly label: Uint8Array; readonly worker: Worker } | undefined;

function watch(label: string): void {
  if (!watchdog) {
    const state = new Int32Array(new SharedArrayBuffer(12));
    const labelBuffer = new SharedArrayBuffer(LABEL_BYTES);
    const worker = new Worker(watchdogSource, { eval: true, workerData: { state: state.buffer, label: labelBuffer, limitMs: 2 * CALL_BUDGET_MS } });
    worker.unref();
    watchdog = { state, label: new Uint8Array(labelBuffer), worker };
  }
  const bytes = new TextEncoder().encode(label.slice(0, LABEL_BYTES / 4));
  watchdog.label.fill(0);
  watchdog.label.set(bytes.subarray(0, LABEL_BYTES - 1));
  Atomics.add(watchdog.state, 0, 1);
  Atomics.store(watchdog.state, 1, 1);
}

function unwatch(): void {
  if (watchdog) Atomics.store(watchdog.state, 1, 0);
}

/** Stops the watchdog thread (call in `afterAll` of a file that fuzzes). */
export async function stopWatchdog(): Promise<void> {
  const current = watchdog;
  watchdog = undefined;
  await current?.worker.terminate();
}

/** A short, safe view of an input for a report (a counterexample may be a 1 MB string or hold a cycle). */
export function preview(input: unknown): string {
  if (typeof input === 'string' && input.length > 120) return `a string of ${input.length} characters starting ${JSON.stringify(input.slice(0, 40))}`;
  try {
    const text = fc.stringify(input);
    return text.length > 300 ? `${text.slice(0, 300)}…` : text;
  } catch {
    return Object.prototype.toString.call(input);
  }
}

/**
 * Calls `call` under the hang guard: a throw is reported with `name`, a call that uses more than
 * {@link CALL_BUDGET_MS} of CPU time fails, and one that never returns is killed by the watchdog.
 * A promise is awaited under the same guard.
 */
export async function guarded(name: string, input: unknown, call: () => unknown): Promise<unknown> {
  watch(`${name} with ${preview(input)} (FUZZ_SEED=${FUZZ_SEED})`);
  const started = cpuMs();
  let answer: unknown;
  try {
    answer = call();
    if (answer instanceof Promise) answer = await answer;
  } catch (error) {
    throw new Error(`${name} threw: ${error instanceof Error ? `${error.name}: ${error.message.slice(0, 300)}` : String(error).slice(0, 300)}`);
  } finally {
    unwatch();
  }
  const used = cpuMs() - started;
  if (used > CALL_BUDGET_MS) throw new Error(`${name} used ${Math.round(used)} ms of CPU time (budget ${CALL_BUDGET_MS} ms)`);
  return answer;
}

/** The report of a failed property: the defect and a short view of the input, with the seed to replay it. */
export function failureReport(outcome: { readonly errorInstance: unknown; readonly counterexample: unknown; readonly seed: number; readonly counterexamplePath: string | null }): string {
  const error = outcome.errorInstance instanceof Error ? outcome.errorInstance.message : String(outcome.errorInstance);
  return `${error.slice(0, 600)}\ninput: ${preview(outcome.counterexample)}\nreplay: FUZZ_SEED=${outcome.seed} (path ${outcome.counterexamplePath ?? ''})`;
}

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

/** The junk every subject is also called with as its whole input, each value once (the random runs may miss one). */
export function topLevelJunk(): unknown[] {
  return [undefined, null, Number.NaN, -0, Infinity, 10n, Symbol('junk'), '', '9999-12-31', 'x'.repeat(1_000_000), [], {}, cyclic(), protoKey(), Object.create(null), new Date(Number.NaN), () => 1];
}

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
