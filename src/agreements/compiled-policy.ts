import type { BusinessCalendar } from '../calendar/index.js';
import { compileLateChargesPolicy, isPolicyHandle, type LateChargesCalculator } from './late-charges-calculator.js';
import { lateChargesPolicySchema } from './late-charges-policy.js';
import { isDeeplyFrozen } from './deep-frozen.js';

interface CachedCompilation {
  /** The policy as JSON when it was compiled, or `undefined` for a deeply frozen policy (it cannot change). */
  readonly fingerprint: string | undefined;
  readonly calendar: BusinessCalendar;
  readonly calculator: LateChargesCalculator;
}

/** Plain policy objects compiled before, by identity. */
const compiled = new WeakMap<object, CachedCompilation>();

/**
 * The compiled form of a policy a host passes per call, without parsing and compiling it
 * again on every call: a handle is used as it is; a deeply frozen plain object is compiled
 * once and reused by identity (it cannot change); any other plain object is reused while it
 * is the same object with the same contents (its JSON is compared, so a policy the host
 * mutates between calls is compiled again, never served stale). Returns `undefined` when the
 * policy does not parse: the caller's schema then reports the error with its path.
 */
export function compiledPolicyOf(policy: unknown, calendar: BusinessCalendar): LateChargesCalculator | undefined {
  if (isPolicyHandle(policy)) return policy;
  if (typeof policy !== 'object' || policy === null) return undefined;
  const cached = compiled.get(policy);
  if (cached !== undefined && cached.calendar === calendar) {
    if (cached.fingerprint === undefined) return cached.calculator;
    if (fingerprintOf(policy) === cached.fingerprint) return cached.calculator;
  }
  const fingerprint = isDeeplyFrozen(policy) ? undefined : fingerprintOf(policy);
  if (fingerprint === null) return undefined; // cyclic or bigint: the schema reports it
  const parsed = lateChargesPolicySchema.safeParse(policy);
  if (!parsed.success) return undefined;
  const calculator = compileLateChargesPolicy(parsed.data, calendar);
  compiled.set(policy, { fingerprint, calendar, calculator });
  return calculator;
}

/** The policy as JSON, or `null` when it has none (cyclic, a bigint). */
function fingerprintOf(policy: object): string | null {
  try {
    return (JSON.stringify(policy) as string | undefined) ?? null;
  } catch {
    return null;
  }
}
