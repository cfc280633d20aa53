import type { StoreTransaction } from '../ports/index.js';

/**
 * The store's transaction `tx` with some of its members replaced by `members` (views that buffer, count or stamp
 * what goes through them); every other member is `tx`'s own.
 *
 * A plain object (the stores of this package) is copied with `Object.assign`, not `{ ...tx, … }`: on Node 20 a
 * spread of an unfrozen object followed by more fields takes V8's slow path (microseconds a call). A host's
 * transaction of its own class keeps its members on its prototype, as getters or methods that may read private
 * fields: copying own properties would lose them, so it is wrapped instead, each member read from `tx` itself.
 */
export function transactionWith(tx: StoreTransaction, members: Partial<StoreTransaction>): StoreTransaction {
  const proto: unknown = Object.getPrototypeOf(tx);
  if (proto === Object.prototype || proto === null) return Object.assign({}, tx, members);
  return new Proxy(tx, {
    get: (target, key) => {
      if (Object.hasOwn(members, key)) return (members as Record<PropertyKey, unknown>)[key];
      const value: unknown = Reflect.get(target, key, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
    has: (target, key) => Object.hasOwn(members, key) || Reflect.has(target, key),
  });
}
