/**
 * Freezes plain data in place, deeply (plain objects and arrays; class instances
 * such as decimals are left as they are): a ruler or settings handle is then an
 * immutable value, so what is computed from it can be cached by its identity.
 */
export function freezePlainData<T>(value: T): T {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return value;
  const proto: unknown = Object.getPrototypeOf(value);
  if (!Array.isArray(value) && proto !== Object.prototype && proto !== null) return value;
  Object.freeze(value);
  for (const child of Object.values(value)) freezePlainData(child);
  return value;
}
