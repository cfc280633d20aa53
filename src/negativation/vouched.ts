import type { Negativation } from './negativation.js';

/*
 * The negativations this module built and froze carry a mark only this module can
 * write or read: `transition` skips `looksLikeNegativation` for them. A host cannot
 * mark an object, and a vouched record cannot change: it is frozen all the way down
 * (every part the check reads: title, amounts, notices, payments, settlement, removal,
 * failure; and the rest); the history, which the check only counts, is counted again. Hosts' plain objects
 * (a record read back from a store, a copy) are never in it and get the full check.
 */
// eslint-disable-next-line @typescript-eslint/no-extraneous-class -- the base of Mark: its constructor is the whole point
class ReturnsItsArgument {
  constructor(value: object) {
    return value;
  }
}
/**
 * The mark: a private field written onto the record itself (a class whose base constructor returns its argument
 * lets `new` add a private field to any object). It is no property: `Object.keys`, `Reflect.ownKeys`, JSON,
 * `structuredClone` and deep equality do not see it, and only this module can ask for it. (A `WeakSet` did the same
 * at several times the cost: its `add` was most of a step's vouching, and the garbage collector's work doubled.)
 */
class Mark extends ReturnsItsArgument {
  readonly #vouched = true;
  /** Marks `value` and returns it (see {@link vouch}: its result must be used, or the bundler drops the call). */
  static set<T extends object>(value: T): T {
    return new Mark(value) as unknown as T;
  }
  static on(value: object): boolean {
    return #vouched in value;
  }
}

/** Whether `value` is a negativation this module built and froze, with its history still as long as its version. */
export function isVouched(value: unknown): value is Negativation {
  return typeof value === 'object' && value !== null && Mark.on(value) && (value as Negativation).history.length === (value as Negativation).version;
}

/**
 * Freezes a record this module built, all the way down (every part not `previous`'s, which is already frozen all
 * the way down), then remembers it. `previous`: the vouched record it was built from (absent: a new negativation).
 * Every part is one this module built (the request and event readers copy what they keep), so nothing of the
 * caller's is frozen. Frozen all the way down, the record is kept as it is by a store that freezes what it keeps
 * (the memory store): it is not copied on a write, and it stays vouched when read back.
 */
export function vouch(n: Negativation, previous?: Negativation): Negativation {
  const fields = n as unknown as Readonly<Record<string, unknown>>;
  const before = previous as unknown as Readonly<Record<string, unknown>> | undefined;
  for (const key in fields) {
    const part = fields[key];
    if (part !== null && typeof part === 'object' && (before === undefined || part !== before[key])) freezeDeep(part);
  }
  // Marked before freezing (a frozen object may not take a private field in later engines); the marked object (`n`
  // itself) is what is frozen and returned: a mark whose result is unused is dropped by the bundler as free of effects.
  return Object.freeze(Mark.set(n));
}

/** Freezes plain data in place, all the way down; a part already frozen is taken as frozen all the way down (what this module froze). */
function freezeDeep(value: object): void {
  if (Object.isFrozen(value)) return;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      if (item !== null && typeof item === 'object') freezeDeep(item);
    }
  } else {
    const fields = value as Readonly<Record<string, unknown>>;
    for (const key in fields) {
      const part = fields[key];
      if (part !== null && typeof part === 'object') freezeDeep(part);
    }
  }
  Object.freeze(value);
}
