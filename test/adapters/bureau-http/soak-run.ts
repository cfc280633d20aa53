import { cpfCheckDigits } from '../../../src/documents/index.js';
import { BureauCallError, createHttpBureauGateway, startBureauSimulator, type SimulatorFaults } from '../../../src/adapters/bureau-http/index.js';
import { civilDate } from '../../../src/calendar/index.js';
import { brl } from '../../../src/money/index.js';
import type { BureauRegistration } from '../../../src/ports/index.js';

/** Options of {@link runBureauSoak}. */
export interface SoakOptions {
  readonly count: number;
  /** Registrations in flight at once. */
  readonly concurrency: number;
  /** Share of requests the simulator faults (spread over every fault kind). */
  readonly faultRate: number;
  /** `Retry-After` the simulator sends with 429 and 503. */
  readonly retryAfterSeconds: number;
  /** Per-attempt timeout of the gateway (a `timeout` fault stalls past it). */
  readonly timeoutMs: number;
  readonly seed?: number;
}

/** What a soak run saw. */
export interface SoakResult {
  readonly count: number;
  readonly seconds: number;
  readonly outcomes: Readonly<Record<'accepted' | 'pending' | 'rejected' | 'retryable' | 'not retryable', number>>;
  readonly attempts: number;
  readonly retries: number;
  readonly shortCircuited: number;
  readonly latencyMs: { readonly p50: number; readonly p99: number; readonly max: number };
  /** Negativation ids the simulator holds more than once (must be 0). */
  readonly heldTwice: number;
  /** Registrations the simulator refused as duplicates of one it holds (must be 0). */
  readonly duplicateRefusals: number;
  readonly faultsInjected: Readonly<Record<string, number>>;
  readonly idempotentReplays: number;
}

function registration(i: number): BureauRegistration {
  const base = String(100_000_000 + i).slice(-9);
  const cpf = base + cpfCheckDigits(base);
  return {
    key: `soak-effect-${i}`,
    negativationId: `soak-${i}`,
    bureau: 'serasa',
    debtor: { taxId: cpf, kind: 'cpf', name: `Devedor ${i}`, address: { street: 'Rua A', number: String(i), city: 'São Paulo', state: 'SP', cep: '01001000' } },
    creditor: { taxId: '11222333000181', name: 'Provedor Internet Ltda' },
    title: `T-${i}`,
    amount: brl('150.00'),
    dueDate: civilDate('2026-10-01'),
  };
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

/**
 * Sends `count` registrations through the HTTP gateway to the simulator on
 * 127.0.0.1 while it faults `faultRate` of the requests (timeouts, 500, 503
 * and 429 with Retry-After, dropped connections before and after processing,
 * malformed bodies), and reports what came out of it.
 */
export async function runBureauSoak(options: SoakOptions): Promise<SoakResult> {
  const share = options.faultRate / 7;
  const faults: SimulatorFaults = {
    rates: { timeout: share, status500: share, status503: share, status429: share, drop: share, dropAfter: share, malformed: share },
    retryAfterSeconds: options.retryAfterSeconds,
    stallMs: options.timeoutMs * 2,
    rejectRate: 0.005,
    rejectCodes: ['CPF_IRREGULAR', 'ENDERECO_INCOMPLETO'],
  };
  const sim = await startBureauSimulator({ webhookSecret: 'soak', faults, seed: options.seed ?? 42 });
  try {
    const gateway = createHttpBureauGateway({ baseUrl: sim.url, timeoutMs: options.timeoutMs, retry: { limit: 4, baseDelayMs: 5, maxDelayMs: 200, maxRetryAfterMs: 5_000 }, breaker: { failureThreshold: 50, cooldownMs: 250 } })._unsafeUnwrap();
    const outcomes = { accepted: 0, pending: 0, rejected: 0, retryable: 0, 'not retryable': 0 };
    const latencies: number[] = [];
    let next = 0;
    const started = performance.now();
    const worker = async () => {
      while (next < options.count) {
        const i = next++;
        const t0 = performance.now();
        try {
          outcomes[(await gateway.register(registration(i))).outcome]++;
        } catch (error) {
          outcomes[error instanceof BureauCallError && error.retryable ? 'retryable' : 'not retryable']++;
        }
        latencies.push(performance.now() - t0);
      }
    };
    await Promise.all(Array.from({ length: options.concurrency }, worker));
    const seconds = (performance.now() - started) / 1000;
    latencies.sort((a, b) => a - b);
    const held = new Map<string, number>();
    for (const r of sim.all()) held.set(r.externalId, (held.get(r.externalId) ?? 0) + 1);
    const stats = gateway.stats();
    return {
      count: options.count,
      seconds,
      outcomes,
      attempts: stats.attempts,
      retries: stats.retries,
      shortCircuited: stats.shortCircuited,
      latencyMs: { p50: percentile(latencies, 50), p99: percentile(latencies, 99), max: latencies.at(-1) ?? 0 },
      heldTwice: [...held.values()].filter((n) => n > 1).length,
      duplicateRefusals: sim.stats.duplicateRefusals,
      faultsInjected: { ...sim.stats.faults },
      idempotentReplays: sim.stats.idempotentReplays,
    };
  } finally {
    await sim.close();
  }
}

/** The figures of a run, one per line. */
export function formatSoak(result: SoakResult): string {
  const f = (n: number) => n.toFixed(1);
  return [
    `registrations      ${result.count.toLocaleString('en-US')} in ${result.seconds.toFixed(1)} s`,
    `outcomes           ${Object.entries(result.outcomes).map(([k, v]) => `${k} ${v}`).join(', ')}`,
    `attempts           ${result.attempts.toLocaleString('en-US')} (retries ${result.retries.toLocaleString('en-US')}, short-circuited ${result.shortCircuited})`,
    `faults injected    ${Object.entries(result.faultsInjected).map(([k, v]) => `${k} ${v}`).join(', ')}`,
    `idempotent replays ${result.idempotentReplays}`,
    `latency per call   p50 ${f(result.latencyMs.p50)} ms, p99 ${f(result.latencyMs.p99)} ms, max ${f(result.latencyMs.max)} ms`,
    `held twice         ${result.heldTwice} (duplicate refusals ${result.duplicateRefusals})`,
  ].join('\n');
}
