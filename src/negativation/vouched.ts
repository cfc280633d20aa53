import type { Negativation } from './negativation.js';

/*
 * The negativations this module built and froze carry a mark only this module can
 * write or read: `transition` skips `looksLikeNegativation` for them. A host cannot
 * mark an object, and a vouched record cannot change: it is frozen, and so is every part the check
 * reads (title, amounts, notices, payments, settlement, removal, failure); the
 * history, which the check only counts, is counted again. Hosts' plain objects
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
  static set(value: object): void {
    new Mark(value);
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
 * Freezes a record this module built, and every part of it the check reads that is not `previous`'s (already
 * frozen), then remembers it. `previous`: the vouched record it was built from (absent: a new negativation).
 */
export function vouch(n: Negativation, previous?: Negativation): Negativation {
  if (previous === undefined || n.title !== previous.title) freezeTitle(n.title);
  if (previous === undefined || n.outstanding !== previous.outstanding) Object.freeze(n.outstanding);
  if (previous === undefined || n.notices !== previous.notices) freezeList(n.notices);
  if (previous === undefined || n.payments !== previous.payments) {
    freezeList(n.payments);
    for (let i = 0; i < n.payments.length; i++) Object.freeze(n.payments[i]?.amount);
  }
  if (n.settlement !== undefined && n.settlement !== previous?.settlement) Object.freeze(n.settlement);
  if (n.removal !== undefined && n.removal !== previous?.removal) Object.freeze(n.removal);
  if (n.failure !== undefined && n.failure !== previous?.failure) Object.freeze(n.failure);
  Mark.set(n); // before freezing: a frozen object may not take a private field in later engines
  Object.freeze(n);
  return n;
}

function freezeTitle(title: Negativation['title']): void {
  Object.freeze(title.amount);
  Object.freeze(title);
}

function freezeList(list: readonly object[]): void {
  for (let i = 0; i < list.length; i++) Object.freeze(list[i]);
  Object.freeze(list);
}
