import type { BusinessCalendar } from '../calendar/index.js';
import { compileLateChargesPolicy, isPolicyHandle, type LateChargesCalculator } from './late-charges-calculator.js';
import { lateChargesPolicySchema } from './late-charges-policy.js';

interface CachedCompilation {
  /** The policy as JSON when it was compiled: the same object with the same contents compiles the same. */
  readonly fingerprint: string;
  readonly calendar: BusinessCalendar;
  readonly calculator: LateChargesCalculator;
}

/** Plain policy objects compiled before, by identity. */
const compiled = new WeakMap<object, CachedCompilation>();

/**
 * The compiled form of a policy a host passes per call, without parsing and compiling it
 * again on every call: a handle is used as it is; a plain object is compiled once and reused
 * while it is the same object with the same contents (its JSON is compared, so a policy the
 * host mutates between calls is compiled again, never served stale). Returns `undefined`
 * when the policy does not parse: the caller's schema then reports the error with its path.
 */
export function compiledPolicyOf(policy: unknown, calendar: BusinessCalendar): LateChargesCalculator | undefined {
  if (isPolicyHandle(policy)) return policy;
  if (typeof policy !== 'object' || policy === null) return undefined;
  let fingerprint: string;
  try {
    fingerprint = JSON.stringify(policy);
  } catch {
    return undefined; // cyclic or bigint: the schema reports it
  }
  const cached = compiled.get(policy);
  if (cached !== undefined && cached.calendar === calendar && cached.fingerprint === fingerprint) return cached.calculator;
  const parsed = lateChargesPolicySchema.safeParse(policy);
  if (!parsed.success) return undefined;
  const calculator = compileLateChargesPolicy(parsed.data, calendar);
  compiled.set(policy, { fingerprint, calendar, calculator });
  return calculator;
}
