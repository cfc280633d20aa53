/** The most objects {@link isDeeplyFrozen} visits before it answers "no" (a policy holds a few dozen). */
const MAX_VISITED = 10_000;

/**
 * Whether `value` is plain data that can never change: a frozen plain object or array whose
 * properties are all data (no getters, which could answer differently on each read), whose
 * prototype is `Object.prototype`, `Array.prototype` or `null` (nothing inherited from a mutable
 * prototype), and whose object values are deeply frozen too. Freezing cannot be undone, so once
 * true it stays true: a cache keyed by identity may then trust the object's contents.
 */
export function isDeeplyFrozen(value: object): boolean {
  const seen = new Set<object>();
  const visit = (node: object): boolean => {
    if (seen.has(node)) return true;
    if (seen.size >= MAX_VISITED || !Object.isFrozen(node)) return false;
    seen.add(node);
    const proto: unknown = Object.getPrototypeOf(node);
    if (proto !== null && proto !== Object.prototype && !(Array.isArray(node) && proto === Array.prototype)) return false;
    for (const key of Reflect.ownKeys(node)) {
      const descriptor = Reflect.getOwnPropertyDescriptor(node, key);
      if (descriptor === undefined || !('value' in descriptor)) return false;
      const inner: unknown = descriptor.value;
      if (typeof inner === 'function') return false;
      if (typeof inner === 'object' && inner !== null && !visit(inner)) return false;
    }
    return true;
  };
  return visit(value);
}
