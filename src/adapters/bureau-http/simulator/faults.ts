/** A fault the simulator can inject into one request. */
export type SimulatorFault =
  /** Processes the request, then replies only after `stallMs` (the client times out first). */
  | 'timeout'
  | 'status500'
  /** 503 with `Retry-After`. */
  | 'status503'
  /** 429 with `Retry-After`. */
  | 'status429'
  /** Drops the connection before processing. */
  | 'drop'
  /** Processes the request, then drops the connection before replying (only an idempotency key saves the retry from a duplicate). */
  | 'dropAfter'
  /** Processes the request, then replies 200 with a body that is not JSON. */
  | 'malformed';

/** Every fault kind, for reports. */
export const SIMULATOR_FAULTS: readonly SimulatorFault[] = ['timeout', 'status500', 'status503', 'status429', 'drop', 'dropAfter', 'malformed'];

/** Fault injection by configuration. Rates are probabilities per request (0..1) and add up to at most 1. */
export interface SimulatorFaults {
  /** Delay before every reply: a fixed number of ms or a range. */
  readonly latencyMs?: number | { readonly min: number; readonly max: number };
  readonly rates?: Partial<Readonly<Record<SimulatorFault, number>>>;
  /** `Retry-After` seconds sent with 429 and 503 (default 1). */
  readonly retryAfterSeconds?: number;
  /** How long a `timeout` fault holds the reply, in ms (default 30,000; ends early when the client gives up). */
  readonly stallMs?: number;
  /** The bureau is down: every request is answered with this fault. */
  readonly down?: SimulatorFault | false;
  /** Rate of registrations refused with a reason code (422), and the codes to pick from. */
  readonly rejectRate?: number;
  readonly rejectCodes?: readonly string[];
  /** Rate at which a callback is delivered twice. */
  readonly duplicateCallbacks?: number;
  /** Deliver pending callbacks newest first. */
  readonly outOfOrderCallbacks?: boolean;
}

/** A small seeded PRNG (mulberry32): the same seed gives the same faults. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Picks the fault of one request: the scripted queue first, then "down", then a roll against the rates. */
export function pickFault(faults: SimulatorFaults, script: SimulatorFault[], random: () => number): SimulatorFault | undefined {
  const scripted = script.shift();
  if (scripted) return scripted;
  if (faults.down) return faults.down;
  const roll = random();
  let edge = 0;
  for (const kind of SIMULATOR_FAULTS) {
    edge += faults.rates?.[kind] ?? 0;
    if (roll < edge) return kind;
  }
  return undefined;
}

/** The latency of one reply in ms. */
export function latencyOf(faults: SimulatorFaults, random: () => number): number {
  const latency = faults.latencyMs;
  if (latency === undefined) return 0;
  if (typeof latency === 'number') return latency;
  return latency.min + Math.floor(random() * (latency.max - latency.min + 1));
}
